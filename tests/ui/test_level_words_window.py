"""The window names the units that report to the office by the office's own level."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from bachthong_desktop.core.definition import load_form
from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.core.units import office_for
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.session import Session
from bachthong_desktop.ui.dialogs import ModeDialog
from bachthong_desktop.ui.level_texts import LevelTexts
from bachthong_desktop.ui.main_window import returns_tab_title
from bachthong_desktop.ui.section_tab import field_label

from ui_helpers import WindowOpener

NEW_PERIOD = "2026-H1"


def _set_up(path, code, *own_units):
    session = Session(path)
    set_up_office(session.db, code)
    for name in own_units:
        add_own_unit(session.db, name, dt.date(2025, 7, 1))
    session.close()


@pytest.fixture
def new_opener(qtbot, new_db_path):
    o = WindowOpener(qtbot, new_db_path)
    yield o
    o.close()


def _returns_tab(window):
    window.tabs.setCurrentWidget(window.returns_holder)
    return window.returns_tab


def _tab_name(window):
    index = window.tabs.indexOf(window.returns_holder)
    listed = window.section_names.item(index).text()  # a long name takes two lines there
    return window.tabs.tabText(index), " ".join(listed.split())


def _texts(window):
    """Every text a user reads on buttons, labels and their tips in the window."""
    for tab in window.section_tabs:
        tab.ensure_built()
    _returns_tab(window)
    texts = [w.text() for w in window.findChildren(QAbstractButton)]
    texts += [w.text() for w in window.findChildren(QLabel)]
    texts += [w.toolTip() for w in window.findChildren(QAbstractButton)]
    texts += [window.returns_tab.summary.placeholderText()]
    return texts


def test_a_province_speaks_of_its_communes_and_wards(new_opener, new_db_path):
    _set_up(new_db_path, "19")
    window = new_opener.open(NEW_PERIOD)
    assert _tab_name(window) == ("Các xã, phường gửi báo cáo",) * 2
    tab = _returns_tab(window)
    assert tab.import_button.text() == "Nhập báo cáo của xã, phường…"
    assert tab.templates_button.text() == "Tạo mẫu báo cáo cho các xã, phường…"
    assert "hạn các xã, phường gửi" in tab.heading.text()
    assert "0/92</b> xã, phường" in tab.heading.text()
    texts = _texts(window)
    assert not [t for t in texts if "huyện" in t.lower() or "đơn vị báo cáo" in t]
    assert any("Tổng của các xã, phường báo cáo" in t for t in texts)


def test_a_commune_with_villages_speaks_of_its_villages(new_opener, new_db_path):
    _set_up(new_db_path, "01969", "Thôn Nà Pài", "Văn phòng HĐND - UBND")
    window = new_opener.open(NEW_PERIOD)
    assert _tab_name(window) == ("Các thôn, tổ dân phố, bộ phận gửi báo cáo",) * 2
    tab = _returns_tab(window)
    assert tab.import_button.text() == "Nhập báo cáo của thôn, tổ dân phố, bộ phận…"
    assert "0/2</b> thôn, tổ dân phố, bộ phận" in tab.heading.text()
    texts = _texts(window)
    named = [t for t in texts if "huyện" in t.lower() or "các xã" in t.lower()]
    assert named == []
    labels = [t for t in texts if "báo cáo gửi lên" in t]
    assert labels and all("các thôn, tổ dân phố, bộ phận báo cáo gửi lên" in t for t in labels)


def test_the_2023_district_still_speaks_of_its_communes(opener):
    window = opener.open("2023-H1")
    assert _tab_name(window) == ("Các xã gửi báo cáo",) * 2
    tab = _returns_tab(window)
    assert tab.import_button.text() == "Nhập báo cáo của xã…"
    assert tab.templates_button.text() == "Tạo mẫu báo cáo cho các xã…"
    assert "hạn các xã gửi" in tab.heading.text()


def test_the_tab_follows_the_office_of_the_period(opener, db_path):
    """One database: the district's 2023, its successor commune's 2026 with its villages."""
    _set_up(db_path, "01969", "Thôn Nà Pài")
    window = opener.open("2023-H1")
    tab = _returns_tab(window)
    assert _tab_name(window)[0] == "Các xã gửi báo cáo"
    assert window.load_period(NEW_PERIOD)
    assert _tab_name(window) == ("Các thôn, tổ dân phố, bộ phận gửi báo cáo",) * 2
    assert tab.import_button.text() == "Nhập báo cáo của thôn, tổ dân phố, bộ phận…"
    figure_labels = [t for t in _texts(window) if "báo cáo gửi lên" in t]
    assert figure_labels and all("các thôn, tổ dân phố, bộ phận" in t for t in figure_labels)
    assert window.load_period("2023-H1")
    assert _tab_name(window)[0] == "Các xã gửi báo cáo"
    assert tab.import_button.text() == "Nhập báo cáo của xã…"


def test_every_level_of_the_definition_names_its_units():
    form = load_form()
    db_words = {kind: LevelTexts.of(form, _Office(kind)) for kind in form.level_words}
    assert db_words["huyện"].returns_tab == "Các xã gửi báo cáo"
    assert db_words["tỉnh"].returns_tab == "Các xã, phường gửi báo cáo"
    assert db_words["thành phố"].returns_tab == "Các xã, phường gửi báo cáo"
    assert db_words["phường"].returns_tab == "Các tổ dân phố, bộ phận gửi báo cáo"
    assert all(w != LevelTexts() for w in db_words.values()), "no level falls back to đơn vị"
    assert returns_tab_title(form, None) == "Các đơn vị gửi báo cáo"


def test_the_mode_question_names_the_office_s_units(qtbot, demo_session):
    period = parse_period("2023-H1")
    office = office_for(demo_session.db, period)
    dialog = ModeDialog(office.name, [], texts=LevelTexts.of(demo_session.form, office))
    qtbot.addWidget(dialog)
    assert "(nhận báo cáo của các xã)" in dialog.office.text()
    assert "Lập báo cáo của một xã" in dialog.commune.text()
    field = next(f for f in demo_session.form.fields if f.aggregate == "gather_text")
    assert "các xã báo cáo gửi lên" in field_label(field, texts=LevelTexts.of(demo_session.form,
                                                                             office))


class _Office:
    def __init__(self, kind):
        self.kind, self.level_word = kind, kind


def test_the_longest_level_words_fit_a_1024_by_768_screen(new_opener, new_db_path):
    """A commune's "thôn, tổ dân phố, bộ phận": the buttons and every section still in sight."""
    from PySide6.QtWidgets import QApplication

    from bachthong_desktop.ui.main_window import FRAME_ALLOWANCE

    _set_up(new_db_path, "01969", "Tổ dân phố Nà Pài")
    window = new_opener.open(NEW_PERIOD)
    window.resize(1024 - FRAME_ALLOWANCE[0], 768 - FRAME_ALLOWANCE[1])
    tab = _returns_tab(window)
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= 1024 - FRAME_ALLOWANCE[0]
    for button in (tab.import_button, tab.templates_button):
        assert button.isVisible() and button.width() >= button.sizeHint().width(), button.text()
        assert button.mapTo(window, button.rect().topRight()).x() <= window.width()
    names = window.section_names
    seen = names.viewport().rect()
    for row in range(names.count()):
        assert seen.contains(names.visualItemRect(names.item(row))), names.item(row).text()
