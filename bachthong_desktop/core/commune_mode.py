"""Which unit this copy of the program serves: the compiling office, or one commune."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .settings import get_setting, set_setting

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

MODE_KEY = "mode"
COMMUNE_KEY = "commune_code"
OFFICE = "office"
COMMUNE = "commune"


@dataclass(frozen=True)
class Mode:
    """Office mode (unit_code None) or commune mode for one unit."""

    kind: str
    unit_code: str | None = None

    @property
    def is_commune(self) -> bool:
        return self.kind == COMMUNE


def get_mode(db: Database) -> Mode | None:
    """The chosen mode, or None before the first start has asked."""
    return mode_from({key: get_setting(db, key) for key in (MODE_KEY, COMMUNE_KEY)})


def mode_from(settings: dict[str, str | None]) -> Mode | None:
    """The mode that the settings MODE_KEY and COMMUNE_KEY hold."""
    kind = settings.get(MODE_KEY)
    if kind == COMMUNE:
        code = settings.get(COMMUNE_KEY)
        return Mode(COMMUNE, code) if code else None
    return Mode(OFFICE) if kind == OFFICE else None


def set_mode(db: Database, mode: Mode) -> None:
    if mode.is_commune:
        set_setting(db, COMMUNE_KEY, mode.unit_code)
    set_setting(db, MODE_KEY, mode.kind)
