"""Windows faults of files (issue 22), on the real Windows file API: backups of a --db typed in
another case, a database in a OneDrive folder, paths too long to use.

Not here, for the first real Windows PC: Windows' own 260-character limit (Wine has none: a
database at 300 characters opens, as it does on a Windows with long paths turned on) and a real
OneDrive client."""

import logging
from pathlib import Path

import pytest

from bachthong_desktop.core.backup import backup_now, list_backups
from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.exchange.xlsx_safety import UnsafeFile, check_file


def test_a_db_typed_in_another_case_is_the_same_file_and_lists_its_backups(tmp_path):
    db_path = tmp_path / "BachThong.sqlite3"
    open_db(db_path).conn.close()
    saved = backup_now(db_path, "manual")
    typed = tmp_path / "BACHTHONG.SQLITE3"
    assert typed.exists() and typed.samefile(db_path)  # Windows: one file
    assert list_backups(typed) == [saved]
    assert list_backups(tmp_path / "bachthong.sqlite3") == [saved]


def test_a_database_in_a_onedrive_folder_keeps_no_wal_and_the_log_says_why(tmp_path, monkeypatch,
                                                                          caplog):
    onedrive = tmp_path / "OneDrive"
    monkeypatch.setenv("OneDrive", str(onedrive))  # as the OneDrive client sets it
    caplog.set_level(logging.INFO)
    db_path = onedrive / "Tài liệu" / "ttdn.sqlite3"
    db = open_db(db_path)
    try:
        assert db.journal_mode == "delete"
        db.execute("create table t (x)")
        assert not Path(f"{db_path}-wal").exists()
    finally:
        db.conn.close()
    said = [r.getMessage() for r in caplog.records if "synchronises" in r.getMessage()]
    assert said == [f"database {db_path} is in a folder OneDrive synchronises: rollback journal "
                    "instead of WAL"]
    business = open_db(tmp_path / "OneDrive - UBND xã Phủ Thông" / "ttdn.sqlite3")
    assert business.journal_mode == "delete"
    business.conn.close()
    local = open_db(tmp_path / "Dữ liệu" / "ttdn.sqlite3")
    assert local.journal_mode == "wal"
    local.conn.close()


def test_a_name_too_long_for_the_file_system_is_one_sentence(tmp_path):
    folder = tmp_path / ("Báo cáo thông tin đối ngoại " * 10)  # 280 characters, one name
    with pytest.raises(UserError) as raised:
        open_db(folder / "ttdn.sqlite3")
    assert "quá giới hạn 255 ký tự" in raised.value.message
    assert "quyền" not in raised.value.message
    with pytest.raises(UnsafeFile) as refused:
        check_file(folder / "bao-cao.xlsx")
    assert "quá giới hạn 255 ký tự" in refused.value.message


def test_a_windows_path_of_260_characters_is_said_to_be_too_long(tmp_path):
    deep = tmp_path
    while len(str(deep)) < 300:
        deep = deep / "Zalo Received Files"
    from bachthong_desktop.core.paths import too_long

    said = too_long(deep / "ttdn.sqlite3")  # the real platform: win32
    assert said and "quá giới hạn 259 ký tự của Windows" in said and "C:\\BaoCao" in said
    assert too_long(tmp_path / "ttdn.sqlite3") is None
    db = open_db(deep / "ttdn.sqlite3")  # Wine, like Windows with long paths on, opens it:
    db.conn.close()  # nothing refuses it beforehand
