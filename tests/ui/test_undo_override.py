"""Undo and redo of saved edits; a communes' total overridden by hand, and the override undone."""

from PySide6.QtCore import Qt

from bachthong_desktop.core.demo import DEMO_PERIOD

from ui_helpers import editor_of, type_text


def test_undo_and_redo_write_through_the_store(opener):
    window = opener.open()
    editor = editor_of(window, "local_news")
    store, office = window.session.store, window.session.office.code
    type_text(editor.main, "430")
    window.saver.flush()
    editor.main.clear()
    type_text(editor.main, "1.086")
    window.save_all()
    assert store.get("2023-H1", office, "local_news") == 1086

    window.undo_action.trigger()
    assert store.get("2023-H1", office, "local_news") == 430
    assert editor.main.text() == "430"
    window.undo_action.trigger()
    assert store.get("2023-H1", office, "local_news") is None
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert store.get("2023-H1", office, "local_news") == 1086
    assert editor.main.text() == "1086"


def test_ctrl_z_in_a_text_box_undoes_the_saved_edit(opener, qtbot):
    window = opener.open()
    with qtbot.waitActive(window):
        window.activateWindow()
    editor = editor_of(window, "strengths")
    window.tabs.setCurrentWidget(window.section_tabs[6])
    type_text(editor.main, "Ưu điểm")
    window.save_all()
    qtbot.keyClick(editor.main, Qt.Key_Z, Qt.ControlModifier)
    assert window.session.store.get("2023-H1", window.session.office.code, "strengths") is None
    assert editor.main.toPlainText() == ""
    qtbot.keyClick(editor.main, Qt.Key_Y, Qt.ControlModifier)
    assert editor.main.toPlainText() == "Ưu điểm"


def test_an_undo_shows_the_tab_of_the_field_it_changed(opener):
    window = opener.open()
    type_text(editor_of(window, "request_number").main, "653/STTTT")
    window.save_all()
    window.tabs.setCurrentIndex(3)
    window.undo_edit()
    assert window.tabs.currentIndex() == 0


def test_override_of_a_communes_total_is_kept_marked_and_can_be_undone(qtbot, demo_db, opener):
    window = opener.open(DEMO_PERIOD)
    editor = editor_of(window, "rebuttal_turns")
    store, office = window.session.store, window.session.office.code
    total = sum(window.figures["rebuttal_turns"].by_unit.values())
    assert editor.main.isReadOnly() and editor.main.text() == str(total)
    assert "Xã" in editor.main.toolTip()  # who gave what

    editor.toggle.setChecked(True)
    editor.main.clear()
    type_text(editor.main, "1.100")
    window.save_all()
    assert store.get(DEMO_PERIOD, office, "rebuttal_turns") == 1100
    assert window.session.compile(DEMO_PERIOD)["rebuttal_turns"].overridden
    assert "ĐÃ SỬA TAY" in editor.info.text()

    window = opener.reopen(DEMO_PERIOD)
    editor = editor_of(window, "rebuttal_turns")
    assert editor.toggle.isChecked() and editor.main.text() == "1100"
    editor.toggle.setChecked(False)  # "Bỏ sửa tay"
    window.save_all()
    assert store_value(window, "rebuttal_turns") is None
    assert editor.main.text() == str(total) and editor.main.isReadOnly()

    window.undo_edit()
    assert store_value(window, "rebuttal_turns") == 1100
    assert editor.toggle.isChecked()
    window.undo_edit()  # nothing more to undo in this window: the override stays
    assert store_value(window, "rebuttal_turns") == 1100


def store_value(window, code):
    return window.session.store.get(window.period, window.session.office.code, code)


def test_year_earlier_figure_and_change_are_shown(opener):
    window = opener.open("2022-H1")
    type_text(editor_of(window, "local_news").main, "380")
    window.load_period("2023-H1")
    type_text(editor_of(window, "local_news").main, "430")
    window.save_all()
    row = window.section_tabs[5].rows["local_news"]
    assert row.note.text() == "Cùng kỳ 2022: 380 (+50)"


def test_an_unreadable_override_is_refused_and_other_totals_still_update(demo_db, opener):
    window = opener.open(DEMO_PERIOD)
    turns = editor_of(window, "rebuttal_turns")
    turns.toggle.setChecked(True)
    window.save_all()
    turns.main.clear()
    type_text(turns.main, "nhiều")
    accounts = editor_of(window, "rebuttal_accounts")
    accounts.toggle.setChecked(True)
    window.save_all()
    assert "không phải là một số" in window.section_tabs[5].rows["rebuttal_turns"].problem.text()
    assert store_value(window, "rebuttal_accounts") == 41
    assert turns.main.text() == "nhiều"  # what the user typed stays for them to correct
    turns.main.clear()
    window.save_all()
