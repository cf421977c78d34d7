"""The national catalog of today's units (34 provinces, 3,321 communes and wards, from 01/07/2025).

The catalog is versioned data: each release of the `vietnam-provinces` package is a snapshot in
resources/catalog/<release>.json (scripts/catalog_snapshot.py takes it from the release's wheel),
so every Python the program supports reads the same units and no package is needed. Releases
disagree on codes (the statistics office's codes as the package had them): an office, a template
and a return each say from which release they were made; one without that stamp is of
PREVIOUS_RELEASE, the only release the program used before.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import UserError
from .paths import resources_dir
from .place_names import bare
from .text import clean, strip_accents

CURRENT_RELEASE = "2026.9.0"  # what offices are set up from today
PREVIOUS_RELEASE = "2025.10.1"  # the release of everything without a stamp
RELEASES = (PREVIOUS_RELEASE, CURRENT_RELEASE)  # oldest first; each has a snapshot
VALID_FROM = dt.date(2025, 7, 1)  # the two-level government starts
PROVINCE_KINDS = {"tỉnh": "tỉnh", "thành phố trung ương": "thành phố"}
_WORD = re.compile(r"\w+")
_KIND_WORDS = re.compile(r"^(?:xa|phuong|dac khu|tinh|thanh pho)\s+")


@dataclass(frozen=True)
class CatalogUnit:
    """One province, or one commune, ward or special zone, as the catalog holds it."""

    code: str  # "19" for a province, "01969" for a commune or ward
    name: str  # "Tỉnh Thái Nguyên", "Xã Phủ Thông"
    kind: str  # tỉnh, thành phố; xã, phường, đặc khu
    province_code: str
    province_name: str  # "Tỉnh Thái Nguyên"

    @property
    def is_province(self) -> bool:
        return self.code == self.province_code

    @property
    def bare_name(self) -> str:
        """The name without its kind: "Phủ Thông", "Thái Nguyên" (the place of the date line)."""
        return bare(self.kind, self.name)

    @property
    def label(self) -> str:
        """As a list shows it: "Xã Vĩnh Thông, Tỉnh Thái Nguyên"."""
        return self.name if self.is_province else f"{self.name}, {self.province_name}"


def release_of(stamp: str | None) -> str:
    """The release a stored or written stamp names; no stamp is the release pinned before."""
    return (stamp or "").strip() or PREVIOUS_RELEASE


def catalog_path(release: str = CURRENT_RELEASE) -> Path:
    """The snapshot of a release in resources/catalog (the built program carries it too)."""
    path = resources_dir() / "catalog" / f"{release}.json"
    if release not in RELEASES or not path.exists():
        raise UserError(f"Chương trình không có danh mục đơn vị hành chính bản {release} (có: "
                        f"{', '.join(RELEASES)}). Hãy cài phiên bản chương trình mới nhất.")
    return path


def _named(name: str, kind: str) -> str:
    """The name with its kind in front, capitalised ("xã Bắc Sơn" in 2026.9.0 is "Xã Bắc Sơn")."""
    name = clean(name)
    if name.lower().startswith(kind + " "):
        return kind.capitalize() + name[len(kind):]
    return name


def _province(raw: dict) -> CatalogUnit:
    kind = PROVINCE_KINDS[raw["division_type"]]
    name = _named(raw["name"] if raw["name"].lower().startswith(kind) else f"{kind} {raw['name']}",
                  kind)
    code = f"{raw['code']:02d}"
    return CatalogUnit(code, name, kind, code, name)


@cache
def all_units(release: str = CURRENT_RELEASE) -> tuple[CatalogUnit, ...]:
    """Every province followed by its communes and wards, in the release's order."""
    data = json.loads(catalog_path(release).read_text(encoding="utf-8"))
    units = []
    for raw in data:
        province = _province(raw)
        units.append(province)
        units += [CatalogUnit(f"{w['code']:05d}", _named(w["name"], w["division_type"]),
                              w["division_type"], province.code, province.name)
                  for w in raw["wards"]]
    return tuple(units)


@cache
def _by_code(release: str = CURRENT_RELEASE) -> dict[str, CatalogUnit]:
    return {u.code: u for u in all_units(release)}


def normal_code(text: str) -> str:
    """Two digits name a province ("19"), three to five a commune or ward ("1969" = "01969")."""
    digits = str(text).strip()
    if not digits.isdigit() or len(digits) > 5:
        return digits
    return digits.zfill(2) if len(digits) <= 2 else digits.zfill(5)


def lookup(code: str, release: str = CURRENT_RELEASE) -> CatalogUnit | None:
    return _by_code(release).get(normal_code(code))


def get(code: str, release: str = CURRENT_RELEASE) -> CatalogUnit:
    """The catalog unit of a code; an unknown code is a user error naming what exists."""
    unit = lookup(code, release)
    if unit is None:
        near = nearest_codes(code) or closest_names(code)
        hint = f" Gần nhất: {'; '.join(f'{u.code} {u.label}' for u in near)}." if near else ""
        raise UserError(f"Mã “{code}” không có trong danh mục đơn vị hành chính từ ngày "
                        f"01/07/2025 (2 chữ số cho tỉnh, ví dụ 19; 5 chữ số cho xã, phường, "
                        f"ví dụ 01969).{hint} Hãy tìm mã bằng lệnh: bachthong units find TÊN.")
    return unit


def communes_of(province_code: str, release: str = CURRENT_RELEASE) -> list[CatalogUnit]:
    """The communes, wards and special zones of a province, in the release's order."""
    return [u for u in all_units(release)
            if u.province_code == province_code and not u.is_province]


def _folded(text: str) -> str:
    return strip_accents(clean(text)).lower()


def _words(text: str) -> list[str]:
    return _WORD.findall(clean(text).lower())


@cache
def _index() -> tuple[tuple[CatalogUnit, frozenset[str], frozenset[str]], ...]:
    """Each unit with the words of its name, as written and without diacritics (built once)."""
    out = []
    for unit in all_units():
        words = _words(unit.name)
        out.append((unit, frozenset(words), frozenset(_folded(w) for w in words)))
    return tuple(out)


def search(text: str) -> list[CatalogUnit]:
    """Units whose name holds every typed word whole, with or without diacritics; a code too."""
    text = clean(text)
    if text.isdigit():
        found = lookup(text)
        return [found] if found else []
    tokens = _words(text)
    if not tokens:
        return []
    plain = [(t, _folded(t) == t) for t in tokens]
    found = [unit for unit, words, folded in _index()
             if all(t in (folded if bare else words) for t, bare in plain)]
    return sorted(found, key=lambda u: (not u.is_province, len(u.name)))


def closest_names(text: str, limit: int = 5) -> list[CatalogUnit]:
    """The catalog names nearest to a name that matched nothing (for the error message)."""
    by_key = {}
    for unit in all_units():
        by_key.setdefault(_folded(unit.bare_name), unit)
    typed = _KIND_WORDS.sub("", _folded(text))
    keys = difflib.get_close_matches(typed, list(by_key), n=limit, cutoff=0.6)
    return [by_key[k] for k in keys]


def nearest_codes(code: str, limit: int = 3) -> list[CatalogUnit]:
    """The catalog units whose codes are nearest to an unknown one of the same length."""
    code = normal_code(code)
    if not code.isdigit():
        return []
    same = [u for u in all_units() if len(u.code) == len(code)]
    return sorted(same, key=lambda u: abs(int(u.code) - int(code)))[:limit]
