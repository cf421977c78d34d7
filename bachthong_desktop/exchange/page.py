"""Page margins of the printed report (Decree 30 ranges), kept as settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.errors import UserError
from ..core.settings import get_setting, set_setting

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

# side: (setting key, default mm, legal min, legal max, Vietnamese name)
MARGINS = {
    "top": ("margin_top_mm", 20.0, 20.0, 25.0, "lề trên"),
    "bottom": ("margin_bottom_mm", 20.0, 20.0, 25.0, "lề dưới"),
    "left": ("margin_left_mm", 30.0, 30.0, 35.0, "lề trái"),
    "right": ("margin_right_mm", 15.0, 15.0, 20.0, "lề phải"),
}


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 20.0
    bottom: float = 20.0
    left: float = 30.0
    right: float = 15.0


def _checked(side: str, mm: float) -> float:
    key, _, low, high, name = MARGINS[side]
    if not low <= mm <= high:
        raise UserError(f"Theo Nghị định 30/2020/NĐ-CP, {name} phải từ {low:g} đến {high:g} mm "
                        f"(đã nhập {mm:g} mm). Xin nhập lại.")
    return mm


def get_margins(db: Database) -> Margins:
    """The office's margins, or the Decree 30 defaults."""
    values = {}
    for side, (key, default, *_rest) in MARGINS.items():
        raw = get_setting(db, key)
        try:
            values[side] = _checked(side, float(raw)) if raw else default
        except (ValueError, UserError):
            values[side] = default
    return Margins(**values)


def set_margin(db: Database, side: str, mm: float | str) -> None:
    """Store one margin; refuse a value outside the legal range with a Vietnamese message."""
    try:
        value = float(str(mm).replace(",", "."))
    except ValueError:
        raise UserError(f"“{mm}” không phải là số milimét. Xin ghi một số, ví dụ 20.") from None
    set_setting(db, MARGINS[side][0], f"{_checked(side, value):g}")
