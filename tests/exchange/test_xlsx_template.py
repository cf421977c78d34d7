"""The template as a commune receives it: sheets, headers, metadata, validation, print setup."""

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
    assert ws["A2"].value == "Đơn vị: Xã Vi Hương (mã 01975)"
    assert "6 tháng đầu năm 2023" in ws["A3"].value
    assert [c.value for c in ws[6]] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Mã chỉ tiêu", "Số liệu"]
    codes = [ws.cell(row=r, column=4).value for r in range(7, 14)]
    assert codes == ["plan_issued", "foreign_visitors", "unit_radio_news", "unit_page_posts",
                     "propaganda_sessions", "rebuttal_turns", "rebuttal_accounts"]
    assert all(ws.cell(row=r, column=5).value is None for r in range(7, 14))
    ngo = wb["Dự án NGO"]
    assert [c.value for c in ngo[6]][:3] == ["Tên dự án", "Tổ chức tài trợ", "Quốc gia"]
    assert ngo.row_dimensions[5].hidden
    text = wb["Khó khăn, đề xuất"]
    assert {text["B7"].value, text["B8"].value} == {"unit_difficulties", "unit_proposals"}


def test_metadata_hidden_and_machine_readable(session, tmp_path):
    wb = openpyxl.load_workbook(save(workbook(session, values={}), tmp_path))
    meta = dict((r[0], r[1]) for r in wb["_meta"].iter_rows(values_only=True))
    assert wb["_meta"].sheet_state == "hidden"
    assert meta["unit_code"] == "01975" and meta["period"] == "2023-H1"
    assert meta["form"] == "ttdn" and meta["template_version"] == "1"


def test_validation_protection_and_a4(session, tmp_path):
    wb = openpyxl.load_workbook(save(workbook(session, values={}), tmp_path))
    ws = wb["Báo cáo"]
    rules = {dv.type: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert "E8" in rules["whole"] and "E13" in rules["whole"] and rules["list"] == "E7"
    assert ws.protection.sheet and not ws.protection.password
    assert ws["B7"].protection.locked and not ws["E7"].protection.locked
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 == "9"
