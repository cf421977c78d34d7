"""Import commune return files: check, identify, read, validate, then store all or nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..core.backup import backup_now
from ..core.errors import UserError
from ..core.periods import KIND_NAMES, Period, parse_period
from ..core.returns import REFUSED, REPLACED, STORED, UNCHANGED, Recorded, record_return
from ..core.store import Store
from ..core.units import Unit, find_unit, office
from .xlsx_import import ReadReturn, ReturnError, read_return
from .xlsx_safety import UnsafeFile

log = logging.getLogger(__name__)


@dataclass
class ImportResult:
    """What happened to one file, for the summary."""

    file_name: str
    outcome: str
    message: str
    unit_code: str | None = None
    period: str | None = None
    version: int | None = None
    diff: list[tuple[str, Any, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.outcome != REFUSED


def _refused(path: Path, message: str) -> ImportResult:
    return ImportResult(path.name, REFUSED, message)


def _period_from_header(text: str) -> Period | None:
    if match := re.search(r"\((\d{4}(?:-H[12])?)\)", text, re.IGNORECASE):
        return parse_period(match.group(1))
    for kind, words in KIND_NAMES.items():
        if match := re.search(rf"{words}\s+(\d{{4}})", text, re.IGNORECASE):
            return Period(int(match.group(1)), kind)
    return None


def identify_period(read: ReadReturn, asked: str | None) -> Period:
    """The period the file is for; refused if it is not the one asked for or not a known one."""
    name = read.file_name
    try:
        period = (parse_period(read.meta["period"]) if "period" in read.meta
                  else _period_from_header(read.header.get("period", "")))
    except UserError:
        period = None
    if period is None:
        raise ReturnError(f"Tệp “{name}”: không tìm thấy kỳ báo cáo trong tệp. Hãy dùng mẫu báo "
                          "cáo do huyện gửi, ghi rõ kỳ báo cáo ở đầu trang “Báo cáo”.")
    if asked is not None and period.id != parse_period(asked).id:
        raise ReturnError(
            f"Tệp “{name}” là báo cáo kỳ {period.label} ({period.id}), không phải kỳ đang tổng "
            f"hợp {parse_period(asked).label} ({parse_period(asked).id}). Hãy chọn đúng tệp, "
            "hoặc chuyển sang kỳ báo cáo đó rồi nhập.")
    if period.cutoff_start > dt.date.today():
        raise ReturnError(f"Tệp “{name}” ghi kỳ báo cáo {period.id}, một kỳ chưa bắt đầu. Hãy "
                          "kiểm tra lại kỳ báo cáo trong tệp.")
    return period


def identify_unit(store: Store, read: ReadReturn, period: Period) -> Unit:
    """The reporting unit: the stored code first, else the printed name (tolerant)."""
    boss = office(store.db)
    unit = None
    if code := read.meta.get("unit_code"):
        unit = find_unit(store.db, code, boss.code, period.cutoff_end)
        shown = f"mã {code}"
    else:
        text = read.header.get("unit", "")
        shown = f"“{text}”"
        if match := re.search(r"mã\s*(\w+)", text):
            unit = find_unit(store.db, match.group(1), boss.code, period.cutoff_end)
        unit = unit or find_unit(store.db, re.sub(r"\(.*\)", "", text), boss.code,
                                 period.cutoff_end)
    if unit is None:
        raise ReturnError(
            f"Tệp “{read.file_name}” là báo cáo của đơn vị {shown}, không phải đơn vị báo cáo "
            f"cho {boss.name} trong kỳ {period.id}. Hãy kiểm tra danh sách đơn vị hoặc xin đơn "
            "vị gửi lại đúng mẫu.")
    return unit


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _describe(value: Any) -> str:
    if value is None:
        return "(trống)"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, list):
        return f"{len(value)} dòng"
    return str(value)


def _message(store: Store, unit: Unit, period: Period, rec: Recorded, dry_run: bool) -> str:
    who = f"{unit.name} ({unit.code}), kỳ {period.id}"
    def verb(word: str) -> str:
        return f"Sẽ {word.lower()}" if dry_run else word
    if rec.outcome == UNCHANGED:
        why = "giống hệt tệp" if rec.same_file else "cùng số liệu với bản"
        return f"Không thay đổi: {who}: {why} đã nhập (bản {rec.version})."
    if rec.outcome == STORED:
        return f"{verb('Lưu')}: {who}, bản {rec.version}."
    lines = [f"{verb('Thay thế')}: {who}: bản {rec.version} thay bản {rec.previous}. Khác nhau:"]
    for code, old, new in rec.diff:
        lines.append(f"  - {store.form.field(code).label}: {_describe(old)} → {_describe(new)}")
    return "\n".join(lines)


def import_file(store: Store, path: Path | str, *, period: str | None = None,
                dry_run: bool = False, received_at: str | None = None) -> ImportResult:
    """Import one return file; this is the function the benchmark calls for one file."""
    path = Path(path)
    try:
        read = read_return(path, store.form)
        found = identify_period(read, period)
        unit = identify_unit(store, read, found)
        if read.meta.get("form", store.form.code) != store.form.code:
            raise ReturnError(f"Tệp “{path.name}” là mẫu báo cáo khác ({read.meta['form']}). "
                              "Hãy dùng mẫu Báo cáo công tác thông tin đối ngoại của huyện.")
        rec = record_return(store, found.id, unit.code, read.values, read.cells, path.name,
                            _sha256(path), dry_run=dry_run, received_at=received_at,
                            form_version=_int(read.meta.get("form_version")))
    except (UnsafeFile, ReturnError, UserError) as exc:
        return _refused(path, exc.message)
    return ImportResult(path.name, rec.outcome, _message(store, unit, found, rec, dry_run),
                        unit.code, found.id, rec.version, rec.diff, read.notes, rec.changed)


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; a folder stands for the .xlsx files in it."""
    out = []
    for path in map(Path, paths):
        out += sorted(path.glob("*.xlsx")) if path.is_dir() else [path]
    return out


def import_files(store: Store, paths: Iterable[Path | str], *, period: str | None = None,
                 dry_run: bool = False,
                 progress: Callable[[int, str], bool] | None = None) -> list[ImportResult]:
    """Import several files one by one, after a backup; `progress(i, name)` may return False
    to stop."""
    if not dry_run:
        backup_now(store.db, "import")
    results = []
    for i, path in enumerate(expand_paths(paths)):
        if progress is not None and progress(i, Path(path).name) is False:
            break
        results.append(import_file(store, path, period=period, dry_run=dry_run))
        _log(results[-1], dry_run)
    return results


def _log(result: ImportResult, dry_run: bool) -> None:
    """Every file tried, in the log file: whoever helps the office later sees what came in."""
    trial = " (dry run)" if dry_run else ""
    if result.ok:
        log.info("import%s %s: %s, unit %s, period %s, version %s", trial, result.file_name,
                 result.outcome, result.unit_code, result.period, result.version)
    else:
        log.warning("import%s %s refused: %s", trial, result.file_name, result.message)


OUTCOME_WORDS = {STORED: "đã lưu", REPLACED: "đã thay thế", UNCHANGED: "không thay đổi",
                 REFUSED: "bị từ chối"}


def summary_lines(results: list[ImportResult], dry_run: bool = False) -> list[str]:
    """The summary a user reads: one block per file, then the counts."""
    lines = []
    for r in results:
        head = f"• {r.file_name}: " + (f"TỪ CHỐI. {r.message}" if not r.ok else r.message)
        lines.append(head)
        lines += [f"  Ghi chú: {note}" for note in r.notes]
    counts = {o: sum(1 for r in results if r.outcome == o) for o in OUTCOME_WORDS}
    tail = ", ".join(f"{n} tệp {OUTCOME_WORDS[o]}" for o, n in counts.items() if n)
    prefix = "Chạy thử, chưa lưu gì: " if dry_run else "Tổng cộng: "
    lines.append(prefix + (tail or "không có tệp nào") + ".")
    return lines
