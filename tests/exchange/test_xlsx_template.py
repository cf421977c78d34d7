"""The template as a commune receives it: sheets, headers, metadata, validation, print setup."""

import subprocess

import openpyxl
from xlsx_fixtures import save, workbook

from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.units import get_unit
from bachthong_desktop.exchange.xlsx_template import template_file_name


def test_file_name_holds_period_code_and_unaccented_name(session):
    unit = get_unit(session.db, "01978")
    assert template_file_name(parse_period("2023-H1"), unit) == \
        "bao-cao-ttdn_2023-H1_01978_xa-si-binh.xlsx"


def test_sheets_headers_and_printed_header(session, tmp_path):
    path = save(workbook(session, values={}), tmp_path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Hướng dẫn", "Báo cáo", "Dự án NGO", "Khó khăn, đề xuất", "_meta"]
    ws = wb["Báo cáo"]
    assert ws["B2"].value == "Đơn vị: Xã Vi Hương (mã 01975)"
    assert "6 tháng đầu năm 2023" in ws["B3"].value
    assert ws["A4"].value == "Mẫu báo cáo: ttdn, phiên bản 1"  # the code column: not printed
    assert [c.value for c in ws[6]] == ["Mã chỉ tiêu", "STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"]
    codes = [ws.cell(row=r, column=1).value for r in range(7, 14)]
    assert codes == ["plan_issued", "foreign_visitors", "unit_radio_news", "unit_page_posts",
                     "propaganda_sessions", "rebuttal_turns", "rebuttal_accounts"]
    assert all(ws.cell(row=r, column=5).value is None for r in range(7, 14))
    ngo = wb["Dự án NGO"]
    assert [c.value for c in ngo[6]][:3] == ["Tên dự án", "Tổ chức tài trợ", "Quốc gia"]
    assert ngo.row_dimensions[5].hidden
    text = wb["Khó khăn, đề xuất"]
    assert {text["A7"].value, text["A8"].value} == {"unit_difficulties", "unit_proposals"}


def test_the_print_area_leaves_out_the_codes_and_the_version_line(session, tmp_path):
    wb = openpyxl.load_workbook(save(workbook(session, values={}), tmp_path))
    areas = {ws.title: str(ws.print_area).split("!")[-1].replace("$", "")
             for ws in wb.worksheets if ws.sheet_state == "visible"}
    assert areas["Báo cáo"].startswith("B1:E") and areas["Khó khăn, đề xuất"].startswith("B1:C")
    assert areas["Dự án NGO"].startswith("A1:I") and wb["Dự án NGO"]["J4"].value.startswith(
        "Mẫu báo cáo")
    assert wb["Báo cáo"].print_title_rows == "$6:$6"  # the column titles on every page
    signers = [c.value for row in wb["Báo cáo"].iter_rows(min_row=14) for c in row if c.value]
    assert "NGƯỜI LẬP BIỂU" in signers and "THỦ TRƯỞNG ĐƠN VỊ" in signers


def test_metadata_hidden_and_machine_readable(session, tmp_path):
    wb = openpyxl.load_workbook(save(workbook(session, values={}), tmp_path))
    meta = dict((r[0], r[1]) for r in wb["_meta"].iter_rows(values_only=True))
    assert wb["_meta"].sheet_state == "hidden"
    assert meta["unit_code"] == "01975" and meta["period"] == "2023-H1"
    assert meta["form"] == "ttdn" and meta["template_version"] == "1"


def test_validation_protection_and_a4(session, tmp_path):
    wb = openpyxl.load_workbook(save(workbook(session, values={}), tmp_path))
    ws = wb["Báo cáo"]
    rules = {str(dv.sqref): dv.type for dv in ws.data_validations.dataValidation}
    assert rules["E8"] == rules["E13"] == "custom" and rules["E7"] == "list"
    assert ws.protection.sheet and not ws.protection.password
    assert ws["C7"].protection.locked and not ws["E7"].protection.locked
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 == "9"


# What the help sheet allows in a count cell and the import reads, and what both refuse.
TYPED = [(12, True), ("12 tin", True), ("-", True), (0, True), ("1.086", True), (1086, True),
         (-1, False), (2.5, False)]


def test_the_count_cells_accept_what_the_help_allows(session, tmp_path, require_tool):
    """LibreOffice evaluates each count cell's validation rule on what a clerk types: "12 tin"
    and "-" pass as the help says (Excel refused them when the rule took whole numbers only)."""
    soffice = require_tool("soffice", "libreoffice-calc-nogui")
    ws = workbook(session, values={})["Báo cáo"]
    rule = next(dv for dv in ws.data_validations.dataValidation if str(dv.sqref) == "E12")
    check = openpyxl.Workbook()
    for row, (typed, _) in enumerate(TYPED, start=1):
        check.active.cell(row=row, column=1, value=typed)
        check.active.cell(row=row, column=2, value="=" + rule.formula1.replace("E12", f"A{row}"))
    check.save(tmp_path / "rule.xlsx")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "csv", "--outdir", str(tmp_path), str(tmp_path / "rule.xlsx")],
                   check=True, capture_output=True, timeout=180)
    got = [line.split(",")[-1].strip() for line in
           (tmp_path / "rule.csv").read_text().splitlines()]
    assert got == ["TRUE" if ok else "FALSE" for _, ok in TYPED], list(zip(TYPED, got))
