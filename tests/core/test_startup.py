"""Opening for the window: lock, check, backup at start; a damaged database offers a backup."""

import sqlite3

import pytest

from bachthong_desktop.core.backup import list_backups
from bachthong_desktop.core.integrity import DamagedDatabase
from bachthong_desktop.core.lock import DatabaseInUse, holder
from bachthong_desktop.core.restore import restore
from bachthong_desktop.core.startup import open_for_window


def test_the_window_locks_and_backs_up_at_start(db_path):
    opened = open_for_window(db_path)
    try:
        assert [p.name.endswith("-khoi-dong.sqlite3") for p in list_backups(db_path)] == [True]
        with pytest.raises(DatabaseInUse):
            open_for_window(db_path)
    finally:
        opened.close()
    assert holder(db_path) is None
    open_for_window(db_path).close()  # free again once closed
    assert len(list_backups(db_path)) == 2


def test_a_full_backups_folder_does_not_stop_the_window(db_path):
    open_for_window(db_path).close()
    backups = db_path.parent / "backups"
    for path in backups.iterdir():
        path.unlink()
    backups.rmdir()
    backups.write_text("a file where the folder should be")
    opened = open_for_window(db_path)
    try:
        assert "Không ghi được vào thư mục sao lưu" in opened.backup_problem
    finally:
        opened.close()


def test_a_damaged_database_offers_its_newest_good_backup_then_opens(db_path):
    opened = open_for_window(db_path)
    opened.session.store.set("2023-H1", "063", "tv_news_programs", 7)
    opened.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(db_path, "r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xff" * 200)
    with pytest.raises(DamagedDatabase) as caught:
        open_for_window(db_path)
    assert holder(db_path) is None  # the failed open released the lock
    restore(db_path, caught.value.good_backups[0])
    opened = open_for_window(db_path)
    opened.close()
