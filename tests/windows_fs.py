"""Windows file behaviour on Linux: a file that is still open cannot be renamed, replaced or deleted.

On Windows, SQLite and Python open files without FILE_SHARE_DELETE, so `os.replace`, `os.rename`
and `os.unlink` of a file that any handle (in this process or another) still holds fail with
PermissionError, WinError 32 ("being used by another process"). Linux allows all three, so code
that forgets to close a connection or a log file passes here and fails in every office.

`WindowsFiles.install(monkeypatch)` tracks what this process holds open (SQLite connections with
their -wal/-shm/-journal files, files opened with `open()`, logging's file handlers) and makes
those calls fail the Windows way. `hold(path, times)` plays another process (an antivirus
scanning a file just written) that holds a file for the next `times` attempts;
`open_in_word(path)` plays Word or Excel holding a document, which cannot even be written.
"""

from __future__ import annotations

import builtins
import fnmatch
import io
import logging
import os
import sqlite3
import weakref
from urllib.parse import unquote, urlsplit

WINERROR_SHARING_VIOLATION = 32
SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def sharing_violation(path) -> PermissionError:
    """The error Windows raises for a file another handle holds (errno 13, WinError 32)."""
    error = PermissionError(13, "The process cannot access the file because it is being used "
                                "by another process", str(path))
    error.winerror = WINERROR_SHARING_VIOLATION
    return error


def _key(path) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def sqlite_file(database, uri: bool = False) -> str | None:
    """The file a sqlite3.connect() argument opens (None for memory databases)."""
    name = os.fspath(database) if isinstance(database, os.PathLike) else database
    if not isinstance(name, str) or name in ("", ":memory:"):
        return None
    if uri and name.startswith("file:"):
        parts = urlsplit(name)
        if "memory" in parts.query:
            return None
        return "/" + unquote(parts.path).lstrip("/")
    return name


class WindowsFiles:
    """The registry of open files and the patched calls."""

    def __init__(self):
        self._open: list = []  # (path key, alive()) pairs
        self._held: dict[str, int] = {}
        self._in_editor: set[str] = set()
        self.refused: list[tuple[str, str]] = []  # (operation, path) refused, for assertions

    # --- what is open -------------------------------------------------------------------
    def track(self, path, handle, is_closed) -> None:
        """Remember that `handle` holds `path` until `is_closed(handle)` or it is collected."""
        ref = weakref.ref(handle)

        def alive() -> bool:
            target = ref()
            return target is not None and not is_closed(target)

        self._open.append((_key(path), alive))

    def is_open(self, path) -> bool:
        key = _key(path)
        for held in self._held:
            if self._held[held] > 0 and fnmatch.fnmatchcase(key, held):
                self._held[held] -= 1
                return True
        self._open = [(k, alive) for k, alive in self._open if alive()]
        return any(k == key for k, _ in self._open)

    def hold(self, path, times: int = 1) -> None:
        """Another process (an antivirus) holds `path` (a glob: "*.part") for its next `times` uses."""
        pattern = str(path)
        self._held[pattern if "*" in pattern else _key(path)] = times

    def open_in_word(self, path) -> None:
        """Word or Excel has the file open: it cannot be written, renamed or deleted."""
        self._in_editor.add(_key(path))
        self.hold(path, times=10**9)

    # --- the patched calls ----------------------------------------------------------------
    def install(self, monkeypatch) -> "WindowsFiles":
        for name in ("replace", "rename"):
            monkeypatch.setattr(os, name, self._guard_two(getattr(os, name), name))
        for name in ("remove", "unlink"):
            monkeypatch.setattr(os, name, self._guard_one(getattr(os, name), name))
        monkeypatch.setattr(sqlite3, "connect", self._connect(sqlite3.connect))
        monkeypatch.setattr(builtins, "open", self._opener(builtins.open))
        monkeypatch.setattr(io, "open", self._opener(io.open))
        monkeypatch.setattr(logging.FileHandler, "_open", self._log_opener(logging.FileHandler._open))
        return self

    def _refuse(self, operation: str, *paths) -> None:
        for path in paths:
            if isinstance(path, (str, os.PathLike)) and os.path.lexists(path) \
                    and self.is_open(path):
                self.refused.append((operation, str(path)))
                raise sharing_violation(path)

    def _guard_two(self, real, operation):
        def guarded(src, dst, *args, **kwargs):
            if not kwargs.get("src_dir_fd") and not kwargs.get("dst_dir_fd"):
                self._refuse(operation, src, dst)
            return real(src, dst, *args, **kwargs)
        return guarded

    def _guard_one(self, real, operation):
        def guarded(path, *args, **kwargs):
            if kwargs.get("dir_fd") is None:
                self._refuse(operation, path)
            return real(path, *args, **kwargs)
        return guarded

    def _connect(self, real):
        registry = self

        def connect(database, *args, **kwargs):
            factory = kwargs.pop("factory", sqlite3.Connection)
            tracked = _tracked_connection(factory)
            conn = real(database, *args, factory=tracked, **kwargs)
            path = sqlite_file(database, kwargs.get("uri", False))
            if path:
                for suffix in SQLITE_SIDE_FILES:
                    registry.track(path + suffix, conn, lambda c: c._closed_by_test)
            return conn
        return connect

    def _opener(self, real):
        registry = self

        def opener(file, mode="r", *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and set(mode) & set("wax+") \
                    and _key(file) in registry._in_editor:
                registry.refused.append(("open", str(file)))
                raise sharing_violation(file)
            handle = real(file, mode, *args, **kwargs)
            if isinstance(file, (str, os.PathLike)):
                registry.track(file, handle, lambda h: h.closed)
            return handle
        return opener

    def _log_opener(self, real):
        registry = self

        def opener(handler):
            stream = real(handler)
            registry.track(handler.baseFilename, stream, lambda s: s.closed)
            return stream
        return opener


_FACTORIES: dict[type, type] = {}


def _tracked_connection(factory: type) -> type:
    """A subclass of the connection class that remembers whether close() was called."""
    if factory not in _FACTORIES:
        class Tracked(factory):
            _closed_by_test = False

            def close(self):
                self._closed_by_test = True
                super().close()
        _FACTORIES[factory] = Tracked
    return _FACTORIES[factory]

