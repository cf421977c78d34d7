"""Each field editor: `load(value)` then `value()` gives it back; the edits a person makes."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableWidgetItem

from bachthong_desktop.core.definition import load_form
from bachthong_desktop.ui.editors import (CountEditor, DateEditor, ListEditor, LongTextEditor,
                                          TextEditor, YesNoEditor)
from bachthong_desktop.ui.editors_lists import NestedListEditor, TableEditor, parse_nested

FORM = load_form("ttdn")
NESTED = [{"text": "Tăng cường tuyên truyền", "children": ["ý một", "ý hai"]},
          {"text": "Mục hai", "children": []}]
CASES = [(CountEditor, "local_news", 1086), (YesNoEditor, "plan_issued", False),
         (DateEditor, "plan_date", "2023-02-21"), (TextEditor, "plan_number", "46/KH-UBND"),
         (LongTextEditor, "strengths", "Dòng một\nDòng hai"),
         (ListEditor, "limitations", ["Hạn chế một", "Hạn chế hai"]),
         (NestedListEditor, "directions", NESTED)]


@pytest.mark.parametrize("cls, code, value", CASES)
def test_load_then_value_gives_the_value_back_and_empty_stays_empty(qtbot, cls, code, value):
    editor = cls(FORM.field(code))
    qtbot.addWidget(editor)
    with qtbot.assertNotEmitted(editor.edited):
        editor.load(value)
    assert editor.value() == value
    editor.load(None)
    assert editor.value() in (None, "", [])


def test_numbered_items_typed_with_their_own_numbers_are_not_numbered_twice():
    assert parse_nested("1. Mục một\n - ý nhỏ\n2) Mục hai") == [
        {"text": "Mục một", "children": ["ý nhỏ"]}, {"text": "Mục hai", "children": []}]


def test_table_rows_are_added_moved_and_removed(qtbot):
    editor = TableEditor(FORM.field("ngo_projects"))
    qtbot.addWidget(editor)
    editor.load([{"name": "Dự án A", "start": "2018-01-01"}, {"name": "Dự án B"}])
    assert editor.table.item(0, 5).text() == "01/01/2018"
    editor.table.setCurrentCell(1, 0)
    with qtbot.waitSignal(editor.edited):
        editor.move_row(-1)
    assert [r["name"] for r in editor.value()] == ["Dự án B", "Dự án A"]
    assert editor.value()[1]["start"] == "2018-01-01"
    editor.add_row()  # a new row goes under the current one (Dự án B, now first)
    editor.table.setItem(editor.table.currentRow(), 0, QTableWidgetItem("Dự án C"))
    editor.table.setCurrentCell(0, 0)
    editor.remove_row()
    assert [r["name"] for r in editor.value()] == ["Dự án C", "Dự án A"]


def test_an_empty_date_opens_its_calendar_on_this_month(qtbot):
    editor = DateEditor(FORM.field("doc_date"))
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    qtbot.mouseClick(editor.main, Qt.LeftButton,
                     pos=QPoint(editor.main.width() - 8, editor.main.height() // 2))
    calendar = editor.main.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = dt.date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    assert editor.value() is None
