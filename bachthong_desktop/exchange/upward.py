"""Up the chain: the office's own figures as a return to the level above (a commune to its
province, the 2023 district to its province), in the same template the importer reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.aggregate import Figure
from ..core.definition import Field, Form
from ..core.periods import parse_period
from .xlsx_fill import as_sent, fill_return, save_workbook
from .xlsx_template import TemplateInfo, build_template, template_file_name, unit_columns


def _texts(f: Field, fig: Figure, figures: dict[str, Figure]) -> str | None:
    """The office's text of a gathered field as its report printed it: its own field
    (`upward_from`), which holds its units' texts with their sources while it wrote none;
    nothing where its report prints no such part (the 2023 district's proposals)."""
    source = figures.get(f.upward_from) if f.upward_from else None
    own = source.value if source is not None else None
    if isinstance(fig.value, str):  # an old override: the office's text in place of its units'
        own = own or fig.value
    if isinstance(own, list):
        return "\n".join(own) or None
    return own or None


def _rows(f: Field, rows: list[dict] | None) -> list[dict]:
    codes = [c.code for c in unit_columns(f)]
    return [{c: row.get(c) for c in codes} for row in rows or []]


def _yes_no(f: Field, fig: Figure, figures: dict[str, Figure]) -> bool | None:
    if fig.office_value is not None:
        return bool(fig.office_value)
    source = figures.get(f.upward_from) if f.upward_from else None
    return None if source is None else bool(source.value)


def upward_value(f: Field, fig: Figure, figures: dict[str, Figure]) -> Any:
    """What the office answers, as a unit, for one field of the return."""
    if f.kind == "yesno":
        return _yes_no(f, fig, figures)
    if f.aggregate == "gather_text":
        return _texts(f, fig, figures)
    if f.kind == "table":
        return _rows(f, fig.value)
    return fig.value


def upward_values(form: Form, figures: dict[str, Figure]) -> dict[str, Any]:
    """The office's return: every field a unit reports, from the office's compiled figures."""
    values = {f.code: upward_value(f, figures[f.code], figures)
              for f in form.unit_fields() if f.code in figures}
    return {code: value for code, value in values.items() if value not in (None, [], "")}


def write_upward(session, period_id: str, path: str | Path) -> Path:
    """Write the office's return of a period (a folder gets the standard file name)."""
    period = parse_period(period_id)
    office = session.office_for(period)
    workbook = build_template(TemplateInfo(office, period, session.form))
    values = upward_values(session.form, session.compile(period))
    fill_return(workbook, session.form, values)
    as_sent(workbook, session.form, values)
    path = Path(path)
    if path.is_dir():
        path = path / template_file_name(period, office, session.form)
    return save_workbook(workbook, path)
