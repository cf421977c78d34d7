"""Deadlines per level: defaults from the period, overridden by the province's decision."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .periods import Period
from .settings import get_setting, set_setting

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

def _key(period: Period, level: str) -> str:
    return f"deadline:{period.id}:{level}"


def deadline(db: Database, period: Period, level: str) -> dt.date:
    """The deadline of a level ("unit": communes, "office": the compiling office)."""
    stored = get_setting(db, _key(period, level))
    return dt.date.fromisoformat(stored) if stored else period.default_deadline(level)


def set_deadline(db: Database, period: Period, level: str, day: dt.date) -> None:
    set_setting(db, _key(period, level), day.isoformat())
