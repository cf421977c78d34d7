"""The returns tab inside the window: it reads the window's one compiled report, and fits 1024×768."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from bachthong_desktop.core import aggregate, report_state, session as session_module
from bachthong_desktop.ui.main_window import FRAME_ALLOWANCE
from bachthong_desktop.ui.returns_tab import ReturnsTab

from ui_helpers import editor_of, filled_return, type_text


@pytest.fixture
def compiles(monkeypatch):
    """Every compile of a period's figures, wherever it is called from."""
    calls = []
    real = aggregate.compile_report

    def counted(store, period, office, units):
        calls.append(period)
        return real(store, period, office, units)
    for module in (aggregate, report_state, session_module):
        monkeypatch.setattr(module, "compile_report", counted)
    return calls


def _returns_tab(window) -> ReturnsTab:
    window.tabs.setCurrentWidget(window.returns_holder)
    QApplication.processEvents()
    tab = window.returns_tab
    assert isinstance(tab, ReturnsTab)
    return tab


def _choose(tab, code):
    tab.chart_choice.setCurrentIndex(tab.chart_choice.findData(code))
    tab.trace_choice.setCurrentIndex(tab.trace_choice.findData(code))


def test_an_import_compiles_the_period_once_and_the_tab_shows_that_state(demo_db, opener,
                                                                        compiles, tmp_path):
    window = opener.open()
    assert compiles == ["2022-H1", "2023-H1"]  # last year's figures, and the period once
    compiles.clear()
    tab = _returns_tab(window)
    _choose(tab, "rebuttal_turns")
    assert "1086" in tab.trace_total.text()
    assert compiles == []  # opening the tab compiled nothing: it got the window's state
    path = filled_return(window.session, tmp_path, "01975", rebuttal_turns=1065)  # was 65
    tab.import_paths([path])
    assert compiles == ["2023-H1"]
    assert tab.state is window.state
    assert "2086" in tab.trace_total.text()
    assert dict(tab.chart.bars)["Xã Vi Hương"] == 1065
    assert window.current("rebuttal_turns") == 2086  # the other tabs read the same state


def test_a_saved_edit_compiles_once_and_reaches_the_returns_tab(demo_db, opener, compiles):
    window = opener.open()
    tab = _returns_tab(window)
    _choose(tab, "rebuttal_turns")
    compiles.clear()
    before = tab.state
    editor = editor_of(window, "local_news")
    editor.main.clear()
    type_text(editor.main, "12")
    window.save_all()
    assert compiles == ["2023-H1"]
    assert tab.state is window.state and tab.state is not before
    assert tab.state.value("local_news") == 12

def test_another_period_reaches_the_returns_tab_with_its_state(demo_db, opener):
    window = opener.open()
    tab = _returns_tab(window)
    _choose(tab, "rebuttal_turns")
    window.load_period("2023-H2")
    assert tab.state.period.id == "2023-H2" and "0/14" in tab.heading.text()
    assert "chưa có" in tab.trace_total.text()
    assert all(value is None for _, value in tab.chart.bars)


def test_the_two_buttons_are_whole_at_1024_by_768(demo_db, opener, tmp_path):
    window = opener.open()
    window.resize(1024 - FRAME_ALLOWANCE[0], 768 - FRAME_ALLOWANCE[1])
    tab = _returns_tab(window)
    QApplication.processEvents()
    for button in (tab.import_button, tab.templates_button):
        assert button.width() >= button.sizeHint().width(), button.text()
        right = button.mapTo(tab, QPoint(button.width(), 0)).x()
        assert right <= tab.width(), button.text()
    tab.grab().save(str(tmp_path / "returns_1024.png"))


def test_a_unit_added_in_the_office_window_is_on_the_board_the_chart_and_the_log(demo_db,
                                                                                 opener):
    """The tab takes the units the window compiled: a unit added (Thông tin cơ quan, then the
    period shown again) is on the board at once, not after the next compile."""
    import datetime as dt

    from bachthong_desktop.core.office_setup import add_own_unit

    window = opener.open()
    tab = _returns_tab(window)
    assert tab.board_table.rowCount() == 14
    office = window.session.office_for(window.period)
    added = add_own_unit(window.session.db, "Thôn Nà Pài", dt.date(2020, 1, 1), target=office)
    window.load_period(window.period)  # what the office window does after a save
    board = [tab.board_table.item(row, 1).text() for row in range(tab.board_table.rowCount())]
    assert "Thôn Nà Pài" in board and len(board) == 15
    assert dict(tab.chart.bars)["Thôn Nà Pài"] is None  # on the chart: not reported yet
    assert added.code in {u.code for u in tab._units()}
