"""A province with special zones (đặc khu) speaks of "các xã, phường, đặc khu"; one with
communes and wards only of "các xã, phường": the words come from the kinds of its units."""

import docx
import openpyxl

from cli_helpers import run


def _document_text(path) -> str:
    word = docx.Document(str(path))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    return "\n".join([*cells, *(p.text for p in word.paragraphs)]).replace("\xa0", " ")


def test_quang_ninh_reports_from_its_communes_wards_and_special_zones(capsys, new_db_path, tmp_path):
    db = str(new_db_path)
    code, out, err = run(capsys, "--db", db, "units", "office", "22")
    assert code == 0, err
    assert "Các đơn vị báo cáo: 54 xã, phường, đặc khu." in out
    _, out, _ = run(capsys, "--db", db, "status", "--period", "2026-H1")
    assert "hạn gửi của các xã, phường, đặc khu" in out
    assert "Đã có báo cáo của 0/54 xã, phường, đặc khu (0 %)." in out
    target = tmp_path / "qn.docx"
    code, _, err = run(capsys, "--db", db, "report", "--period", "2026-H1", "-o", str(target))
    assert code == 0, err
    text = _document_text(target)
    assert "54 xã, phường, đặc khu chưa báo cáo" in text
    assert "CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU" in text
    assert "Chưa có xã, phường, đặc khu nào gửi báo cáo." in text  # no table of blank rows
    assert "trên địa bàn tỉnh " in text and "tỉnh có đặc khu" not in text


def test_thai_nguyen_has_communes_and_wards_only(capsys, new_db_path):
    db = str(new_db_path)
    _, out, _ = run(capsys, "--db", db, "units", "office", "19")
    assert "Các đơn vị báo cáo: 92 xã, phường." in out
    _, out, _ = run(capsys, "--db", db, "status", "--period", "2026-H1")
    assert "0/92 xã, phường (0 %)" in out and "đặc khu" not in out


def test_the_district_s_status_counts_its_communes(capsys, db_path):
    _, out, _ = run(capsys, "--db", str(db_path), "status", "--period", "2023-H1")
    assert "Đã có báo cáo của 0/14 xã, thị trấn (0 %)." in out


def test_a_province_s_template_asks_its_units_for_their_own_counts_only(capsys, new_db_path,
                                                                      tmp_path):
    """The centre's counts are the district office's own: no unit's return ever held them."""
    db = str(new_db_path)
    run(capsys, "--db", db, "units", "office", "22")
    target = tmp_path / "mau.xlsx"
    code, _, err = run(capsys, "--db", db, "template", "--period", "2026-H1", "--unit", "06994",
                       "-o", str(target))  # Đặc khu Vân Đồn
    assert code == 0, err
    cells = [str(c.value) for ws in openpyxl.load_workbook(target) for row in ws.iter_rows()
             for c in row if c.value]
    assert any("Lượt đấu tranh phản bác" in c for c in cells)
    assert not any("Trung tâm VH" in c or "Trang phát thanh" in c for c in cells)
