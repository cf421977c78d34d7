"""Tệp menu: back up, restore (what each backup holds, issued versions never dropped silently)
and the demo data in a file of its own."""

from PySide6.QtWidgets import QMessageBox

from bachthong_desktop.core.backup import list_backups
from bachthong_desktop.core.issued import issue, list_issued
from bachthong_desktop.ui.office_tools import RestoreDialog, demo_path

from ui_helpers import editor_of, type_text, when_modal


def menu_action(window, text):
    return next(a for a in window.menus[0].actions() if a.text() == text)


def test_the_file_menu_has_backup_restore_and_demo(demo_db, opener):
    window = opener.open()
    texts = [a.text() for a in window.menus[0].actions() if a.text()]
    assert {"Sao &lưu…", "&Khôi phục…", "Mở &dữ liệu mẫu…"} <= set(texts)


def test_backup_from_the_menu_writes_a_copy_and_says_where(demo_db, opener):
    window = opener.open()
    before = set(list_backups(demo_db))
    seen = []
    when_modal(QMessageBox, lambda box: box.accept(), seen)
    menu_action(window, "Sao &lưu…").trigger()
    made = set(list_backups(demo_db)) - before
    assert len(made) == 1 and str(next(iter(made))) in seen[0]


def test_restore_lists_backups_with_what_they_hold_and_reopens_on_the_restored_data(demo_db,
                                                                                 opener):
    window = opener.open()
    menu_action_backup = menu_action(window, "Sao &lưu…")
    when_modal(QMessageBox, lambda box: box.accept())
    menu_action_backup.trigger()
    editor = editor_of(window, "local_news")
    editor.main.clear()
    type_text(editor.main, "999")
    window.save_all()
    listed = []

    def choose(dialog):
        listed.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        dialog.list.setCurrentRow(0)
        when_modal(QMessageBox, lambda box: box.accept())
        dialog.accept()
    when_modal(RestoreDialog, choose)
    assert menu_action(window, "&Khôi phục…").trigger() is None
    assert "kỳ: 2023-H1" in listed[0] and "tệp báo cáo của xã" in listed[0]
    assert "bản đã phát hành" in listed[0]
    assert window.session.store.get("2023-H1", "063", "local_news") != 999
    assert editor_of(window, "local_news").main.text() != "999"
    assert window.is_open and window.session.db.execute("select 1").fetchone() == (1,)


def test_restoring_a_backup_without_an_issued_version_names_it_and_asks(demo_db, opener):
    window = opener.open()
    issue(window.session.db, "2023-H1", "063", "docx", b"PK", {}, number="125/BC-UBND",
          doc_date="05/6/2023")
    from bachthong_desktop.core.backup_view import backup_summaries
    from bachthong_desktop.ui.office_tools import restore_from

    older = next(s for s in backup_summaries(demo_db) if "truoc-ban-chinh-thuc" in s.path.name)
    seen = []
    when_modal(QMessageBox, lambda box: box.button(QMessageBox.No).click(), seen)
    assert restore_from(window, older) is False
    assert "125/BC-UBND" in seen[0] and "2023-H1" in seen[0]
    assert [v.number for v in list_issued(window.session.db, "2023-H1")] == ["125/BC-UBND"]


def test_the_demo_opens_in_a_file_of_its_own_and_never_touches_the_real_data(opener):
    window = opener.open()
    real = window.session.db_path
    before = window.session.store.periods()
    demo = menu_action(window, "Mở &dữ liệu mẫu…").trigger() or window.demo_window
    try:
        assert demo.session.db_path == demo_path(real) != real
        assert "DỮ LIỆU MẪU" in demo.windowTitle()
        assert demo.session.store.values("2023-H1", "063")
        assert window.session.store.periods() == before
    finally:
        demo.close()


def test_the_demo_asked_for_twice_brings_its_window_back_instead_of_deleting_its_open_file(
        opener, windows_fs):
    window = opener.open()
    first = menu_action(window, "Mở &dữ liệu mẫu…").trigger() or window.demo_window
    try:
        again = menu_action(window, "Mở &dữ liệu mẫu…").trigger() or window.demo_window
        from_itself = menu_action(first, "Mở &dữ liệu mẫu…").trigger() or first.demo_window
        assert again is first and from_itself is first
        assert not windows_fs.refused  # no attempt to delete the file the demo window holds
        assert first.session.store.values("2023-H1", "063")
    finally:
        first.close()
    fresh = menu_action(window, "Mở &dữ liệu mẫu…").trigger() or window.demo_window
    try:
        assert fresh is not first and fresh.session.store.values("2023-H1", "063")
    finally:
        fresh.close()


def test_a_demo_file_another_program_holds_is_one_sentence_not_a_crash(opener, windows_fs):
    window = opener.open()
    path = demo_path(window.session.db_path)
    path.write_bytes(b"")
    windows_fs.open_in_word(path)  # a second copy of the program has it open
    seen = []
    when_modal(QMessageBox, lambda box: box.accept(), seen)
    assert menu_action(window, "Mở &dữ liệu mẫu…").trigger() is None
    assert "đang được mở trong một cửa sổ chương trình khác" in seen[0] and str(path) in seen[0]
