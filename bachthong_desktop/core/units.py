"""Administrative units as dated versions: the compiling office and its reporting units.

A code alone never names a unit: the statistics office reused old codes for new units (01969
was Thị trấn Phủ Thông until 30/06/2025 and is Xã Phủ Thông since), so every row is one
version of a code, with its own dates; versions of one code never overlap.
"""

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
from .wording import date

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
    province_code: str | None = None
    catalog_release: str | None = None  # the national catalog's release it was set up from
    id: int | None = None

    @property
    def alias_list(self) -> list[str]:
        return json.loads(self.aliases) if self.aliases else []

    @property
    def label(self) -> str:
        """The name with its dates, as messages name a version: "Huyện Bạch Thông (… – 30/06/2025)"."""
        return f"{self.name} ({_day(self.valid_from)} – {_day(self.valid_to) if self.valid_to else 'nay'})"

    def overlaps(self, other: "Unit") -> bool:
        far = "9999-12-31"
        return (self.valid_from <= (other.valid_to or far)
                and other.valid_from <= (self.valid_to or far))

    def valid_on(self, day: dt.date) -> bool:
        iso = day.isoformat()
        return self.valid_from <= iso and (not self.valid_to or iso <= self.valid_to)

    def matches(self, text: str) -> bool:
        """The code, or the name or an alias compared tolerantly (Sĩ/Sỹ, "Xã", case)."""
        key = name_key(text)
        return text.strip() == self.code or any(
            name_key(n) == key for n in [self.name, *self.alias_list])


_COLUMNS = {f.name for f in fields(Unit)} - {"id"}


class NoOfficeError(UserError):
    """No compiling office is valid at a period's cut-off: say which one ended when."""


def _day(iso: str) -> str:
    return date(dt.date.fromisoformat(iso))


def seed_rows() -> list[dict]:
    """The rows of the bundled history file (Bạch Thông and its 14 communes), defaults applied."""
    raw = tomllib.loads((resources_dir() / SEED_FILE).read_text(encoding="utf-8"))
    defaults = raw.get("defaults", {})
    rows = []
    for unit in raw["units"]:
        row = {**defaults, **unit}
        row["aliases"] = json.dumps(row.get("aliases", []), ensure_ascii=False)
        row["is_office"] = int(bool(row.get("is_office")))
        rows.append(row)
    return rows


def install_history(db: Database) -> bool:
    """Add the district of Bạch Thông and its 2023 communes (the demo's units) if absent."""
    rows = seed_rows()
    if any(_stored(db, r["code"], r["valid_from"]) for r in rows):
        return False
    db["units"].insert_all(rows, pk="id")
    return True


def _unit(row: dict) -> Unit:
    return Unit(**{k: v for k, v in row.items() if k in _COLUMNS or k == "id"})


def _stored(db: Database, code: str, valid_from: str) -> Unit | None:
    rows = list(db["units"].rows_where("code = ? and valid_from = ?", [code, valid_from]))
    return _unit(rows[0]) if rows else None


def versions(db: Database, code: str) -> list[Unit]:
    """Every version of a code, the earliest first."""
    return [_unit(r) for r in db["units"].rows_where("code = ?", [code], order_by="valid_from")]


def get_unit(db: Database, code: str, on: dt.date | None = None) -> Unit:
    """The version of a code valid on a day; without a day, the latest one."""
    found = versions(db, code.strip())
    if on is not None:
        found = [u for u in found if u.valid_on(on)]
    if not found:
        when = f" vào ngày {date(on)}" if on else ""
        raise UserError(f"Không có đơn vị mã “{code}”{when}. "
                        "Hãy xem danh sách bằng lệnh: bachthong units.")
    return found[-1]


def unit_as_of(db: Database, code: str, day: dt.date) -> Unit:
    """The version of a code valid on a day, else its latest (a name shown for a period)."""
    valid = [u for u in versions(db, code.strip()) if u.valid_on(day)]
    return valid[-1] if valid else get_unit(db, code)


def offices(db: Database) -> list[Unit]:
    """Every compiling office this database has had, the earliest first."""
    return [_unit(r) for r in db["units"].rows_where("is_office = 1",
                                                      order_by="valid_from, code")]


def current_office(db: Database) -> Unit | None:
    """The office chosen last (a setting), or the latest office; None in a new database."""
    code = get_setting(db, OFFICE_SETTING)
    chosen = [u for u in offices(db) if u.code == code]
    found = chosen or offices(db)
    return found[-1] if found else None


def office(db: Database) -> Unit:
    """The compiling office this copy serves today."""
    found = current_office(db)
    if found is None:
        raise NoOfficeError("Chưa có cơ quan tổng hợp báo cáo. Hãy chọn cơ quan trong cửa sổ "
                            "(Tệp > Thông tin cơ quan…) hoặc bằng lệnh: bachthong units office MÃ "
                            "(tìm mã: bachthong units find TÊN).")
    return found


def office_on(db: Database, day: dt.date) -> Unit | None:
    """The office valid on a day; the current office's line first where two are."""
    valid = [u for u in offices(db) if u.valid_on(day)]
    current = current_office(db)
    valid.sort(key=lambda u: u != current)
    return valid[0] if valid else None


def office_for(db: Database, period) -> Unit:
    """The office of a period: the one valid at the end of its cut-off, else a clear refusal."""
    found = office_on(db, period.cutoff_end)
    if found is not None:
        return found
    raise NoOfficeError(no_office_text(db, period))


def no_office_text(db: Database, period) -> str:
    """Why a period has no office: which office ended when (or starts later), and what to do."""
    end = period.cutoff_end
    before = [u for u in offices(db) if u.valid_to and u.valid_to < end.isoformat()]
    after = [u for u in offices(db) if u.valid_from > end.isoformat()]
    what = f"Kỳ {period.label} (số liệu đến ngày {date(end)}) chưa có cơ quan tổng hợp"
    if before:
        last = before[-1]
        return (f"{what}: {last.name} đã kết thúc ngày {_day(last.valid_to)}. Hãy khai báo cơ "
                "quan kế nhiệm (Tệp > Thông tin cơ quan…, hoặc lệnh: bachthong units office MÃ).")
    if after:
        return (f"{what}: {after[0].name} bắt đầu từ ngày {_day(after[0].valid_from)}. "
                "Hãy chọn một kỳ từ ngày đó trở đi.")
    return (f"{what}. Hãy chọn cơ quan (Tệp > Thông tin cơ quan…, hoặc lệnh: "
            "bachthong units office MÃ).")


def reporting_units(db: Database, office_code: str, on: dt.date | None = None) -> list[Unit]:
    """The units that report to the office, valid on the given day (all versions if None)."""
    rows = db["units"].rows_where("parent_code = ?", [office_code], order_by="code, valid_from")
    return [u for u in map(_unit, rows) if on is None or u.valid_on(on)]


def find_unit(db: Database, text: str, office_code: str, on: dt.date | None = None) -> Unit | None:
    """The reporting unit a code or a name (typed any common way) stands for."""
    by_code = [_unit(r) for r in db["units"].rows_where(
        "code = ? and parent_code = ?", [text.strip(), office_code])]
    for unit in by_code or reporting_units(db, office_code, on):  # by code first: no scan
        if (on is None or unit.valid_on(on)) and unit.matches(text):
            return unit
    return None


def _check(db: Database, unit: Unit) -> None:
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
    for other in versions(db, unit.code):
        if other.valid_from != unit.valid_from and other.overlaps(unit):
            raise UserError(
                f"Mã {unit.code} đã là “{other.label}”, trùng thời gian với “{unit.name}” từ ngày "
                f"{_day(unit.valid_from)}. Một mã chỉ chỉ một đơn vị tại một thời điểm: hãy ghi "
                f"ngày kết thúc cho “{other.name}” (bachthong units end {unit.code} --den-ngay …) "
                "hoặc chọn ngày bắt đầu sau ngày đó.")


def save_unit(db: Database, unit: Unit) -> Unit:
    """Add a version (a new code, or a code reused from a later day) or change the same version."""
    _check(db, unit)
    row = {k: getattr(unit, k) for k in _COLUMNS}
    row["name"] = clean(unit.name)
    same = _stored(db, unit.code, unit.valid_from)
    if same is not None:
        db["units"].update(same.id, row)
    else:
        db["units"].insert(row, pk="id")
    return _stored(db, unit.code, unit.valid_from)


def end_unit(db: Database, code: str, last_day: dt.date) -> Unit:
    """Mark a unit as no longer existing after `last_day` (merged or abolished)."""
    unit = unit_as_of(db, code, last_day)
    return save_unit(db, replace(unit, valid_to=last_day.isoformat()))
