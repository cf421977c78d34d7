"""Bold and italic typed in the window: Ctrl+B / Ctrl+I in a narrative, list and nested-list
box, saved, read again after reopening, shown, and in the window's preview document."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QTableWidgetItem

from bachthong_desktop.core import marks
from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.ui.marked_text import MarkedTextEdit

from ui_helpers import editor_of, type_text

B, b, I, i = marks.BOLD_ON, marks.BOLD_OFF, marks.ITALIC_ON, marks.ITALIC_OFF


def press(widget, key) -> None:
    """Ctrl+<key> as the keyboard sends it (the shortcut check first, then the key)."""
    for kind in (QEvent.ShortcutOverride, QEvent.KeyPress, QEvent.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.ControlModifier))


def select_word(edit, word: str) -> None:
    cursor = edit.document().find(word)
    assert not cursor.isNull(), word
    edit.setTextCursor(cursor)


def test_ctrl_b_a_word_saved_and_bold_after_reopening(opener):
    window = opener.open()
    editor = editor_of(window, "strengths")
    editor.main.clear()
    type_text(editor.main, "Kết quả 5*2 và **x** rất tốt")
    select_word(editor.main, "rất")
    press(editor.main, Qt.Key_B)
    select_word(editor.main, "tốt")
    press(editor.main, Qt.Key_I)
    window.save_all()
    window = opener.reopen()
    editor = editor_of(window, "strengths")
    assert editor.value() == f"Kết quả 5*2 và **x** {B}rất{b} {I}tốt{i}"
    shown = editor.main.document().find("rất").charFormat()
    assert shown.fontWeight() == QFont.Bold and not shown.fontItalic()
    assert editor.main.document().find("tốt").charFormat().fontItalic()
    para = next(p for p in document_for(opener.session, "2023-H1").body if "5*2" in p.text)
    got = [(r.text.replace("\u00a0", " "), r.bold, r.italic) for r in para.runs]
    assert got[:2] == [
        ("Kết quả 5*2 và **x** ", False, False), ("rất", True, False)]
    assert got[2:] == [
        (" ", False, False), ("tốt", False, True)]


def test_ctrl_b_twice_is_plain_again_and_typing_after_ctrl_i_is_italic(opener):
    window = opener.open()
    editor = editor_of(window, "limitations")
    editor.main.clear()
    type_text(editor.main, "Ý một\nÝ hai ")
    select_word(editor.main, "một")
    press(editor.main, Qt.Key_B)
    press(editor.main, Qt.Key_B)
    editor.main.moveCursor(QTextCursor.End)
    press(editor.main, Qt.Key_I)
    type_text(editor.main, "nghiêng")
    assert editor.value() == ["Ý một", f"Ý hai {I}nghiêng{i}"]


def test_a_nested_list_keeps_marks_in_items_and_sub_items(opener):
    window = opener.open()
    editor = editor_of(window, "directions")
    editor.main.clear()
    type_text(editor.main, "Mục chính\n- Ý nhỏ")
    select_word(editor.main, "chính")
    press(editor.main, Qt.Key_B)
    select_word(editor.main, "nhỏ")
    press(editor.main, Qt.Key_I)
    assert editor.value() == [{"text": f"Mục {B}chính{b}", "children": [f"Ý {I}nhỏ{i}"]}]
    window.save_all()
    editor = editor_of(opener.reopen(), "directions")
    assert editor.value() == [{"text": f"Mục {B}chính{b}", "children": [f"Ý {I}nhỏ{i}"]}]


def test_loading_and_reading_back_changes_nothing(opener):
    """A stored marked text shown and read again is the same text: no spurious save."""
    window = opener.open()
    editor = editor_of(window, "strengths")
    stored = marks.tidy(f"Đầu {B}đậm {I}cả hai{i}{b} và {I}nghiêng{i}.\nDòng hai {B}x{b}")
    editor.load(stored)
    assert editor.value() == stored


def test_a_rows_own_description_takes_ctrl_i_and_prints_it(opener, tmp_path):
    window = opener.open()
    editor = editor_of(window, "ngo_projects")
    table = editor.table
    col = [c.code for c in editor.columns].index("description")
    window.tabs.setCurrentWidget(next(t for t in window.section_tabs if "ngo_projects" in t.editors))
    editor.add_row()
    table.setCurrentCell(0, 0)
    table.item(0, 0) or table.setItem(0, 0, QTableWidgetItem())
    table.item(0, 0).setText("Dự án A")
    table.setItem(0, col, QTableWidgetItem())
    table.openPersistentEditor(table.item(0, col))
    cell = table.findChild(MarkedTextEdit)
    cell.set_marked("Dự án có 10 thôn")
    select_word(cell, "10")
    press(cell, Qt.Key_B)
    table.itemDelegateForColumn(col).setModelData(cell, table.model(), table.model().index(0, col))
    assert editor.value()[0]["description"] == f"Dự án có {B}10{b} thôn"
    assert table.item(0, col).text() == "Dự án có 10 thôn"
    table.closePersistentEditor(table.item(0, col))
    window.grab().save(str(tmp_path / "table.png"))
    window.save_all()
    editor = editor_of(opener.reopen(), "ngo_projects")
    assert editor.value()[0]["description"] == f"Dự án có {B}10{b} thôn"
    para = next(p for p in document_for(opener.session, "2023-H1").body if "Dự án có" in p.text)
    assert [(r.text, r.bold) for r in para.runs][1] == ("10", True)
