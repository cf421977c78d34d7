"""Report values per (period, unit, field), each change recorded in the history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from .definition import Form
from .provenance import COLUMNS, Source, imported_from  # noqa: F401 - imported_from re-exported
from .values import coerce, from_json, to_json

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

# Kinds of entry; an imported value also has its file, sheet, cell and version (provenance.py).
TYPED = "typed"
DEMO = "demo"


@dataclass(frozen=True)
class Change:
    """One entry of the history."""

    period: str
    unit_code: str
    field: str
    old_value: Any
    new_value: Any
    changed_at: str
    source: str  # the kind of entry: "typed", "imported" …
    origin: Source | None = None  # with the file, sheet, cell and version of an import


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


class Store:
    """Read and write report values; every write that changes something is in the history."""

    def __init__(self, db: Database, form: Form):
        self.db = db
        self.form = form

    def get(self, period: str, unit_code: str, field: str) -> Any:
        rows = list(self.db["report_values"].rows_where(
            "period = ? and unit_code = ? and field = ?", [period, unit_code, field]))
        return from_json(rows[0]["value"]) if rows else None

    def values(self, period: str, unit_code: str) -> dict[str, Any]:
        """Every stored value of one unit's report for one period."""
        rows = self.db["report_values"].rows_where(
            "period = ? and unit_code = ?", [period, unit_code])
        return {r["field"]: from_json(r["value"]) for r in rows}

    def values_by_unit(self, period: str, unit_codes: list[str]) -> dict[str, dict[str, Any]]:
        """`values` of each of these units for one period, read in one query (a province's 92
        communes are one query, not 92)."""
        found: dict[str, dict[str, Any]] = {code: {} for code in unit_codes}
        rows = self.db.execute("select unit_code, field, value from report_values "
                               "where period = ?", [period]).fetchall()
        for unit_code, field, value in rows:
            if unit_code in found:
                found[unit_code][field] = from_json(value)
        return found

    def set(self, period: str, unit_code: str, field: str, raw: Any,
            source: str | Source = TYPED) -> bool:
        """Store one value; True when it changed."""
        return bool(self.set_many(period, unit_code, {field: raw}, source))

    def set_many(self, period: str, unit_code: str, raws: dict[str, Any],
                 source: str | Source | dict[str, str | Source] = TYPED, *,
                 coerced: bool = False) -> list[str]:
        """Store several values of one report at once, all or nothing; the changed codes.

        `coerced`: the values were already converted where they entered (an import)."""
        normal = {code: to_json(raw if coerced else coerce(self.form.field(code), raw))
                  for code, raw in raws.items()}
        with self.db.atomic():
            stored = self._stored_json(period, unit_code)
            changes = [(code, stored.get(code), new, Source.of(
                source[code] if isinstance(source, dict) else source))
                for code, new in normal.items() if stored.get(code) != new]
            self._write(period, unit_code, changes)
        return [code for code, *_ in changes]

    def _stored_json(self, period: str, unit_code: str) -> dict[str, str]:
        rows = self.db.execute("select field, value from report_values where period = ? "
                               "and unit_code = ?", [period, unit_code]).fetchall()
        return dict(rows)

    def _write(self, period: str, unit_code: str, changes: list[tuple]) -> None:
        """Write (field, old JSON, new JSON, Source) changes and their history, in one go."""
        now = _now()
        columns = ", ".join(COLUMNS)
        marks = ", ".join("?" for _ in COLUMNS)
        self.db.conn.executemany(
            "delete from report_values where period = ? and unit_code = ? and field = ?",
            [(period, unit_code, code) for code, _, new, _ in changes if new is None])
        self.db.conn.executemany(
            f"insert or replace into report_values (period, unit_code, field, value, {columns}, "
            f"updated_at) values (?, ?, ?, ?, {marks}, ?)",
            [(period, unit_code, code, new, *src.row(), now) for code, _, new, src in changes
             if new is not None])
        self.db.conn.executemany(
            "insert into value_history (period, unit_code, field, old_value, new_value, "
            f"changed_at, {columns}) values (?, ?, ?, ?, ?, ?, {marks})",
            [(period, unit_code, code, old, new, now, *src.row())
             for code, old, new, src in changes])

    def sources(self, period: str, unit_code: str) -> dict[str, str]:
        """The kind of entry ("typed", "imported" …) each stored value came from last."""
        return {code: origin.kind for code, origin in self.origins(period, unit_code).items()}

    def origins(self, period: str, unit_code: str) -> dict[str, Source]:
        """Where each stored value came from last, with the file, sheet and cell of an import."""
        rows = self.db["report_values"].rows_where(
            "period = ? and unit_code = ?", [period, unit_code])
        return {r["field"]: Source.from_row(r) for r in rows}

    def history(self, period: str, unit_code: str | None = None,
                field: str | None = None) -> list[Change]:
        """The changes of a period, oldest first, optionally for one unit and field."""
        where, args = ["period = ?"], [period]
        for column, value in (("unit_code", unit_code), ("field", field)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        rows = self.db["value_history"].rows_where(" and ".join(where), args, order_by="id")
        return [Change(r["period"], r["unit_code"], r["field"], from_json(r["old_value"]),
                       from_json(r["new_value"]), r["changed_at"], r["source"],
                       Source.from_row(r)) for r in rows]

    def units_with_values(self, period: str) -> list[str]:
        rows = self.db.query("select distinct unit_code from report_values where period = ? "
                             "order by unit_code", [period])
        return [r["unit_code"] for r in rows]

    def periods(self) -> list[str]:
        rows = self.db.query("select distinct period from report_values order by period")
        return [r["period"] for r in rows]

    def clear(self, period: str, unit_code: str, fields: Iterable[str],
              source: str | Source) -> None:
        """Remove values (recorded in the history as changes to empty)."""
        self.set_many(period, unit_code, {f: None for f in fields}, source)
