"""`units find`, `units office`, `units header`: today's offices from the national catalog, while
the 2023 district's reports stay exactly as they were."""

import docx
import pytest

from bachthong_desktop.cli import main


def run(capsys, db, *argv):
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def report_text(capsys, db, period, target):
    code, _, err = run(capsys, db, "report", "--period", period, "-o", str(target))
    assert code == 0, err
    word = docx.Document(str(target))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    return "\n".join([*cells, *(p.text for p in word.paragraphs)])


@pytest.fixture
def demo_db(db_path, capsys):
    assert run(capsys, db_path, "demo")[0] == 0
    return db_path


def test_find_without_diacritics_names_code_and_province(capsys, new_db_path):
    db_path = new_db_path
    code, out, _ = run(capsys, db_path, "units", "find", "vinh thong")
    assert code == 0
    assert "01981  Xã Vĩnh Thông, Tỉnh Thái Nguyên" in out
    assert "Vĩnh Thông" in out and "Vinh Thong" not in out


def test_find_whole_words_and_a_short_list(capsys, new_db_path):
    db_path = new_db_path
    _, out, _ = run(capsys, db_path, "units", "find", "vinh")
    assert len([line for line in out.splitlines() if line.startswith("  ")]) == 15
    assert "hãy gõ thêm" in out
    _, out, _ = run(capsys, db_path, "units", "find", "Vĩnh Thông")
    assert "Xã Vĩnh Thông" in out  # with diacritics too


def test_a_name_that_matches_nothing_gets_the_closest(capsys, new_db_path):
    db_path = new_db_path
    code, _, err = run(capsys, db_path, "units", "find", "Phu Thongg")
    assert code == 1
    assert "01969 Xã Phủ Thông, Tỉnh Thái Nguyên" in err


def test_an_unknown_code_gets_the_nearest(capsys, new_db_path):
    db_path = new_db_path
    code, _, err = run(capsys, db_path, "units", "office", "01970")
    assert code == 1
    assert "không có trong danh mục" in err and "01969 Xã Phủ Thông" in err


def test_start_before_the_catalog_is_refused_naming_dates(capsys, new_db_path):
    db_path = new_db_path
    code, _, err = run(capsys, db_path, "units", "office", "19", "--tu-ngay", "30/06/2025")
    assert code == 1
    assert "01/7/2025" in err and "30/6/2025" in err


def test_overlapping_the_predecessor_is_refused(capsys, new_db_path):
    db_path = new_db_path
    assert run(capsys, db_path, "units", "office", "01969", "--tu-ngay", "01/01/2026")[0] == 0
    code, _, err = run(capsys, db_path, "units", "office", "19", "--tu-ngay", "01/07/2025")
    assert code == 1
    assert "Xã Phủ Thông" in err and "01/01/2026" in err


def test_new_database_has_no_office_and_says_what_to_do(capsys, new_db_path):
    db_path = new_db_path
    code, _, err = run(capsys, db_path, "units")
    assert code == 1
    assert "bachthong units office MÃ" in err


def test_period_after_the_district_says_which_office_ended(capsys, demo_db, tmp_path):
    code, _, err = run(capsys, demo_db, "report", "--period", "2026-H1",
                       "-o", str(tmp_path / "r.docx"))
    assert code == 1
    assert "Huyện Bạch Thông đã kết thúc ngày 30/6/2025" in err
    assert "units office" in err
    assert not (tmp_path / "r.docx").exists()


def test_successor_commune_keeps_the_2023_history_whole(capsys, demo_db, tmp_path):
    before = report_text(capsys, demo_db, "2023-H1", tmp_path / "before.docx")
    _, board_before, _ = run(capsys, demo_db, "status", "--period", "2023-H1")

    code, out, err = run(capsys, demo_db, "units", "office", "01969", "--tu-ngay", "01/07/2025")
    assert code == 0, err
    assert "ỦY BAN NHÂN DÂN XÃ PHỦ THÔNG" in out
    # a reused code is a new version: Thị trấn Phủ Thông still reports for 2023
    assert run(capsys, demo_db, "units", "add", "01981", "Xã Vĩnh Thông", "--thuoc", "01969",
               "--tu-ngay", "01/07/2025")[0] == 0

    _, board_after, _ = run(capsys, demo_db, "status", "--period", "2023-H1")
    assert board_after == board_before
    assert "14/14" in board_after and "01969  Thị trấn Phủ Thông" in board_after
    assert "01981  Xã Vũ Muộn" in board_after
    assert report_text(capsys, demo_db, "2023-H1", tmp_path / "after.docx") == before

    now = report_text(capsys, demo_db, "2026-H1", tmp_path / "2026.docx")
    assert "ỦY BAN NHÂN DÂN\nXÃ PHỦ THÔNG" in now
    assert "Phủ Thông, ngày" in now and "tháng 6 năm 2026" in now
    assert "HUYỆN BẠCH THÔNG" not in now
    # the half-year that ended before 1 July is still the district's
    assert "HUYỆN BẠCH THÔNG" in report_text(capsys, demo_db, "2025-H1", tmp_path / "h1.docx")
    assert "XÃ PHỦ THÔNG" in report_text(capsys, demo_db, "2025", tmp_path / "y.docx")


def test_province_office_gets_its_communes_and_wards(capsys, new_db_path):
    db_path = new_db_path
    code, out, err = run(capsys, db_path, "units", "office", "19")
    assert code == 0, err
    assert "92" in out
    _, listing, _ = run(capsys, db_path, "units")
    assert "Các đơn vị báo cáo (92)" in listing and "01969  Xã Phủ Thông" in listing


def test_header_and_signer_from_the_command_line(capsys, new_db_path, tmp_path):
    db_path = new_db_path
    assert run(capsys, db_path, "units", "office", "19", "--nguoi-ky", "Trần Văn Bình")[0] == 0
    code, out, err = run(capsys, db_path, "units", "header", "--cap-tren", "UBND TỈNH THÁI NGUYÊN",
                         "--ten-co-quan", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "--tm", "",
                         "--kt", "KT. GIÁM ĐỐC", "--chuc-vu", "PHÓ GIÁM ĐỐC", "--ky-hieu", "SVHTTDL")
    assert code == 0, err
    text = report_text(capsys, db_path, "2026-H1", tmp_path / "so.docx")
    # the department's name in two lines, broken before "VÀ" (Decree 30, 12-13 pt)
    assert "UBND TỈNH THÁI NGUYÊN\nSỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH" in text
    assert "/BC-SVHTTDL" in text and "Thái Nguyên, ngày" in text
    assert "KT. GIÁM ĐỐC" in text and "Trần Văn Bình" in text and "TM. ỦY BAN" not in text


def test_header_without_changes_is_refused(capsys, new_db_path):
    db_path = new_db_path
    assert run(capsys, db_path, "units", "office", "01969")[0] == 0
    code, _, err = run(capsys, db_path, "units", "header")
    assert code == 1 and "--nguoi-ky" in err


def test_a_commune_without_units_gets_no_empty_templates(capsys, new_db_path, tmp_path):
    db_path = new_db_path
    assert run(capsys, db_path, "units", "office", "01969")[0] == 0
    code, _, err = run(capsys, db_path, "template", "--period", "2026-H1", "--all",
                       "-o", str(tmp_path / "mau"))
    assert code == 1
    assert "Xã Phủ Thông không có đơn vị nào báo cáo" in err and "bachthong send" in err


def test_villages_of_a_commune_get_the_communes_own_codes(capsys, new_db_path, tmp_path):
    import openpyxl

    from bachthong_desktop.core.definition import load_form
    from bachthong_desktop.exchange.xlsx_fill import fill_return

    db_path = new_db_path
    assert run(capsys, db_path, "units", "office", "01969")[0] == 0
    code, out, _ = run(capsys, db_path, "units", "own", "Thôn Nà Pài")
    assert code == 0 and "mã 01969-01" in out
    assert "mã 01969-02" in run(capsys, db_path, "units", "own", "Văn phòng HĐND - UBND")[1]
    folder = tmp_path / "mau"
    assert "Đã tạo 2 mẫu" in run(capsys, db_path, "template", "--period", "2026-H1", "--all",
                                  "-o", str(folder))[1]
    village = next(folder.glob("*01969-01*.xlsx"))
    workbook = openpyxl.load_workbook(village)
    fill_return(workbook, load_form(), {"rebuttal_turns": 7})
    workbook.save(village)
    assert run(capsys, db_path, "import", str(village), "--period", "2026-H1")[0] == 0
    _, board, _ = run(capsys, db_path, "status", "--period", "2026-H1")
    assert "hạn gửi của các thôn, tổ dân phố, bộ phận" in board and "1/2" in board


def test_a_village_name_taken_or_lacking_marks(capsys, new_db_path):
    assert run(capsys, new_db_path, "units", "office", "01969")[0] == 0
    assert run(capsys, new_db_path, "units", "own", "Thôn Nà Bản")[0] == 0
    code, _, err = run(capsys, new_db_path, "units", "own", "THÔN  nà bản")
    assert code == 1 and "Đã có “Thôn Nà Bản” (mã 01969-01)" in err
    assert "mã 01969-02" in run(capsys, new_db_path, "units", "own", "Thôn Nà Bàn")[1]
    code, _, err = run(capsys, new_db_path, "units", "own", "thon na ban")
    assert code == 1 and "gõ thiếu dấu" in err and "--van-them" in err
    code, out, _ = run(capsys, new_db_path, "units", "own", "thon na ban", "--van-them")
    assert code == 0 and "mã 01969-03" in out



def test_the_own_units_help_names_no_level_the_office_may_not_be(capsys, new_db_path):
    """A ward or a special zone adds its tổ dân phố too: the help speaks of the office."""
    try:
        code = run(capsys, new_db_path, "units", "--help")[0]
    except SystemExit as stop:  # argparse ends the program after the help
        code = stop.code
    out = " ".join(capsys.readouterr().out.split())
    assert code == 0
    assert "bộ phận báo cáo cho cơ quan (mã do cơ quan đặt)" in out and "cho xã" not in out
