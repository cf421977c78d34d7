"""Write the demo communes' returns as real filled templates (run once; the files are committed).

python -m bachthong_desktop.exchange.demo_returns [PERIOD]
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ..core.db import memory_db
from ..core.definition import Form, load_form
from ..core.demo import DEMO_PERIOD, demo_dir
from ..core.periods import parse_period
from ..core.units import get_unit
from .xlsx_template import (FIRST_VALUE_ROW, NGO_SHEET, NO, RETURN_SHEET, TEXT_SHEET, YES,
                            TemplateInfo, build_template, template_file_name, unit_columns)


def _cell_text(value: Any) -> Any:
    if isinstance(value, bool):
        return YES if value else NO
    return value


def fill(wb: Workbook, form: Form, values: dict[str, Any]) -> None:
    """Put values into a template's cells, found by code as the importer finds them."""
    for ws_name, code_col, value_col in ((RETURN_SHEET, 4, 5), (TEXT_SHEET, 2, 3)):
        ws = wb[ws_name]
        for row in range(FIRST_VALUE_ROW, ws.max_row + 1):
            code = ws.cell(row=row, column=code_col).value
            if code in values:
                ws.cell(row=row, column=value_col, value=_cell_text(values[code]))
    columns = unit_columns(form.field("ngo_projects"))
    for i, project in enumerate(values.get("ngo_projects", [])):
        for col, column in enumerate(columns, start=1):
            wb[NGO_SHEET].cell(row=FIRST_VALUE_ROW + i, column=col, value=project.get(column.code))


def write_demo_returns(period: str = DEMO_PERIOD, out: Path | None = None) -> list[Path]:
    """One filled return per demo commune, named as `template --all` names them."""
    out = out or demo_dir(period) / "returns"
    out.mkdir(parents=True, exist_ok=True)
    data = tomllib.loads((demo_dir(period) / "units.toml").read_text(encoding="utf-8"))["units"]
    db, form, p = memory_db(), load_form("ttdn"), parse_period(period)
    written = []
    for code, values in data.items():
        unit = get_unit(db, code)
        wb = build_template(TemplateInfo(unit, p, form))
        fill(wb, form, values)
        path = out / template_file_name(p, unit)
        wb.save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_demo_returns(*sys.argv[1:2]):
        print(written_path)
