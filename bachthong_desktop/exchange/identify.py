"""Whose return a file is, for which period and which form version: checked, never guessed.

The hidden sheet (`_meta`) decides; what a person sees (the header lines) and the file name
must agree with it, else the file is refused naming both sides.
"""

from __future__ import annotations

import datetime as dt
import re

from ..core import catalog
from ..core.definition import Form
from ..core.errors import UserError
from ..core.periods import KIND_NAMES, Period, parse_period
from ..core.text import slug
from ..core.units import Unit, find_unit, office_for, reporting_units
from .catalog_match import Releases, office_code
from .xlsx_import import ReadReturn, ReturnError

_CODE_IN_NAME = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_VERSION = re.compile(r"phiên bản\s*(\d+)", re.IGNORECASE)
_UNIT_PREFIXES = ("xa-", "thi-tran-", "phuong-", "thi-xa-")


def _period_from_header(text: str) -> Period | None:
    if match := re.search(r"\((\d{4}(?:-H[12])?)\)", text, re.IGNORECASE):
        return parse_period(match.group(1))
    for kind, words in KIND_NAMES.items():
        if match := re.search(rf"{words}\s+(\d{{4}})", text, re.IGNORECASE):
            return Period(int(match.group(1)), kind)
    return None


def _parsed(text: str | None, parse) -> Period | None:
    try:
        return parse(text) if text else None
    except UserError:
        return None


def identify_period(read: ReadReturn, asked: str | None) -> Period:
    """The period the file is for; refused if unknown, not the one asked for, or if the hidden
    period disagrees with the header the commune sees."""
    name = read.file_name
    hidden = _parsed(read.meta.get("period"), parse_period)
    shown = _parsed(read.header.get("period"), _period_from_header)
    if hidden and shown and hidden.id != shown.id:
        raise ReturnError(
            f"Tệp “{name}”: đầu trang ghi kỳ báo cáo {shown.label} nhưng phần ẩn "
            f"của mẫu ghi kỳ {hidden.label}. Không rõ đây là báo cáo kỳ nào; hãy "
            "điền vào mẫu báo cáo đúng kỳ do cơ quan tổng hợp gửi rồi gửi lại.")
    period = hidden or shown
    if period is None:
        raise ReturnError(f"Tệp “{name}”: không tìm thấy kỳ báo cáo trong tệp. Hãy dùng mẫu báo "
                          "cáo do cơ quan tổng hợp gửi, ghi rõ kỳ báo cáo ở đầu trang báo cáo.")
    if asked is not None and period.id != parse_period(asked).id:
        want = parse_period(asked)
        raise ReturnError(
            f"Tệp “{name}” là báo cáo kỳ {period.label}, không phải kỳ đang tổng "
            f"hợp {want.label}. Hãy chọn đúng tệp, hoặc chuyển sang kỳ báo cáo đó "
            "rồi nhập.")
    if period.cutoff_start > dt.date.today():
        raise ReturnError(f"Tệp “{name}” ghi kỳ báo cáo {period.label}, một kỳ chưa bắt đầu. Hãy "
                          "kiểm tra lại kỳ báo cáo trong tệp.")
    return period


def check_form(read: ReadReturn, form: Form) -> None:
    """The form and its version: a newer one is refused, an older one read by code, noted."""
    name = read.file_name
    if read.meta.get("form", form.code) != form.code:
        raise ReturnError(f"Tệp “{name}” là mẫu báo cáo khác ({read.meta['form']}). Hãy dùng mẫu "
                          f"{form.title} do cơ quan tổng hợp gửi.")
    hidden = _int(read.meta.get("form_version"))
    match = _VERSION.search(read.header.get("form", ""))
    shown = int(match.group(1)) if match else None
    if hidden is not None and shown is not None and hidden != shown:
        raise ReturnError(f"Tệp “{name}”: đầu trang ghi mẫu phiên bản {shown} nhưng phần ẩn của "
                          f"mẫu ghi phiên bản {hidden}. Hãy điền vào mẫu báo cáo mới nhất do "
                          "cơ quan tổng hợp gửi rồi gửi lại.")
    version = hidden if hidden is not None else shown
    if version is not None and version > form.version:
        raise ReturnError(f"Tệp “{name}” dùng mẫu phiên bản {version}, mới hơn phiên bản "
                          f"{form.version} của chương trình này. Hãy cài phiên bản chương trình "
                          "mới nhất rồi nhập lại.")
    if version is not None and version < form.version:
        read.notes.append(f"Tệp dùng mẫu cũ (phiên bản {version}, nay là {form.version}): đã "
                          "đọc theo mã chỉ tiêu; chỉ tiêu nào không có trong mẫu cũ coi như "
                          "chưa báo cáo.")


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def _releases(read: ReadReturn, boss: Unit, period: Period) -> Releases:
    """The file's catalog release and the office's (the same before 01/07/2025: no catalog)."""
    office = catalog.release_of(boss.catalog_release)
    start = catalog.VALID_FROM
    today = period.cutoff_end >= start and boss.valid_from >= start.isoformat()
    mine = catalog.release_of(read.meta.get("catalog_release")) if today else office
    return Releases(mine, office, read.file_name, read.meta.get("unit_name", ""))


def _ours(code: str, releases: Releases) -> str | None:
    """A code the header or the file name shows, in the office's release; None if not certain."""
    try:
        return office_code(code, releases)[0]
    except ReturnError:
        return None


def _by_header(store, read: ReadReturn, boss: Unit, period: Period,
               releases: Releases) -> Unit | None:
    text = read.header.get("unit", "")
    unit = None
    if (match := re.search(r"mã\s*(\w+)", text)) and (code := _ours(match.group(1), releases)):
        unit = find_unit(store.db, code, boss.code, period.cutoff_end)
    return unit or find_unit(store.db, re.sub(r"\(.*\)", "", text), boss.code,
                             period.cutoff_end)


def _name_part(unit: Unit) -> str:
    name = slug(unit.name)
    for prefix in _UNIT_PREFIXES:
        name = name.removeprefix(prefix)
    return name


def _by_file_name(store, file_name: str, boss: Unit, period: Period, unit: Unit,
                  releases: Releases) -> Unit | None:
    """Another unit the file name names, by its code or its name; None if none."""
    for shown in _CODE_IN_NAME.findall(file_name):
        code = _ours(shown, releases)
        if code and code != unit.code and (other := find_unit(store.db, code, boss.code,
                                                                period.cutoff_end)):
            return other
    words = f"-{slug(file_name.rsplit('.', 1)[0])}-"
    if f"-{_name_part(unit)}-" in words:
        return None
    for other in reporting_units(store.db, boss.code, period.cutoff_end):
        if other.code != unit.code and f"-{_name_part(other)}-" in words:
            return other
    return None


def identify_unit(store, read: ReadReturn, period: Period) -> Unit:
    """The reporting unit: the hidden code decides; the header and the file name must agree."""
    boss = office_for(store.db, period)  # the period's office (2023: the district)
    releases = _releases(read, boss, period)
    code, note = office_code(read.meta["unit_code"], releases) if read.meta.get(
        "unit_code") else (None, None)
    unit = (find_unit(store.db, code, boss.code, period.cutoff_end) if code
            else _by_header(store, read, boss, period, releases))
    if unit is None:
        shown = f"mã {code}" if code else f"“{read.header.get('unit', '')}”"
        raise ReturnError(
            f"Tệp “{read.file_name}” là báo cáo của đơn vị {shown}, không phải đơn vị báo cáo "
            f"cho {boss.name} trong kỳ {period.label}. Hãy kiểm tra danh sách đơn vị hoặc xin đơn "
            "vị gửi lại đúng mẫu.")
    header = (_by_header(store, read, boss, period, releases)
              if code and read.header.get("unit") else None)
    if header is not None and header.code != unit.code:
        raise _not_whose(read.file_name, unit, header, "đầu trang “Báo cáo” ghi")
    named = _by_file_name(store, read.file_name, boss, period, unit, releases)
    if named is not None:
        raise _not_whose(read.file_name, unit, named, "tên tệp là của")
    if note:
        read.notes.append(note)
    return unit


def _not_whose(file_name: str, unit: Unit, other: Unit, where: str) -> ReturnError:
    return ReturnError(
        f"Tệp “{file_name}”: mã ẩn trong mẫu là của {unit.name} ({unit.code}) nhưng {where} "
        f"{other.name} ({other.code}). Không nhập, để số liệu của đơn vị này không ghi sang đơn "
        f"vị kia. Hãy hỏi lại {other.name} và {unit.name} rồi nhập đúng tệp của từng đơn vị.")
