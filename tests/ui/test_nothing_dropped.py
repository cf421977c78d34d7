"""Nothing typed is dropped: a table cell that does not read keeps the status bar on “CHƯA LƯU”
and makes closing (Ctrl+Q, the window's close) and switching period ask first."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from bachthong_desktop.ui.screenshots import save_small

from ui_helpers import editor_of, when_modal

SAVED = "Mọi thay đổi đã được lưu."


@pytest.fixture
def opened(opener):
    """The window; a red table left by a failing test is emptied so that closing cannot ask."""
    yield opener
    if opener.window is not None and opener.window.is_open:
        opener.window.saver.editors["ngo_projects"].table.setRowCount(0)


def _answer(button, seen: list) -> None:
    when_modal(QMessageBox, lambda box: box.button(button).click(), seen)


def _type_project(window, name: str, start: str):
    editor = editor_of(window, "ngo_projects")
    window.show_field("ngo_projects")
    editor.add_row()
    row = editor.table.currentRow()
    column = [c.code for c in editor.columns].index("start")
    editor.table.setItem(row, 0, QTableWidgetItem(name))
    editor.table.setItem(row, column, QTableWidgetItem(start))
    return editor, row, column


def _quit_action(window) -> QAction:
    action = next(a for a in window.findChildren(QAction) if a.text() == "&Thoát")
    assert QKeySequence(QKeySequence.Quit) in action.shortcuts()  # Ctrl+Q
    return action


def test_an_impossible_date_in_a_project_row_is_never_called_saved(opened):
    window = opened.open("2023-H1")
    editor, row, column = _type_project(window, "Dự án nước sạch", "30/02/2023")
    assert "CHƯA LƯU" in window.save_state.text()
    assert "(30/02/2023 ở dòng 1, cột “Bắt đầu”)" in window.save_state.text()
    save_small(window, "/tmp/unitsui/table-date-unsaved.png")
    assert "CHƯA LƯU" in window.save_all()
    assert window.save_state.text() != SAVED
    assert "#c0392b" in editor.table.styleSheet()
    assert "Dòng 1" in editor.table.toolTip()
    assert editor.table.item(row, column).background().color().name() == "#fdecea"
    assert not window.session.store.get("2023-H1", window.unit.code, "ngo_projects")

    seen = []
    _answer(QMessageBox.No, seen)  # "Quay lại sửa"
    _quit_action(window).trigger()
    assert window.isVisible() and "30/02/2023" in seen[0]
    _answer(QMessageBox.No, seen)
    window.close()
    assert window.isVisible() and len(seen) == 2
    _answer(QMessageBox.No, seen)
    assert not window.load_period("2023-H2") and window.period == "2023-H1"
    assert len(seen) == 3 and editor.table.item(row, column).text() == "30/02/2023"

    editor.table.item(row, column).setText("28/02/2023")  # corrected: saved, nothing lost
    assert window.save_all().startswith("Đã lưu tất cả")
    assert window.save_state.text() == SAVED
    assert editor.table.item(row, column).background().style() == Qt.NoBrush
    stored = window.session.store.get("2023-H1", window.unit.code, "ngo_projects")
    assert [(p["name"], p["start"]) for p in stored] == [("Dự án nước sạch", "2023-02-28")]


def test_a_red_table_may_be_dropped_when_the_user_says_so(opened):
    window = opened.open("2023-H1")
    _type_project(window, "Dự án B", "31/4/2023")
    seen = []
    _answer(QMessageBox.Yes, seen)  # "Đóng cửa sổ, bỏ giá trị này"
    _quit_action(window).trigger()
    assert not window.isVisible() and "31/4/2023" in seen[0]
