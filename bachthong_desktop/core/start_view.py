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
KEYS = (MODE_KEY, COMMUNE_KEY, GEOMETRY_KEY)


@dataclass(frozen=True)
class StartView:
    """The mode (None: not chosen yet, or not readable) and the saved window geometry."""

    mode: Mode | None = None
    geometry: str | None = None


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
        finally:
            conn.close()
    except (sqlite3.Error, ValueError):
        return StartView()
    settings = {key: value for key, value in rows if isinstance(value, str)}
    return StartView(mode_from(settings), settings.get(GEOMETRY_KEY))
