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


def test_typing_a_date_over_another_keeps_exactly_what_was_typed(qtbot):
    editor = DateEditor(FORM.field("doc_date"))
    qtbot.addWidget(editor)
    editor.load("2023-05-26")
    assert editor.main.text() == "26/05/2023"
    editor.main.selectAll()
    qtbot.keyClicks(editor.main, "20/04/2023")
    assert editor.value() == "2023-04-20"
    editor.main.clear()
    qtbot.keyClicks(editor.main, "200423")
    assert editor.value() == "2023-04-20"


def test_typing_into_an_empty_date_gives_that_date(qtbot):
    editor = DateEditor(FORM.field("doc_date"))
    qtbot.addWidget(editor)
    editor.load(None)
    with qtbot.waitSignal(editor.edited):
        qtbot.keyClicks(editor.main, "5/6/23")
    assert editor.value() == "2023-06-05"
    editor.main.editingFinished.emit()
    assert editor.main.text() == "05/06/2023"


def test_an_impossible_date_is_refused_with_a_message(qtbot):
    from bachthong_desktop.core.numbers import NumberError

    editor = DateEditor(FORM.field("doc_date"))
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.main, "31/4/2023")
    with pytest.raises(NumberError, match="chỉ có 30 ngày"):
        editor.value()
    assert editor.typed_text() == "31/4/2023"


def test_the_calendar_speaks_vietnamese_and_opens_inside_the_report_period(qtbot):
    from bachthong_desktop.core.periods import parse_period

    editor = DateEditor(FORM.field("doc_date"))
    qtbot.addWidget(editor)
    editor.set_period(parse_period("2023-H1"))
    editor.show()
    qtbot.mouseClick(editor.pick, Qt.LeftButton)
    calendar = editor.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (2023, 6)
    assert calendar.locale().monthName(6) == "tháng 6"
    assert calendar.locale().dayName(1).lower().startswith("thứ")
    calendar.clicked.emit(calendar.selectedDate().addDays(-9))  # 05/06/2023
    assert editor.value() == "2023-06-05" and not calendar.isVisible()
