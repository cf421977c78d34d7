"""What a newer catalog release changes for an office set up from an older one (a plan, no writes).

Units are matched by name, kind and province with a tolerant compare (NFC, case, spacing, old and
new tone placement "Thuỷ"/"Thủy", ' and ’), never by code alone: the releases give some codes to
other units (Cao Bằng: 01537 is Xã Vinh Quý in 2025.10.1 and Xã Lý Quốc in 2026.9.0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import catalog
from .catalog import CatalogUnit
from .errors import UserError
from .text import name_key
from .units import Unit, current_office, reporting_units
from .wording import date

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

SPELLING, CODE, RENAME, VANISHED, APPEARED, UNSURE = (
    "spelling", "code", "rename", "vanished", "appeared", "unsure")
ASKS = (RENAME, UNSURE)  # changes the user decides; nothing else is applied without them
HEADINGS = {  # the order and words of the list of changes (window and command line)
    "code": "Đổi mã (cùng tên, cùng tỉnh; số liệu và báo cáo đi theo đơn vị)",
    "spelling": "Sửa chính tả tên (từ ngày 01/7/2025)",
    "rename": "Cần xác nhận đổi tên",
    "unsure": "Không xác định chắc chắn (cần sửa đơn vị trước)",
    "vanished": "Không còn trong danh mục mới (giữ nguyên)",
    "appeared": "Mới có trong danh mục (chưa thêm)",
}
_SAME_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-"})


def name_of(text: str) -> str:
    """The tolerant key of a unit's name (its kind is compared apart)."""
    return name_key(text.translate(_SAME_MARKS))


def same_unit(a, b) -> bool:
    """Two units (stored or catalog) a person reads as one: name, kind and province."""
    return (name_of(a.name) == name_of(b.name) and a.kind == b.kind
            and a.province_code == b.province_code)


@dataclass(frozen=True)
class Change:
    """One unit the new release changes: its stored version, and it in each release."""

    kind: str
    unit: Unit | None  # None: a unit that appeared
    old: CatalogUnit | None  # in the database's release
    new: CatalogUnit | None  # in the new release
    why: str = ""  # for UNSURE: what makes the match uncertain

    @property
    def code(self) -> str:
        return self.unit.code if self.unit else self.new.code

    def line(self) -> str:
        """The change as the list shows it, in one Vietnamese sentence."""
        u, n = self.unit, self.new
        if self.kind == CODE:
            named = f", tên nay viết “{n.name}”" if n.name != u.name else ""
            return f"{u.name}: mã {u.code} nay là {n.code}{named} (số liệu, báo cáo giữ nguyên)."
        if self.kind == SPELLING:
            return f"{u.name} ({u.code}): tên nay viết “{n.name}” (sửa chính tả, từ 01/07/2025)."
        if self.kind == RENAME:
            return (f"{u.name} ({u.code}): danh mục mới ghi mã này là “{n.name}”. Cần xác nhận "
                    "đổi tên và ngày đổi tên, hoặc giữ tên cũ.")
        if self.kind == VANISHED:
            return f"{u.name} ({u.code}): không còn trong danh mục mới; đơn vị được giữ nguyên."
        if self.kind == APPEARED:
            return f"{n.name} ({n.code}): mới có trong danh mục; chưa thêm vào đơn vị báo cáo."
        return (f"{u.name} ({u.code}): không xác định chắc chắn được đơn vị này trong danh mục "
                f"mới ({self.why}).")


@dataclass
class Plan:
    """Every change the new release makes for the office and its units."""

    office: Unit
    from_release: str
    to_release: str
    units: list[Unit] = field(default_factory=list)  # the versions the update stamps
    changes: list[Change] = field(default_factory=list)

    def of(self, *kinds: str) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]

    @property
    def up_to_date(self) -> bool:
        return self.from_release == self.to_release

    @property
    def before_catalog(self) -> bool:
        """An office before 01/07/2025 (the 2023 district): no catalog, nothing to update."""
        return self.office.valid_from < catalog.VALID_FROM.isoformat()

    def lines(self, bullet: str = "-") -> list[str]:
        """The changes grouped under their headings, one line each."""
        out = []
        for kind, heading in HEADINGS.items():
            if found := self.of(kind):
                out.append(f"{heading}: {len(found)}")
                out += [f"  {bullet} {c.line()}" for c in found]
        return out


def family(db: Database, office: Unit) -> list[Unit]:
    """The office's versions and its reporting units' that came from the catalog (from 01/07/2025)."""
    start = catalog.VALID_FROM.isoformat()
    rows = [u for u in _office_versions(db, office) + reporting_units(db, office.code)
            if u.valid_from >= start and catalog.normal_code(u.code) == u.code
            and u.code.isdigit()]
    return [u for u in rows if catalog.release_of(u.catalog_release) == catalog.release_of(
        office.catalog_release)]


def _office_versions(db: Database, office: Unit) -> list[Unit]:
    from .units import versions

    return [u for u in versions(db, office.code) if u.is_office]


def _candidates(unit: Unit, release: str) -> list[CatalogUnit]:
    pool = catalog.all_units(release)
    return [c for c in pool if c.province_code == unit.province_code and same_unit(c, unit)]


def _change(unit: Unit, from_release: str, to_release: str, claimed: set[str]) -> Change | None:
    old = catalog.lookup(unit.code, from_release)
    old = old if old is not None and same_unit(old, unit) else None
    found = _candidates(unit, to_release)
    if len(found) > 1:
        return Change(UNSURE, unit, old, None,
                      why=f"có {len(found)} đơn vị cùng tên: "
                          + ", ".join(c.code for c in found))
    if found:
        new = found[0]
        if new.code != unit.code:
            return Change(CODE, unit, old, new)
        return Change(SPELLING, unit, old, new) if new.name != unit.name else None
    same_code = catalog.lookup(unit.code, to_release)
    if same_code is not None and same_code.code not in claimed and (
            same_code.kind == unit.kind and same_code.province_code == unit.province_code):
        return Change(RENAME, unit, old, same_code)
    return Change(VANISHED, unit, old, None)


def plan_update(db: Database, to_release: str = catalog.CURRENT_RELEASE,
                office: Unit | None = None) -> Plan:
    """What loading `to_release` changes for the office (the current one by default)."""
    office = office or current_office(db)
    from_release = catalog.release_of(office.catalog_release)
    plan = Plan(office, from_release, to_release)
    if plan.before_catalog:
        plan.to_release = from_release  # up to date: nothing to offer
    if plan.up_to_date:
        return plan
    plan.units = family(db, office)
    claimed = {c.code for u in plan.units for c in _candidates(u, to_release)}
    changes = [_change(u, from_release, to_release, claimed) for u in plan.units]
    plan.changes = [c for c in changes if c is not None]
    plan.changes += _appeared(plan, to_release)
    plan.changes += _collisions(plan)
    return plan


def _appeared(plan: Plan, release: str) -> list[Change]:
    """A province's communes and wards in the new release that no stored unit became."""
    if not catalog.lookup(plan.office.code, release) or plan.office.code != plan.office.province_code:
        return []
    taken = {c.new.code for c in plan.changes if c.new} | {u.code for u in plan.units}
    return [Change(APPEARED, None, None, c) for c in catalog.communes_of(plan.office.code, release)
            if c.code not in taken]


def _collisions(plan: Plan) -> list[Change]:
    """A unit kept under a code the new release gives to another stored unit: not decidable."""
    moving = {c.new.code: c for c in plan.of(CODE)}
    staying = [u for u in plan.units if u.code in moving
               and not any(c.unit == u and c.kind == CODE for c in plan.changes)]
    plan.changes = [c for c in plan.changes if c.unit not in staying]
    return [Change(UNSURE, u, None, moving[u.code].new,
                   why=f"mã {u.code} nay là của {moving[u.code].unit.name}") for u in staying]


def check_rename_day(unit: Unit, day: dt.date) -> None:
    """A confirmed rename starts after its version began (01/07/2025 at the earliest)."""
    if day.isoformat() <= unit.valid_from:
        raise UserError(f"Ngày đổi tên của {unit.name} phải sau ngày "
                        f"{date(dt.date.fromisoformat(unit.valid_from))}, không phải ngày "
                        f"{date(day)}. Hãy ghi ngày tên mới bắt đầu dùng.")
