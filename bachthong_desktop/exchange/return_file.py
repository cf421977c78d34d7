"""One return file: check, identify, read, validate (`prepare`), then store all or nothing.

`prepare` reads and identifies a file, `apply` stores it in one write transaction; batch.py
orders a batch's files between the two. Every attempt goes to the import log.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..core import wording
from ..core.errors import UserError
from ..core.import_log import Attempt, now, write_attempts
from ..core.periods import Period
from ..core.returns import (OLDER, REFUSED, REPLACED, STORED, UNCHANGED, Recorded,
                             record_return, saved_in_future)
from ..core.store import Store
from ..core.units import Unit
from .files import SKIPPED, shown_name
from .identify import check_form, identify_period, identify_unit
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
    cells: tuple[str, ...] = ()
    sha256: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome != REFUSED


@dataclass
class Prepared:
    """A file read and identified, ready to be applied."""

    path: Path
    read: ReadReturn
    period: Period
    unit: Unit
    sha256: str

    @property
    def saved_at(self) -> dt.datetime | None:
        return self.read.saved_at


def _refused(path: Path, message: str, **known) -> ImportResult:
    return ImportResult(shown_name(path), REFUSED, message, **known)


def _problems_message(read: ReadReturn) -> str:
    if len(read.problems) == 1:
        return f"Tệp “{read.file_name}”, {read.problems[0].line()}"
    lines = [f"Tệp “{read.file_name}”: {wording.number(len(read.problems))} chỗ không đọc được chắc chắn, "
             "tệp không được nhập. Hãy sửa các ô sau rồi gửi lại:"]
    lines += [f"  - {p.line()}" for p in read.problems]
    return "\n".join(lines)


def prepare(store: Store, path: Path, period: str | None = None) -> Prepared | ImportResult:
    """Read and identify one file; a refused ImportResult (naming every bad cell) if it fails."""
    path = Path(path)
    known: dict[str, Any] = {}
    if not path.exists():
        return _refused(path, f"Không tìm thấy tệp “{shown_name(str(path))}” (hoặc không có tệp nào khớp mẫu "
                        "tên này). Hãy kiểm tra lại tên tệp và thư mục.")
    try:
        read = read_return(path, store.form)
        check_form(read, store.form)
        found = identify_period(read, period)
        known["period"] = found.id
        unit = identify_unit(store, read, found)
        known["unit_code"] = unit.code
        if read.problems:
            return _refused(path, _problems_message(read), notes=read.notes,
                            cells=tuple(p.cell for p in read.problems), **known)
        if saved_in_future(_stamp(read.saved_at)):
            return _refused(path, _future_message(read), notes=read.notes, **known)
        return Prepared(path, read, found, unit, read.sha256)
    except (UnsafeFile, ReturnError, UserError) as exc:
        return _refused(path, exc.message, **known)
    except OSError as exc:
        return _refused(path, f"Tệp “{shown_name(path)}”: không đọc được tệp ({exc.strerror}). Hãy "
                        "kiểm tra tệp còn đó và không bị chương trình khác khóa.", **known)


def _future_message(read: ReadReturn) -> str:
    clock = _local(dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    return (f"Tệp “{read.file_name}” ghi thời điểm lưu là {_local(_stamp(read.saved_at))}, muộn "
            f"hơn đồng hồ của máy tính này (bây giờ là {clock}): đồng hồ của máy đã lưu tệp "
            "(hoặc của máy này) đang chạy sai. Tệp không được nhập, để một giờ sai không chặn "
            "các bản sửa gửi sau. Hãy chỉnh đồng hồ cho đúng ngày giờ, mở tệp, lưu lại rồi gửi "
            "lại: bản lưu sau bản đang dùng luôn được nhận.")


def _stamp(moment: dt.datetime | None) -> str | None:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds") if moment else None


def _message(store: Store, unit: Unit, period: Period, rec: Recorded, dry_run: bool) -> str:
    who = f"{unit.name} ({unit.code}), kỳ {period.label}"

    def verb(word: str) -> str:
        return f"Sẽ {word.lower()}" if dry_run else word
    if rec.outcome == UNCHANGED and rec.older_than:
        name, saved = rec.older_than
        return (f"Không thay đổi: {who}: tệp này cùng số liệu với bản {rec.version} đã được "
                f"thay, và lưu trước bản đang dùng (bản {rec.previous}, tệp “{name}” lưu lúc "
                f"{_local(saved)}), nên vẫn dùng bản {rec.previous}.")
    if rec.outcome == UNCHANGED:
        why = "giống hệt tệp" if rec.same_file else "cùng số liệu với bản"
        return f"Không thay đổi: {who}: {why} đã nhập (bản {rec.version})."
    if rec.outcome == OLDER:
        name, saved = rec.older_than
        return (f"TỪ CHỐI. {who}: tệp này lưu trước bản đang dùng (bản {rec.version}, tệp "
                f"“{name}” lưu lúc {_local(saved)}), nên không thay bản mới bằng bản cũ. Nếu "
                "đúng là muốn dùng tệp này, hãy mở tệp, lưu lại rồi nhập.")
    if rec.outcome == STORED:
        return f"{verb('Lưu')}: {who}, bản {rec.version}."
    back = (f", trở lại số liệu của bản {rec.back_to}" if rec.back_to else "")
    lines = [f"{verb('Thay thế')}: {who}: bản {rec.version} thay bản {rec.previous}{back}. "
             "Khác nhau:"]
    for code, old, new in rec.diff:
        f = store.form.field(code)
        lines.append(f"  - {f.label}: {_describe(f, old)} → {_describe(f, new)}")
    return "\n".join(lines)


def _describe(f, value: Any) -> str:
    if isinstance(value, list) and f.kind == "table":
        return f"{wording.number(len(value))} dòng"
    return "(trống)" if value is None else wording.value(f.kind, value)


def _local(iso: str) -> str:
    moment = dt.datetime.fromisoformat(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{wording.date(moment.date())} {moment:%H:%M:%S}"


def apply(store: Store, ready: Prepared, *, dry_run: bool = False,
          received_at: str | None = None) -> ImportResult:
    """Store one prepared file (sqlite3 errors pass up: the batch names them)."""
    read, unit, period = ready.read, ready.unit, ready.period
    rec = record_return(store, period.id, unit.code, read.values, read.cells, shown_name(ready.path),
                        ready.sha256, dry_run=dry_run, received_at=received_at,
                        form_version=_int(read.meta.get("form_version")),
                        saved_at=_stamp(read.saved_at))
    outcome = REFUSED if rec.outcome == OLDER else rec.outcome
    message = _message(store, unit, period, rec, dry_run)
    if outcome == REFUSED:
        message = message.removeprefix("TỪ CHỐI. ")
    return ImportResult(shown_name(ready.path), outcome, message, unit.code, period.id, rec.version,
                        rec.diff, read.notes, rec.changed, sha256=ready.sha256)


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def import_file(store: Store, path: Path | str, *, period: str | None = None,
                dry_run: bool = False, received_at: str | None = None) -> ImportResult:
    """Import one return file; this is the function the benchmark calls for one file."""
    ready = prepare(store, Path(path), period)
    result = ready if isinstance(ready, ImportResult) else apply(
        store, ready, dry_run=dry_run, received_at=received_at)
    if not dry_run:
        log_attempt(store, result)
    return result


def log_attempt(store: Store, result: ImportResult) -> None:
    """One file tried, in the import log the window shows."""
    log_attempts(store, [result])


def log_attempts(store: Store, results: list[ImportResult]) -> None:
    """Files tried, in the import log, in one transaction (a skipped file is no attempt)."""
    attempts = [Attempt(now(), r.file_name, r.outcome, r.message, r.period, r.unit_code,
                        r.version, r.sha256, r.cells) for r in results if r.outcome != SKIPPED]
    try:
        write_attempts(store.db, attempts)
    except sqlite3.Error:
        log.exception("import log not written for %s", ", ".join(a.file_name for a in attempts))


def log_to_file(result: ImportResult, dry_run: bool) -> None:
    trial = " (dry run)" if dry_run else ""
    if result.ok:
        log.info("import%s %s: %s, unit %s, period %s, version %s", trial, result.file_name,
                 result.outcome, result.unit_code, result.period, result.version)
    else:
        log.warning("import%s %s refused: %s", trial, result.file_name, result.message)
