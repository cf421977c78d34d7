"""One writer at a time: the window holds a lock file next to the database.

The lock file (`<database>.lock`) names the holder (pid, host, program) for the messages; the
exclusion itself is an OS lock on that file (flock, or msvcrt.locking on Windows: PosixLocking
and WindowsLocking, the latter tested with a fake msvcrt), which the OS drops when the process
dies, so the lock of a crashed or killed window is simply taken over. The command line does not
take the lock: commands that write refuse while a window holds it (`refuse_if_window_open`);
reading commands stay safe meanwhile (WAL on a local disk, the busy timeout on a network drive).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .paths import too_long

CLI_REFUSAL = ("Cơ sở dữ liệu đang được mở trong cửa sổ chương trình trên máy này. "
               "Hãy đóng cửa sổ rồi chạy lại lệnh.")
_LOCK_BYTE = 1 << 20  # Windows locks a byte far past the text, so the text stays readable


@dataclass(frozen=True)
class Holder:
    """Who holds the lock."""

    pid: int
    host: str
    app: str
    since: str


class DatabaseInUse(UserError):
    """Another window already has this database open."""

    def __init__(self, message: str, holder: Holder | None):
        super().__init__(message)
        self.holder = holder


def lock_path(db_path: str | os.PathLike) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


class WriterLock:
    """The held lock; `release()` (or leaving a `with` block) frees it."""

    def __init__(self, path: Path, fd: int):
        self.path = path
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if LOCKING.unlink_while_locked:
            self.path.unlink(missing_ok=True)  # while still locked: no one else can be inside
        _unlock(fd)
        os.close(fd)
        if not LOCKING.unlink_while_locked:
            try:
                self.path.unlink()
            except OSError:
                pass  # another process opened it meanwhile; harmless

    def __enter__(self) -> "WriterLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(db_path: str | os.PathLike, app: str = "window") -> WriterLock:
    """Take the writer lock of a database, or raise DatabaseInUse naming the holder."""
    path = lock_path(db_path)
    for _ in range(5):  # the file may be deleted between open and lock by a releasing holder
        fd = _open(path)
        if not _try_lock(fd):
            os.close(fd)
            holder = read_holder(path)
            raise DatabaseInUse(_in_use_message(db_path, holder), holder)
        if _same_file(fd, path):
            _write_holder(fd, app)
            return WriterLock(path, fd)
        _unlock(fd)
        os.close(fd)
    raise DatabaseInUse(_in_use_message(db_path, None), None)


def holder(db_path: str | os.PathLike) -> Holder | None:
    """The live holder of the lock in another process, or None when it is free (or ours)."""
    path = lock_path(db_path)
    if not path.exists():
        return None
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None  # no live process holds it: a stale file
    finally:
        os.close(fd)
    found = read_holder(path)
    if found and found.pid == os.getpid() and found.host == socket.gethostname():
        return None
    return found or Holder(0, "", "", "")


def refuse_if_window_open(db_path: str | os.PathLike) -> None:
    """For commands that write: refuse while a window (another process) holds the lock."""
    if holder(db_path) is not None:
        raise UserError(CLI_REFUSAL)


def read_holder(path: Path) -> Holder | None:
    """The holder named in a lock file, when it can be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
        return Holder(int(data["pid"]), str(data["host"]), str(data["app"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _in_use_message(db_path, found: Holder | None) -> str:
    where = "trên máy này"
    if found and found.host and found.host != socket.gethostname():
        where = f"trên máy “{found.host}”"
    who = f" (tiến trình {found.pid})" if found and found.pid else ""
    return (f"Cơ sở dữ liệu “{db_path}” đang được mở trong một cửa sổ chương trình khác {where}"
            f"{who}. Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại.")


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise UserError(too_long(path) or f"Không tạo được tệp khóa “{path}”: {exc.strerror}. "
                        "Hãy cấp quyền ghi cho thư mục chứa cơ sở dữ liệu.") from exc


def _write_holder(fd: int, app: str) -> None:
    text = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "app": app,
                       "since": dt.datetime.now().isoformat(timespec="seconds")})
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, text.encode("utf-8"))
    os.fsync(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


class PosixLocking:
    """flock: the lock belongs to the open file; the file is deleted while still locked."""

    unlink_while_locked = True

    def __init__(self, fcntl_module):
        self.fcntl = fcntl_module

    def try_lock(self, fd: int) -> bool:
        try:
            self.fcntl.flock(fd, self.fcntl.LOCK_EX | self.fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def unlock(self, fd: int) -> None:
        self.fcntl.flock(fd, self.fcntl.LOCK_UN)


class WindowsLocking:
    """msvcrt.locking on one byte far past the text, so the holder's text stays readable.

    Windows locks belong to the file handle, and a file that is open cannot be deleted: the
    lock file is deleted after it is closed (and left when another process opened it meanwhile).
    """

    unlink_while_locked = False

    def __init__(self, msvcrt_module):
        self.msvcrt = msvcrt_module

    def try_lock(self, fd: int) -> bool:
        os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
        try:
            self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def unlock(self, fd: int) -> None:
        os.lseek(fd, _LOCK_BYTE, os.SEEK_SET)
        try:
            self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, 1)
        except OSError:
            pass


def _platform_locking():
    if sys.platform == "win32":
        import msvcrt

        return WindowsLocking(msvcrt)
    import fcntl

    return PosixLocking(fcntl)


LOCKING = _platform_locking()  # tests put WindowsLocking(a fake msvcrt) here


def _try_lock(fd: int) -> bool:
    return LOCKING.try_lock(fd)


def _unlock(fd: int) -> None:
    LOCKING.unlock(fd)
