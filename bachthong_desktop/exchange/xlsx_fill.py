"""A return template filled with a unit's values: the file commune mode sends, the demo files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ..core import marks
from ..core.definition import Form
from ..core.errors import UserError
from ..core.numbers import NumberError, parse_date
from ..core.paths import too_long
from ..core.wording import format_date_d30
from openpyxl.styles import PatternFill

from .xlsx_print import HAND_ROW, fit_row, print_to_row
from .xlsx_template import (FIRST_VALUE_ROW, INPUT_COLOR, NO, YES, put, sheet_name, table_fields,
                            table_sheet_title, unit_columns, value_columns, write_help)

_NO_FILL = PatternFill(fill_type=None)


def excel_value(kind: str, value: Any) -> Any:
    """A value as a person would type it in the template: Có/Không, dd/mm/yyyy, one item a line."""
    if isinstance(value, bool):
        return YES if value else NO
    if kind == "date" and value:
        try:
            return format_date_d30(parse_date(value))
        except NumberError:
            return value  # as it was typed: the importer says what is wrong with it
    if isinstance(value, list):
        return "\n".join(marks.plain(str(item)) for item in value)
    return marks.plain(value) if isinstance(value, str) else value  # a cell holds plain text


def fill_return(wb: Workbook, form: Form, values: dict[str, Any]) -> None:
    """Put values into a template's cells, found by code as the importer finds them."""
    for sheet, (code_col, value_col) in value_columns(form).items():
        ws = wb[sheet]
        for row in range(FIRST_VALUE_ROW, ws.max_row + 1):
            code = ws.cell(row=row, column=code_col).value
            if code in values:
                value = excel_value(form.field(code).kind, values[code])
                put(ws, row, value_col, value)
                fit_row(ws, row, ws.row_dimensions[row].height or HAND_ROW)
    for f in table_fields(form):
        ws = wb[table_sheet_title(f, form)]
        records = values.get(f.code) or []
        for i, record in enumerate(records):
            for col, column in enumerate(unit_columns(f), start=1):
                put(ws, FIRST_VALUE_ROW + i, col, excel_value(column.kind, record.get(column.code)))
            fit_row(ws, FIRST_VALUE_ROW + i)  # a long project text wraps inside its own row


def as_sent(wb: Workbook, form: Form, values: dict[str, Any]) -> None:
    """A return the program fills and sends (up the chain, or a commune's own) is a report, not
    a form to fill: no yellow cells, the table's empty rows left unprinted, and a help sheet
    that says what the file is ([returns.sent] of the definition)."""
    for f in table_fields(form):
        rows = len(values.get(f.code) or [])
        print_to_row(wb[table_sheet_title(f, form)], FIRST_VALUE_ROW + max(rows, 1) - 1)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.fill.fill_type == "solid" and str(cell.fill.fgColor.rgb).endswith(INPUT_COLOR):
                    cell.fill = _NO_FILL
    lines = form.returns.get("sent", {}).get("help")
    help_title = sheet_name(form, "help")
    if lines and help_title in wb.sheetnames:
        write_help(wb[help_title], lines)


def save_workbook(workbook: Workbook, path: Path) -> Path:
    """Save a filled return; a file Excel holds open or a folder we may not write is said plainly."""
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(too_long(path)
                        or f"Không ghi được tệp “{path}”: {exc.strerror}. Nếu tệp đang mở trong "
                        "Excel, hãy đóng nó; hoặc chọn thư mục khác.") from exc
    return path
