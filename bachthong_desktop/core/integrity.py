"""Integrity check when the database opens; a damaged one names the newest good backup."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .errors import UserError


class DamagedDatabase(UserError):
    """The database failed its integrity check; `good_backups` lists sound backups, newest first."""

    def __init__(self, message: str, db_path: Path, good_backups: list[Path]):
        super().__init__(message)
        self.db_path = db_path
        self.good_backups = good_backups


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
        raise damaged_error(db_path)


def good_backups(db_path: str | os.PathLike, limit: int | None = None) -> list[Path]:
    """This database's backups that pass the restore checks, newest first."""
    from .backup import list_backups
    from .restore import is_good_backup

    good = []
    for path in list_backups(db_path):
        if is_good_backup(path):
            good.append(path)
            if limit and len(good) >= limit:
                break
    return good


def damaged_error(db_path: str | os.PathLike) -> DamagedDatabase:
    """The error for a damaged database, offering its newest good backup."""
    from .backup import backup_time

    db_path = Path(db_path)
    good = good_backups(db_path)
    if not good:
        return DamagedDatabase(
            f"Cơ sở dữ liệu “{db_path}” bị hỏng và không có bản sao lưu tốt nào trong "
            f"“{db_path.parent / 'backups'}”. Hãy khôi phục từ một bản sao lưu khác "
            "(bachthong restore TỆP) hoặc liên hệ người hỗ trợ.", db_path, good)
    when = backup_time(good[0])
    when_text = f" (lúc {when:%H:%M ngày %d/%m/%Y})" if when else ""
    return DamagedDatabase(
        f"Cơ sở dữ liệu “{db_path}” bị hỏng. Bản sao lưu tốt gần nhất là “{good[0]}”{when_text}; "
        f"hãy khôi phục nó bằng lệnh: bachthong --db \"{db_path}\" restore \"{good[0]}\"",
        db_path, good)
