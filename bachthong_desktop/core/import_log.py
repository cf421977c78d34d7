"""The log of every import attempt: what came in, when, and what became of it.

It is not report data: a refused attempt is written here and nowhere else, so it changes no
value, version or status of any return.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Attempt:
    """One file tried."""

    attempted_at: str
    file_name: str
    outcome: str
    message: str
    period: str | None = None
    unit_code: str | None = None
    version: int | None = None
    sha256: str | None = None
    cells: tuple[str, ...] = ()


def write_attempts(db, attempts: list[Attempt]) -> None:
    """Add attempts to the log, in one transaction."""
    if not attempts:
        return
    columns = ("attempted_at", "file_name", "sha256", "period", "unit_code", "outcome",
               "version", "message", "cells")
    rows = [(a.attempted_at, a.file_name, a.sha256, a.period, a.unit_code, a.outcome,
             a.version, a.message, json.dumps(list(a.cells), ensure_ascii=False))
            for a in attempts]
    with db.atomic():
        db.conn.executemany(f"insert into import_log ({', '.join(columns)}) values "
                            f"({', '.join('?' for _ in columns)})", rows)


def _attempt(row: dict) -> Attempt:
    return Attempt(row["attempted_at"], row["file_name"], row["outcome"], row["message"],
                   row["period"], row["unit_code"], row["version"], row["sha256"],
                   tuple(json.loads(row["cells"] or "[]")))


def attempts(db, period: str | None = None, limit: int = 500) -> list[Attempt]:
    """The latest attempts first: of a period and those whose period could not be read."""
    where, args = ("period = ? or period is null", [period]) if period else ("1 = 1", [])
    rows = db.execute(f"select * from import_log where {where} order by id desc limit ?",
                      [*args, limit])
    names = [d[0] for d in rows.description]
    return [_attempt(dict(zip(names, r))) for r in rows.fetchall()]


def refused_since_accepted(db, period: str) -> dict[str, Attempt]:
    """Per unit: its latest attempt, when that attempt was refused."""
    latest: dict[str, Attempt] = {}
    for attempt in reversed(attempts(db, period, limit=100_000)):
        if attempt.unit_code and attempt.period == period:
            latest[attempt.unit_code] = attempt
    return {code: a for code, a in latest.items() if a.outcome == "refused"}


def now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")
