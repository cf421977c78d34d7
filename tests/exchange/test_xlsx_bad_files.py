"""A corpus of bad files: each gets one Vietnamese message, and nothing of it is stored."""

import re
import zipfile

import pytest
from xlsx_fixtures import db_state, save, value_cell, workbook

from bachthong_desktop.exchange.importer import import_file
from bachthong_desktop.exchange.xlsx_safety import OLE_MAGIC


@pytest.fixture
def demo(demo_session):
    return demo_session


def _zip(path, parts: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _rewrite_part(path, part: str, change):
    """Rewrite one part of an xlsx (zip) file in place."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    parts[part] = change(parts[part])
    return _zip(path, parts)


def _refused(session, path, *words, period="2023-H1"):
    before = db_state(session)
    result = import_file(session.store, path, period=period)
    assert result.outcome == "refused"
    assert f"“{path.name}”" in result.message
    for word in words:
        assert word in result.message, result.message
    assert db_state(session) == before
    return result


def test_old_xls(demo, tmp_path):
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 2000)
    _refused(demo, path, ".xls", "Sổ làm việc Excel (.xlsx)")


def test_password_protected(demo, tmp_path):
    path = tmp_path / "co-mat-khau.xlsx"
    path.write_bytes(OLE_MAGIC + b"\x00" * 600 + "EncryptedPackage".encode("utf-16-le")
                     + b"\x00" * 600)
    _refused(demo, path, "mật khẩu")


def test_ods_renamed(demo, tmp_path):
    path = _zip(tmp_path / "bao-cao.xlsx", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b"<office:document-content/>"})
    _refused(demo, path, ".ods", "Excel 2007-365 (.xlsx)")


def test_csv(demo, tmp_path):
    path = tmp_path / "bao-cao.csv"
    path.write_text("Mã chỉ tiêu,Số liệu\nrebuttal_turns,5\n", encoding="utf-8")
    _refused(demo, path, "CSV", ".xlsx")


def test_word_file_renamed(demo, tmp_path):
    path = _zip(tmp_path / "bao-cao.xlsx", {"[Content_Types].xml": b"<Types/>",
                                             "word/document.xml": b"<w:document/>"})
    _refused(demo, path, "Word")


def test_broken_zip(demo, tmp_path):
    good = save(workbook(demo), tmp_path, "tot.xlsx").read_bytes()
    path = tmp_path / "hong.xlsx"
    path.write_bytes(good[: len(good) // 2])
    _refused(demo, path, "hỏng")


def test_xml_entities(demo, tmp_path):
    path = save(workbook(demo), tmp_path, "thuc-the.xlsx")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    _rewrite_part(path, "xl/worksheets/sheet2.xml",
                  lambda xml: laughs + b"<!-- padding -->" * 500 + xml)
    _refused(demo, path, "khai báo XML")


def test_decompression_bomb(demo, tmp_path):
    path = save(workbook(demo), tmp_path, "bom.xlsx")
    _rewrite_part(path, "xl/worksheets/sheet2.xml", lambda xml: xml + b" " * 20_000_000)
    assert path.stat().st_size < 1_000_000
    _refused(demo, path, "dung lượng giải nén quá lớn")


def test_declared_cell_count(demo, tmp_path):
    path = save(workbook(demo), tmp_path, "nhieu-o.xlsx")
    _rewrite_part(path, "xl/worksheets/sheet2.xml",
                  lambda xml: re.sub(rb'<dimension ref="A1:E\d+"/>',
                                     b'<dimension ref="A1:XFD1048576"/>', xml, count=1))
    # the count as the house writes numbers, and the sentence's own comma kept
    _refused(demo, path, "trang “Báo cáo”", "khai báo vùng A1:XFD1048576 (17.179.869.184 ô), "
             "quá lớn so với một báo cáo")


def test_oversized_file(demo, tmp_path):
    path = tmp_path / "rat-lon.xlsx"
    path.write_bytes(b"PK" + b"\x00" * (11 * 1024 * 1024 + 600 * 1024))
    _refused(demo, path, "tệp nặng 11,6 MB, lớn hơn nhiều so với một báo cáo.")


def test_unknown_unit(demo, tmp_path):
    wb = workbook(demo)
    wb["_meta"]["B4"] = "99999"
    _refused(demo, save(wb, tmp_path, "la.xlsx"), "mã 99999")


def test_return_for_another_period(demo, tmp_path):
    path = save(workbook(demo, period="2023-H2"), tmp_path, "ky-khac.xlsx")
    _refused(demo, path, "6 tháng cuối năm 2023", "không phải kỳ đang tổng hợp")


def test_period_not_begun(demo, tmp_path):
    path = save(workbook(demo, period="2099-H1"), tmp_path, "tuong-lai.xlsx")
    _refused(demo, path, "chưa bắt đầu", period=None)


@pytest.mark.parametrize("written, words", [
    ("12,5", ["số thập phân", "số nguyên"]),
    (12.5, ["số nguyên", "12,5"]),
    (-3, ["âm"]),
    ("-3", ["âm"]),
    ("mười hai", ["không phải là một số"]),
    ("1,086", ["Không rõ"]),
])
def test_number_cell_unreadable(demo, tmp_path, written, words):
    wb = workbook(demo)
    cell = value_cell(wb["Báo cáo"], "rebuttal_turns")
    cell.value = written
    result = _refused(demo, save(wb, tmp_path, "xa-vi-huong.xlsx"), *words)
    assert result.message.startswith(f"Tệp “xa-vi-huong.xlsx”, trang “Báo cáo”, ô {cell.coordinate}")


def test_formula_without_cached_value(demo, tmp_path):
    wb = workbook(demo)
    cell = value_cell(wb["Báo cáo"], "rebuttal_turns")
    cell.value = "=60+5"
    _refused(demo, save(wb, tmp_path, "cong-thuc.xlsx"), f"ô {cell.coordinate}", "công thức",
             "lưu lại")


def test_bad_date_in_ngo_sheet(demo, tmp_path):
    wb = workbook(demo)
    wb["Dự án NGO"]["F7"] = "32/13/2018"
    _refused(demo, save(wb, tmp_path, "ngay-sai.xlsx"), "trang “Dự án NGO”, ô F7")


def test_two_rows_with_the_same_code_and_different_values(demo, tmp_path):
    wb = workbook(demo)
    ws = wb["Báo cáo"]
    ws["A30"], ws["E30"] = "rebuttal_turns", 99
    _refused(demo, save(wb, tmp_path, "trung.xlsx"), "ô E30", "rebuttal_turns")


def test_refused_file_in_a_batch_leaves_the_others(demo, tmp_path, caplog):
    from bachthong_desktop.exchange.importer import import_files

    caplog.set_level("INFO")  # the program's log file takes INFO
    good = workbook(demo, values={"rebuttal_turns": 70})
    bad = workbook(demo, unit_code="01978")
    value_cell(bad["Báo cáo"], "rebuttal_turns").value = -1
    results = import_files(demo.store, [save(good, tmp_path, "tot.xlsx"),
                                        save(bad, tmp_path, "xau.xlsx")], period="2023-H1")
    assert [r.outcome for r in results] == ["replaced", "refused"]
    assert demo.store.get("2023-H1", "01975", "rebuttal_turns") == 70
    assert demo.store.get("2023-H1", "01978", "rebuttal_turns") == 70  # the demo's, untouched
    logged = caplog.text  # for whoever helps the office later
    assert "import tot.xlsx: replaced, unit 01975, period 2023-H1" in logged
    assert "import xau.xlsx refused: Tệp “xau.xlsx”" in logged


def test_sheet_without_the_code_column(demo, tmp_path):
    wb = workbook(demo)
    wb["Báo cáo"]["A6"] = "Mã"
    wb["Khó khăn, đề xuất"]["A6"] = "Mã"
    _refused(demo, save(wb, tmp_path, "khong-ma.xlsx"), "“Mã chỉ tiêu”")


def test_blank_template_sent_back(demo, tmp_path):
    _refused(demo, save(workbook(demo, values={}), tmp_path, "mau-trong.xlsx"),
             "chưa có số liệu nào")


@pytest.mark.parametrize("streamed", [False, True])
def test_broken_sheet_xml(demo, tmp_path, monkeypatch, streamed):
    from bachthong_desktop.exchange import xlsx_import

    monkeypatch.setattr(xlsx_import, "STREAM_FROM_BYTES", 0 if streamed else 10**9)
    path = save(workbook(demo), tmp_path, "xml-hong.xlsx")
    _rewrite_part(path, "xl/worksheets/sheet2.xml", lambda xml: xml[: len(xml) // 2])
    _refused(demo, path, "hỏng")


def test_printed_header_of_an_unknown_unit(demo, tmp_path):
    wb = workbook(demo)
    del wb["_meta"]
    wb["Báo cáo"]["A2"] = "Đơn vị: Xã Hà Hiệu"
    _refused(demo, save(wb, tmp_path, "ha-hieu.xlsx"), "“Xã Hà Hiệu”", "Huyện Bạch Thông")
