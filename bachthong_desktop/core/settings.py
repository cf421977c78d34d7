"""Small key/value settings kept in the database (office choice, mode, deadlines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database



def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    rows = list(db["settings"].rows_where("key = ?", [key]))
    return rows[0]["value"] if rows else default


def set_setting(db: Database, key: str, value: str) -> None:
    db["settings"].upsert({"key": key, "value": value}, pk="key")
