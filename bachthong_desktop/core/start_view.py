"""What the window shows before the database is open: a quick, read-only look at two settings.

The window frame (its tabs, size and position) is painted from this look first; the database is
then opened properly (checked, migrated, backed up) and fills it. Anything unreadable here only
means a default frame: the proper opening reports the problem.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path, PurePath

from .commune_mode import COMMUNE_KEY, MODE_KEY, Mode, mode_from

GEOMETRY_KEY = "window_geometry"
RETURNS_TITLE_KEY = "returns_tab_title"  # the returns tab's name when the window last closed
OFFICE_KEY = "office_code"  # units.OFFICE_SETTING: the current office
KEYS = (MODE_KEY, COMMUNE_KEY, GEOMETRY_KEY, RETURNS_TITLE_KEY, OFFICE_KEY)
# The current office's level, as units.current_office finds it: the office chosen last, else
# the latest office; for the words of the returns tab.
OFFICE_LEVEL = ("SELECT kind, level_word FROM units WHERE is_office = 1 "
                "ORDER BY code = ? DESC, valid_from DESC LIMIT 1")


@dataclass(frozen=True)
class OfficeLevel:
    """What the level words of an office are looked up by (as on a Unit)."""

    kind: str | None
    level_word: str | None


@dataclass(frozen=True)
class StartView:
    """The mode (None: not chosen yet, or not readable), the saved window geometry, and the
    returns tab's last name or else the current office's level (None: no office yet)."""

    mode: Mode | None = None
    geometry: str | None = None
    returns_title: str | None = None
    office: OfficeLevel | None = None


def read_only_uri(path: PurePath) -> str:
    """A read-only SQLite URI of an absolute path, network paths (\\\\server\\share) included."""
    uri = path.as_uri()
    if not uri.startswith("file:///"):  # file://server/share/...: SQLite takes no host there
        uri = "file:////" + uri[len("file://"):]
    return f"{uri}?mode=ro"


def look(db_path: str | os.PathLike) -> StartView:
    """The settings the frame needs, read without creating, migrating or locking anything."""
    path = Path(db_path)
    if not path.is_file():
        return StartView()
    try:
        # absolute(), not resolve(): on Windows resolve() turns a mapped drive Z: into \\server
        conn = sqlite3.connect(read_only_uri(path.absolute()), uri=True, timeout=0.2)
        try:
            rows = conn.execute(f"SELECT key, value FROM settings WHERE key IN "
                                f"({', '.join('?' * len(KEYS))})", KEYS).fetchall()
            settings = {key: value for key, value in rows if isinstance(value, str)}
            level = conn.execute(OFFICE_LEVEL, (settings.get(OFFICE_KEY, ""),)).fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, ValueError):
        return StartView()
    return StartView(mode_from(settings), settings.get(GEOMETRY_KEY),
                     settings.get(RETURNS_TITLE_KEY), OfficeLevel(*level) if level else None)
