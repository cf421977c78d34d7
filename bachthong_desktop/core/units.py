"""Administrative units with dates of validity: the compiling office and its reporting units."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from .errors import UserError
from .paths import file_name_problem, resources_dir
from .settings import get_setting
from .text import clean, name_key

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

SEED_FILE = "units/bach-thong.toml"
OFFICE_SETTING = "office_code"


@dataclass(frozen=True)
class Unit:
    """One unit as stored; office columns are empty for a reporting unit."""

    code: str
    name: str
    kind: str
    valid_from: str
    valid_to: str | None = None
    parent_code: str | None = None
    aliases: str | None = None
    is_office: int | None = 0
    header_name: str | None = None
    parent_body: str | None = None
    short_name: str | None = None
    level_word: str | None = None
    place: str | None = None
    province: str | None = None
    signer_authority: str | None = None
    signer_deputy: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    doc_issuer_code: str | None = None

    @property
    def alias_list(self) -> list[str]:
        return json.loads(self.aliases) if self.aliases else []

    def valid_on(self, day: dt.date) -> bool:
        iso = day.isoformat()
        return self.valid_from <= iso and (not self.valid_to or iso <= self.valid_to)

    def matches(self, text: str) -> bool:
        """The code, or the name or an alias compared tolerantly (Sĩ/Sỹ, "Xã", case)."""
        key = name_key(text)
        return text.strip() == self.code or any(
            name_key(n) == key for n in [self.name, *self.alias_list])


_COLUMNS = {f.name for f in fields(Unit)}


def seed_rows() -> list[dict]:
    """The rows of the bundled seed file, with its defaults applied."""
    raw = tomllib.loads((resources_dir() / SEED_FILE).read_text(encoding="utf-8"))
    defaults = raw.get("defaults", {})
    rows = []
    for unit in raw["units"]:
        row = {**defaults, **unit}
        row["aliases"] = json.dumps(row.get("aliases", []), ensure_ascii=False)
        row["is_office"] = int(bool(row.get("is_office")))
        rows.append(row)
    return rows


def _unit(row: dict) -> Unit:
    return Unit(**{k: v for k, v in row.items() if k in _COLUMNS})


def get_unit(db: Database, code: str) -> Unit:
    rows = list(db["units"].rows_where("code = ?", [code]))
    if not rows:
        raise UserError(f"Không có đơn vị mã “{code}”. Hãy xem danh sách bằng lệnh: bachthong units.")
    return _unit(rows[0])


def all_units(db: Database) -> list[Unit]:
    return [_unit(r) for r in db["units"].rows_where(order_by="code")]


def offices(db: Database) -> list[Unit]:
    return [_unit(r) for r in db["units"].rows_where("is_office = 1", order_by="code")]


def office(db: Database) -> Unit:
    """The compiling office this copy serves (a setting; the first office by default)."""
    code = get_setting(db, OFFICE_SETTING)
    if code:
        return get_unit(db, code)
    found = offices(db)
    if not found:
        raise UserError("Chưa có cơ quan tổng hợp báo cáo. Hãy khai báo đơn vị trong phần cài đặt.")
    return found[0]


def reporting_units(db: Database, office_code: str, on: dt.date | None = None) -> list[Unit]:
    """The units that report to the office, valid on the given day (all of them if None)."""
    rows = db["units"].rows_where("parent_code = ?", [office_code], order_by="code")
    return [u for u in map(_unit, rows) if on is None or u.valid_on(on)]


def find_unit(db: Database, text: str, office_code: str, on: dt.date | None = None) -> Unit | None:
    """The reporting unit a code or a name (typed any common way) stands for."""
    by_code = [_unit(r) for r in db["units"].rows_where(
        "code = ? and parent_code = ?", [text.strip(), office_code])]
    for unit in by_code or reporting_units(db, office_code, on):  # by code first: no scan
        if (on is None or unit.valid_on(on)) and unit.matches(text):
            return unit
    return None


def save_unit(db: Database, unit: Unit) -> Unit:
    """Add a unit or change one (a merged commune, a new compiling office), checked first."""
    if not unit.code.strip() or not unit.name.strip():
        raise UserError("Đơn vị cần có mã và tên. Hãy nhập đủ cả hai.")
    if problem := file_name_problem(unit.code):  # the code becomes part of file names
        raise UserError(f"Mã đơn vị “{unit.code}” {problem}. Hãy dùng mã số của đơn vị, "
                        "ví dụ 01975.")
    if unit.valid_to and unit.valid_to < unit.valid_from:
        raise UserError(f"Ngày hết hiệu lực của “{unit.name}” đứng trước ngày bắt đầu. "
                        "Hãy kiểm tra lại hai ngày này.")
    if unit.parent_code and not db["units"].count_where("code = ?", [unit.parent_code]):
        raise UserError(f"Không có cơ quan cấp trên mã “{unit.parent_code}”. "
                        "Hãy khai báo cơ quan đó trước.")
    row = {k: getattr(unit, k) for k in _COLUMNS}
    row["name"] = clean(unit.name)
    db["units"].upsert(row, pk="code")
    return get_unit(db, unit.code)


def end_unit(db: Database, code: str, last_day: dt.date) -> Unit:
    """Mark a unit as no longer existing after `last_day` (merged or abolished)."""
    unit = get_unit(db, code)
    return save_unit(db, replace(unit, valid_to=last_day.isoformat()))
