"""When a unit's name is already taken among an office's units, and when it only looks like one.

The same name is the same after case, spacing, Unicode form (NFC/NFD) and old/new tone placement
("thôn  NÀ BẢN", "Thôn Nà Bản"): refused, since returns are matched to units by name.
A name that differs only where one side has no diacritics at all ("thon na ban", "Thôn Na Ban"
beside "Thôn Nà Bản") is most likely the same thôn typed without its marks: asked.
Where both sides carry marks and the marks differ ("Nà Bàn" beside "Nà Bản"), they are two names:
in Vietnamese a tone mark makes another word, and villages side by side are named so.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import TYPE_CHECKING

from .errors import UserError
from .text import clean, name_key, strip_accents
from .units import Unit, reporting_units, save_unit

if TYPE_CHECKING:
    from sqlite_utils import Database

SAME, UNMARKED = "same", "unmarked"


class SimilarName(UserError):
    """A name that differs from a unit's only by missing diacritics: the user is asked first."""

    def __init__(self, message: str, existing: Unit):
        super().__init__(message)
        self.existing = existing


def _marked(word: str) -> bool:
    return strip_accents(word) != word


def likeness(new: str, old: str) -> str | None:
    """SAME, UNMARKED (one side of every differing word has no diacritics) or None."""
    a, b = name_key(new), name_key(old)
    if a == b:
        return SAME
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or strip_accents(a) != strip_accents(b):
        return None
    differing = [(x, y) for x, y in zip(words_a, words_b) if x != y]
    if any(_marked(x) and _marked(y) for x, y in differing):
        return None  # "bàn" and "bản": another tone mark, another name
    return UNMARKED


def _rivals(db: Database, office_code: str, start: dt.date, skip: str | None) -> list[Unit]:
    """The office's units that exist on or after `start` (the ones a new name sits beside)."""
    return [u for u in reporting_units(db, office_code)
            if u.code != skip and (not u.valid_to or u.valid_to >= start.isoformat())]


def check_name(db: Database, office_code: str, name: str, start: dt.date,
               skip: str | None = None, similar_ok: bool = False) -> None:
    """Refuse a name already taken; raise SimilarName for one that only lacks diacritics."""
    typed = clean(name)
    for unit in _rivals(db, office_code, start, skip):
        found = likeness(typed, unit.name)
        if found == SAME:
            raise UserError(f"Đã có “{unit.name}” (mã {unit.code}) nên không thêm “{typed}” "
                            "lần nữa: hãy đặt một tên khác, hoặc dùng đơn vị đã có.")
        if found == UNMARKED and not similar_ok:
            raise SimilarName(f"“{typed}” chỉ khác “{unit.name}” (mã {unit.code}) ở chỗ thiếu "
                              "dấu: đây là một đơn vị khác, hay là gõ thiếu dấu?", unit)


def rename_unit(db: Database, unit: Unit, name: str, similar_ok: bool = False) -> Unit:
    """A unit's new name (checked as a new one is); the old name stays an alias, so that a
    return still written with it is matched."""
    new = clean(name)
    if not new:
        raise UserError(f"Hãy nhập tên mới cho “{unit.name}”, ví dụ “Thôn Nà Pài”.")
    if new == unit.name:
        return unit
    check_name(db, unit.parent_code, new, dt.date.fromisoformat(unit.valid_from), skip=unit.code,
               similar_ok=similar_ok)
    aliases = [a for a in unit.alias_list if a != new]
    if unit.name not in aliases:
        aliases.append(unit.name)
    return save_unit(db, replace(unit, name=new, aliases=json.dumps(aliases, ensure_ascii=False)))
