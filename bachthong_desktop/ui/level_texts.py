"""The window's words for the units that report to an office ("các xã", "các thôn, tổ dân phố, bộ phận"),
from the level words of the definition (forms/ttdn.toml, [level_words.<kind>])."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.definition import GENERIC_UNIT_WORDS as GENERIC


@dataclass(frozen=True)
class LevelTexts:
    """What the window calls the reporting units of one office, and where the office reports."""

    members: str = GENERIC["members_short"]  # "các xã"; generic while no office is known
    member: str = GENERIC["member_short"]  # "xã", "xã, phường"
    parent: str = GENERIC["parent"]  # "tỉnh", "cấp tỉnh", "Bộ"
    hidden: frozenset[str] = frozenset()  # fields of bodies the level lacks ("Trung tâm VH …")
    own: frozenset[str] = frozenset()  # units' fields the office types as its own work there

    @classmethod
    def of(cls, form, office) -> LevelTexts:
        """The words of `office` (a Unit, or None) by its kind in the catalog."""
        if office is None:
            return cls()
        words, named = form.words_of(office), form.unit_words(office)
        return cls(named["members_short"], named["member_short"], named["parent"],
                   frozenset(f.code for f in form.fields if form.lacks(f, words)),
                   frozenset(form.own_codes(office)))

    @property
    def returns_tab(self) -> str:
        """The title of the returns tab: "Các xã gửi báo cáo"."""
        return f"{capitalised(self.members)} gửi báo cáo"

    @property
    def import_button(self) -> str:
        return f"Nhập báo cáo của {self.member}…"

    @property
    def templates_button(self) -> str:
        return f"Tạo mẫu báo cáo cho {self.members}…"


def capitalised(text: str) -> str:
    """The first letter in capitals, the rest as it is ("các xã, phường" -> "Các xã, phường")."""
    return text[:1].upper() + text[1:]
