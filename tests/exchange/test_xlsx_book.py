"""The import's own cell reader gives, cell by cell, what openpyxl gives (read-only, data-only):
the value, its type and the font name of a text, for generated workbooks, the demo returns and
a workbook re-saved by LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from bachthong_desktop.core.definition import load_form
from bachthong_desktop.core.demo import demo_dir
from bachthong_desktop.exchange.xlsx_import import ReturnError, read_return, sheet_rows
from bachthong_desktop.exchange.xlsx_safety import check_file

FONTS = [None, "Times New Roman", ".VnTime", "VNI-Times", "Arial"]
FORMATS = ["General", "0", "0.00", "dd/mm/yyyy", "d-mmm-yy", "h:mm:ss", "[h]:mm:ss",
           "yyyy-mm-dd h:mm", '"Ngày" dd', "@", "#,##0"]
values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**18, 10**18),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(max_size=40).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t)),
    st.sampled_from(["#N/A", "#DIV/0!", "=1+1", "  ", "_x0041_", "Hòa Bình", "12 tin"]),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2200, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1)),
    st.times())
cells = st.lists(st.tuples(st.integers(1, 2), st.integers(1, 30), st.integers(1, 8), values,
                           st.sampled_from(FONTS), st.sampled_from(FORMATS)), max_size=40)


def openpyxl_rows(path: Path) -> list:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        found = []
        with warnings.catch_warnings():  # "serial value outside the limits for dates": #VALUE!
            warnings.simplefilter("ignore", UserWarning)
            for ws in book.worksheets:
                ws.reset_dimensions()
                found.append((ws.title, [[_seen(c.value, c.data_type, _font(c)) for c in row]
                                         for row in ws.iter_rows()]))
        return found
    finally:
        book.close()


def _font(cell) -> str | None:
    return cell.font.name if isinstance(cell.value, str) else None


def _seen(value, data_type, font) -> tuple:
    return (value, data_type if value is not None else "n", font)


def our_rows(path: Path, stream: bool) -> list:
    return [(title, [[_seen(c.value, c.data_type, c.font_name) for c in row] for row in rows])
            for title, rows in sheet_rows(check_file(path), stream)]


def _trimmed(found: list) -> list:
    """Rows without their trailing empty cells and the sheet without its trailing empty rows
    (openpyxl gives a styled empty cell, the import's reader too: neither matters)."""
    out = []
    for title, rows in found:
        rows = [_trim(row) for row in rows]
        while rows and not rows[-1]:
            rows.pop()
        out.append((title, rows))
    return out


def _trim(row: list) -> list:
    row = list(row)
    while row and row[-1][0] is None:
        row.pop()
    return row


def _same_as_openpyxl(path: Path) -> None:
    expected = _trimmed(openpyxl_rows(path))
    assert _trimmed(our_rows(path, stream=False)) == expected
    assert _trimmed(our_rows(path, stream=True)) == expected  # as large files are read


def _book(generated, date1904: bool = False) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904 if date1904 else book.epoch
    book.create_sheet("Trang hai")
    for sheet, row, col, value, font, fmt in generated:
        cell = book.worksheets[sheet - 1].cell(row=row, column=col)
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
        if font:
            cell.font = Font(name=font)
        if not isinstance(value, (dt.date, dt.time)):
            cell.number_format = fmt
    return book


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(generated=cells, date1904=st.booleans())
def test_generated_workbooks_read_as_openpyxl_reads_them(tmp_path, generated, date1904):
    path = tmp_path / "sinh-ra.xlsx"
    _book(generated, date1904).save(path)
    _same_as_openpyxl(path)


def test_the_demo_returns_read_as_openpyxl_reads_them():
    returns = sorted((demo_dir() / "returns").glob("*.xlsx"))
    assert len(returns) == 14
    for path in returns:
        _same_as_openpyxl(path)


def test_rich_text_inline_strings_and_phonetic_runs_read_as_openpyxl_reads_them(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = CellRichText("Xã ", TextBlock(InlineFont(b=True), "Vi Hương"), " năm 2023")
    ws["A2"] = "Dòng hai"
    path = tmp_path / "chu-dam.xlsx"
    book.save(path)
    _same_as_openpyxl(path)


def test_a_workbook_resaved_by_libreoffice_reads_as_openpyxl_reads_it(tmp_path, require_tool):
    soffice = require_tool("soffice", "libreoffice-calc-nogui")
    book = _book([(1, 1, 1, "Mã chỉ tiêu", ".VnTime", "General"),
                   (1, 2, 1, 12, None, "0"), (1, 3, 1, 3.5, None, "0.00"),
                   (1, 4, 1, dt.date(2023, 6, 15), None, "General"),
                   (1, 5, 2, dt.datetime(2023, 6, 15, 8, 30), None, "General"),
                   (1, 6, 3, True, None, "General"), (2, 1, 1, "Hòa Bình", "Arial", "@"),
                   (2, 3, 4, "=1+1", None, "General")])
    source = tmp_path / "goc.xlsx"
    book.save(source)
    out = tmp_path / "lo"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(out), str(source)], check=True, capture_output=True,
                   timeout=180)
    resaved = out / "goc.xlsx"
    assert resaved.exists()
    _same_as_openpyxl(resaved)
    shutil.rmtree(out)


def test_a_sheet_stored_under_a_name_the_checks_do_not_read_is_refused_not_left_out(tmp_path):
    """A sheet part not named .xml escapes the checks for XML tricks: the file is refused as
    unreadable instead of being imported without that sheet."""
    source = sorted((demo_dir() / "returns").glob("*.xlsx"))[0]
    renamed = tmp_path / "doi-ten.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(renamed, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            name = info.filename.replace("worksheets/sheet1.xml", "worksheets/sheet1.bin")
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"worksheets/sheet1.xml", b"worksheets/sheet1.bin")
            zout.writestr(name, data)
    with pytest.raises(ReturnError, match="tệp bị hỏng"):
        read_return(renamed, load_form("ttdn"))
