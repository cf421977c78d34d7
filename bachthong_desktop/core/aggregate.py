"""Turn the office's own entries and the units' returns into the report's figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .definition import Field, Form
from .store import Store
from .text import name_key
from .units import Unit


@dataclass
class Figure:
    """One field of the compiled report: its value and what it was made of."""

    code: str
    value: Any
    office_value: Any = None
    by_unit: dict[str, Any] = field(default_factory=dict)
    overridden: bool = False
    units_value: Any = None  # the units' total alone (printed beside an own figure)
    own: bool = False  # the office's own work at its level: `value` is what it typed

    @property
    def from_units(self) -> bool:
        return bool(self.by_unit)


def compile_report(store: Store, period: str, office: Unit, units: list[Unit]) -> dict[str, Figure]:
    """Every field of the form, as the report will print it."""
    own = store.values(period, office.code)
    returns = store.values_by_unit(period, [u.code for u in units])
    names = {u.code: u.name for u in units}
    own_codes = store.form.own_codes(office)
    figures = {f.code: _figure(f, own.get(f.code), returns, names, f.code in own_codes)
               for f in store.form.fields}
    for code, gathered in store.form.fallbacks(store.form.words_of(office)).items():
        lines = gathered_lines(figures[gathered].units_value)
        if not figures[code].value and lines:  # the office wrote none: its units' texts
            figures[code] = Figure(code, lines, figures[code].office_value)
    return figures


def _figure(f: Field, own: Any, returns: dict[str, dict], names: dict[str, str],
            own_work: bool = False) -> Figure:
    """The office's own figure where the field is its own work at its level (its units'
    total kept beside it); else the units' total, or the office's override of it."""
    if not f.from_units:
        return Figure(f.code, own, own)
    by_unit = {code: vals[f.code] for code, vals in returns.items()
               if vals.get(f.code) is not None}
    combine = AGGREGATORS[f.aggregate]
    units = combine(f, None, by_unit, names) if by_unit else None
    if own_work:
        return Figure(f.code, own, own, by_unit, units_value=units, own=True)
    if not f.from_office and own is not None:
        return Figure(f.code, own, own, by_unit, overridden=True, units_value=units)
    return Figure(f.code, combine(f, own, by_unit, names), own, by_unit, units_value=units)


def _sum(f: Field, own: Any, by_unit: dict, names: dict) -> int | None:
    parts = [v for v in [own, *by_unit.values()] if v is not None]
    return sum(parts) if parts else None


def _share_yes(f: Field, own: Any, by_unit: dict, names: dict) -> int | None:
    answers = list(by_unit.values())
    if not answers:
        return None
    return round(100 * sum(1 for a in answers if a) / len(answers))


def _gather_text(f: Field, own: Any, by_unit: dict, names: dict) -> list[dict]:
    items = [{"unit": code, "unit_name": names.get(code, code), "text": text}
             for code, text in by_unit.items()]
    if own:
        items.insert(0, {"unit": None, "unit_name": "", "text": own})
    return items


def gathered_lines(items: list[dict] | None) -> list[str]:
    """Units' gathered texts as the office's lines, each with its source: "Thôn Nà Bản: …"
    (a line's own "- " or "+ " goes: the report writes its own marks)."""
    out = []
    for item in items or []:
        for line in str(item.get("text") or "").splitlines():
            line = line.strip().lstrip("-+•").strip()
            if line:
                out.append(f"{item['unit_name']}: {line}" if item.get("unit") else line)
    return out


def _merge_list(f: Field, own: Any, by_unit: dict, names: dict) -> list[dict]:
    merged: dict[str, dict] = {}
    sources = [(None, row) for row in own or []]
    sources += [(code, row) for code, rows in by_unit.items() for row in rows]
    for code, row in sources:
        row = _with_reporting_unit(row, code, names)
        key = merge_key(row.get(f.merge_key) or "")
        if key not in merged:
            merged[key] = {**row, "reported_by": []}
        else:
            _merge_row(f, merged[key], row)
        if code:
            merged[key]["reported_by"].append(code)
    return list(merged.values())


def _with_reporting_unit(row: dict, code: str | None, names: dict) -> dict:
    """A unit's own project row is on its territory even where it left "communes" empty."""
    if code and not row.get("communes"):
        return {**row, "communes": names.get(code, code)}
    return row


def merge_key(text: str) -> str:
    """Names that a person takes for the same: tolerant, and blind to spaces around dashes."""
    return re.sub(r"\s*([-–,.;:()])\s*", r"\1", name_key(text))


def _merge_row(f: Field, into: dict, row: dict) -> None:
    for col in f.columns:
        new = row.get(col.code)
        if not new:
            continue
        if col.merge == "union":
            into[col.code] = _union(into.get(col.code), new)
        elif not into.get(col.code):
            into[col.code] = new


def _union(first: str | None, second: str) -> str:
    seen, out = set(), []
    for part in (first or "").split(",") + second.split(","):
        part = part.strip()
        if part and name_key(part) not in seen:
            seen.add(name_key(part))
            out.append(part)
    return ", ".join(out)


AGGREGATORS = {"sum": _sum, "share_yes": _share_yes, "merge_list": _merge_list,
               "gather_text": _gather_text}


def figures_as_json(figures: dict[str, Figure], form: Form) -> dict[str, dict]:
    """The compiled report keyed by field code, for `show --json`."""
    out = {}
    for code, fig in figures.items():
        f = form.field(code)
        entry = {"label": f.label, "kind": f.kind, "unit": f.unit, "value": fig.value}
        if f.from_units:
            entry.update(total=fig.units_value if fig.own else fig.value,
                         office_value=fig.office_value,
                         by_unit=fig.by_unit, overridden=fig.overridden,
                         units_value=fig.units_value, own=fig.own)
        out[code] = entry
    return out
