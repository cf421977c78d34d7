"""Type into every tab, close the window, open it again on the same file: it is all there."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableWidgetItem

from bachthong_desktop.core.definition import load_form

from ui_helpers import editor_of, type_text

TEXT = "Thông tin đối ngoại ở Bạch Thông, tỉnh Bắc Kạn"


def fill(editor) -> object:
    """Enter a value the way a user would; the value the store should then hold."""
    kind = editor.field.kind
    if getattr(editor, "toggle", None) is not None:  # a communes' total: override it
        editor.toggle.setChecked(True)
        editor.main.clear()
        type_text(editor.main, "1.086")
        return 1086
    if kind == "count":
        type_text(editor.main, "1.086")
        return 1086
    if kind in ("text", "longtext"):
        type_text(editor.main, TEXT)
        return TEXT
    if kind == "list":
        type_text(editor.main, "Dòng thứ nhất\nDòng thứ hai: Sĩ Bình")
        return ["Dòng thứ nhất", "Dòng thứ hai: Sĩ Bình"]
    if kind == "nested_list":
        type_text(editor.main, "Tiếp tục tuyên truyền\n- ý nhỏ thứ nhất\nMục hai")
        return [{"text": "Tiếp tục tuyên truyền", "children": ["ý nhỏ thứ nhất"]},
                {"text": "Mục hai", "children": []}]
    if kind == "date":
        type_text(editor.main, "26/5/23")
        return "2023-05-26"
    if kind == "yesno":
        editor.main.setCurrentIndex(1)
        return True
    if kind == "table":
        editor.add_row()
        editor.table.setItem(0, 0, QTableWidgetItem("Phát triển trẻ em - CDP"))
        editor.table.setItem(0, 5, QTableWidgetItem("01/01/2018"))
        return "Phát triển trẻ em - CDP"
    raise AssertionError(kind)


def stored_matches(stored, expected) -> bool:
    if isinstance(expected, str) and isinstance(stored, list):  # a table: its first row's name
        return stored[0]["name"] == expected and stored[0]["start"] == "2018-01-01"
    return stored == expected


@pytest.mark.parametrize("section", [s.code for s in load_form("ttdn").sections])
def test_every_field_of_every_tab_survives_closing_the_window(opener, section):
    window = opener.open()
    tab = next(t for t in window.section_tabs if t.title == next(
        s.tab for s in window.session.form.sections if s.code == section))
    window.tabs.setCurrentWidget(tab)
    expected = {code: fill(editor) for code, editor in tab.editors.items()}
    assert expected, "every tab has something to enter"
    window.close()  # no Ctrl+S: closing saves what is pending

    window = opener.reopen()
    office = window.session.office.code
    for code, value in expected.items():
        assert stored_matches(window.session.store.get("2023-H1", office, code), value), code
        shown = editor_of(window, code).value()
        assert stored_matches(shown, value) or shown == value, code


def test_an_edit_is_saved_shortly_after_typing_without_closing(opener, qtbot):
    window = opener.open()
    editor = editor_of(window, "local_news")
    type_text(editor.main, "430")
    store, office = window.session.store, window.session.office.code
    qtbot.waitUntil(lambda: store.get("2023-H1", office, "local_news") == 430, timeout=3000)


def test_ctrl_s_saves_at_once_and_says_so(opener):
    window = opener.open()
    type_text(editor_of(window, "request_sender").main, "Sở Văn hóa")
    window.save_action.trigger()
    assert window.session.store.get("2023-H1", window.session.office.code,
                                    "request_sender") == "Sở Văn hóa"
    assert window.statusBar().currentMessage().startswith("Đã lưu tất cả lúc ")
    assert dt.datetime.now().strftime("%H:") in window.statusBar().currentMessage()


def test_window_size_and_last_period_are_remembered(opener):
    window = opener.open("2022-H1")
    window.resize(790, 600)  # its least width, inside the 800x800 offscreen screen
    window = opener.reopen("2022-H1")
    assert (window.width(), window.height()) == (790, 600)
    from bachthong_desktop.core.settings import get_setting
    assert get_setting(window.session.db, "last_period") == "2022-H1"


def test_the_ctrl_s_key_itself_saves(opener, qtbot):
    from PySide6.QtCore import Qt

    window = opener.open()
    with qtbot.waitActive(window):
        window.activateWindow()
    editor = editor_of(window, "doc_number").main
    type_text(editor, "12")
    qtbot.keyClick(editor, Qt.Key_S, Qt.ControlModifier)
    assert window.session.store.get("2023-H1", "063", "doc_number") == "12"
    assert window.statusBar().currentMessage().startswith("Đã lưu tất cả lúc ")
