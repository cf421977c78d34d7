"""Template -> filled as communes fill it (openpyxl, LibreOffice) -> imported: same values."""

import subprocess
import unicodedata

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font
from xlsx_fixtures import VALUES, db_state, save, value_cell, workbook

from bachthong_desktop.core.legacy_encodings import unicode_to_tcvn3, unicode_to_vni
from bachthong_desktop.exchange.importer import import_file, summary_lines
from bachthong_desktop.exchange.xlsx_import import read_return

EXPECTED = {**VALUES, "ngo_projects": [{
    "name": "Dự án nước sạch", "donor": "KFHI", "country": "Hàn Quốc", "communes": None,
    "villages": None, "start": "2018-01-01", "end": "2025-12-31", "purpose": None,
    "status": None, "description": None}]}


def _stored(session, unit="01975"):
    return session.store.values("2023-H1", unit)


def test_round_trip(session, tmp_path):
    result = import_file(session.store, save(workbook(session), tmp_path), period="2023-H1")
    assert result.outcome == "stored", result.message
    assert _stored(session) == EXPECTED
    assert "Xã Vi Hương" in result.message


def test_empty_cell_is_not_reported_not_zero(session, tmp_path):
    values = {k: v for k, v in VALUES.items() if k != "rebuttal_turns"}
    import_file(session.store, save(workbook(session, values=values), tmp_path))
    stored = _stored(session)
    assert "rebuttal_turns" not in stored and stored["foreign_visitors"] == 0


@pytest.mark.parametrize("written, value", [("1.086", 1086), (" 12 ", 12), ("12", 12),
                                            (12.0, 12), ("-", 0)])
def test_what_can_be_read_with_certainty(session, tmp_path, written, value):
    wb = workbook(session)
    value_cell(wb["Báo cáo"], "rebuttal_turns").value = written
    result = import_file(session.store, save(wb, tmp_path))
    assert result.ok, result.message
    assert _stored(session).get("rebuttal_turns") == value


def test_commune_moves_things_around(session, tmp_path):
    """Inserted rows and columns, renamed sheets, own notes: read by code, not by position."""
    wb = workbook(session)
    ws = wb["Báo cáo"]
    ws.insert_rows(1, amount=3)
    ws.insert_cols(3)
    ws["A1"] = "Ghi chú của xã: số liệu đã được Chủ tịch xã duyệt"
    ws.title = "BC 6 thang"
    wb["Dự án NGO"].insert_rows(7)
    wb["Dự án NGO"].title = "NGO"
    wb["Khó khăn, đề xuất"].title = "Kho khan"
    wb.move_sheet("Kho khan", offset=-3)
    import_file(session.store, save(wb, tmp_path))
    assert _stored(session) == EXPECTED


def test_without_metadata_the_printed_header_identifies(session, tmp_path):
    wb = workbook(session)
    del wb["_meta"]
    wb["Báo cáo"]["A2"] = "Đơn vị: xã Vi Hương"
    result = import_file(session.store, save(wb, tmp_path), period="2023-H1")
    assert result.unit_code == "01975" and result.period == "2023-H1", result.message


@pytest.mark.parametrize("font, encode, name", [(".VnTime", unicode_to_tcvn3, "TCVN3"),
                                                ("VNI-Times", unicode_to_vni, "VNI")])
def test_legacy_font_text_converted_and_said(session, tmp_path, font, encode, name):
    wb = workbook(session)
    cell = value_cell(wb["Khó khăn, đề xuất"], "unit_proposals", value_col=3)
    cell.value, cell.font = encode("Đề nghị huyện hỗ trợ kinh phí"), Font(name=font)
    result = import_file(session.store, save(wb, tmp_path))
    assert _stored(session)["unit_proposals"] == "Đề nghị huyện hỗ trợ kinh phí"
    text = "\n".join(summary_lines([result]))
    assert f"ô {cell.coordinate}" in text and font in text and name in text


def test_decomposed_unicode_is_normalised(session, tmp_path):
    wb = workbook(session)
    value_cell(wb["Khó khăn, đề xuất"], "unit_proposals", value_col=3).value = \
        unicodedata.normalize("NFD", "Đề xuất tập huấn")
    import_file(session.store, save(wb, tmp_path))
    assert _stored(session)["unit_proposals"] == "Đề xuất tập huấn"


def test_same_file_twice_changes_nothing_and_says_so(session, tmp_path):
    path = save(workbook(session), tmp_path)
    import_file(session.store, path)
    before = db_state(session)
    again = import_file(session.store, path)
    assert again.outcome == "unchanged" and "Không thay đổi" in again.message
    assert db_state(session) == before


def test_new_version_keeps_the_old_and_lists_differences(session, tmp_path):
    import_file(session.store, save(workbook(session), tmp_path, "v1.xlsx"))
    wb = workbook(session)
    value_cell(wb["Báo cáo"], "rebuttal_turns").value = 70
    result = import_file(session.store, save(wb, tmp_path, "v2.xlsx"))
    assert result.outcome == "replaced" and result.version == 2
    assert "Lượt đấu tranh phản bác thông tin sai lệch: 65 → 70" in result.message
    rows = list(session.db["returns"].rows_where(order_by="version"))
    assert [(r["file_name"], r["status"]) for r in rows] == [("v1.xlsx", "replaced"),
                                                             ("v2.xlsx", "current")]


def test_dry_run_says_what_and_changes_nothing(session, tmp_path):
    before = db_state(session)
    result = import_file(session.store, save(workbook(session), tmp_path), dry_run=True)
    assert result.outcome == "stored" and result.message.startswith("Sẽ lưu")
    assert db_state(session) == before


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.permutations(range(7)), cols=st.permutations(range(5)))
def test_any_permutation_of_rows_and_columns_reads_the_same(session, tmp_path_factory, rows, cols):
    wb = workbook(session)
    ws = wb["Báo cáo"]
    grid = [[ws.cell(row=6 + r, column=1 + c).value for c in range(5)] for r in range(8)]
    body = [grid[0]] + [grid[1 + r] for r in rows]
    for r, line in enumerate(body):
        for c, source in enumerate(cols):
            ws.cell(row=6 + r, column=1 + c).value = line[source]
    path = save(wb, tmp_path_factory.mktemp("perm"))
    read = read_return(path, session.form)
    assert {k: read.values[k] for k in ("rebuttal_turns", "plan_issued", "unit_radio_news")} == \
        {"rebuttal_turns": 65, "plan_issued": True, "unit_radio_news": 22}


def test_saved_again_by_libreoffice_calc(session, tmp_path, require_tool):
    require_tool("soffice", "libreoffice-calc-nogui")
    wb = workbook(session)
    value_cell(wb["Báo cáo"], "rebuttal_turns").value = "=60+5"
    (tmp_path / "in").mkdir()
    source = save(wb, tmp_path / "in", "xa-vi-huong.xlsx")
    out = tmp_path / "out"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=120)
    saved = out / source.name
    assert openpyxl.load_workbook(saved, data_only=True)  # a real LibreOffice file
    result = import_file(session.store, saved, period="2023-H1")
    assert result.outcome == "stored", result.message
    assert _stored(session) == EXPECTED  # the formula's value, as LibreOffice computed it


def test_deleted_row_is_not_reported_and_said(session, tmp_path):
    wb = workbook(session)
    ws = wb["Báo cáo"]
    ws.delete_rows(value_cell(ws, "rebuttal_accounts").row)
    result = import_file(session.store, save(wb, tmp_path))
    assert "rebuttal_accounts" not in _stored(session)
    assert any("rebuttal_accounts" in note for note in result.notes)


def test_ngo_sheet_without_its_hidden_code_row_is_read_by_labels(session, tmp_path):
    wb = workbook(session)
    wb["Dự án NGO"].delete_rows(5)
    import_file(session.store, save(wb, tmp_path))
    assert _stored(session)["ngo_projects"] == EXPECTED["ngo_projects"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cols=st.permutations(range(9)))
def test_any_permutation_of_ngo_columns_reads_the_same(session, tmp_path_factory, cols):
    wb = workbook(session)
    ws = wb["Dự án NGO"]
    grid = [[ws.cell(row=r, column=1 + c).value for c in range(9)] for r in (5, 6, 7)]
    for r, line in zip((5, 6, 7), grid):
        for c, source in enumerate(cols):
            ws.cell(row=r, column=1 + c).value = line[source]
    read = read_return(save(wb, tmp_path_factory.mktemp("ngo")), session.form)
    assert read.values["ngo_projects"] == EXPECTED["ngo_projects"]
