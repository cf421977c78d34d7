"""Where things live: the bundled forms and resources, and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "BachThongTTDN"
DB_ENV = "BACHTHONG_DB"
DATA_ENV = "BACHTHONG_DATA_DIR"


def project_root() -> Path:
    """The folder holding forms/ and resources/ (the bundle folder in a PyInstaller build)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def forms_dir() -> Path:
    return project_root() / "forms"


def resources_dir() -> Path:
    return project_root() / "resources"


def data_dir() -> Path:
    """The user's data folder; BACHTHONG_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The database: `--db`, else BACHTHONG_DB, else the data folder."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return data_dir() / "bachthong.sqlite3"
