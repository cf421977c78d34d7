"""A batch of return files: read all, apply each unit's files in the order they were saved.

The order is the workbook's own saved time (docProps/core.xml), else the file's modified time,
never the file name. Where the times cannot decide (equal, missing for some, in the future),
the unit's files are all refused naming each other. A full disk or a read-only database stops
the batch with a sentence naming it and the files stored before it.
"""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Callable, Iterable

from ..core import wording
from ..core.backup import backup_now
from ..core.import_marker import RestoreUnderWay, importing
from ..core.returns import FUTURE_SLACK, REPLACED, STORED
from ..core.store import Store
from .files import SKIPPED, gather, shown_name
from .xlsx_layout import hidden_values
from .xlsx_names import META_SHEET
from .return_file import ImportResult, Prepared, apply, log_attempts, log_to_file, prepare



@dataclass
class _Timed:
    ready: Prepared
    moment: dt.datetime | None
    source: str  # "workbook" or "file"


def _file_time(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)


def _times(group: list[Prepared]) -> list[_Timed]:
    """The workbook's saved times when every file has one, else every file's own time."""
    if all(p.saved_at is not None for p in group):
        return [_Timed(p, p.saved_at, "workbook") for p in group]
    return [_Timed(p, _file_time(p.path), "file") for p in group]


def _undecided(timed: list[_Timed]) -> str | None:
    """Why these times cannot order the files, or None when they can."""
    moments = [t.moment for t in timed]
    if any(m is None for m in moments):
        return "có tệp không ghi thời điểm lưu"
    future = dt.datetime.now(dt.timezone.utc) + FUTURE_SLACK
    if any(m > future for m in moments):
        return "có tệp ghi thời điểm lưu ở tương lai (đồng hồ máy tính bị sai)"
    if len(set(moments)) < len(moments):
        return "các tệp ghi cùng một thời điểm lưu"
    return None


def _when(moment: dt.datetime) -> str:
    local = moment.astimezone()
    return f"{wording.date(local.date())} {local:%H:%M:%S}"


def _same_values(group: list[Prepared]) -> bool:
    from ..core.values import to_json

    first = to_json(group[0].read.values)
    return all(to_json(p.read.values) == first for p in group[1:])


def _refuse_all(timed: list[_Timed], why: str) -> list[ImportResult]:
    names = [shown_name(t.ready.path) for t in timed]
    unit, period = timed[0].ready.unit, timed[0].ready.period
    out = []
    for t in timed:
        mine = shown_name(t.ready.path)
        others = ", ".join(f"“{n}”" for n in names if n != mine)
        out.append(ImportResult(
            mine, "refused",
            f"Tệp “{mine}” và tệp {others} cùng là báo cáo của {unit.name} "
            f"({unit.code}) kỳ {period.label} với số liệu khác nhau, nhưng {why}, nên không biết "
            "tệp nào là bản mới. Không tệp nào được nhập; hãy nhập riêng tệp đúng.",
            unit.code, period.id, sha256=t.ready.sha256))
    return out


def order_group(group: list[Prepared]) -> tuple[list[Prepared], list[ImportResult], str]:
    """(files in the order to apply, refusals, a note naming the current one) for one unit."""
    if len(group) == 1 or _same_values(group):
        return sorted(group, key=lambda p: p.path.name.casefold()), [], ""
    timed = _times(group)
    why = _undecided(timed)
    if why:
        return [], _refuse_all(timed, why), ""
    timed.sort(key=lambda t: t.moment)
    last = timed[-1]
    earlier = "; ".join(f"“{shown_name(t.ready.path)}” ({_when(t.moment)})" for t in timed[:-1])
    source = "theo thời điểm lưu ghi trong tệp" if last.source == "workbook" else \
        "theo thời điểm sửa tệp"
    note = (f"Tệp này lưu sau cùng ({_when(last.moment)}, {source}) nên là bản đang dùng của "
            f"{last.ready.unit.name}; tệp lưu trước được nhập trước: {earlier}.")
    return [t.ready for t in timed], [], note


def _fault(exc: sqlite3.Error, db_path: str, stored: list[str]) -> str:
    text = str(exc).lower()
    if "full" in text:
        what = "ổ đĩa đã đầy, không ghi thêm được. Hãy xóa bớt tệp để có chỗ trống"
    elif "readonly" in text or "read-only" in text:
        what = (f"tệp dữ liệu chỉ đọc (“{db_path}”), không ghi được. Hãy bỏ thuộc tính chỉ "
                "đọc hoặc chép tệp sang thư mục có quyền ghi")
    elif "locked" in text or "busy" in text:
        what = "cơ sở dữ liệu đang bận (một chương trình khác đang ghi). Hãy chờ một lát"
    else:
        what = f"không ghi được vào cơ sở dữ liệu ({exc}). Hãy kiểm tra ổ đĩa"
    done = ("Các tệp đã lưu trước đó vẫn giữ nguyên: " + ", ".join(f"“{n}”" for n in stored)
            if stored else "Chưa tệp nào được lưu")
    return f"Dừng nhập: {what}, rồi nhập lại các tệp còn lại. {done}."


def _db_path(store: Store) -> str:
    rows = store.db.execute("pragma database_list").fetchall()
    return rows[0][2] if rows and rows[0][2] else ":memory:"


def _quick_key(path: Path) -> tuple[str, str] | None:
    """(unit code, period) from the hidden sheet, read cheaply before the whole file."""
    meta = hidden_values(path, META_SHEET)
    unit, period = meta.get("unit_code"), meta.get("period")
    return (unit, period) if unit and period else None


class _Run:
    """One batch: its results so far, the files stored, and whether a fault stopped it."""

    def __init__(self, store: Store, dry_run: bool):
        self.store, self.dry_run = store, dry_run
        self.results: list[ImportResult] = []
        self.stored: list[str] = []
        self.stopped = False

    def add(self, result: ImportResult) -> None:
        """A file's outcome: in the log file at once, in the import log at the end (one
        transaction for the batch's log, not one commit per file)."""
        self.results.append(result)
        log_to_file(result, self.dry_run)

    def write_log(self) -> None:
        if not self.dry_run:
            log_attempts(self.store, self.results)

    def apply(self, item: Prepared, note: str = "") -> None:
        if self.stopped:
            return
        try:
            result = apply(self.store, item, dry_run=self.dry_run)
        except sqlite3.Error as exc:
            self.add(ImportResult(shown_name(item.path), "refused",
                                  _fault(exc, _db_path(self.store), self.stored)))
            self.stopped = True
            return
        if note:
            result.notes.insert(0, note)
        if result.outcome in (STORED, REPLACED):
            self.stored.append(shown_name(item.path))
        self.add(result)

    def apply_groups(self, ready: list[Prepared]) -> None:
        key = lambda p: (p.period.id, p.unit.code)  # noqa: E731
        for _, members in groupby(sorted(ready, key=key), key=key):
            order, refused, note = order_group(list(members))
            for result in refused:
                self.add(result)
            for i, item in enumerate(order):
                self.apply(item, note if i == len(order) - 1 else "")


def _run(store, files, period, dry_run, progress) -> list[ImportResult]:
    """A file whose unit is alone in the batch is applied at once; the others wait for their
    group, so a long batch stores as it goes and a unit's files are still ordered."""
    keys = {path: _quick_key(path) for path in files}
    counts = Counter(k for k in keys.values() if k)
    run, waiting = _Run(store, dry_run), []
    for i, path in enumerate(files):
        if run.stopped or (progress is not None and progress(i, shown_name(path)) is False):
            break
        if keys[path] is None or counts[keys[path]] > 1:
            waiting.append(path)
            continue
        found = prepare(store, path, period)
        (run.add(found) if isinstance(found, ImportResult) else run.apply(found))
    ready = []
    for path in waiting:
        found = prepare(store, path, period)
        (run.add(found) if isinstance(found, ImportResult) else ready.append(found))
    run.apply_groups(ready)
    run.write_log()
    return run.results


def import_files(store: Store, paths: Iterable[Path | str], *, period: str | None = None,
                 dry_run: bool = False,
                 progress: Callable[[int, str], bool] | None = None) -> list[ImportResult]:
    """Import several files after a backup; `progress(i, name)` may return False to stop."""
    files, skipped = gather(paths)
    results = [ImportResult(shown_name(p), SKIPPED, why) for p, why in skipped]
    if dry_run:
        return results + _import(store, files, period, dry_run, progress)
    try:
        with importing(_db_path(store)):
            return results + _import(store, files, period, dry_run, progress)
    except RestoreUnderWay as exc:
        return results + [ImportResult("(nhập báo cáo)", "refused", exc.message)]


def _import(store, files, period, dry_run, progress) -> list[ImportResult]:
    """Back up, import, fold the WAL back."""
    results = []
    if not dry_run:
        try:
            backup_now(store.db, "import")
        except (OSError, sqlite3.Error) as exc:
            full = isinstance(exc, OSError) and exc.errno == errno.ENOSPC
            fault = sqlite3.OperationalError("database or disk is full") if full else exc
            return results + [ImportResult("(sao lưu trước khi nhập)", "refused",
                                           _fault(fault, _db_path(store), []))]
    done = _run(store, files, period, dry_run, progress)
    order = {shown_name(p): i for i, p in enumerate(files)}
    done.sort(key=lambda r: order.get(r.file_name, len(order)))
    if not dry_run:
        _checkpoint(store)
    return results + done


def _checkpoint(store: Store) -> None:
    """Fold the WAL back into the database file after a batch (a busy reader only delays it)."""
    try:
        store.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    except sqlite3.Error:
        pass
