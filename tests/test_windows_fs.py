"""The Windows-behaviour layer itself: an open file cannot be renamed, replaced or deleted."""

import logging
import os
import sqlite3

import pytest


def test_a_file_open_for_reading_cannot_be_renamed_or_deleted(windows_fs, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x")
    handle = open(path)
    with pytest.raises(PermissionError) as caught:
        os.replace(path, tmp_path / "b.txt")
    assert caught.value.winerror == 32
    with pytest.raises(PermissionError):
        path.unlink()
    handle.close()
    path.rename(tmp_path / "b.txt")
    assert (tmp_path / "b.txt").read_text() == "x"


def test_a_database_held_by_a_connection_cannot_be_moved_until_closed(windows_fs, tmp_path):
    path = tmp_path / "d.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("create table t (x)")
    with pytest.raises(PermissionError):
        os.replace(path, tmp_path / "e.sqlite3")
    ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    conn.close()
    with pytest.raises(PermissionError):  # the read-only connection still holds it
        os.replace(path, tmp_path / "e.sqlite3")
    ro.close()
    os.replace(path, tmp_path / "e.sqlite3")


def test_a_target_that_is_open_cannot_be_replaced(windows_fs, tmp_path):
    (tmp_path / "new").write_text("1")
    (tmp_path / "old").write_text("2")
    with open(tmp_path / "old"):
        with pytest.raises(PermissionError):
            os.replace(tmp_path / "new", tmp_path / "old")


def test_another_process_holding_a_file_for_a_while(windows_fs, tmp_path):
    (tmp_path / "a").write_text("1")
    windows_fs.hold(tmp_path / "a", times=2)
    for _ in range(2):
        with pytest.raises(PermissionError):
            os.replace(tmp_path / "a", tmp_path / "b")
    os.replace(tmp_path / "a", tmp_path / "b")


def test_a_log_file_held_by_a_handler(windows_fs, tmp_path):
    handler = logging.FileHandler(tmp_path / "x.log")
    with pytest.raises(PermissionError):
        os.rename(tmp_path / "x.log", tmp_path / "x.log.1")
    handler.close()
    os.rename(tmp_path / "x.log", tmp_path / "x.log.1")
