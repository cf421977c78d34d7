"""Contracts 3, 5, 6, 7 and 9: what one cell may hold, what hides it, and every bad cell named."""

import openpyxl
import pytest
from field_files import sheet_xml
from openpyxl.styles import Font
from xlsx_fixtures import VALUES, db_state, save, value_cell, workbook

from bachthong_desktop.core.import_log import attempts
from bachthong_desktop.core.legacy_encodings import unicode_to_tcvn3
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.returns import board
from bachthong_desktop.core.units import Unit
from bachthong_desktop.exchange import xlsx_import
from bachthong_desktop.exchange.importer import import_file, import_files
from bachthong_desktop.exchange.xlsx_template import TemplateInfo, build_template

P = "2023-H1"
FORMULAS = ["=cmd|' /C calc'!A0", "=1+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "=A1"]


def _refused(session, path, *words):
    before = db_state(session)
    result = import_file(session.store, path, period=P)
    assert result.outcome == "refused", result.message
    for word in words:
        assert word in result.message, result.message
    assert db_state(session) == before
    return result


def _with(session, tmp_path, name="xa-vi-huong.xlsx", **cells):
    wb = workbook(session)
    for code, value in cells.items():
        value_cell(wb["Báo cáo"], code).value = value
    return save(wb, tmp_path, name)


# -- 3. text stays text ----------------------------------------------------------------------
@pytest.mark.parametrize("text", FORMULAS)
def test_commune_text_is_written_as_text_never_a_formula(session, tmp_path, text):
    wb = workbook(session, values={**VALUES, "unit_difficulties": text,
                                   "ngo_projects": [{"name": text, "donor": text}]})
    path = save(wb, tmp_path)
    for index in range(1, 5):
        assert "<f>" not in sheet_xml(path, index)
    read = openpyxl.load_workbook(path)
    assert value_cell(read["Khó khăn, đề xuất"], "unit_difficulties", 3).data_type == "s"
    result = import_file(session.store, path, period=P)
    assert session.store.get(P, "01975", "unit_difficulties") == text, result.message


@pytest.mark.parametrize("name", ["=cmd|' /C calc'!A0", "=Xã Mới", "+Xã", "-Xã"])
def test_a_unit_name_beginning_with_a_formula_sign_is_text_in_the_template(session, tmp_path,
                                                                           name):
    unit = Unit("09999", name, "xa", "063", "2020-01-01")
    path = save(build_template(TemplateInfo(unit, parse_period(P), session.form)), tmp_path)
    wb = openpyxl.load_workbook(path)
    assert wb["_meta"]["B5"].value == name and wb["_meta"]["B5"].data_type == "s"
    assert all("<f>" not in sheet_xml(path, i) for i in range(1, 6))


@pytest.mark.parametrize("error", ["#VALUE!", "#DIV/0!", "#REF!", "#N/A", "#NAME?"])
def test_an_excel_error_value_is_refused_naming_the_cell(session, tmp_path, error):
    wb = workbook(session)
    cell = value_cell(wb["Báo cáo"], "rebuttal_turns")
    cell.value = error
    assert cell.data_type == "e"
    _refused(session, save(wb, tmp_path), f"ô {cell.coordinate}", error)


def test_an_error_value_in_the_narrative_or_the_ngo_table_is_refused(session, tmp_path):
    wb = workbook(session)
    value_cell(wb["Khó khăn, đề xuất"], "unit_proposals", 3).value = "#VALUE!"
    wb["Dự án NGO"]["B7"] = "#REF!"
    result = _refused(session, save(wb, tmp_path), "ô C8", "ô B7", "#VALUE!", "#REF!")
    assert set(result.cells) == {"C8", "B7"}


# -- 5. numbers --------------------------------------------------------------------------------
@pytest.mark.parametrize("code, written, stored", [
    ("unit_radio_news", "12 tin", 12), ("unit_radio_news", "12 bài", 12),
    ("propaganda_sessions", "5 buổi", 5), ("rebuttal_turns", "-", 0),
    ("rebuttal_turns", 3.0000000000000004, 3), ("rebuttal_accounts", "41 tài khoản", 41),
    ("rebuttal_turns", "1.086 lượt", 1086),
])  # fmt: skip
def test_a_number_with_its_own_unit_word(session, tmp_path, code, written, stored):
    result = import_file(session.store, _with(session, tmp_path, **{code: written}), period=P)
    assert result.ok, result.message
    assert session.store.get(P, "01975", code) == stored


@pytest.mark.parametrize("code, written, says", [
    ("unit_radio_news", "2 nghìn", "nghìn"), ("unit_radio_news", "15k", "“k”"),
    ("rebuttal_turns", "8o", "“o”"), ("propaganda_sessions", "5 tin", "“tin”"),
    ("rebuttal_turns", 10**20, "lớn bất thường"), ("rebuttal_turns", "1" * 5000, "lớn bất thường"),
    ("rebuttal_turns", 1e300, "lớn bất thường"), ("propaganda_sessions", 10_001, "10.000"),
    ("rebuttal_turns", "3,5 lượt", "thập phân"),
])  # fmt: skip
def test_any_other_word_or_an_implausible_count_is_refused(session, tmp_path, code, written,
                                                           says):
    path = _with(session, tmp_path, **{code: written})
    cell = value_cell(openpyxl.load_workbook(path)["Báo cáo"], code).coordinate
    _refused(session, path, f"ô {cell}", says)


def test_a_monstrous_count_does_not_stop_the_batch(session, tmp_path):
    bad = _with(session, tmp_path, "bad.xlsx", rebuttal_turns="9" * 5000)
    good = save(workbook(session, "01993"), tmp_path, "tan-tu.xlsx")
    results = import_files(session.store, [bad, good], period=P)
    assert [r.outcome for r in results] == ["refused", "stored"]


# -- 6. hidden and merged ----------------------------------------------------------------------
@pytest.fixture(params=[False, True], ids=["whole", "streamed"])
def streamed(request, monkeypatch):
    if request.param:
        monkeypatch.setattr(xlsx_import, "STREAM_FROM_BYTES", 0)
    return request.param


def test_a_merge_over_the_value_column_is_refused(session, tmp_path, streamed):
    wb = workbook(session)
    ws = wb["Báo cáo"]
    cell = value_cell(ws, "rebuttal_turns")
    ws.merge_cells(f"D{cell.row}:E{cell.row}")
    _refused(session, save(wb, tmp_path), f"ô {cell.coordinate}", f"D{cell.row}:E{cell.row}")


def test_a_merge_down_the_value_column_is_refused(session, tmp_path, streamed):
    wb = workbook(session)
    ws = wb["Báo cáo"]
    first, second = value_cell(ws, "unit_radio_news"), value_cell(ws, "unit_page_posts")
    ws.merge_cells(f"{first.coordinate}:{second.coordinate}")
    _refused(session, save(wb, tmp_path), f"ô {second.coordinate}")


def test_values_in_hidden_rows_and_columns_are_refused_naming_each(session, tmp_path, streamed):
    wb = workbook(session)
    ws = wb["Báo cáo"]
    one, two = value_cell(ws, "rebuttal_turns"), value_cell(ws, "rebuttal_accounts")
    ws.row_dimensions[one.row].hidden = True
    ws.row_dimensions[two.row].hidden = True
    result = _refused(session, save(wb, tmp_path), f"ô {one.coordinate}", f"ô {two.coordinate}",
                      "dòng bị ẩn")
    assert len(result.cells) == 2


def test_a_hidden_value_column_is_refused(session, tmp_path, streamed):
    wb = workbook(session)
    wb["Báo cáo"].column_dimensions["E"].hidden = True
    result = _refused(session, save(wb, tmp_path), "cột bị ẩn")
    assert len(result.cells) == 7  # every filled value cell of the sheet


def test_a_hidden_row_in_the_ngo_table_is_refused(session, tmp_path, streamed):
    wb = workbook(session)
    wb["Dự án NGO"].row_dimensions[7].hidden = True
    _refused(session, save(wb, tmp_path), "“Dự án NGO”, ô A7", "dòng bị ẩn")


def test_an_empty_hidden_row_or_a_merged_title_is_fine(session, tmp_path, streamed):
    wb = workbook(session, values={k: v for k, v in VALUES.items() if k != "rebuttal_turns"})
    ws = wb["Báo cáo"]
    ws.row_dimensions[value_cell(ws, "rebuttal_turns").row].hidden = True
    ws.merge_cells("A1:E1")
    result = import_file(session.store, save(wb, tmp_path), period=P)
    assert result.outcome == "stored", result.message


def test_a_hidden_copy_of_the_return_sheet_is_refused(session, tmp_path):
    wb = workbook(session)
    copy = wb.copy_worksheet(wb["Báo cáo"])
    copy.title = "cu"
    copy.sheet_state = "hidden"
    value_cell(copy, "rebuttal_turns").value = 5
    _refused(session, save(wb, tmp_path), "trang tính bị ẩn")


# -- 7. legacy text, escapes, control characters -----------------------------------------------
@pytest.mark.parametrize("font", ["Times New Roman", "Arial", None])
def test_tcvn3_text_in_a_unicode_font_is_converted_and_said(session, tmp_path, font):
    wb = workbook(session)
    cell = value_cell(wb["Khó khăn, đề xuất"], "unit_proposals", 3)
    cell.value = unicode_to_tcvn3("Đài truyền thanh xã cần sửa chữa")
    if font:
        cell.font = Font(name=font)
    result = import_file(session.store, save(wb, tmp_path), period=P)
    assert session.store.get(P, "01975", "unit_proposals") == "Đài truyền thanh xã cần sửa chữa"
    assert any(f"ô {cell.coordinate}" in n and "TCVN3" in n for n in result.notes)


@pytest.mark.parametrize("text", ["Hòa Bình", "Cà phê", "Có", "Khó khăn về kinh phí",
                                  "Thôn Nà Pài", "Bản Cốc Lùng"])
@pytest.mark.parametrize("font", [".VnTime", "VNI-Times"])
def test_unicode_text_in_a_legacy_font_is_never_converted(session, tmp_path, text, font):
    wb = workbook(session)
    cell = value_cell(wb["Khó khăn, đề xuất"], "unit_proposals", 3)
    cell.value, cell.font = text, Font(name=font)
    result = import_file(session.store, save(wb, tmp_path), period=P)
    assert session.store.get(P, "01975", "unit_proposals") == text
    assert not any("Unicode" in n for n in result.notes)


def test_excel_escapes_are_decoded_and_control_characters_removed(session, tmp_path):
    wb = workbook(session)
    value_cell(wb["Khó khăn, đề xuất"], "unit_proposals", 3).value = \
        "Dòng một_x000D_\nDòng_x0007_ hai_x0008_"
    value_cell(wb["Khó khăn, đề xuất"], "unit_difficulties", 3).value = "Thiếu_x005F_x000D_máy"
    wb["Dự án NGO"]["A7"] = "Dự án_x001B_ nước sạch"
    import_file(session.store, save(wb, tmp_path), period=P)
    values = session.store.values(P, "01975")
    assert values["unit_proposals"] == "Dòng một\nDòng hai"
    assert values["unit_difficulties"] == "Thiếu_x000D_máy"
    assert values["ngo_projects"][0]["name"] == "Dự án nước sạch"


@pytest.mark.parametrize("typed", ["Đài\x00 xã", "Đài\x1b[0m xã", "Đài\x7f xã", "Đài\ud800 xã"])
def test_typed_text_loses_its_control_characters_at_the_store(session, typed):
    session.store.set(P, "01975", "unit_proposals", typed)
    session.store.set(P, "063", "ngo_projects", [{"name": typed}])
    assert session.store.get(P, "01975", "unit_proposals") in ("Đài xã", "Đài[0m xã")
    assert "\x1b" not in session.store.get(P, "063", "ngo_projects")[0]["name"]


# -- 9. every bad cell, the board and the log ---------------------------------------------------
def test_a_file_with_three_bad_cells_names_all_three(session, tmp_path):
    path = _with(session, tmp_path, rebuttal_turns="12,5", rebuttal_accounts="2 nghìn",
                 propaganda_sessions="#VALUE!")
    cells = [value_cell(openpyxl.load_workbook(path)["Báo cáo"], c).coordinate
             for c in ("propaganda_sessions", "rebuttal_turns", "rebuttal_accounts")]
    result = _refused(session, path, "3 chỗ", *(f"ô {c}" for c in cells))
    assert sorted(result.cells) == sorted(cells)


def test_the_board_shows_a_refusal_until_a_good_file_arrives(session, tmp_path):
    units = session.units(P)
    bad = _with(session, tmp_path, "bad.xlsx", rebuttal_turns="12,5", rebuttal_accounts="x")
    import_files(session.store, [bad], period=P)
    row = next(r for r in board(session.store, P, units).rows if r.unit_code == "01975")
    assert row.state == "refused" and row.state_words == "Bị từ chối: ô E12, E13"
    good = save(workbook(session), tmp_path, "good.xlsx")
    import_files(session.store, [good], period=P)
    row = next(r for r in board(session.store, P, units).rows if r.unit_code == "01975")
    assert row.state in ("received", "late") and row.version == 1
    import_files(session.store, [bad], period=P)  # a bad file later: the good one stays
    row = next(r for r in board(session.store, P, units).rows if r.unit_code == "01975")
    assert row.state == "refused" and "đang dùng bản 1" in row.state_words
    assert session.store.get(P, "01975", "rebuttal_turns") == 65
    log = attempts(session.db, P)
    assert [a.outcome for a in log] == ["refused", "stored", "refused"]
    assert [a.file_name for a in log] == ["bad.xlsx", "good.xlsx", "bad.xlsx"]


def test_the_log_is_not_report_data(session, tmp_path):
    import_files(session.store, [save(workbook(session), tmp_path, "good.xlsx")], period=P)
    before = db_state(session)
    versions = list(session.db.query("select version, status from returns"))
    import_files(session.store, [_with(session, tmp_path, "bad.xlsx", rebuttal_turns=-3)],
                 period=P)
    assert db_state(session) == before
    assert list(session.db.query("select version, status from returns")) == versions
    assert session.db["import_log"].count == 2



def _resaved_by_libreoffice(tmp_path, *paths):
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is needed: install libreoffice-calc-nogui.")
    out = tmp_path / "lo-out"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(out),
                    *map(str, paths)], check=True, capture_output=True, timeout=180)
    return [out / p.name for p in paths]


def test_commune_text_and_an_excel_error_after_a_libreoffice_resave(session, tmp_path):
    """The commune's "=cmd|..." stays its text; a formula LibreOffice computes to #DIV/0! is
    refused naming the cell (what reached the office as narrative before)."""
    (tmp_path / "in").mkdir()
    text = "=cmd|' /C calc'!A0"
    good = save(workbook(session, values={**VALUES, "unit_proposals": text}), tmp_path / "in",
                "xa-vi-huong.xlsx")
    wb = workbook(session, "01993")
    cell = value_cell(wb["Báo cáo"], "rebuttal_turns")
    cell.value = "=1/0"
    bad = save(wb, tmp_path / "in", "xa-tan-tu.xlsx")
    good, bad = _resaved_by_libreoffice(tmp_path, good, bad)
    assert import_file(session.store, good, period=P).outcome == "stored"
    assert session.store.get(P, "01975", "unit_proposals") == text
    _refused(session, bad, f"ô {cell.coordinate}", "#DIV/0!")
