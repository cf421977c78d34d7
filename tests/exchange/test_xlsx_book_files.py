"""The import's own cell reader on files written the ways other programs write them: what it
reads is what openpyxl reads (read-only, data-only) or what Excel shows, else the file is
refused with one sentence; never another figure."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from xlsx_fixtures import db_state, save, value_cell, workbook

from bachthong_desktop.exchange import xlsx_import
from bachthong_desktop.exchange.importer import import_file
from bachthong_desktop.core.definition import load_form
from bachthong_desktop.exchange.xlsx_import import ReturnError, read_return, sheet_rows
from bachthong_desktop.exchange.xlsx_layout import sheet_parts
from bachthong_desktop.exchange.xlsx_safety import check_file

P = "2023-H1"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET = "xl/worksheets/sheet1.xml"  # the one sheet of a file built part by part


# -- files built part by part, as other writers write them ------------------------------------
def _types(strings="/xl/sharedStrings.xml") -> str:
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
            'formats-package.relationships+xml"/><Default Extension="xml" ContentType='
            f'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{kind}.'
            'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
            f'"{kind}.worksheet+xml"/><Override PartName="{strings}" ContentType="{kind}.'
            f'sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="{kind}.'
            'styles+xml"/></Types>')


def _styles(formats: list[str], ns=MAIN) -> str:
    """Style 0 plain, style i (from 1) in the number format formats[i-1] (a custom code, or
    a built-in id as digits)."""
    custom = [(163 + i, f) for i, f in enumerate(formats, 1) if not f.isdigit()]
    numfmts = "".join(f'<numFmt numFmtId="{i}" formatCode="{f.replace(chr(34), "&quot;")}"/>'
                      for i, f in custom)
    ids = [f if f.isdigit() else str(163 + i) for i, f in enumerate(formats, 1)]
    xfs = "".join(f'<xf numFmtId="{i}" fontId="0"/>' for i in ["0"] + ids)
    return (f'<?xml version="1.0"?><styleSheet xmlns="{ns}"><numFmts>{numfmts}</numFmts>'
            '<fonts count="1"><font><name val="Arial"/></font></fonts><fills count="1"><fill>'
            '<patternFill patternType="none"/></fill></fills><borders count="1"><border/>'
            f'</borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs>{xfs}</cellXfs>'
            '</styleSheet>')


def _raw_book(path: Path, rows: str, strings: str, formats: list[str], ns=MAIN,
              workbook_pr="") -> Path:
    rels = (f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship '
            f'Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship '
            f'Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _types())
        zf.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{PKG}">'
                    f'<Relationship Id="rId1" Type="{REL}/officeDocument" '
                    'Target="xl/workbook.xml"/></Relationships>')
        zf.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{ns}" '
                    f'xmlns:r="{REL}">{workbook_pr}<sheets><sheet name="Báo cáo" sheetId="1" '
                    'r:id="rId1"/></sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels", rels)
        zf.writestr("xl/styles.xml", _styles(formats, ns))
        zf.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{ns}">{strings}'
                    '</sst>')
        zf.writestr(SHEET, f'<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData>{rows}'
                    '</sheetData></worksheet>')
    return path


def _openpyxl_values(path: Path) -> list:
    with warnings.catch_warnings():  # "Workbook contains no default style": none is needed
        warnings.simplefilter("ignore", UserWarning)
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [[[(c.value, c.data_type) for c in row] for row in ws.iter_rows()]
                    for ws in book.worksheets]
        finally:
            book.close()


def _our_values(path: Path, stream: bool) -> list:
    return [[[(c.value, c.data_type) for c in row] for row in rows]
            for _, rows in sheet_rows(check_file(path), stream)]


EXCEL_FORMATS = ["[$-42A]dd/mm/yyyy", "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy",
                 "[$-F400]h:mm:ss\\ AM/PM", "[h]:mm", '#,##0\\ "người"', "0.0_);[Red]\\(0.0\\)",
                 "14", "22", "45", "[$-409]mmm-yy;@"]
EXCEL_STRINGS = ('<si><t xml:space="preserve"> Mã chỉ tiêu </t></si>'
                 '<si><r><rPr><b/></rPr><t xml:space="preserve">Xã </t></r><r><t>Vi Hương</t></r>'
                 '<rPh sb="0" eb="2"><t>ヴィ</t></rPh><phoneticPr fontId="0"/></si>'
                 '<si><t>_x005F_x000D_ngày</t></si>')
EXCEL_ROWS = (
    # Excel's own cells: shared strings (rich runs, phonetic guide, xml:space), a number in
    # each date/time/duration/number format, exponents, a style beyond the styles, formula
    # results as text, booleans, errors, inline strings
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
    '<c r="C1" t="s"><v>2</v></c></row>'
    '<row r="3">' + "".join(f'<c r="{chr(65 + i)}3" s="{i + 1}"><v>45000.75</v></c>'
                            for i in range(len(EXCEL_FORMATS))) + '</row>'
    '<row r="4"><c r="A4"><v>1E-3</v></c><c r="B4"><v>1.0E+2</v></c><c r="C4" s="99"><v>12'
    '</v></c><c r="D4" t="str"><f>A1&amp;""</f><v>12</v></c><c r="E4" t="b"><v>0</v></c>'
    '<c r="F4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G4" t="inlineStr"><is><t '
    'xml:space="preserve"> 7 tin </t></is></c></row>'
    # a generator that writes neither rows' nor cells' references
    '<row><c><v>5</v></c><c t="s"><v>0</v></c><c s="7"><v>45000</v></c></row>'
    '<row><c/><c><v>6</v></c></row>')


@pytest.mark.parametrize("workbook_pr", ["", '<workbookPr date1904="1"/>'],
                         ids=["1900", "1904"])
def test_cells_excel_and_other_writers_write_read_as_openpyxl_reads_them(tmp_path, workbook_pr):
    path = _raw_book(tmp_path / "excel.xlsx", EXCEL_ROWS, EXCEL_STRINGS, EXCEL_FORMATS,
                     workbook_pr=workbook_pr)
    expected = _openpyxl_values(path)
    assert expected[0][2][0][1] == "d" and expected[0][4][0] == (5, "n")  # what is compared
    assert _our_values(path, stream=False) == expected
    assert _our_values(path, stream=True) == expected


def test_a_strict_ooxml_file_reads_as_its_transitional_twin(tmp_path):
    """Excel's "Strict Open XML" save: another namespace, the same cells. openpyxl reads no
    cell of it; the import reads what the same file in the usual namespace holds."""
    usual = _raw_book(tmp_path / "usual.xlsx", EXCEL_ROWS, EXCEL_STRINGS, EXCEL_FORMATS)
    strict = _raw_book(tmp_path / "strict.xlsx", EXCEL_ROWS, EXCEL_STRINGS, EXCEL_FORMATS,
                       ns=STRICT)
    assert _our_values(strict, stream=False) == _openpyxl_values(usual)
    assert _our_values(strict, stream=True) == _openpyxl_values(usual)


# -- a commune's return, its parts rewritten --------------------------------------------------
def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def _report_part(parts: dict[str, bytes]) -> str:
    """The part holding the "Báo cáo" sheet of a return."""
    return sheet_parts(parts)["Báo cáo"][0]


def _write(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _without_row_references(xml: bytes) -> bytes:
    """Every row written, none with its number (the empty ones too, as such generators do)."""
    out, last = [], 0
    for piece in re.split(rb'(<row r="\d+")', xml):
        found = re.fullmatch(rb'<row r="(\d+)"', piece)
        if found:
            number = int(found.group(1))
            out.append(b"<row/>" * (number - last - 1) + b"<row")
            last = number
        else:
            out.append(piece)
    return b"".join(out)


def _stored(session, path: Path):
    result = import_file(session.store, path, period=P)
    assert result.outcome == "stored", result.message
    return session.store.values(P, "01975")


def _same_figures(session, first: Path, second: Path) -> None:
    """`second` imported after `first` holds the same figures (the import says so)."""
    stored = _stored(session, first)
    assert stored
    result = import_file(session.store, second, period=P)
    assert result.outcome == "unchanged", result.message
    assert session.store.values(P, "01975") == stored


def _refused(session, path: Path, *words: str) -> None:
    before = db_state(session)
    result = import_file(session.store, path, period=P)
    assert result.outcome == "refused", result.message
    assert f"“{path.name}”" in result.message
    for word in words:
        assert word in result.message, result.message
    assert db_state(session) == before


@pytest.fixture(params=[False, True], ids=["whole", "streamed"])
def streamed(request, monkeypatch):
    if request.param:
        monkeypatch.setattr(xlsx_import, "STREAM_FROM_BYTES", 0)
    return request.param


def test_rows_without_their_numbers_read_as_numbered_rows_and_hide_as_they(session, tmp_path,
                                                                         streamed):
    numbered = save(workbook(session), tmp_path, "co-so-dong.xlsx")
    parts = _parts(numbered)
    report = _report_part(parts)
    parts[report] = _without_row_references(parts[report])
    assert b'<row r="' not in parts[report] and b"<row/>" in parts[report]
    unnumbered = _write(tmp_path / "khong-so-dong.xlsx", parts)
    _same_figures(session, numbered, unnumbered)

    wb = workbook(session)
    hidden = value_cell(wb["Báo cáo"], "rebuttal_turns")
    wb["Báo cáo"].row_dimensions[hidden.row].hidden = True
    parts = _parts(save(wb, tmp_path, "an-dong.xlsx"))
    parts[_report_part(parts)] = _without_row_references(parts[_report_part(parts)])
    _refused(session, _write(tmp_path / "an-dong-khong-so.xlsx", parts),
             f"ô {hidden.coordinate}", "dòng bị ẩn")


_ROW = re.compile(rb'<row r="(\d+)"[^>]*>(?:(?!</row>).)*<c r="[A-Z]+\d+".*?</row>', re.S)
_CELL = re.compile(rb'<c r="[A-Z]+\d+".*?(?:</c>|/>)', re.S)


def _rows(xml: bytes) -> list[bytes]:
    return [found.group(0) for found in _ROW.finditer(xml)]


def _swap_cells(xml: bytes) -> bytes:
    row = next(r for r in _rows(xml) if len(_CELL.findall(r)) >= 2)
    a, b = _CELL.findall(row)[:2]
    return xml.replace(row, row.replace(a + b, b + a, 1) if a + b in row
                       else row.replace(a, b"\0", 1).replace(b, a, 1).replace(b"\0", b, 1), 1)


def _row_again(xml: bytes) -> bytes:
    row = _rows(xml)[-1]
    return xml.replace(row, row + row, 1)


def _rows_swapped(xml: bytes) -> bytes:
    first, second = _rows(xml)[:2]
    return xml.replace(first, b"\0", 1).replace(second, first, 1).replace(b"\0", second, 1)


def _cell_of_another_row(xml: bytes) -> bytes:
    row = _rows(xml)[0]
    cell = _CELL.findall(row)[0]
    moved = re.sub(rb'(<c r="[A-Z]+)(\d+)"', lambda m: m.group(1) + str(int(m.group(2)) + 3)
                   .encode() + b'"', cell, count=1)
    return xml.replace(row, row.replace(cell, moved, 1), 1)


def _date1904_false(xml: bytes) -> bytes:
    if b"<workbookPr" in xml:
        return re.sub(rb"<workbookPr\b", b'<workbookPr date1904="False"', xml, count=1)
    return xml.replace(b"<bookViews>", b'<workbookPr date1904="False"/><bookViews>', 1)


@pytest.mark.parametrize("change", [_swap_cells, _row_again, _rows_swapped,
                                    _cell_of_another_row, _date1904_false],
                         ids=["cells-out-of-order", "row-twice", "rows-out-of-order",
                              "cell-in-another-row", "date1904-not-a-boolean"])
def test_a_sheet_readers_read_differently_is_refused_not_guessed(session, tmp_path, streamed,
                                                                 change):
    """openpyxl drops what Excel shows (or takes "False" for 1904): refused as unreadable."""
    parts = _parts(save(workbook(session), tmp_path, "goc.xlsx"))
    part = "xl/workbook.xml" if change is _date1904_false else _report_part(parts)
    changed = change(parts[part])
    assert changed != parts[part]
    parts[part] = changed
    _refused(session, _write(tmp_path / "sua.xlsx", parts), "tệp bị hỏng", "lưu lại")


def test_a_shared_string_with_both_text_and_runs_is_refused(tmp_path):
    """No writer makes one; openpyxl puts the plain text first, whatever the order."""
    path = _raw_book(tmp_path / "chu.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                     "<si><r><t>Mã </t></r><t>chỉ tiêu</t></si>", [])
    with pytest.raises(ReturnError, match="tệp bị hỏng"):
        read_return(path, load_form("ttdn"))


def _moved(parts: dict[str, bytes], old: str, new: str) -> dict[str, bytes]:
    """A part renamed, as the workbook's relationships and content types name it."""
    relative = old.removeprefix("xl/").encode(), new.removeprefix("xl/").encode()
    out = {}
    for name, data in parts.items():
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(relative[0], relative[1])
        elif name == "[Content_Types].xml":
            data = data.replace(b"/" + old.encode(), b"/" + new.encode())
        out[new if name == old else name] = data
    return out


def _resaved(tmp_path: Path, source: Path, soffice: str) -> Path:
    """`source` opened and saved again as .xlsx by LibreOffice (shared strings, as Excel)."""
    out = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out / source.name


def test_shared_strings_are_read_from_the_part_the_workbook_names(session, tmp_path,
                                                                  require_tool):
    """Not from a left-over xl/sharedStrings.xml the workbook does not use (openpyxl and
    Excel read the named one)."""
    soffice = require_tool("soffice", "libreoffice-calc-nogui")
    usual = _resaved(tmp_path, save(workbook(session), tmp_path, "thuong.xlsx"), soffice)
    assert "xl/sharedStrings.xml" in _parts(usual)
    parts = _moved(_parts(usual), "xl/sharedStrings.xml", "xl/strings1.xml")
    assert b"strings1.xml" in parts["xl/_rels/workbook.xml.rels"]
    left_over = parts["xl/strings1.xml"].replace(b"rebuttal_turns", b"rebuttal_accounts")
    parts["xl/sharedStrings.xml"] = left_over.replace(b"unit_radio_news", b"foreign_visitors")
    moved = _write(tmp_path / "doi-ten.xlsx", parts)
    _same_figures(session, usual, moved)


def test_a_sheet_stored_outside_the_worksheets_folder_is_checked_for_formulas(session,
                                                                            tmp_path):
    """A formula Excel never computed reads as empty: refused wherever the sheet is stored."""
    wb = workbook(session)
    cell = value_cell(wb["Báo cáo"], "rebuttal_turns")
    cell.value = "=60+5"
    parts = _parts(save(wb, tmp_path, "goc.xlsx"))
    parts = _moved(parts, _report_part(parts), "xl/trang/bao-cao.xml")
    moved = _write(tmp_path / "cong-thuc.xlsx", parts)
    _refused(session, moved, f"ô {cell.coordinate}", "công thức", "lưu lại")


def _ngo_part_renamed(parts: dict[str, bytes]) -> None:
    """The relationships name the NGO sheet's part in other letters than the zip holds it
    (Excel reads part names in any case; a zip does not)."""
    part = sheet_parts(parts)["Dự án NGO"][0]
    rels = parts["xl/_rels/workbook.xml.rels"]
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        part.removeprefix("xl/").encode(), part.removeprefix("xl/").replace("sheet", "Sheet")
        .encode())


def _ngo_relationship_lost(parts: dict[str, bytes]) -> None:
    """The workbook lists the NGO sheet under a relationship its rels file lacks."""
    found = re.search(rb'<sheet [^>]*name="D[^"]*NGO"[^>]*>', parts["xl/workbook.xml"])
    rid = re.search(rb'r:id="([^"]+)"', found.group(0)).group(1)
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        found.group(0), found.group(0).replace(rid, b"rId99"))


@pytest.mark.parametrize("change", [_ngo_part_renamed, _ngo_relationship_lost],
                         ids=["part-named-otherwise", "relationship-missing"])
def test_a_sheet_the_workbook_lists_but_cannot_be_found_is_refused_not_left_out(
        session, tmp_path, change):
    """Left out, its NGO projects would silently vanish from the stored return."""
    wb = workbook(session)
    parts = _parts(save(wb, tmp_path, "goc.xlsx"))
    assert "Dự án NGO" in sheet_parts(parts)
    change(parts)
    _refused(session, _write(tmp_path / "thieu-trang.xlsx", parts), "tệp bị hỏng", "lưu lại")


def _utf16(xml: bytes) -> bytes:
    body = xml.decode()
    body = body[body.index("?>") + 2:] if body.startswith("<?xml") else body
    return ('<?xml version="1.0" encoding="UTF-16"?>' + body).encode("utf-16")


def test_a_sheet_in_utf16_is_refused_as_its_hidden_rows_would_not_be_seen(session, tmp_path):
    """An XML parser reads a UTF-16 part, the byte-level checks (hidden rows, formulas,
    entities) do not: a value in a hidden row would be stored."""
    wb = workbook(session)
    cell = value_cell(wb["Báo cáo"], "rebuttal_turns")
    wb["Báo cáo"].row_dimensions[cell.row].hidden = True
    parts = _parts(save(wb, tmp_path, "an-dong.xlsx"))
    _refused(session, tmp_path / "an-dong.xlsx", "dòng bị ẩn")
    parts[_report_part(parts)] = _utf16(parts[_report_part(parts)])
    _refused(session, _write(tmp_path / "utf16.xlsx", parts), "bảng mã lạ", "lưu lại")


def test_a_part_twice_in_the_zip_is_refused(session, tmp_path):
    """Two copies of the report sheet, the second with other figures: which one Excel,
    openpyxl or the import would read is not one answer."""
    parts = _parts(save(workbook(session), tmp_path, "goc.xlsx"))
    report = _report_part(parts)
    other = parts[report].replace(b"<v>65</v>", b"<v>99</v>").replace(b"<t>65</t>", b"<t>99</t>")
    assert other != parts[report]
    path = _write(tmp_path / "hai-ban.xlsx", parts)
    with zipfile.ZipFile(path, "a") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name"
        zf.writestr(report.replace("sheet", "Sheet"), other)
        zf.writestr(report, other)
    _refused(session, path, "hai phần trùng tên")


def test_styles_the_workbook_names_but_the_checks_did_not_read_are_refused(tmp_path):
    """Without its styles a date reads as a plain number (45000 in a count field)."""
    path = _raw_book(tmp_path / "kieu.xlsx", '<row r="1"><c r="A1" s="1"><v>45000</v></c></row>',
                     "", ["dd/mm/yyyy"])
    assert _our_values(path, stream=False) == [[[(dt.datetime(2023, 3, 15), "d")]]]
    parts = _moved(_parts(path), "xl/styles.xml", "xl/styles.bin")
    with pytest.raises(ReturnError, match="tệp bị hỏng"):
        read_return(_write(tmp_path / "kieu-khac.xlsx", parts), load_form("ttdn"))


def test_a_row_of_height_0_or_a_column_of_width_0_is_hidden_like_a_hidden_one(session, tmp_path):
    """Excel shows neither; openpyxl cannot write either, so the sheet's XML is edited."""
    source = save(workbook(session), tmp_path, "source.xlsx")
    row = value_cell(openpyxl.load_workbook(source)["Báo cáo"], "rebuttal_turns").row
    parts = _parts(source)
    part = _report_part(parts)
    flat = dict(parts)
    flat[part] = re.sub(rf'<row r="{row}"[^>]*>'.encode(),
                        f'<row r="{row}" ht="0" customHeight="1">'.encode(), parts[part])
    _refused(session, _write(tmp_path / "row.xlsx", flat), f"ô E{row}", "dòng bị ẩn")
    narrow = dict(parts)
    narrow[part] = re.sub(rb'<col width="[^"]*"( customWidth="1" min="5" max="5")',
                          rb'<col width="0"\1', parts[part])
    assert narrow[part] != parts[part]
    _refused(session, _write(tmp_path / "col.xlsx", narrow), "cột bị ẩn")
