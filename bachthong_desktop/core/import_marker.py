"""Imports and restore keep out of each other's way: a lock file next to the database.

Any number of imports hold it shared while they run; `restore` takes it exclusively, so it
refuses while an import runs and an import refuses while a restore runs. Without this, a file
an import reported as stored could land between restore's backup of the current data and its
overwrite, and be in neither. The OS drops the lock of a process that dies.

POSIX: flock shared/exclusive. Windows has no shared lock, so each import locks one byte of
its own in a range and restore locks the whole range.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import UserError

SLOTS = 4096  # Windows: the bytes imports pick from; restore locks them all
RESTORE_REFUSAL = ("Đang có một lần nhập báo cáo của xã chạy trên cơ sở dữ liệu này. Hãy chờ "
                   "nhập xong rồi khôi phục.")
IMPORT_REFUSAL = ("Cơ sở dữ liệu đang được khôi phục từ bản sao lưu. Hãy chờ khôi phục xong "
                  "rồi nhập lại.")


class RestoreUnderWay(UserError):
    """An import asked to start while a restore runs."""


def marker_path(db_path: str | os.PathLike) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".nhap.lock")


def _open(db_path) -> int | None:
    """The marker file, or None where it cannot be made (an in-memory database, no rights)."""
    if str(db_path) in ("", ":memory:"):
        return None
    try:
        return os.open(marker_path(db_path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return None


@contextmanager
def _holding(db_path: str | os.PathLike, shared: bool, refusal: UserError) -> Iterator[None]:
    """The marker held, shared or alone, while the block runs; `refusal` when it cannot be."""
    fd = _open(db_path)
    if fd is None:
        yield
        return
    try:
        if not _lock(fd, shared=shared):
            raise refusal
        yield
    finally:
        os.close(fd)  # closing drops the lock


def importing(db_path: str | os.PathLike):
    """Held by an import while it runs; UserError when a restore is under way."""
    return _holding(db_path, True, RestoreUnderWay(IMPORT_REFUSAL))


def restoring(db_path: str | os.PathLike):
    """Held by restore; UserError naming the running import when there is one."""
    return _holding(db_path, False, UserError(RESTORE_REFUSAL))


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int, shared: bool) -> bool:
        if not shared:
            os.lseek(fd, 0, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, SLOTS)
                return True
            except OSError:
                return False
        start = os.getpid() % SLOTS
        for offset in range(SLOTS):
            os.lseek(fd, (start + offset) % SLOTS, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                continue
        return False
else:
    import fcntl

    def _lock(fd: int, shared: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            return True
        except OSError:
            return False
