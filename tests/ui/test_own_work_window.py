"""A commune's own work in the window: it types its radio, page, sessions, visitors and
rebuttals directly (no "Sửa tay", no locked "tổng —"), its thôn's total is said beside; its own
difficulties and proposals are its to write, its thôn's texts shown under them with their names."""

import pytest

from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.core.session import Session
from bachthong_desktop.ui.editors import ListEditor
from bachthong_desktop.ui.figures import FigureCountEditor

from ui_helpers import WindowOpener, editor_of, type_text

OWN = ("unit_radio_news", "unit_page_posts", "propaganda_sessions", "foreign_visitors",
       "rebuttal_turns", "rebuttal_accounts")


@pytest.fixture
def new_opener(qtbot, new_db_path):
    o = WindowOpener(qtbot, new_db_path)
    yield o
    o.close()


def _commune(path, thon: bool = False):
    session = Session(path)
    set_up_office(session.db, "02008")  # Xã Cẩm Giàng, Thái Nguyên
    if thon:
        unit = add_own_unit(session.db, "Thôn Nà Bản")
        session.store.set_many("2026-H1", unit.code, {"unit_radio_news": 40,
                                                      "unit_difficulties": "Thiếu loa"}, "office")
    session.close()


def _show_tab_of(window, qtbot, code):
    tab = next(t for t in window.section_tabs if code in t.codes)
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.built)
    return tab


def test_a_commune_without_units_types_its_own_counts(new_opener, new_db_path, qtbot):
    _commune(new_db_path)
    window = new_opener.open("2026-H1")
    for code in OWN:
        _show_tab_of(window, qtbot, code)
        editor = editor_of(window, code)
        assert isinstance(editor, FigureCountEditor) and editor.own
        assert not editor.toggle.isVisibleTo(window) and not editor.main.isReadOnly()
        assert "tổng" not in editor.info.text() and "SỬA TAY" not in editor.info.text()
    editor = editor_of(window, "unit_radio_news")
    type_text(editor.main, "156")
    window.saver.flush()
    assert window.session.store.get("2026-H1", "02008", "unit_radio_news") == 156
    assert window.state.figures["unit_radio_news"].value == 156


def test_beside_its_own_figure_the_thon_s_total(new_opener, new_db_path, qtbot):
    _commune(new_db_path, thon=True)
    window = new_opener.open("2026-H1")
    _show_tab_of(window, qtbot, "unit_radio_news")
    editor = editor_of(window, "unit_radio_news")
    assert editor.main.text() == "" and not editor.main.isReadOnly()
    assert "báo cáo thêm: 01 thôn" in editor.info.text().replace("1 thôn", "01 thôn")
    assert "tổng 40" in editor.info.text()
    assert "Thôn Nà Bản: 40" in editor.main.toolTip()


def test_its_own_difficulties_and_proposals_are_its_to_write(new_opener, new_db_path, qtbot):
    _commune(new_db_path, thon=True)
    window = new_opener.open("2026-H1")
    tab = _show_tab_of(window, qtbot, "limitations")
    for code in ("limitations", "proposals"):
        editor = editor_of(window, code)
        assert isinstance(editor, ListEditor) and not editor.main.isReadOnly()
        assert tab.rows[code].isVisibleTo(window)
    view = tab.rows["unit_difficulties"].view
    assert "[Thôn Nà Bản] Thiếu loa" in view.view.toPlainText()
    type_text(editor_of(window, "limitations").main, "Kinh phí ít")
    view.take_button.click()  # the thôn's text, with its source, taken into the commune's own
    window.saver.flush()
    assert window.session.store.get("2026-H1", "02008", "limitations") == [
        "Kinh phí ít", "Thôn Nà Bản: Thiếu loa"]
    assert not tab.rows["unit_proposals"].view.take_button.isEnabled()  # nothing to take
    type_text(editor_of(window, "proposals").main, "Cấp thêm loa")
    window.saver.flush()
    assert window.session.store.get("2026-H1", "02008", "proposals") == ["Cấp thêm loa"]


def test_the_2023_district_keeps_its_communes_totals(opener, qtbot):
    window = opener.open("2023-H1")
    _show_tab_of(window, qtbot, "unit_radio_news")
    editor = editor_of(window, "unit_radio_news")
    assert not editor.own and editor.toggle.isVisibleTo(window) and editor.main.isReadOnly()
    assert "Tổng của các xã báo cáo" in editor.info.text()
    tab = _show_tab_of(window, qtbot, "unit_proposals")
    assert not tab.rows["proposals"].isVisibleTo(window)  # the 2023 district had none
    assert not tab.rows["unit_proposals"].view.take_button.isVisibleTo(window)
    assert tab.rows["unit_difficulties"].view.take_button.isVisibleTo(window)
