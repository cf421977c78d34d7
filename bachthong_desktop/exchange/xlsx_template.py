"""The Excel return template of a commune, generated from the report definition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from ..core.catalog import release_of
from ..core.definition import Field, Form
from ..core.periods import Period
from ..core.text import slug
from ..core.units import Unit
from .xlsx_names import (CODE_HEADER, META_SHEET, TEXT_HEADER, VALUE_HEADER,  # noqa: F401
                         table_fields, text_fields, unit_columns, value_fields)

# Headers the importer looks for; a commune may move them anywhere. The wording of the
# return (titles, sheet names, help lines, file-name prefix) comes from the definition's
# [returns] table; the names below are its defaults for a definition without one.
RETURN_SHEET = "Báo cáo"
NGO_SHEET = "Dự án NGO"
TEXT_SHEET = "Khó khăn, đề xuất"
HELP_SHEET = "Hướng dẫn"
TEMPLATE_VERSION = 1
FONT = "Times New Roman"
FIRST_VALUE_ROW = 7
CODE_COLUMNS = {"return": (4, 5), "text": (2, 3)}  # (codes, values) on those sheets
YES, NO = "Có", "Không"

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
_HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
_OPEN = Protection(locked=False)



def wording(form: Form, key: str, default):
    """One piece of the return's wording from the definition's [returns] table."""
    return form.returns.get(key, default)


def sheet_name(form: Form, which: str) -> str:
    """The title of the "return", "text" or "help" sheet."""
    defaults = {"return": RETURN_SHEET, "text": TEXT_SHEET, "help": HELP_SHEET}
    return wording(form, f"{which}_sheet", defaults[which])


def value_columns(form: Form) -> dict[str, tuple[int, int]]:
    """sheet -> (column of the codes, column of the values), where the builders put them."""
    return {sheet_name(form, which): cols for which, cols in CODE_COLUMNS.items()}


@dataclass(frozen=True)
class TemplateInfo:
    """Who the template is for."""

    unit: Unit
    period: Period
    form: Form


def template_file_name(period: Period, unit: Unit, form: Form | None = None) -> str:
    """bao-cao-ttdn_2023-H1_01975_xa-vi-huong.xlsx (the prefix from the definition)."""
    prefix = wording(form, "file_prefix", f"bao-cao-{form.code}") if form else "bao-cao-ttdn"
    return f"{prefix}_{period.id}_{unit.code}_{slug(unit.name)}.xlsx"


def table_sheet_title(field: Field, form: Form | None = None) -> str:
    """The sheet of a table field, named in the definition (Excel allows 31 characters)."""
    named = (form.returns.get("table_sheets", {}) if form else {}).get(field.code)
    return (named or field.label)[:31]


def put(ws, row: int, column: int, value):
    """Write a value into a cell; a string is always a string cell, never a formula."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl makes "=..." a formula; a name or a text is not one
    return cell


def _font(**kw) -> Font:
    return Font(name=FONT, size=kw.pop("size", 12), **kw)


def _print_setup(ws, landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.protection.sheet = True  # labels protected, without a password
    # ...but a commune may still insert rows and columns for its own notes.
    for action in ("insertRows", "insertColumns", "formatRows", "formatColumns", "formatCells"):
        setattr(ws.protection, action, False)


def _header_lines(ws, info: TemplateInfo, title: str) -> None:
    lines = [
        (title, _font(bold=True, size=14)),
        (f"Đơn vị: {info.unit.name} (mã {info.unit.code})", _font(bold=True)),
        (f"Kỳ báo cáo: {info.period.label}", _font()),  # the import reads the words
        (f"Mẫu báo cáo: {info.form.code}, phiên bản {info.form.version}", _font(italic=True)),
    ]
    for row, (text, font) in enumerate(lines, start=1):
        put(ws, row, 1, text).font = font


def _head_row(ws, row: int, headers: list[str]) -> None:
    for col, text in enumerate(headers, start=1):
        cell = put(ws, row, col, text)
        cell.font, cell.fill, cell.border = _font(bold=True), _HEAD_FILL, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _input(cell) -> None:
    cell.fill, cell.border, cell.protection, cell.font = _INPUT_FILL, _BOX, _OPEN, _font()


def _return_sheet(ws, info: TemplateInfo) -> None:
    ws.title = sheet_name(info.form, "return")
    _header_lines(ws, info, wording(info.form, "title", info.form.title.upper()))
    _head_row(ws, FIRST_VALUE_ROW - 1, ["STT", "Chỉ tiêu", "Đơn vị tính", CODE_HEADER, VALUE_HEADER])
    counts = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True, showErrorMessage=True,
                            errorTitle="Số liệu", error="Hãy ghi số nguyên không âm, ví dụ 12.")
    yesno = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True,
                           showErrorMessage=True, errorTitle="Có/Không",
                           error="Hãy chọn “Có” hoặc “Không”.")
    ws.add_data_validation(counts)
    ws.add_data_validation(yesno)
    for i, f in enumerate(value_fields(info.form)):
        row = FIRST_VALUE_ROW + i
        unit = "Có/Không" if f.kind == "yesno" else f.unit
        for col, value in enumerate([i + 1, f.label, unit, f.code], start=1):
            cell = put(ws, row, col, value)
            cell.font, cell.border = _font(), _BOX
            cell.alignment = Alignment(vertical="center", wrap_text=col == 2)
        value_cell = ws.cell(row=row, column=CODE_COLUMNS["return"][1])
        _input(value_cell)
        if f.kind == "count":
            counts.add(value_cell)
            value_cell.number_format = "#,##0"
        elif f.kind == "yesno":
            yesno.add(value_cell)
    for col, width in zip("ABCDE", (6, 58, 13, 20, 14)):
        ws.column_dimensions[col].width = width
    _print_setup(ws)


def _table_sheet(wb, info: TemplateInfo, field: Field, title: str, rows: int = 30) -> None:
    ws = wb.create_sheet(title)
    _header_lines(ws, info, field.label.upper())
    columns = unit_columns(field)
    _head_row(ws, FIRST_VALUE_ROW - 1, [c.label for c in columns])
    for col, column in enumerate(columns, start=1):
        put(ws, FIRST_VALUE_ROW - 2, col, f"{field.code}.{column.code}")
        ws.column_dimensions[_letter(col)].width = 30 if column.kind == "text" else 14
        for row in range(FIRST_VALUE_ROW, FIRST_VALUE_ROW + rows):
            _input(ws.cell(row=row, column=col))
            ws.cell(row=row, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[FIRST_VALUE_ROW - 2].hidden = True  # the column codes, for the importer
    _print_setup(ws, landscape=True)


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _text_sheet(wb, info: TemplateInfo) -> None:
    ws = wb.create_sheet(sheet_name(info.form, "text"))
    _header_lines(ws, info, wording(info.form, "text_title", "KHÓ KHĂN, ĐỀ XUẤT"))
    _head_row(ws, FIRST_VALUE_ROW - 1, ["Chỉ tiêu", CODE_HEADER, TEXT_HEADER])
    for i, f in enumerate(text_fields(info.form)):
        row = FIRST_VALUE_ROW + i
        code_col, value_col = CODE_COLUMNS["text"]
        for col, value in ((1, f.label), (code_col, f.code)):
            cell = put(ws, row, col, value)
            cell.font, cell.border = _font(), _BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        _input(ws.cell(row=row, column=value_col))
        ws.cell(row=row, column=value_col).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 90
    for col, width in zip("ABC", (30, 20, 70)):
        ws.column_dimensions[col].width = width
    _print_setup(ws)


def _help_sheet(wb, info: TemplateInfo) -> None:
    ws = wb.create_sheet(sheet_name(info.form, "help"))
    for row, text in enumerate(wording(info.form, "help", []), start=1):
        cell = put(ws, row, 1, text)
        cell.font = _font(bold=row == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = _wrapped_height(text)
    ws.column_dimensions["A"].width = HELP_WIDTH
    _print_setup(ws)


# The instructions fit an A4 portrait page: a column this wide (in Excel's character units) and
# rows tall enough for their wrapped lines, since neither Excel nor LibreOffice grows a row that
# a file leaves without a height when it prints.
HELP_WIDTH = 62
HELP_CHARS_PER_LINE = 80
HELP_LINE_POINTS = 16


def _wrapped_height(text: str) -> float:
    lines = max(1, -(-len(text) // HELP_CHARS_PER_LINE))
    return lines * HELP_LINE_POINTS


def meta_rows(info: TemplateInfo) -> list[tuple[str, str]]:
    return [
        ("form", info.form.code), ("form_version", str(info.form.version)),
        ("template_version", str(TEMPLATE_VERSION)), ("unit_code", info.unit.code),
        ("unit_name", info.unit.name), ("period", info.period.id),
        ("catalog_release", release_of(info.unit.catalog_release)),
        ("generated_at", dt.datetime.now().isoformat(timespec="seconds")),
    ]


def _meta_sheet(wb, info: TemplateInfo) -> None:
    ws = wb.create_sheet(META_SHEET)
    for row, (key, value) in enumerate(meta_rows(info), start=1):
        put(ws, row, 1, key)
        put(ws, row, 2, value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def build_template(info: TemplateInfo) -> Workbook:
    """The workbook a unit fills in for a period."""
    wb = Workbook()
    _return_sheet(wb.active, info)
    for f in table_fields(info.form):
        _table_sheet(wb, info, f, table_sheet_title(f, info.form))
    _text_sheet(wb, info)
    _help_sheet(wb, info)
    _meta_sheet(wb, info)
    wb.move_sheet(sheet_name(info.form, "help"), offset=-(len(wb.sheetnames) - 2))
    wb.active = 0
    return wb


def write_template(info: TemplateInfo, path: Path) -> Path:
    """Write the template to `path` (a file name, or a folder to put the standard name in)."""
    path = Path(path)
    if path.is_dir():
        path = path / template_file_name(info.period, info.unit, info.form)
    build_template(info).save(path)
    return path
