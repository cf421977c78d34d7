"""A commune's units in the office window: Enter adds, a name taken is refused, one lacking its
marks is asked, rename and end are offered; each change reaches the open window's board, its
templates and its checks at once, without restarting."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.core.session import Session
from bachthong_desktop.core.units import reporting_units
from bachthong_desktop.ui.office_access import open_office_window
from bachthong_desktop.ui.office_dialog import OfficeDialog
from bachthong_desktop.ui.screenshots import save_small

from ui_helpers import WindowOpener, type_text, when_modal

PERIOD = "2026"
SHOTS = "/tmp/unitsui"


@pytest.fixture
def commune(qtbot, new_db_path):
    session = Session(new_db_path)
    set_up_office(session.db, "01969")
    add_own_unit(session.db, "Thôn Nà Pài", dt.date(2025, 7, 1))
    session.close()
    o = WindowOpener(qtbot, new_db_path)
    yield o
    o.close()


def _board(window):
    window.tabs.setCurrentWidget(window.returns_holder)
    tab = window.returns_tab
    names = [tab.board_table.item(r, 1).text() for r in range(tab.board_table.rowCount())]
    return tab.heading.text(), names


def _listed(dialog):
    return [dialog.own_units.item(r).text() for r in range(dialog.own_units.count())]


def test_enter_adds_and_the_open_window_follows_before_the_dialog_closes(qtbot, commune,
                                                                         tmp_path):
    window = commune.open(PERIOD)
    assert "0/1" in _board(window)[0]
    seen = {}

    def in_dialog(dialog):
        type_text(dialog.new_unit, "Thôn Nà Bản\n")
        seen["open after Enter"] = dialog.isVisible()
        type_text(dialog.new_unit, "Thôn Khuổi Lừa")
        dialog.add_unit.click()
        seen["listed"] = _listed(dialog)
        seen["board"] = _board(window)
        save_small(dialog, f"{SHOTS}/units-added.png")
        dialog.reject()  # "Đóng": the units are written already

    when_modal(OfficeDialog, in_dialog)
    open_office_window(window)
    assert seen["open after Enter"]
    assert seen["listed"] == ["01969-01  Thôn Nà Pài", "01969-02  Thôn Nà Bản",
                              "01969-03  Thôn Khuổi Lừa"]
    heading, names = seen["board"]
    assert "0/3" in heading and names == ["Thôn Nà Pài", "Thôn Nà Bản", "Thôn Khuổi Lừa"]
    assert len(window.returns_tab.write_templates(tmp_path)) == 3
    assert [u.code for u in window.state.units] == ["01969-01", "01969-02", "01969-03"]


def test_a_taken_name_is_refused_and_a_name_without_marks_is_asked(qtbot, commune, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    window = commune.open(PERIOD)
    dialog = OfficeDialog(window.session, PERIOD, parent=window)
    qtbot.addWidget(dialog)
    type_text(dialog.new_unit, "thôn  NÀ pài\n")
    assert told == ["Đã có “Thôn Nà Pài” (mã 01969-01) nên không thêm “thôn NÀ pài” lần nữa: "
                    "hãy đặt một tên khác, hoặc dùng đơn vị đã có."]
    assert dialog.new_unit.text() == "thôn  NÀ pài"  # kept, to correct

    asked = []
    dialog.new_unit.clear()
    when_modal(QMessageBox, lambda box: box.button(QMessageBox.No).click(), asked)
    type_text(dialog.new_unit, "thon na pai\n")
    assert "chỉ khác “Thôn Nà Pài” (mã 01969-01) ở chỗ thiếu dấu" in asked[0]
    assert len(reporting_units(window.session.db, "01969")) == 1

    dialog.new_unit.clear()
    type_text(dialog.new_unit, "Thôn Nà Pái\n")  # another tone mark: another thôn, not asked
    assert _listed(dialog)[-1] == "01969-02  Thôn Nà Pái"
    assert len(told) == 1


def test_rename_and_end_reach_the_board(qtbot, commune):
    window = commune.open(PERIOD)
    dialog = OfficeDialog(window.session, PERIOD, parent=window)
    qtbot.addWidget(dialog)
    dialog.units_changed.connect(window.refresh_units)
    type_text(dialog.new_unit, "Thôn Bản Cáu\n")
    assert dialog.own_units.currentRow() == 1 and dialog.units_box.rename_button.isEnabled()
    dialog.own_units.setCurrentRow(0)
    dialog.units_box.rename("Thôn Nà Pài Trên")
    assert _board(window)[1] == ["Thôn Nà Pài Trên", "Thôn Bản Cáu"]
    dialog.own_units.setCurrentRow(1)
    seen = []

    def end_on(box):
        box.day.setDate(box.day.date().fromString("30/09/2026", "dd/MM/yyyy"))
        save_small(box, f"{SHOTS}/unit-end.png")
        box.accept()

    from bachthong_desktop.ui.units_box import EndDialog
    when_modal(EndDialog, end_on, seen)
    dialog.units_box.end_button.click()
    assert _listed(dialog) == ["01969-01  Thôn Nà Pài Trên",
                               "01969-02  Thôn Bản Cáu  (đến 30/9/2026)"]
    save_small(dialog, f"{SHOTS}/units-renamed-ended.png")
    heading, names = _board(window)
    assert "0/1" in heading and names == ["Thôn Nà Pài Trên"]  # the year is counted to December
    window.load_period("2026-H1")
    assert _board(window)[1] == ["Thôn Nà Pài Trên", "Thôn Bản Cáu"]  # still there in H1
