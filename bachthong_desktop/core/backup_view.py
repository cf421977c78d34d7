"""What a backup holds, read without changing it: the periods, returns and issued versions.

The window lists the backups with this before restoring one, and names the issued versions a
restore would drop (an issued version is never lost without the clerk being asked).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import wording
from .backup import backup_time, list_backups

ISSUED_KEY = "period, number, doc_date, created_at"


@dataclass(frozen=True)
class IssuedRef:
    """One issued version as a person names it: period, number, date, when it was saved."""

    period: str
    number: str
    doc_date: str
    created_at: str

    @property
    def label(self) -> str:
        number = self.number.strip() or "chưa có số"
        saved = dt.datetime.fromisoformat(self.created_at).strftime("%d/%m/%Y %H:%M")
        return f"kỳ {self.period}: số {number}, ngày {self.doc_date or 'chưa ghi'} (lưu lúc {saved})"


@dataclass(frozen=True)
class BackupSummary:
    """One backup file and what it holds."""

    path: Path
    taken: dt.datetime | None
    periods: tuple[str, ...]
    returns: int
    issued: tuple[IssuedRef, ...]

    @property
    def label(self) -> str:
        when = self.taken.strftime("%d/%m/%Y %H:%M") if self.taken else self.path.name
        periods = ", ".join(self.periods) or "chưa có kỳ nào"
        return (f"{when} — kỳ: {periods}; {self.returns} tệp báo cáo của xã; "
                f"{wording.number(len(self.issued))} bản đã phát hành")


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:  # an older backup without this table
        return []


def issued_in(conn: sqlite3.Connection) -> tuple[IssuedRef, ...]:
    rows = _rows(conn, f"select {ISSUED_KEY} from issued_versions order by id")
    return tuple(IssuedRef(*(value or "" for value in row)) for row in rows)


def describe_backup(path: str | os.PathLike) -> BackupSummary:
    """Open a backup read-only and say what it holds."""
    path = Path(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        periods = tuple(r[0] for r in _rows(conn, "select distinct period from report_values "
                                                  "order by period"))
        returns = _rows(conn, "select count(*) from returns")
        issued = issued_in(conn)
    finally:
        conn.close()
    return BackupSummary(path, backup_time(path), periods, returns[0][0] if returns else 0,
                         issued)


def backup_summaries(db_path: str | os.PathLike) -> list[BackupSummary]:
    """Every readable backup of a database, newest first, with what it holds."""
    out = []
    for path in list_backups(db_path):
        try:
            out.append(describe_backup(path))
        except sqlite3.DatabaseError:
            continue  # a damaged backup is not offered
    # two backups of one second (before and after issuing) are told apart by when they were written
    return sorted(out, key=lambda s: (s.taken or dt.datetime.min, s.path.stat().st_mtime_ns),
                  reverse=True)


def issued_lost(db_path: str | os.PathLike, backup: BackupSummary) -> list[IssuedRef]:
    """The issued versions of the current data that restoring `backup` would drop."""
    conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        now = issued_in(conn)
    finally:
        conn.close()
    kept = set(backup.issued)
    return [ref for ref in now if ref not in kept]
