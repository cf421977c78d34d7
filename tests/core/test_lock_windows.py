"""The lock's Windows branch (msvcrt.locking), run here against a fake msvcrt that keeps the
rules of Windows: locks belong to a file handle, another handle is refused, a dead process's
locks are dropped, and an open file cannot be deleted (tests/windows_fs.py)."""

import errno
import json
import os
import socket

import pytest

from bachthong_desktop.core import lock as lock_module
from bachthong_desktop.core.lock import (DatabaseInUse, WindowsLocking, acquire, holder,
                                         lock_path, read_holder, refuse_if_window_open)
from bachthong_desktop.core.errors import UserError


class FakeMsvcrt:
    """msvcrt.locking's byte-range locks, per handle, as Windows' LockFile keeps them."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = range(5)

    def __init__(self):
        self.locks: dict[tuple, int] = {}  # (file identity, offset) -> the handle holding it

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        stat = os.fstat(fd)
        region = ((stat.st_dev, stat.st_ino), os.lseek(fd, 0, os.SEEK_CUR))
        if mode == self.LK_NBLCK:
            if region in self.locks:  # held by any handle, this process's own included
                raise OSError(errno.EACCES, "Permission denied")
            self.locks[region] = fd
        elif mode == self.LK_UNLCK:
            if self.locks.get(region) != fd:
                raise OSError(errno.EACCES, "Permission denied")
            del self.locks[region]
        else:
            raise AssertionError(f"mode {mode} is never used: it would block or share")

    def process_died(self, fd: int) -> None:
        """Windows drops the locks of a handle when its process ends."""
        self.locks = {region: owner for region, owner in self.locks.items() if owner != fd}


@pytest.fixture
def msvcrt(monkeypatch, windows_fs):
    fake = FakeMsvcrt()
    monkeypatch.setattr(lock_module, "LOCKING", WindowsLocking(fake))
    return fake


def test_the_lock_is_one_byte_far_past_the_holders_text(msvcrt, db_path):
    with acquire(db_path) as held:
        [(_, offset)] = msvcrt.locks
        assert offset == 1 << 20
        found = read_holder(held.path)
        assert (found.pid, found.host, found.app) == (os.getpid(), socket.gethostname(), "window")


def test_a_second_window_is_refused_and_names_the_first(msvcrt, db_path):
    with acquire(db_path):
        with pytest.raises(DatabaseInUse) as caught:
            acquire(db_path)
        assert caught.value.holder.pid == os.getpid()
        assert f"tiến trình {os.getpid()}" in caught.value.message


def test_our_own_lock_is_no_obstacle_to_our_commands(msvcrt, db_path):
    with acquire(db_path):
        assert holder(db_path) is None
        refuse_if_window_open(db_path)


def test_release_deletes_the_file_after_closing_it(msvcrt, db_path, windows_fs):
    held = acquire(db_path)
    held.release()
    assert not lock_path(db_path).exists() and msvcrt.locks == {}
    assert windows_fs.refused == []  # never deleted while open: Windows would refuse that


def test_a_lock_file_another_program_has_open_stays_and_is_taken_over(msvcrt, db_path,
                                                                        windows_fs):
    held = acquire(db_path)
    reader = open(lock_path(db_path), encoding="utf-8")  # someone reading who holds the lock
    held.release()
    assert lock_path(db_path).exists()  # Windows refused the delete; harmless
    reader.close()
    with acquire(db_path) as again:
        assert read_holder(again.path).pid == os.getpid()


def test_the_lock_of_a_window_that_died_is_taken_over(msvcrt, db_path):
    path = lock_path(db_path)
    path.write_text(json.dumps({"pid": 999999, "host": socket.gethostname(), "app": "window",
                                "since": "2026-01-01T08:00:00"}), encoding="utf-8")
    fd = os.open(path, os.O_RDWR)
    assert WindowsLocking(msvcrt).try_lock(fd)
    assert holder(db_path).pid == 999999
    with pytest.raises(UserError, match="đóng cửa sổ rồi chạy lại lệnh"):
        refuse_if_window_open(db_path)
    msvcrt.process_died(fd)
    os.close(fd)
    assert holder(db_path) is None
    with acquire(db_path) as taken:
        assert read_holder(taken.path).pid == os.getpid()


def test_a_holder_on_another_machine_is_named(msvcrt, db_path):
    path = lock_path(db_path)
    path.write_text(json.dumps({"pid": 4242, "host": "MAY-VAN-THU", "app": "window",
                                "since": "2026-01-01T08:00:00"}), encoding="utf-8")
    fd = os.open(path, os.O_RDWR)
    WindowsLocking(msvcrt).try_lock(fd)
    try:
        with pytest.raises(DatabaseInUse, match="trên máy “MAY-VAN-THU”"):
            acquire(db_path)
    finally:
        os.close(fd)
