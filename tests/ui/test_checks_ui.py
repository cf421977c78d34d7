"""Checks shown where they apply, and gathered in one list before printing."""

from bachthong_desktop.core.checks import ERROR, WARNING
from bachthong_desktop.ui.dialogs import ChecksDialog

from ui_helpers import editor_of, type_text


def test_a_negative_count_gets_a_red_border_and_a_message_and_is_not_saved(opener):
    window = opener.open()
    editor = editor_of(window, "local_news")
    type_text(editor.main, "-5")
    window.save_all()
    row = window.section_tabs[5].rows["local_news"]
    assert "không được âm" in row.problem.text() and not row.problem.isHidden()
    assert "#c0392b" in editor.main.styleSheet()
    assert window.session.store.get("2023-H1", "063", "local_news") is None
    assert any(p.field == "local_news" and p.level == ERROR for p in window.problems())

    editor.main.clear()
    type_text(editor.main, "1.086")
    window.save_all()
    assert editor.main.styleSheet() == "" and row.problem.text() == ""


def test_the_list_before_printing_names_empty_required_fields_and_far_figures(opener):
    window = opener.open("2022-H1")
    type_text(editor_of(window, "portal_news").main, "35")
    window.load_period("2023-H1")
    type_text(editor_of(window, "portal_news").main, "352")
    problems = window.problems()
    by_field = {p.field: p for p in problems}
    assert by_field["general_situation"].level == ERROR
    assert by_field["portal_news"].level == WARNING
    dialog = ChecksDialog(problems, window)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(t.startswith("[Cần sửa] Tình hình chung") for t in texts)
    assert any(t.startswith("[Xem lại] Tin đăng trên Cổng TTĐT") for t in texts)
    dialog.list.setCurrentRow(next(i for i, p in enumerate(problems)
                                   if p.field == "general_situation"))
    window.show_field(dialog.chosen_field())
    assert window.tabs.currentWidget() is window.section_tabs[1]


def test_a_required_field_filled_in_clears_its_message(opener):
    window = opener.open()
    row = window.section_tabs[1].rows["general_situation"]
    assert row.problem.text() == ""  # a new period is not red before the first check
    window.problems()
    assert "bắt buộc" in row.problem.text()
    type_text(editor_of(window, "general_situation").main, "Tình hình ổn định")
    window.save_all()
    assert row.problem.text() == ""


def test_closing_with_an_unreadable_number_asks_first(opener, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window = opener.open()
    type_text(editor_of(window, "local_news").main, "mười hai")
    answers = []

    def answer(button):
        box = QApplication.activeModalWidget()
        answers.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.No))
    assert window.close() is False and window.isVisible()
    assert "mười hai" in answers[0] and "chưa lưu" in answers[0]
    assert window.tabs.currentWidget() is window.section_tabs[5]
    QTimer.singleShot(0, lambda: answer(QMessageBox.Yes))
    assert window.close() is True
