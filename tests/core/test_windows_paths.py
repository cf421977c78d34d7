"""Paths and URIs as Windows has them: drive letters, UNC shares, mapped drives, reserved names."""

import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from bachthong_desktop.core.backup import backup_now
from bachthong_desktop.core.db import journal_mode_for, open_db
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.paths import DRIVE_REMOTE, file_name_problem, is_network_path
from bachthong_desktop.core.restore import is_good_backup, restore
from bachthong_desktop.core.start_view import read_only_uri
from bachthong_desktop.core.units import get_unit, save_unit

DRIVE_FIXED = 3


def drives(**types):
    """A fake GetDriveTypeW: the type of each drive root ("C:\\\\" -> 3)."""
    return lambda root: types[root[0]]


@pytest.mark.parametrize("path, uri", [
    (r"C:\Users\Văn thư\AppData\Local\BachThongTTDN\bachthong.sqlite3",
     "file:///C:/Users/V%C4%83n%20th%C6%B0/AppData/Local/BachThongTTDN/bachthong.sqlite3?mode=ro"),
    (r"Z:\Báo cáo #1\ttdn.sqlite3", "file:///Z:/B%C3%A1o%20c%C3%A1o%20%231/ttdn.sqlite3?mode=ro"),
    (r"\\may-chu\chung\ttdn.sqlite3", "file:////may-chu/chung/ttdn.sqlite3?mode=ro"),
    (r"\\192.168.1.5\du lieu\ttdn.sqlite3", "file:////192.168.1.5/du%20lieu/ttdn.sqlite3?mode=ro"),
])
def test_read_only_uris_sqlite_accepts(path, uri):
    assert read_only_uri(PureWindowsPath(path)) == uri


def test_network_paths_are_unc_shares_and_mapped_drives():
    fake = drives(C=DRIVE_FIXED, Z=DRIVE_REMOTE)
    assert is_network_path(PureWindowsPath(r"\\may-chu\chung\ttdn.sqlite3"), fake)
    assert is_network_path(PureWindowsPath(r"Z:\ttdn.sqlite3"), fake)
    assert not is_network_path(PureWindowsPath(r"C:\ttdn.sqlite3"), fake)


def test_network_mounts_on_linux():
    mounts = lambda: [("/", "ext4"), ("/mnt/chung", "cifs"), ("/mnt/chung/local", "ext4")]  # noqa
    assert is_network_path(PurePosixPath("/mnt/chung/ttdn.sqlite3"), mounts=mounts)
    assert not is_network_path(PurePosixPath("/mnt/chung/local/ttdn.sqlite3"), mounts=mounts)
    assert not is_network_path(PurePosixPath("/home/a/ttdn.sqlite3"), mounts=mounts)


def test_a_database_on_a_network_drive_uses_the_rollback_journal(db_path, monkeypatch, caplog):
    monkeypatch.setattr("bachthong_desktop.core.db.is_network_path", lambda path: True)
    assert journal_mode_for(db_path) == "delete"
    caplog.set_level("INFO")
    for _ in range(2):
        db = open_db(db_path)
        assert db.journal_mode == "delete"
        db.conn.close()
    said = [r for r in caplog.records if "network drive" in r.getMessage()]
    assert len(said) == 1 and "rollback journal instead of WAL" in said[0].getMessage()


def test_a_wal_database_moved_to_a_network_drive_leaves_wal(db_path, monkeypatch):
    open_db(db_path).conn.close()
    monkeypatch.setattr("bachthong_desktop.core.db.is_network_path", lambda path: True)
    db = open_db(db_path)
    assert db.journal_mode == "delete"
    db.conn.close()
    assert not Path(f"{db_path}-wal").exists()


def test_a_local_database_keeps_wal(db_path):
    db = open_db(db_path)
    assert db.journal_mode == "wal"
    db.conn.close()


def test_backups_reached_through_a_mapped_drive_are_good(demo_session, monkeypatch):
    """On Windows resolve() turns Z:\\ into \\\\server\\share, whose file://server URI SQLite
    refuses: here resolve() leads somewhere unopenable, as it does there."""
    saved = backup_now(demo_session, "manual")
    demo_session.close()
    unreachable = Path("/may-chu-khong-mo-duoc/chung")
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: unreachable / self.name)
    assert is_good_backup(saved)
    restore(demo_session.db_path, saved)


@pytest.mark.parametrize("name, word", [
    ("01:975", "“:”"), ("a/b", "“/”"), ("x?", "“?”"), ('"1"', '“"”'), ("a\tb", "mã 9"),
    ("CON", "tên thiết bị"), ("nul", "tên thiết bị"), ("COM1.xlsx", "tên thiết bị"),
    ("LPT9", "tên thiết bị"), ("063.", "dấu chấm"), ("063 ", "khoảng trắng"),
])
def test_names_windows_refuses(name, word):
    assert word in file_name_problem(name)


@pytest.mark.parametrize("name", ["01975", "063", "XA-01", "CONG", "COM10", "đơn vị 1"])
def test_names_windows_takes(name):
    assert file_name_problem(name) is None


def test_a_unit_code_that_cannot_be_a_file_name_is_refused(session):
    unit = get_unit(session.db, "01975")
    from dataclasses import replace

    with pytest.raises(UserError, match="“01:975” có ký tự “:” không dùng được trong tên tệp"):
        save_unit(session.db, replace(unit, code="01:975"))
    with pytest.raises(UserError, match="tên thiết bị dành riêng"):
        save_unit(session.db, replace(unit, code="NUL"))
    assert session.db["units"].count_where("code = 'NUL'") == 0


def test_the_sqlite_file_of_a_uri_is_what_the_windows_layer_tracks(tmp_path):
    from windows_fs import sqlite_file

    path = tmp_path / "a b.sqlite3"
    sqlite3.connect(path).close()
    assert sqlite_file(read_only_uri(path), uri=True) == str(path)


@pytest.mark.parametrize("path, environ, service", [
    (r"C:\Users\Văn thư\OneDrive\Tài liệu\ttdn.sqlite3",
     {"OneDrive": r"C:\Users\Văn thư\OneDrive"}, "OneDrive"),
    (r"D:\onedrive\ttdn.sqlite3", {"OneDriveCommercial": r"D:\OneDrive"}, "OneDrive"),
    (r"C:\Users\vt\OneDrive - UBND xã Phủ Thông\Báo cáo\ttdn.sqlite3", {}, "OneDrive"),
    (r"C:\Users\vt\Dropbox (Công ty)\ttdn.sqlite3", {}, "Dropbox"),
    (r"G:\My Drive\ttdn.sqlite3", {}, "Google Drive"),
    (r"G:\Drive của tôi\BC\ttdn.sqlite3", {}, "Google Drive"),
    (r"C:\Users\vt\AppData\Local\BachThongTTDN\bachthong.sqlite3",
     {"OneDrive": r"C:\Users\vt\OneDrive"}, None),
    (r"C:\Users\vt\OneDriveOld.sqlite3", {}, None),  # only a folder's name counts
])
def test_cloud_synced_folders_by_variable_and_by_name(path, environ, service):
    from bachthong_desktop.core.paths import cloud_synced

    assert cloud_synced(PureWindowsPath(path), environ) == service


def test_a_database_in_a_onedrive_folder_uses_the_rollback_journal_said_in_the_log(
        tmp_path, monkeypatch, caplog):
    folder = tmp_path / "OneDrive - Sở VHTTDL" / "Báo cáo"
    db_path = folder / "ttdn.sqlite3"
    caplog.set_level("INFO")
    db = open_db(db_path)
    assert db.journal_mode == "delete" and journal_mode_for(db_path) == "delete"
    db.conn.close()
    said = [r.getMessage() for r in caplog.records if "OneDrive" in r.getMessage()]
    assert said == [f"database {db_path} is in a folder OneDrive synchronises: rollback journal "
                    "instead of WAL"]
    monkeypatch.setenv("OneDrive", str(tmp_path / "Tài liệu"))  # the client's own variable
    assert journal_mode_for(tmp_path / "Tài liệu" / "x" / "ttdn.sqlite3") == "delete"
    assert journal_mode_for(tmp_path / "Khác" / "ttdn.sqlite3") == "wal"
