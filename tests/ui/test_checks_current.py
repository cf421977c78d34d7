"""Checks that are always current, and values that do not read stay red and unsaved."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from bachthong_desktop.core.checks import ERROR
from bachthong_desktop.ui.window_actions import show_checks

from ui_helpers import editor_of, type_text, when_modal


def answer_next_question(button, seen: list):
    """Click `button` of the next question and keep its text and button texts."""
    def click(box):
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        box.button(button).click()
    when_modal(QMessageBox, click)


def test_emptying_a_required_field_is_listed_by_the_next_check_at_once(demo_db, opener):
    window = opener.open()
    assert not [p for p in window.problems() if p.level == ERROR]
    editor = editor_of(window, "request_subject")
    editor.main.selectAll()
    editor.main.del_()
    editor.main.textEdited.emit("")
    errors = {p.field for p in window.problems() if p.level == ERROR}
    assert errors == {"request_subject"}
    row = window.section_tabs[0].rows["request_subject"]
    assert "bắt buộc" in row.problem.text()


def test_ctrl_p_never_says_no_errors_while_a_required_field_is_empty(demo_db, opener):
    window = opener.open()
    editor = editor_of(window, "general_situation")
    editor.main.clear()
    window.save_all()
    dialogs = []

    def close_checks():
        dialog = QApplication.activeModalWidget()
        dialogs.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.reject()
    QTimer.singleShot(0, close_checks)
    assert show_checks(window) is False
    assert any("Tình hình chung" in line for line in dialogs[0])
    assert "không có lỗi" not in window.statusBar().currentMessage()


def test_a_new_period_shows_no_red_before_the_first_check(opener):
    window = opener.open("2024-H1")
    rows = {code: row for tab in window.section_tabs for code, row in tab.rows.items()}
    assert all(row.problem.text() == "" for row in rows.values())
    window.problems()
    assert "bắt buộc" in rows["general_situation"].problem.text()


def test_a_count_typed_8o_stays_red_and_is_not_saved(opener):
    window = opener.open()
    editor = editor_of(window, "local_news")
    type_text(editor.main, "8o")
    assert "#c0392b" in editor.main.styleSheet()
    assert "CHƯA LƯU" in window.save_all()
    assert window.session.store.get("2023-H1", "063", "local_news") is None
    editor.main.clear()  # closing would ask about the red value


def test_a_count_that_does_not_read_is_red_at_once_and_never_called_saved(opener):
    window = opener.open()
    editor = editor_of(window, "local_news")
    type_text(editor.main, "1,5")
    assert "#c0392b" in editor.main.styleSheet()  # before any save
    assert "số nguyên" in window.section_tabs[5].rows["local_news"].problem.text()
    message = window.save_all()
    assert "Đã lưu tất cả" not in message and "CHƯA LƯU" in message
    assert "CHƯA LƯU" in window.save_state.text()
    assert window.session.store.get("2023-H1", "063", "local_news") is None
    assert [p.field for p in window.problems() if p.level == ERROR][0] == "local_news"
    editor.main.clear()
    type_text(editor.main, "12")
    window.save_all()
    assert window.save_state.text() == "Mọi thay đổi đã được lưu."
    assert window.session.store.get("2023-H1", "063", "local_news") == 12


def test_switching_period_with_a_red_value_asks_and_can_go_back(opener):
    window = opener.open()
    editor = editor_of(window, "local_news")
    type_text(editor.main, "1,5")
    seen = []
    other = window.top.periods.findData("2025-H1")  # another period of the same office
    answer_next_question(QMessageBox.No, seen)
    window.top.periods.setCurrentIndex(other)
    window.top._chosen(other)
    assert window.period == "2023-H1" and window.top.periods.currentData() == "2023-H1"
    assert "1,5" in seen[0][0] and "Quay lại sửa" in seen[0][1]
    assert editor.main.text() == "1,5"
    answer_next_question(QMessageBox.Yes, seen)
    window.top._chosen(other)
    assert window.period == window.top.periods.itemData(other) != "2023-H1"


def test_a_date_typed_in_the_window_is_saved_as_typed(opener):
    window = opener.open()
    editor = editor_of(window, "request_date")
    type_text(editor.main, "26/05/2023")
    window.save_all()
    editor.main.selectAll()
    type_text(editor.main, "20/04/2023")
    window.save_all()
    assert window.session.store.get("2023-H1", "063", "request_date") == "2023-04-20"
    editor.main.clear()
    type_text(editor.main, "31/4/2023")
    assert "CHƯA LƯU" in window.save_all()
    row = window.section_tabs[0].rows["request_date"]
    assert "chỉ có 30 ngày" in row.problem.text()
    assert window.session.store.get("2023-H1", "063", "request_date") == "2023-04-20"
    editor.main.clear()  # closing would ask about the red date


def test_an_issue_date_before_the_request_letter_is_listed_before_printing(demo_db, opener):
    window = opener.open()
    type_text(editor_of(window, "doc_date").main, "20/5/2023")  # the letter is of 26/5/2023
    window.save_all()
    errors = [p for p in window.problems() if p.level == ERROR]
    assert [p.field for p in errors] == ["doc_date"] and "đứng trước" in errors[0].message


def test_the_far_from_last_year_warning_under_a_field_groups_its_thousands(opener):
    window = opener.open()
    window.session.store.set("2022-H1", window.session.office.code, "local_news", 12000)
    window.reload_figures()
    editor = editor_of(window, "local_news")
    type_text(editor.main, "123456")
    window.save_all()
    row = next(tab.rows["local_news"] for tab in window.section_tabs if "local_news" in tab.rows)
    assert "Số liệu 123.456 khác xa cùng kỳ 2022 (12.000)" in row.problem.text()


def test_an_issue_date_before_the_request_letter_is_red_under_the_date_after_a_check(demo_db,
                                                                                     opener):
    window = opener.open()
    editor = editor_of(window, "doc_date")
    row = next(tab.rows["doc_date"] for tab in window.section_tabs if "doc_date" in tab.rows)
    editor.main.clear()
    type_text(editor.main, "20/5/2023")  # the letter is of 26/5/2023
    window.save_all()
    assert row.problem.text() == ""  # no red before the first check, as for the other marks
    window.problems()
    assert "đứng trước ngày của văn bản yêu cầu" in row.problem.text()
    editor.main.clear()
    type_text(editor.main, "30/5/2023")
    window.save_all()
    assert row.problem.text() == ""
