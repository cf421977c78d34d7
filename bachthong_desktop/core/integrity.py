"""Integrity check when the database opens: a damaged one raises a plain DamagedDatabase.

Which backup can replace it is recovery's business (core/restore.py, `with_good_backups`), a
layer above: this module imports nothing of backups or restoring.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .errors import UserError


class DamagedDatabase(UserError):
    """The database failed its integrity check; `good_backups` (filled by recovery) newest first."""

    def __init__(self, db_path: str | os.PathLike, message: str | None = None,
                 good_backups: list[Path] | None = None, window_message: str | None = None):
        self.db_path = Path(db_path)
        self.good_backups = good_backups or []
        super().__init__(message or f"Cơ sở dữ liệu “{self.db_path}” bị hỏng (không qua được "
                                    "kiểm tra toàn vẹn). Hãy khôi phục từ một bản sao lưu.")
        # The window's user has no shell: the same fact, with what to do in the window.
        self.window_message = window_message or self.message


def problems(conn: sqlite3.Connection, quick: bool = True) -> list[str]:
    """What SQLite's check finds wrong ([] when the database is sound)."""
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(10)")]
    return [] if rows == ["ok"] else rows


def check_on_open(conn: sqlite3.Connection, db_path: str | os.PathLike) -> None:
    """Raise DamagedDatabase when the freshly opened database is not sound.

    quick_check (not integrity_check) keeps opening fast; a locked database raises
    sqlite3.OperationalError, which open_db explains as such.
    """
    if problems(conn):
        raise DamagedDatabase(db_path)


def window_words(error: UserError) -> str:
    """What the window shows for an error: a damaged database's window wording, else the message."""
    return error.window_message if isinstance(error, DamagedDatabase) else error.message
