"""The real Windows file rules the product relies on, under the Windows CPython: locks between
processes, files another handle holds, a Vietnamese profile, a network drive, case, long paths."""

import logging
import os
import sqlite3
import sys
import unicodedata
from pathlib import Path, PureWindowsPath

import pytest

from bachthong_desktop.core import lock
from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.paths import data_dir, is_network_path

HOLD_LOCK = """
import sys, time
from bachthong_desktop.core import lock
held = lock.acquire(sys.argv[1], app="window")
print("held", flush=True)
sys.stdin.readline()
held.release()
"""


def test_this_is_the_windows_python():
    assert sys.platform == "win32" and os.name == "nt"
    import msvcrt  # noqa: F401  (the real one, not the Linux suite's fake)
    assert isinstance(lock.LOCKING, lock.WindowsLocking)


def test_the_writer_lock_held_by_one_process_refuses_another_until_released(tmp_path):
    import subprocess

    db = tmp_path / "ttdn.sqlite3"
    db.touch()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(lock.DatabaseInUse) as refused:
            lock.acquire(db)
        assert refused.value.holder.pid == holder.pid
        assert lock.holder(db).pid == holder.pid
    finally:
        holder.communicate("\n", timeout=60)
    assert holder.returncode == 0
    assert lock.holder(db) is None
    lock.acquire(db).release()  # free again once the other process let go


def test_a_file_another_handle_holds_cannot_be_replaced_or_deleted_until_closed(tmp_path):
    held, other = tmp_path / "held.sqlite3", tmp_path / "other.sqlite3"
    held.write_bytes(b"old")
    other.write_bytes(b"new")
    handle = open(held, "rb")  # as a second window, or an antivirus scanning it
    try:
        with pytest.raises(PermissionError) as replacing:
            os.replace(other, held)
        assert replacing.value.winerror in (5, 32)  # access denied (as Windows says it here)
        with pytest.raises(PermissionError) as deleting:
            held.unlink()
        assert deleting.value.winerror == 32  # ERROR_SHARING_VIOLATION
        assert held.read_bytes() == b"old"  # a reader beside the handle still reads it
    finally:
        handle.close()
    os.replace(other, held)
    assert held.read_bytes() == b"new"
    held.unlink()
    assert not held.exists()


def test_a_database_another_connection_holds_cannot_be_replaced_but_can_be_copied(tmp_path):
    path, copy = tmp_path / "ttdn.sqlite3", tmp_path / "copy.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("create table t (x)")
    conn.execute("insert into t values ('Phủ Thông')")
    conn.commit()
    try:
        with pytest.raises(PermissionError):
            os.replace(_new_file(tmp_path), path)  # as a restore would
        target = sqlite3.connect(copy)
        conn.backup(target)  # the backup API reads it while it is open
        target.close()
    finally:
        conn.close()
    check = sqlite3.connect(copy)
    assert check.execute("select x from t").fetchall() == [("Phủ Thông",)]
    check.close()


def _new_file(folder: Path) -> Path:
    path = folder / "restored.sqlite3"
    path.write_bytes(b"")
    return path


def test_the_data_folder_is_in_the_vietnamese_profile(wine_setting, monkeypatch):
    profile = wine_setting("BACHTHONG_WINE_PROFILE")
    monkeypatch.delenv("BACHTHONG_DATA_DIR")
    folder = data_dir()
    assert PureWindowsPath(profile) in PureWindowsPath(folder).parents
    assert "Nguyễn" in unicodedata.normalize("NFC", str(folder))


def test_the_temporary_folder_of_this_run_is_in_the_vietnamese_profile(tmp_path, wine_setting):
    profile = wine_setting("BACHTHONG_WINE_PROFILE")
    assert PureWindowsPath(profile) in PureWindowsPath(tmp_path).parents


def test_a_database_in_the_vietnamese_profile_opens_in_wal_mode(tmp_path):
    folder = tmp_path / "Báo cáo đối ngoại"
    folder.mkdir()
    db = open_db(folder / "Dữ liệu xã.sqlite3")
    assert db.journal_mode == "wal"
    db.conn.close()
    assert (folder / "Dữ liệu xã.sqlite3").exists()


def test_a_drive_wine_reports_as_a_network_drive_gets_the_rollback_journal(wine_setting, caplog):
    drive = wine_setting("BACHTHONG_WINE_NETWORK_DRIVE")
    folder = Path(drive + "\\") / f"run-{os.getpid()}"
    folder.mkdir(exist_ok=True)
    path = folder / "ttdn.sqlite3"
    assert is_network_path(path)
    assert not is_network_path(Path(os.environ["SYSTEMDRIVE"] + "\\ttdn.sqlite3"))
    with caplog.at_level(logging.INFO):
        db = open_db(path)
    try:
        assert db.journal_mode == "delete"
    finally:
        db.conn.close()
    assert any("network drive" in r.getMessage() and "rollback journal" in r.getMessage()
               for r in caplog.records)
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()


def test_file_names_are_found_whatever_their_case(tmp_path):
    made = tmp_path / "ttdn-20260101-0900-Thu-Cong.SQLITE3"
    made.write_bytes(b"x")
    other_case = tmp_path / "TTDN-20260101-0900-thu-cong.sqlite3"
    assert other_case.exists() and os.path.samefile(made, other_case)
    assert [p.name for p in tmp_path.iterdir()] == [made.name]  # the name keeps its case


def test_a_path_over_260_characters_can_be_written_and_read_here(tmp_path):
    folder = tmp_path
    while len(str(folder)) < 300:
        folder = folder / "Thư mục con của OneDrive - Ủy ban nhân dân xã"
    folder.mkdir(parents=True)
    path = folder / "bao-cao.sqlite3"
    assert len(str(path)) > 260
    db = open_db(path)
    db.conn.close()
    assert path.exists()
