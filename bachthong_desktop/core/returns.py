"""Commune returns: versions of each imported file, the submission board, and the trace."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

from .deadlines import deadline
from .import_log import refused_since_accepted
from .wording import format_date_d30
from .periods import parse_period
from .provenance import IMPORTED, imported_from
from .store import Store
from .units import Unit
from .values import from_json, to_json

STORED, REPLACED, UNCHANGED, REFUSED = "stored", "replaced", "unchanged", "refused"
OLDER = "older"  # saved before the current version: not applied over it
CURRENT = "current"
STATE_WORDS = {
    "received": "Đã nhận", "late": "Nộp muộn", "missing": "Chưa nhận",
    "typed": "Nhập trực tiếp", "refused": "Bị từ chối",
}


@dataclass
class Recorded:
    """What storing one return did (or, in a dry run, would do)."""

    outcome: str
    version: int
    previous: int | None = None
    diff: list[tuple[str, Any, Any]] = field(default_factory=list)
    same_file: bool = False
    changed: list[str] = field(default_factory=list)
    older_than: tuple[str, str] | None = None  # (file name, saved at) of the current version
    back_to: int | None = None  # the replaced version whose figures this return repeats


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def versions(db, period: str, unit_code: str | None = None) -> list[dict]:
    """Every stored version of a period's returns, oldest first."""
    where, args = "period = ?", [period]
    if unit_code is not None:
        where, args = where + " and unit_code = ?", args + [unit_code]
    return list(db["returns"].rows_where(where, args, order_by="unit_code, version"))


def current_return(db, period: str, unit_code: str) -> dict | None:
    return _current(versions(db, period, unit_code))


def normalise(store: Store, values: dict[str, Any]) -> dict[str, Any]:
    """A full return: every unit field, None where not reported. The values were converted
    where they entered (the reader); only an empty one is made None here."""
    return {f.code: (None if values.get(f.code) in ("", []) else values.get(f.code))
            for f in store.form.unit_fields()}


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    return [(code, old.get(code), new.get(code)) for code in new
            if to_json(old.get(code)) != to_json(new.get(code))]


FUTURE_SLACK = dt.timedelta(minutes=10)  # a commune PC's clock a little ahead is no future


def saved_in_future(saved_at: str | None) -> bool:
    """A stored saved time later than this PC's clock (beyond the slack): it orders nothing."""
    try:
        moment = dt.datetime.fromisoformat(saved_at) if saved_at else None
    except ValueError:
        return False
    if moment is None:
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment > dt.datetime.now(dt.timezone.utc) + FUTURE_SLACK


def _older(saved_at: str | None, current: dict) -> bool:
    """Saved before the current version, by times both files record; a current version saved
    "in the future" (a PC clock ahead) never holds a later correction back."""
    theirs = current.get("saved_at")
    return bool(saved_at and theirs and not saved_in_future(theirs) and saved_at < theirs)


def _with_values(rows: list[dict], values_json: str) -> dict | None:
    """The latest replaced version holding these figures, if any."""
    return next((r for r in reversed(rows) if r["status"] != CURRENT
                 and r["values_json"] == values_json), None)


def _decide(store: Store, period: str, unit_code: str, values: dict[str, Any], sha256: str,
            saved_at: str | None) -> tuple[Recorded, dict | None]:
    """Against the current version only: the same file is unchanged, the current figures are
    unchanged, a return saved before the current one is not applied over it; any other
    replaces it, even when it repeats a replaced version (it goes back to those figures)."""
    rows = versions(store.db, period, unit_code)
    values_json = to_json(values)
    same_file = next((r for r in reversed(rows) if r["sha256"] == sha256), None)
    if same_file is not None:
        return Recorded(UNCHANGED, same_file["version"], same_file=True), None
    current = _current(rows)
    if current is None:
        return Recorded(STORED, (rows[-1]["version"] + 1) if rows else 1), None
    if current["values_json"] == values_json:
        return Recorded(UNCHANGED, current["version"]), None
    earlier = _with_values(rows, values_json)
    if _older(saved_at, current):
        outcome = UNCHANGED if earlier is not None else OLDER
        version = earlier["version"] if earlier is not None else current["version"]
        return Recorded(outcome, version, current["version"],
                        older_than=(current["file_name"], current["saved_at"])), current
    old = json.loads(current["values_json"])
    return Recorded(REPLACED, rows[-1]["version"] + 1, current["version"], diff(old, values),
                    back_to=earlier["version"] if earlier is not None else None), current


def record_return(store: Store, period: str, unit_code: str, values: dict[str, Any],
                  cells: dict[str, str], file_name: str, sha256: str, *, dry_run: bool = False,
                  received_at: str | None = None, form_version: int | None = None,
                  saved_at: str | None = None) -> Recorded:
    """Store a return as a new version, in one write transaction (so two imports at once take
    turns and number their versions right); see `_decide` for what it does."""
    values = normalise(store, values)
    if dry_run:
        return _decide(store, period, unit_code, values, sha256, saved_at)[0]
    with store.db.atomic():
        result, current = _decide(store, period, unit_code, values, sha256, saved_at)
        if result.outcome in (UNCHANGED, OLDER):
            return result
        now = _now()
        sources = {code: imported_from(file_name, *_split(cells.get(code, "!")), result.version)
                   for code in values}
        row = {"period": period, "unit_code": unit_code, "version": result.version,
               "file_name": file_name, "sha256": sha256, "imported_at": now,
               "received_at": received_at or now, "status": CURRENT, "replaced_at": None,
               "form_version": form_version, "values_json": to_json(values),
               "cells_json": json.dumps(cells, ensure_ascii=False, sort_keys=True),
               "saved_at": saved_at}
        if current is not None:
            store.db.execute("update returns set status = 'replaced', replaced_at = ? where id = ?",
                             [now, current["id"]])
        store.db.execute(f"insert into returns ({', '.join(row)}) values "
                         f"({', '.join('?' for _ in row)})", list(row.values()))
        result.changed = store.set_many(period, unit_code, values, sources, coerced=True)
    return result


def when_words(iso: str | None) -> str:
    """A stored time as people read it: "15/6/2023 08:00"."""
    if not iso:
        return ""
    moment = dt.datetime.fromisoformat(iso)
    return f"{format_date_d30(moment.date())} {moment:%H:%M}"


def _split(cell: str) -> tuple[str, str]:
    sheet, _, coord = cell.rpartition("!")
    return sheet, coord


@dataclass(frozen=True)
class BoardRow:
    """One unit on the submission board."""

    unit_code: str
    unit_name: str
    state: str
    version: int | None = None
    received_at: str | None = None
    file_name: str | None = None
    refused_cells: tuple[str, ...] = ()

    @property
    def state_words(self) -> str:
        words = STATE_WORDS[self.state]
        if self.state == "refused":
            cells = ", ".join(self.refused_cells[:6]) + (" …" if len(self.refused_cells) > 6
                                                         else "")
            words = f"{words}: ô {cells}" if cells else words
            return words + (f" (đang dùng bản {self.version})" if self.version else "")
        return f"{words} (bản {self.version}, đã thay bản cũ)" if (self.version or 0) > 1 else words


@dataclass(frozen=True)
class Board:
    """The submission board of a period."""

    period: str
    deadline: dt.date
    rows: list[BoardRow]

    @property
    def received(self) -> int:
        return sum(1 for r in self.rows if r.state not in ("missing", "refused") or r.version)

    @property
    def rate(self) -> int:
        return round(100 * self.received / len(self.rows)) if self.rows else 0


def _by_unit(rows: list[dict]) -> dict[str, list[dict]]:
    """Versions grouped per unit, each unit's oldest first (as `versions` gives them)."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["unit_code"], []).append(row)
    return grouped


def _current(rows: list[dict]) -> dict | None:
    """The current version among one unit's versions, oldest first (the last current one)."""
    current = [r for r in rows if r["status"] == CURRENT]
    return current[-1] if current else None


def board(store: Store, period: str, units: list[Unit]) -> Board:
    """Per unit: received, late against the unit deadline, typed in, or not yet."""
    due = deadline(store.db, parse_period(period), "unit")
    typed = set(store.units_with_values(period))
    refused = refused_since_accepted(store.db, period)
    stored = _by_unit(versions(store.db, period))  # one query for every unit of the period
    rows = []
    for unit in units:
        current = _current(stored.get(unit.code, []))
        if current is None:
            state = "typed" if unit.code in typed else "missing"
            row = BoardRow(unit.code, unit.name, state)
        else:
            received = current["received_at"] or current["imported_at"]
            first = stored[unit.code][0]
            late = dt.date.fromisoformat((first["received_at"] or first["imported_at"])[:10]) > due
            row = BoardRow(unit.code, unit.name, "late" if late else "received",
                           current["version"], received, current["file_name"])
        if unit.code in refused:
            attempt = refused[unit.code]
            row = replace(row, state="refused", refused_cells=attempt.cells,
                          received_at=attempt.attempted_at, file_name=attempt.file_name)
        rows.append(row)
    return Board(period, due, rows)


@dataclass(frozen=True)
class TraceRow:
    """One unit's contribution to a total, and where it was read."""

    unit_code: str
    unit_name: str
    value: Any
    file_name: str | None
    sheet: str | None
    cell: str | None
    source: str


def _origin(current: dict | None, code: str, value: Any, row: dict):
    if row["source"] == IMPORTED:
        return row["source_file"], row["source_sheet"], row["source_cell"]
    if current is not None:
        snapshot = json.loads(current["values_json"])
        where = json.loads(current["cells_json"]).get(code)
        if where and to_json(snapshot.get(code)) == to_json(value):
            sheet, coord = _split(where)
            return current["file_name"], sheet, coord
    return None, None, None


def trace(store: Store, period: str, code: str, units: list[Unit]) -> list[TraceRow]:
    """Every unit's value of a field, with the file, sheet and cell it came from."""
    found: dict[str, dict] = {}
    for row in store.db["report_values"].rows_where("period = ? and field = ?", [period, code]):
        found.setdefault(row["unit_code"], row)
    stored = _by_unit(versions(store.db, period)) if found else {}
    rows = []
    for unit in units:
        if unit.code not in found:
            continue
        value = from_json(found[unit.code]["value"])
        current = _current(stored.get(unit.code, []))
        file_name, sheet, cell = _origin(current, code, value, found[unit.code])
        rows.append(TraceRow(unit.code, unit.name, value, file_name, sheet, cell,
                             found[unit.code]["source"]))
    return rows
