"""The Excel return template of a commune, generated from the report definition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from ..core.definition import Field, Form
from ..core.periods import Period
from ..core.text import slug
from ..core.units import Unit

# Headers the importer looks for; a commune may move them anywhere.
CODE_HEADER = "Mã chỉ tiêu"
VALUE_HEADER = "Số liệu"
TEXT_HEADER = "Nội dung"
RETURN_SHEET = "Báo cáo"
NGO_SHEET = "Dự án NGO"
TEXT_SHEET = "Khó khăn, đề xuất"
HELP_SHEET = "Hướng dẫn"
META_SHEET = "_meta"
TEMPLATE_VERSION = 1
FONT = "Times New Roman"
FIRST_VALUE_ROW = 7
# sheet -> (column of the codes, column of the values): where the builders below put them
VALUE_COLUMNS = {RETURN_SHEET: (4, 5), TEXT_SHEET: (2, 3)}
YES, NO = "Có", "Không"

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")
_HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
_OPEN = Protection(locked=False)

HELP_LINES = [
    "HƯỚNG DẪN ĐIỀN BÁO CÁO",
    "1. Chỉ điền vào các ô nền vàng: cột “Số liệu” ở trang “Báo cáo”, các dòng dự án ở trang "
    "“Dự án NGO”, cột “Nội dung” ở trang “Khó khăn, đề xuất”.",
    "2. Số liệu ghi bằng số nguyên, không âm (ví dụ 12 hoặc 1.086). Không có hoạt động thì ghi 0; "
    "ô để trống nghĩa là chưa báo cáo.",
    "3. Câu hỏi có/không: chọn “Có” hoặc “Không”.",
    "4. Trang “Dự án NGO”: mỗi dự án của tổ chức phi chính phủ nước ngoài ghi một dòng; ngày ghi "
    "dạng ngày/tháng/năm, ví dụ 01/10/2021.",
    "5. Không xóa hoặc sửa cột “Mã chỉ tiêu”; có thể thêm ghi chú ở cột khác hoặc dòng khác.",
    "6. Không đặt mật khẩu cho tệp. Lưu tệp dạng Sổ làm việc Excel (.xlsx) rồi gửi cho huyện.",
]


@dataclass(frozen=True)
class TemplateInfo:
    """Who the template is for."""

    unit: Unit
    period: Period
    form: Form


def template_file_name(period: Period, unit: Unit) -> str:
    """bao-cao-ttdn_2023-H1_01975_xa-vi-huong.xlsx"""
    return f"bao-cao-ttdn_{period.id}_{unit.code}_{slug(unit.name)}.xlsx"


def value_fields(form: Form) -> list[Field]:
    """The fields with one value cell on the return sheet."""
    return [f for f in form.unit_fields() if f.kind in ("count", "yesno", "date", "text")]


def text_fields(form: Form) -> list[Field]:
    return [f for f in form.unit_fields() if f.kind in ("longtext", "list", "nested_list")]


def table_fields(form: Form) -> list[Field]:
    return [f for f in form.unit_fields() if f.kind == "table"]


def table_sheet_title(field: Field) -> str:
    """The sheet of a table field (Excel allows 31 characters)."""
    return NGO_SHEET if field.code == "ngo_projects" else field.label[:31]


def unit_columns(field: Field):
    return [c for c in field.columns if "units" in c.reporters]


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
        (f"Kỳ báo cáo: {info.period.label} ({info.period.id})", _font()),
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
    ws.title = RETURN_SHEET
    _header_lines(ws, info, "BÁO CÁO CÔNG TÁC THÔNG TIN ĐỐI NGOẠI")
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
        value_cell = ws.cell(row=row, column=VALUE_COLUMNS[RETURN_SHEET][1])
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
    ws = wb.create_sheet(TEXT_SHEET)
    _header_lines(ws, info, "KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ")
    _head_row(ws, FIRST_VALUE_ROW - 1, ["Chỉ tiêu", CODE_HEADER, TEXT_HEADER])
    for i, f in enumerate(text_fields(info.form)):
        row = FIRST_VALUE_ROW + i
        code_col, value_col = VALUE_COLUMNS[TEXT_SHEET]
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
    ws = wb.create_sheet(HELP_SHEET)
    for row, text in enumerate(HELP_LINES, start=1):
        cell = put(ws, row, 1, text)
        cell.font = _font(bold=row == 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 100
    _print_setup(ws)


def meta_rows(info: TemplateInfo) -> list[tuple[str, str]]:
    return [
        ("form", info.form.code), ("form_version", str(info.form.version)),
        ("template_version", str(TEMPLATE_VERSION)), ("unit_code", info.unit.code),
        ("unit_name", info.unit.name), ("period", info.period.id),
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
        _table_sheet(wb, info, f, table_sheet_title(f))
    _text_sheet(wb, info)
    _help_sheet(wb, info)
    _meta_sheet(wb, info)
    wb.move_sheet(HELP_SHEET, offset=-(len(wb.sheetnames) - 2))
    wb.active = 0
    return wb


def write_template(info: TemplateInfo, path: Path) -> Path:
    """Write the template to `path` (a file name, or a folder to put the standard name in)."""
    path = Path(path)
    if path.is_dir():
        path = path / template_file_name(info.period, info.unit)
    build_template(info).save(path)
    return path
