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
from .xlsx_print import HAND_ROW, fit_row, print_setup, signature_block
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
# (codes, values) on those sheets: the codes in column A, outside the print area
CODE_COLUMNS = {"return": (1, 5), "text": (1, 3)}
REFORM_DAY = dt.date(2025, 7, 1)  # the two-level local government: a return's words since
YES, NO = "Có", "Không"

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
INPUT_COLOR = "FFF8DC"  # the cells a person fills
_INPUT_FILL = PatternFill("solid", fgColor=INPUT_COLOR)
_HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
_MACHINE_FONT = Font(name=FONT, size=9, color="808080")
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


def return_label(info: "TemplateInfo", code: str, label: str) -> str:
    """A field's (or a column's, "table.column") label in the return, in the words of the unit
    it is for ([returns.labels]) from the reform on; the field's own label before it."""
    pattern = info.form.returns.get("labels", {}).get(code)
    words = info.form.returns.get("unit_words", {}).get((info.unit.kind or "").lower())
    if not pattern or not words or info.period.cutoff_end < REFORM_DAY:
        return label
    try:
        return pattern.format(**words)
    except (KeyError, IndexError, ValueError):
        return label


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


def _protect(ws) -> None:
    ws.protection.sheet = True  # labels protected, without a password
    # ...but a commune may still insert rows and columns for its own notes.
    for action in ("insertRows", "insertColumns", "formatRows", "formatColumns", "formatCells"):
        setattr(ws.protection, action, False)


def _header_lines(ws, info: TemplateInfo, title: str, col: int, machine_col: int) -> None:
    """The title, unit and period printed in column `col`; the version line, which only the
    import reads, in `machine_col`, outside the print area."""
    lines = [
        (title, _font(bold=True, size=14)),
        (f"Đơn vị: {info.unit.name} (mã {info.unit.code})", _font(bold=True)),
        (f"Kỳ báo cáo: {info.period.label}", _font()),  # the import reads the words
    ]
    for row, (text, font) in enumerate(lines, start=1):
        put(ws, row, col, text).font = font
        ws.row_dimensions[row].height = 22
    version = f"Mẫu báo cáo: {info.form.code}, phiên bản {info.form.version}"
    cell = put(ws, 4, machine_col, version)
    cell.font = _MACHINE_FONT
    # wrapped, so that no part of it runs over into the printed columns beside it
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[4].height = 26


def _head_row(ws, row: int, headers: list[str]) -> None:
    for col, text in enumerate(headers, start=1):
        cell = put(ws, row, col, text)
        cell.font, cell.fill, cell.border = _font(bold=True), _HEAD_FILL, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _count_rule(cell) -> DataValidation:
    """A count cell takes what the import reads: a whole number of 0 or more, or a text ("12
    tin", "1.086", "-"), which the import reads or refuses naming the cell."""
    ref = cell.coordinate
    return DataValidation(type="custom", allow_blank=True, showErrorMessage=True,
                          # IF, not OR: OR computes INT("12 tin") too, an error that refuses
                          formula1=f"IF(ISTEXT({ref}),TRUE,AND({ref}>=0,{ref}=INT({ref})))",
                          errorTitle="Số liệu", error="Hãy ghi số nguyên không âm, ví dụ 12 "
                          "hoặc 12 tin; không có hoạt động thì ghi 0 hoặc “-”.")


def _input(cell) -> None:
    cell.fill, cell.border, cell.protection, cell.font = _INPUT_FILL, _BOX, _OPEN, _font()


def _return_sheet(ws, info: TemplateInfo) -> None:
    ws.title = sheet_name(info.form, "return")
    _header_lines(ws, info, wording(info.form, "title", info.form.title.upper()), 2, 1)
    _head_row(ws, FIRST_VALUE_ROW - 1, [CODE_HEADER, "STT", "Chỉ tiêu", "Đơn vị tính", VALUE_HEADER])
    yesno = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True,
                           showErrorMessage=True, errorTitle="Có/Không",
                           error="Hãy chọn “Có” hoặc “Không”.")
    ws.add_data_validation(yesno)
    for col, width in zip("ABCDE", (16, 5, 54, 11, 14)):
        ws.column_dimensions[col].width = width
    fields = value_fields(info.form)
    for i, f in enumerate(fields):
        row = FIRST_VALUE_ROW + i
        unit = "Có/Không" if f.kind == "yesno" else f.unit
        label = return_label(info, f.code, f.label)
        for col, value in enumerate([f.code, i + 1, label, unit], start=1):
            cell = put(ws, row, col, value)
            cell.font, cell.border = _font() if col > 1 else _MACHINE_FONT, _BOX
            cell.alignment = Alignment(vertical="center", wrap_text=col == 3,
                                       horizontal="center" if col in (2, 4) else None)
        value_cell = ws.cell(row=row, column=CODE_COLUMNS["return"][1])
        _input(value_cell)
        value_cell.alignment = Alignment(horizontal="right", vertical="center")
        if f.kind == "count":
            ws.add_data_validation(rule := _count_rule(value_cell))
            rule.add(value_cell)
            value_cell.number_format = "#,##0"
        elif f.kind == "yesno":
            yesno.add(value_cell)
        fit_row(ws, row)
    fit_row(ws, FIRST_VALUE_ROW - 1)
    last = signature_block(ws, FIRST_VALUE_ROW + len(fields) + 1, 3, (4, 5))
    print_setup(ws, 2, 5, last, FIRST_VALUE_ROW - 1)
    _protect(ws)


def _table_sheet(wb, info: TemplateInfo, field: Field, title: str, rows: int = 30) -> None:
    ws = wb.create_sheet(title)
    columns = unit_columns(field)
    _header_lines(ws, info, field.label.upper(), 1, len(columns) + 1)
    _head_row(ws, FIRST_VALUE_ROW - 1,
              [return_label(info, f"{field.code}.{c.code}", c.label) for c in columns])
    for col, column in enumerate(columns, start=1):
        put(ws, FIRST_VALUE_ROW - 2, col, f"{field.code}.{column.code}")
        ws.column_dimensions[_letter(col)].width = _table_width(column)
        for row in range(FIRST_VALUE_ROW, FIRST_VALUE_ROW + rows):
            _input(ws.cell(row=row, column=col))
            ws.cell(row=row, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[FIRST_VALUE_ROW - 2].hidden = True  # the column codes: hidden, unprinted
    fit_row(ws, FIRST_VALUE_ROW - 1)
    for row in range(FIRST_VALUE_ROW, FIRST_VALUE_ROW + rows):
        ws.row_dimensions[row].height = HAND_ROW * 1.2
    print_setup(ws, 1, len(columns), FIRST_VALUE_ROW + rows - 1, FIRST_VALUE_ROW - 1,
                landscape=True)
    _protect(ws)


# A table's columns on a landscape A4 at full size: a name or a purpose wider, a date narrow.
_TABLE_WIDTHS = {"name": 23, "purpose": 19, "donor": 16, "status": 12, "country": 11}


def _table_width(column) -> float:
    return 11 if column.kind == "date" else _TABLE_WIDTHS.get(column.code, 14)


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _text_sheet(wb, info: TemplateInfo) -> None:
    ws = wb.create_sheet(sheet_name(info.form, "text"))
    _header_lines(ws, info, wording(info.form, "text_title", "KHÓ KHĂN, ĐỀ XUẤT"), 2, 1)
    _head_row(ws, FIRST_VALUE_ROW - 1, [CODE_HEADER, "Chỉ tiêu", TEXT_HEADER])
    for col, width in zip("ABC", (16, 24, 62)):
        ws.column_dimensions[col].width = width
    fields = text_fields(info.form)
    for i, f in enumerate(fields):
        row = FIRST_VALUE_ROW + i
        code_col, value_col = CODE_COLUMNS["text"]
        for col, value in ((2, f.label), (code_col, f.code)):
            cell = put(ws, row, col, value)
            cell.font, cell.border = _font() if col > 1 else _MACHINE_FONT, _BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        _input(ws.cell(row=row, column=value_col))
        ws.cell(row=row, column=value_col).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 150  # lines to write a paragraph in by hand
    fit_row(ws, FIRST_VALUE_ROW - 1)
    last = signature_block(ws, FIRST_VALUE_ROW + len(fields) + 1, 2, (3, 3))
    print_setup(ws, 2, 3, last, FIRST_VALUE_ROW - 1)
    _protect(ws)


def _help_sheet(wb, info: TemplateInfo) -> None:
    ws = wb.create_sheet(sheet_name(info.form, "help"))
    write_help(ws, wording(info.form, "help", []))
    _protect(ws)


def write_help(ws, lines: list[str]) -> None:
    """The help sheet's lines, one a row, the first in bold; any lines there before go."""
    ws.delete_rows(1, ws.max_row)
    for row, text in enumerate(lines, start=1):
        cell = put(ws, row, 1, text)
        cell.font = _font(bold=row == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = _wrapped_height(text)
    ws.column_dimensions["A"].width = HELP_WIDTH
    print_setup(ws, 1, 1, max(1, len(lines)), None)


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
