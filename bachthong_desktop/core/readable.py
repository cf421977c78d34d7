"""The compiled report's data as plain readable Vietnamese text (for `show`)."""

from __future__ import annotations

from typing import Any

from . import marks, wording
from .aggregate import Figure
from .definition import Field, Form
from .periods import Period
from .units import Unit
from .values import as_date


def describe_report(form: Form, period: Period, office: Unit, units: list[Unit],
                    figures: dict[str, Figure]) -> str:
    lines = [f"{form.title} – {period.label} ({period.id})", f"Cơ quan tổng hợp: {office.name}", ""]
    words = form.words_of(office)
    for section in form.sections:
        lines.append(f"== {section.tab} ==")
        for field in section.fields:
            if not form.lacks(field, words):  # not a body the level lacks (as the window)
                lines += _describe(field, figures[field.code], len(units))
        lines.append("")
    return marks.plain("\n".join(lines).rstrip() + "\n")  # words only: a terminal shows no marks


def _describe(field: Field, fig: Figure, unit_count: int) -> list[str]:
    head = f"{field.label} [{field.code}]: "
    if fig.own:  # the office's own figure; its units' total apart, never added to it
        units = (f"  (số của cơ quan; {wording.number(len(fig.by_unit))}/"
                 f"{wording.number(unit_count)} đơn vị báo cáo thêm, tổng "
                 f"{_scalar(field, fig.units_value)})" if fig.by_unit else "")
        shown = "(chưa có)" if fig.value in (None, "") else _scalar(field, fig.value)
        return [head + shown + units]
    if fig.value in (None, [], ""):
        return [head + "(chưa có)"]
    note = ""
    if field.from_units:
        note = (f"  ({wording.number(len(fig.by_unit))}/{wording.number(unit_count)} đơn vị báo cáo"
                + (", đã sửa tay)" if fig.overridden else ")"))
    if field.kind in ("list", "nested_list", "table") or isinstance(fig.value, list):
        return [head + note] + [f"    - {line}" for line in _items(field, fig.value)]
    return [head + _scalar(field, fig.value) + note]


def _scalar(field: Field, value: Any) -> str:
    if field.unit == "%":  # a yes/no the units answer reads, once compiled, as a share
        return wording.share(value)
    if field.kind == "date":
        return wording.date(as_date(value))
    return wording.value(field.kind, value, field.unit)


def _items(field: Field, value: list) -> list[str]:
    out = []
    for item in value:
        if field.kind == "nested_list":
            out.append(item["text"])
            out += [f"  + {c}" for c in item["children"]]
        elif field.kind == "table":
            labels = {c.code: c.label for c in field.columns}
            out.append("; ".join(f"{labels[k]}: {v}" for k, v in item.items() if v and k in labels))
        elif isinstance(item, dict):
            out.append(f"{item.get('unit_name') or 'Cơ quan tổng hợp'}: {item['text']}")
        else:
            out.append(str(item))
    return out
