"""Read a filled return workbook: every value found by its code, never by its position.

A cell that cannot be read with certainty does not stop the reading: each is collected as a
`CellProblem`, so a refused file names every bad cell at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..core import wording
from ..core.definition import Field, Form
from ..core.errors import UserError
from ..core.legacy_encodings import convert_legacy, encoding_of_font
from ..core import marks
from ..core.text import clean, decode_excel_escapes, nfc
from ..core.values import coerce
from .xlsx_book import (Cell, FormattedText, Outside, column_letter, sheet_count,
                        workbook_reader)
from .files import shown_name
from .xlsx_layout import SheetLayout, layouts, saved_time_of, sheet_parts
from .xlsx_names import (CODE_HEADER, META_SHEET, VALUE_HEADER, table_fields,
                         text_fields, unit_columns, value_fields)
from .xlsx_safety import MAX_CELLS, SafetyReport, check_file
from .xlsx_columns import value_column
from .xlsx_tables import TableReader

ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "tcvn3-capitals": "TCVN3 (ABC)", "vni": "VNI"}
STREAM_FROM_BYTES = 512 * 1024  # larger files: each sheet's XML parsed as a stream, not a tree
EXCEL_ERRORS = frozenset({"#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!",
                          "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!"})
_NO_LAYOUT = SheetLayout()
_COORD = re.compile(r"([A-Z]+)(\d+)")
# Beyond these a cell is far outside any return (the NGO table allows 200 rows, its notes a
# few more): listed as ignored, not read into a million empty rows.
FAR_ROWS, FAR_COLUMNS = 20_000, 200


class ReturnError(ValueError):
    """A return that cannot be read with certainty; `message` names file, sheet and cell."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CellProblem:
    """One cell (or row) that cannot be read, and why."""

    sheet: str
    cell: str
    text: str

    def line(self) -> str:
        where = self.cell if self.cell.startswith("dòng") else f"ô {self.cell}"
        return f"trang “{self.sheet}”, {where}: {self.text}"


@dataclass
class ReadReturn:
    """What one file holds: its metadata, the values by code and the cell of each."""

    file_name: str
    meta: dict[str, str] = field(default_factory=dict)
    header: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    problems: list[CellProblem] = field(default_factory=list)
    saved_at: dt.datetime | None = None
    sha256: str = ""


def sheet_rows(safety: SafetyReport, stream: bool = False,
               outside: dict[str, Outside] | None = None
               ) -> Iterator[tuple[str, list[list[Cell]]]]:
    """(title, rows of cells) of each sheet in the workbook's order, from the parts read by the
    safety checks (`stream`: parse each sheet as a stream, for large files; `outside`: each
    sheet's cells far beyond a return's area set aside there, by title); a broken part
    raises (ParseError, KeyError, ValueError, IndexError ...), and so does a sheet listed by
    the workbook but not found, or stored under a name the checks did not read (not .xml):
    refused rather than left out unread."""
    parts = safety.parts
    found = sheet_parts(parts)
    if not found:
        raise ValueError("no sheet")
    if len(found) != sheet_count(parts["xl/workbook.xml"]):
        raise ValueError("a sheet of the workbook without its part")
    sheets = workbook_reader(parts)
    for title, (part, _) in found.items():
        if part not in parts:
            raise ValueError(f"sheet {title!r}: part {part!r} missing or unchecked")
        far = None
        if outside is not None:
            far = outside[title] = Outside(FAR_ROWS, FAR_COLUMNS, [])
        yield title, sheets.rows(parts[part], stream, far)


class _Reader:
    """One pass over a workbook."""

    def __init__(self, path: Path, form: Form, safety: SafetyReport):
        self.path, self.form, self.safety = path, form, safety
        self.out = ReadReturn(shown_name(path), sha256=safety.sha256)
        self.raw_cells: dict[str, tuple[str, str, Any]] = {}  # code -> (sheet, cell, raw)
        self.tables: dict[str, list[tuple[str, int, dict]]] = {}
        self.by_code = {f.code: f for f in value_fields(form) + text_fields(form)}
        self.table_reader = TableReader(self, [(f, unit_columns(f)) for f in table_fields(form)])
        self.layouts: dict[str, SheetLayout] = {}

    def problem(self, sheet: str, coord: str, text: str) -> None:
        self.out.problems.append(CellProblem(sheet, coord, text))

    def text(self, cell, sheet: str, coord: str) -> Any:
        """A cell's value; error values refused, escapes decoded, legacy text converted."""
        value = cell.value
        if getattr(cell, "pending", None) is not None:
            self.problem(sheet, coord, f"ô có công thức {cell.pending} nhưng chưa có kết quả "
                         "tính (tệp không được lưu bằng Excel hay LibreOffice). Hãy mở tệp bằng "
                         "Excel hoặc LibreOffice Calc, lưu lại rồi gửi lại.")
            return None
        if getattr(cell, "data_type", None) == "e" or (
                isinstance(value, str) and value.strip() in EXCEL_ERRORS):
            self.problem(sheet, coord, f"ô có giá trị lỗi {value} của Excel (công thức tính "
                         "không được). Hãy sửa ô này, ghi số liệu hoặc chữ bình thường.")
            return None
        if isinstance(value, str):
            if isinstance(value, FormattedText):
                self.out.notes.append(f"Trang “{sheet}”, ô {coord}: chữ in đậm, in nghiêng "
                                      "trong ô không được giữ (tệp gửi lên chỉ mang chữ "
                                      "thường); nội dung vẫn được nhận đủ.")
            font = cell.font_name
            value, encoding = convert_legacy(decode_excel_escapes(value), font)
            if encoding:
                how = (f"phông {font} (bảng mã {ENCODING_NAMES[encoding]})"
                       if encoding_of_font(font) else f"bảng mã {ENCODING_NAMES[encoding]}")
                self.out.notes.append(f"Trang “{sheet}”, ô {coord}: chữ gõ bằng {how} đã được "
                                      "chuyển sang Unicode.")
            value = marks.strip(nfc(value))  # no mark of the window's comes from a file
        return value

    def _broken(self) -> ReturnError:
        return ReturnError(f"Tệp “{self.out.file_name}”: tệp bị hỏng, chương trình không đọc được. "
                           "Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi "
                           "gửi lại.")

    def read(self) -> ReadReturn:
        parts = self.safety.parts
        self.layouts = layouts(parts)
        self.out.saved_at = saved_time_of(parts)
        outside: dict[str, Outside] = {}
        try:
            large = self.path.stat().st_size > STREAM_FROM_BYTES
            for title, rows in sheet_rows(self.safety, large, outside):
                self._read_sheet(title, rows)
                self._far_cells(title, outside[title])
        except ReturnError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken part fails in many ways
            raise self._broken() from exc
        self._check_found()
        self._coerce()
        self.out.problems.sort(key=self._place)
        return self.out

    def _place(self, problem: CellProblem) -> tuple:
        """Problems in reading order: sheet by sheet, row by row, column by column."""
        sheets = list(self.layouts) or [problem.sheet]
        sheet = sheets.index(problem.sheet) if problem.sheet in sheets else len(sheets)
        match = _COORD.fullmatch(problem.cell)
        if match is None:
            row = int("".join(ch for ch in problem.cell if ch.isdigit()) or 0)
            return sheet, row, ""
        return sheet, int(match.group(2)), match.group(1).rjust(3)

    def _check_found(self) -> None:
        """A file without the code column, or with nothing filled in, is not a return."""
        name = self.out.file_name
        if not self.raw_cells and not self.out.problems:
            raise ReturnError(
                f"Tệp “{name}”: không tìm thấy cột “{CODE_HEADER}” và cột “{VALUE_HEADER}” của "
                "mẫu báo cáo. Hãy điền số liệu vào mẫu báo cáo do cơ quan tổng hợp gửi rồi gửi lại.")
        filled = [v for _, _, v in self.raw_cells.values() if v is not None]
        if not filled and not any(self.tables.values()) and not self.out.problems:
            raise ReturnError(f"Tệp “{name}”: mẫu báo cáo chưa có số liệu nào. Hãy điền số "
                              "liệu (không có hoạt động thì ghi 0) rồi gửi lại.")
        missing = [c for c in self.by_code if c not in self.raw_cells]
        if missing and not self.out.problems:  # a refused column hides its rows: no noise
            self.out.notes.append("Không thấy dòng của chỉ tiêu " + ", ".join(
                f"“{self.by_code[c].label}” ({c})" for c in missing) + ": coi như chưa báo cáo.")

    def layout(self, sheet: str) -> SheetLayout:
        return self.layouts.get(sheet, _NO_LAYOUT)

    def _read_sheet(self, title: str, rows: list[list]) -> None:
        if title == META_SHEET:
            self._meta(rows)
        else:
            self._sheet(title, rows)

    def _meta(self, rows: list[list]) -> None:
        for row in rows:
            if len(row) >= 2 and row[0].value and row[1].value is not None:
                self.out.meta[clean(str(row[0].value))] = clean(str(row[1].value))

    def _sheet(self, sheet: str, rows: list[list]) -> None:
        code_col = value_col = None
        for r, row in enumerate(rows, start=1):
            texts = [self.plain(c) for c in row]
            self._header_line(row, texts)
            if CODE_HEADER.casefold() in texts:
                code_col = texts.index(CODE_HEADER.casefold())
                value_col = value_column(self, sheet, rows, r, texts, code_col)
                continue
            if self.table_reader.starts(sheet, rows, r, texts):
                return
            if code_col is not None and value_col is not None and len(row) > code_col:
                self._value_row(sheet, row, r, code_col, value_col)

    @staticmethod
    def plain(cell) -> str:
        return clean(nfc(cell.value)).casefold() if isinstance(cell.value, str) else ""

    def _header_line(self, row: list, texts: list[str]) -> None:
        for cell, plain in zip(row, texts):
            for key, prefix in (("unit", "đơn vị:"), ("period", "kỳ báo cáo:"),
                                ("form", "mẫu báo cáo:")):
                if plain.startswith(prefix) and key not in self.out.header:
                    self.out.header[key] = clean(nfc(cell.value))[len(prefix):].strip()

    def hidden_or_merged(self, sheet: str, r: int, c: int, coord: str, filled: bool) -> bool:
        """Refuse a value the person filling the sheet cannot see; True if it was refused."""
        layout = self.layout(sheet)
        merge = layout.merge_over(r, c)
        if merge:
            self.problem(sheet, coord, f"ô nằm trong vùng ô gộp {merge}, số liệu bị che mất. "
                         "Hãy bỏ gộp ô (Unmerge) rồi ghi lại số liệu.")
            return True
        if not filled:
            return False
        what = ("trang tính bị ẩn" if layout.hidden else "dòng bị ẩn" if r in layout.hidden_rows
                else "cột bị ẩn" if c in layout.hidden_cols else None)
        if what:
            self.problem(sheet, coord, f"ô có số liệu nằm trong {what}, người điền không nhìn "
                         "thấy. Hãy bỏ ẩn, kiểm tra số liệu rồi gửi lại.")
        return what is not None

    def _value_row(self, sheet: str, row: list, r: int, code_col: int, value_col: int) -> None:
        code = row[code_col].value
        if not isinstance(code, str) or clean(code) not in self.by_code:
            return  # a commune's own note, or a row without a code
        code = clean(code)
        coord = f"{column_letter(value_col + 1)}{r}"
        value = self.text(row[value_col], sheet, coord) if value_col < len(row) else None
        if isinstance(value, str) and not clean(value):
            value = None
        if self.hidden_or_merged(sheet, r, value_col + 1, coord, value is not None):
            value = None
        earlier = self.raw_cells.get(code)
        if earlier and earlier[2] != value and value is not None and earlier[2] is not None:
            self.problem(sheet, coord, f"chỉ tiêu {code} đã có ở trang “{earlier[0]}”, ô "
                         f"{earlier[1]} với số liệu khác. Hãy giữ lại một dòng rồi gửi lại.")
        if not earlier or earlier[2] is None:
            self.raw_cells[code] = (sheet, coord, value)

    def _far_cells(self, sheet: str, outside: Outside) -> None:
        """Cells far beyond the template are outside every table: ignored, each named in a
        note. A sheet declaring a huge area it does not use was edited outside Excel."""
        if outside.cells:
            shown = ", ".join(f"{coord} (“{clean(str(value))[:30]}”)" for coord, value
                              in outside.cells[:10])
            more = f" và {len(outside.cells) - 10} ô khác" if len(outside.cells) > 10 else ""
            self.out.notes.append(f"Trang “{sheet}”: ô {shown}{more} nằm rất xa ngoài vùng của "
                                  "mẫu báo cáo (ngoài mọi bảng) nên không nhập. Nếu không cần, "
                                  "hãy xóa các ô đó.")
        if not self.safety.declared:
            return
        part = sheet_parts(self.safety.parts).get(sheet, ("", False))[0]
        declared = self.safety.declared.get(part)
        rows, columns = outside.used
        if declared and rows * columns <= MAX_CELLS:
            self.problem(sheet, "dòng 1", f"trang tính khai báo vùng {declared[0]} "
                         f"({wording.number(declared[1])} ô), quá lớn so với một báo cáo, "
                         "nhưng không có ô nào ở đó (tệp bị sửa ngoài Excel). Hãy mở tệp bằng "
                         "Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi gửi lại.")

    def _coerce(self) -> None:
        for code, (sheet, coord, raw) in self.raw_cells.items():
            self.out.cells[code] = f"{sheet}!{coord}"
            self.out.values[code] = self._checked(self.by_code[code], raw, sheet, coord)
        for code, rows in self.tables.items():
            f = self.form.field(code)
            self.out.values[code] = coerce(f, [record for _, _, record in rows]) if rows else None
            if rows:
                last_col = column_letter(len(unit_columns(f)))
                self.out.cells[code] = f"{rows[0][0]}!A{rows[0][1]}:{last_col}{rows[-1][1]}"

    def _checked(self, f: Field, raw: Any, sheet: str, coord: str) -> Any:
        if isinstance(raw, (dt.datetime, dt.date)) and f.kind == "count":
            self.problem(sheet, coord, f"(chỉ tiêu “{f.label}”) ô ghi ngày tháng, không phải số "
                         "liệu. Hãy ghi số, ví dụ 12.")
            return None
        try:
            return coerce(f, raw)
        except UserError as exc:
            detail = exc.message.split(": ", 1)[-1]
            self.problem(sheet, coord, f"(chỉ tiêu “{f.label}”) {detail}")
            return None


def read_return(path: Path, form: Form, safety: SafetyReport | None = None) -> ReadReturn:
    """Check and read one return file; ReturnError or UnsafeFile for a file that is not one.

    Cells that cannot be read are listed in `problems`; the caller refuses the file with all.
    """
    path = Path(path)
    safety = safety if safety is not None else check_file(path)
    return _Reader(path, form, safety).read()
