"""Commune mode: write the commune's return as the Excel file the compiling office imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.errors import UserError
from ..core.numbers import format_date_d30, parse_date
from ..core.periods import parse_period


def default_name(window) -> str:
    """The name the office's `template --all` gives this unit's file."""
    from ..exchange.xlsx_template import template_file_name

    return template_file_name(parse_period(window.period), window.unit)


def _for_excel(form, values: dict[str, Any]) -> dict[str, Any]:
    """Dates in table rows as people write them (dd/mm/yyyy); the rest as stored."""
    out = dict(values)
    for f in form.unit_fields():
        if f.kind == "table" and values.get(f.code):
            dates = [c.code for c in f.columns if c.kind == "date"]
            out[f.code] = [{k: format_date_d30(parse_date(v)) if k in dates and v else v
                            for k, v in row.items()} for row in values[f.code]]
    return out


def write_return(session, period_id: str, unit_code: str, path: str | Path) -> Path:
    """The commune's return of a period, written as a filled template at `path`."""
    from ..core.units import get_unit
    from ..exchange.demo_returns import fill
    from ..exchange.xlsx_template import TemplateInfo, build_template

    form = session.form
    unit = get_unit(session.db, unit_code)
    workbook = build_template(TemplateInfo(unit, parse_period(period_id), form))
    fill(workbook, form, _for_excel(form, session.store.values(period_id, unit_code)))
    path = Path(path)
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp “{path}”: {exc.strerror}. Nếu tệp đang mở trong "
                        "Excel, hãy đóng nó; hoặc chọn thư mục khác.") from exc
    return path
