"""`bachthong template / import / status / trace` as a user types them."""

import openpyxl

from bachthong_desktop.cli import main


def _run(capsys, db, *args):
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def _fill(path, **values):
    wb = openpyxl.load_workbook(path)
    ws = wb["Báo cáo"]
    for row in ws.iter_rows(min_row=7):
        if row[0].value in values:
            row[4].value = values[row[0].value]
    wb.save(path)
    return path


def test_template_all_then_import_status_trace(tmp_path, capsys, db_path):
    db, out = db_path, tmp_path / "mau"
    code, text = _run(capsys, db, "template", "--period", "2023-H1", "--all", "-o", str(out))
    assert code == 0 and "14 mẫu" in text
    files = sorted(out.glob("*.xlsx"))
    assert files[1].name == "bao-cao-ttdn_2023-H1_01975_xa-vi-huong.xlsx"
    good = _fill(files[1], rebuttal_turns="1.086", plan_issued="Có")
    bad = _fill(files[2], rebuttal_turns="12,5")
    code, text = _run(capsys, db, "import", "--period", "2023-H1", "--dry-run", str(good))
    assert code == 0 and "Sẽ lưu" in text and "Chạy thử" in text
    code, text = _run(capsys, db, "import", str(good), str(bad))
    assert code == 1
    assert "Lưu: Xã Vi Hương (01975), kỳ 6 tháng đầu năm 2023, bản 1" in text
    assert f"Tệp “{bad.name}”, trang “Báo cáo”, ô E12" in text and "TỪ CHỐI" in text
    code, text = _run(capsys, db, "import", str(good))
    assert code == 0 and "Không thay đổi" in text
    code, text = _run(capsys, db, "status", "--period", "2023-H1")
    assert "Xã Vi Hương: Nộp muộn" in text  # 2023 is past
    assert "Xã Sĩ Bình: Bị từ chối: ô E12" in text and "Xã Tân Tú: Chưa nhận" in text
    assert "1/14 xã, thị trấn (7 %)" in text
    code, text = _run(capsys, db, "trace", "--period", "2023-H1", "rebuttal_turns")
    assert code == 0 and "1086" in text and f"tệp “{good.name}”, trang “Báo cáo”, ô E12" in text


def test_template_for_one_unit_by_name(tmp_path, capsys, db_path):
    target = tmp_path / "si-binh.xlsx"
    code, text = _run(capsys, db_path, "template", "--period", "2023-H1",
                      "--unit", "xã Sỹ Bình", "-o", str(target))
    assert code == 0 and target.exists() and "Xã Sĩ Bình" in text


def test_unknown_unit_and_code_are_user_errors(tmp_path, capsys, db_path):
    db = db_path
    code, text = _run(capsys, db, "template", "--period", "2023-H1", "--unit", "Hà Nội",
                      "-o", str(tmp_path / "x.xlsx"))
    assert code == 1 and "Hà Nội" in text
    code, text = _run(capsys, db, "trace", "--period", "2023-H1", "khong_co")
    assert code == 1 and "khong_co" in text


def test_import_a_folder_of_returns(tmp_path, capsys, db_path):
    db, out = db_path, tmp_path / "mau"
    _run(capsys, db, "template", "--period", "2023-H1", "--all", "-o", str(out))
    for path in sorted(out.glob("*.xlsx"))[:3]:
        _fill(path, rebuttal_turns=5)
    code, text = _run(capsys, db, "import", "--period", "2023-H1", str(out))
    assert code == 1  # the 11 blank templates are refused, the 3 filled ones stored
    assert "3 tệp đã lưu, 11 tệp bị từ chối" in text and "chưa có số liệu nào" in text
