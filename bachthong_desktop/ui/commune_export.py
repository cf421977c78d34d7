"""Commune mode: write the commune's return as the Excel file the compiling office imports."""

from __future__ import annotations

from pathlib import Path
from ..core.periods import parse_period


def default_name(window) -> str:
    """The name the office's `template --all` gives this unit's file."""
    from ..exchange.xlsx_template import template_file_name

    return template_file_name(parse_period(window.period), window.unit,
                              window.session.form)


def write_return(session, period_id: str, unit_code: str, path: str | Path) -> Path:
    """The commune's return of a period, written as a filled template at `path`."""
    from ..core.units import unit_as_of
    from ..exchange.xlsx_fill import as_sent, fill_return, save_workbook
    from ..exchange.xlsx_template import TemplateInfo, build_template

    form = session.form
    unit = unit_as_of(session.db, unit_code, parse_period(period_id).cutoff_end)
    workbook = build_template(TemplateInfo(unit, parse_period(period_id), form))
    values = session.store.values(period_id, unit_code)
    fill_return(workbook, form, values)
    as_sent(workbook, form, values)
    path = Path(path)
    return save_workbook(workbook, path)
