"""A return template filled with a unit's values: the file commune mode sends, the demo files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from ..core.definition import Form
from ..core.errors import UserError
from ..core.numbers import NumberError, parse_date
from ..core.paths import too_long
from ..core.wording import format_date_d30
from .xlsx_template import (FIRST_VALUE_ROW, NO, YES, put, table_fields, value_columns,
                            table_sheet_title, unit_columns)


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
        return "\n".join(str(item) for item in value)
    return value


def fill_return(wb: Workbook, form: Form, values: dict[str, Any]) -> None:
    """Put values into a template's cells, found by code as the importer finds them."""
    for sheet, (code_col, value_col) in value_columns(form).items():
        ws = wb[sheet]
        for row in range(FIRST_VALUE_ROW, ws.max_row + 1):
            code = ws.cell(row=row, column=code_col).value
            if code in values:
                value = excel_value(form.field(code).kind, values[code])
                put(ws, row, value_col, value)
    for f in table_fields(form):
        ws = wb[table_sheet_title(f, form)]
        for i, record in enumerate(values.get(f.code) or []):
            for col, column in enumerate(unit_columns(f), start=1):
                put(ws, FIRST_VALUE_ROW + i, col, excel_value(column.kind, record.get(column.code)))


def save_workbook(workbook: Workbook, path: Path) -> Path:
    """Save a filled return; a file Excel holds open or a folder we may not write is said plainly."""
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(too_long(path)
                        or f"Không ghi được tệp “{path}”: {exc.strerror}. Nếu tệp đang mở trong "
                        "Excel, hãy đóng nó; hoặc chọn thư mục khác.") from exc
    return path
