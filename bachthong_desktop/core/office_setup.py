"""Setting up the compiling office from the national catalog, and editing its header and signer.

The office before it keeps its periods: it is ended the day before the new one starts (if it
had no end yet) and never changed otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from . import catalog
from .catalog import CatalogUnit
from .definition import load_form
from .errors import UserError
from .place_names import default_place
from .settings import set_setting
from .text import clean
from .unit_names import check_name
from .wording import date
from .units import (OFFICE_SETTING, Unit, current_office, office, reporting_units, save_unit,
                    versions)

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

COMMITTEE = "ỦY BAN NHÂN DÂN"
# The header, signature and date-line words an office may set for itself (Unit fields).
HEADER_FIELDS = ("header_name", "parent_body", "short_name", "place", "doc_issuer_code",
                 "signer_authority", "signer_deputy", "signer_title", "signer_name")


def _day(day: dt.date) -> str:
    return date(day)


def level_of(unit: CatalogUnit) -> str:
    """The key of the office's level words: its kind, or the definition's variant of it for
    the kinds of its reporting units (a province with special zones: "tỉnh có đặc khu")."""
    members = catalog.communes_of(unit.code) if unit.is_province else []
    return load_form().level_for(unit.kind, {m.kind for m in members})


def office_defaults(unit: CatalogUnit) -> dict[str, str]:
    """Header, place and signature of a People's Committee, from the catalog and its kind."""
    province = catalog.lookup(unit.province_code)
    return {
        "header_name": f"{COMMITTEE} {unit.name.upper()}",
        "parent_body": "",
        "short_name": f"UBND {unit.kind} {unit.bare_name}",
        "level_word": level_of(unit),
        "place": default_place(unit.kind, unit.name),  # "Phường 12" in full
        "province": province.bare_name if province else "",
        "doc_issuer_code": "UBND",
        "signer_authority": f"TM. {COMMITTEE}",
        "signer_deputy": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "",
    }


def department_defaults(province_name: str) -> dict[str, str]:
    """The culture department compiling for the province's People's Committee (Decree 30: the
    parent body above its own name; the director's deputy signs)."""
    return {
        "parent_body": f"UBND {province_name.upper()}",
        "header_name": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "short_name": "Sở Văn hóa, Thể thao và Du lịch",
        "doc_issuer_code": "SVHTTDL",
        "signer_authority": "",
        "signer_deputy": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
    }


def office_unit(unit: CatalogUnit, start: dt.date,
                release: str = catalog.CURRENT_RELEASE) -> Unit:
    """The office row of a catalog unit from a day on, stamped with the catalog's release."""
    return Unit(code=unit.code, name=unit.name, kind=unit.kind, valid_from=start.isoformat(),
                is_office=1, province_code=unit.province_code, catalog_release=release,
                **office_defaults(unit))


def reporting_unit(unit: CatalogUnit, parent: str, start: dt.date,
                   release: str = catalog.CURRENT_RELEASE) -> Unit:
    return Unit(code=unit.code, name=unit.name, kind=unit.kind, valid_from=start.isoformat(),
                parent_code=parent, province_code=unit.province_code, catalog_release=release)


def _check_start(unit: CatalogUnit, start: dt.date, before: Unit | None) -> None:
    if start < catalog.VALID_FROM:
        raise UserError(f"{unit.name} có trong danh mục từ ngày {_day(catalog.VALID_FROM)}; "
                        f"ngày bắt đầu {_day(start)} đứng trước ngày đó. Hãy ghi --tu-ngay từ "
                        f"{_day(catalog.VALID_FROM)} trở đi.")
    if before is None:
        return
    if before.valid_from >= start.isoformat():
        raise UserError(f"Cơ quan hiện tại {before.name} bắt đầu từ ngày "
                        f"{_day(dt.date.fromisoformat(before.valid_from))}; cơ quan kế nhiệm phải "
                        f"bắt đầu sau ngày đó, không phải ngày {_day(start)}.")
    if before.valid_to and before.valid_to >= start.isoformat():
        raise UserError(f"{before.name} còn hiệu lực đến ngày "
                        f"{_day(dt.date.fromisoformat(before.valid_to))}, trùng với ngày bắt đầu "
                        f"{_day(start)} của {unit.name}. Hãy chọn ngày bắt đầu sau ngày đó.")


@dataclass
class SetUp:
    """What setting up an office did (for the messages of the command and the window)."""

    office: Unit
    ended: Unit | None
    units: list[Unit]


def _existing_office(db: Database, code: str, start: dt.date | None) -> Unit | None:
    found = [u for u in versions(db, code) if u.is_office
             and (start is None or u.valid_from == start.isoformat())]
    return found[-1] if found else None


def set_up_office(db: Database, code: str, start: dt.date | None = None,
                  release: str = catalog.CURRENT_RELEASE) -> SetUp:
    """Make a catalog unit (or an office this database already has) the compiling office
    (`release`: an older catalog, for the tests of databases set up before)."""
    code = code.strip()
    existing = _existing_office(db, code, start) or _existing_office(
        db, catalog.normal_code(code), start)
    if existing is not None:
        set_setting(db, OFFICE_SETTING, existing.code)
        return SetUp(existing, None, [])
    unit = catalog.get(code, release)
    start = start or catalog.VALID_FROM
    before = current_office(db)
    _check_start(unit, start, before)
    with db.atomic():
        ended = None
        if before is not None and not before.valid_to:
            last = (start - dt.timedelta(days=1)).isoformat()
            ended = save_unit(db, replace(before, valid_to=last))
        new = save_unit(db, office_unit(unit, start, release))
        members = catalog.communes_of(unit.code, release) if unit.is_province else []
        added = [save_unit(db, reporting_unit(m, unit.code, start, release)) for m in members]
        set_setting(db, OFFICE_SETTING, new.code)
    return SetUp(new, ended, added)


def set_header(db: Database, changes: dict[str, str | None], target: Unit | None = None) -> Unit:
    """Change the header name, parent body, place or signature lines of an office version."""
    target = target or office(db)
    unknown = set(changes) - set(HEADER_FIELDS)
    if unknown:
        raise UserError(f"Không sửa được mục {', '.join(sorted(unknown))} của cơ quan.")
    values = {k: clean(v or "") for k, v in changes.items() if v is not None}
    if "header_name" in values and not values["header_name"]:
        raise UserError("Tên cơ quan trên văn bản không được để trống. Hãy nhập tên, ví dụ "
                        "“ỦY BAN NHÂN DÂN XÃ PHỦ THÔNG”.")
    return save_unit(db, replace(target, **values))


def add_own_unit(db: Database, name: str, start: dt.date | None = None,
                 target: Unit | None = None, similar_ok: bool = False) -> Unit:
    """A village or department reporting to a commune: no national code, the commune numbers it
    ("01969-01", "01969-02" …); a name taken is refused, one only lacking marks asked
    (unit_names.SimilarName) unless `similar_ok`."""
    target = target or office(db)
    if not clean(name):
        raise UserError("Hãy nhập tên đơn vị báo cáo, ví dụ “Thôn Nà Pài” hoặc “Văn phòng HĐND - "
                        "UBND”.")
    taken = {u.code for u in reporting_units(db, target.code)}
    number = next(n for n in range(1, 1000) if f"{target.code}-{n:02d}" not in taken)
    start = start or dt.date.fromisoformat(target.valid_from)
    check_name(db, target.code, name, start, similar_ok=similar_ok)
    return save_unit(db, Unit(code=f"{target.code}-{number:02d}", name=name, kind="đơn vị",
                              valid_from=start.isoformat(), parent_code=target.code,
                              province_code=target.province_code,
                              catalog_release=target.catalog_release))
