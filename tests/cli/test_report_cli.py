"""`bachthong report` and `bachthong print` from the command line."""

import subprocess

import docx
import pytest

from bachthong_desktop.cli import main
from bachthong_desktop.core.issued import list_issued, open_issued
from bachthong_desktop.core.session import Session

from cli_helpers import run


def test_report_docx(capsys, demo_db, tmp_path):
    target = tmp_path / "bao-cao.docx"
    code, out, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o", str(target))
    assert code == 0, err
    assert "Đã ghi báo cáo" in out
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "BÁO CÁO" in text and "06 trang phát thanh" in text


def test_report_pdf(capsys, demo_db, tmp_path, require_tool):
    require_tool("pdftotext", "poppler-utils")
    target = tmp_path / "bao-cao.pdf"
    code, _, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "BÁO CÁO" in text and "Nguyễn Duy Luân" in text


def test_final_report_is_stored_with_its_number_and_date(capsys, demo_db, tmp_path):
    target = tmp_path / "ban-chinh-thuc.docx"
    code, out, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o",
                         str(target), "--final", "--so", "125", "--ngay", "05/6/2023")
    assert code == 0, err
    assert "bản phát hành" in out
    word = docx.Document(str(target))
    header = word.tables[0].rows[0].cells
    assert "Số: 125/BC-UBND" in header[0].text
    assert "Bạch Thông, ngày 05 tháng 6 năm 2023" in header[1].text.replace("\u00a0", " ")
    session = Session(demo_db)
    try:
        [version] = list_issued(session.db, "2023-H1")
        stored = open_issued(session.db, version.id)
        assert stored.content == target.read_bytes()
        assert stored.number == "125/BC-UBND" and stored.format == "docx"
        assert stored.data["indicators"]["radio_pages"]["value"] == 6
        session.store.set("2023-H1", "063", "radio_pages", 9, "typed")
        assert open_issued(session.db, version.id).content == target.read_bytes()
    finally:
        session.close()


def test_not_final_stores_nothing(capsys, demo_db, tmp_path):
    run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o", str(tmp_path / "a.docx"))
    session = Session(demo_db)
    try:
        assert list_issued(session.db) == []
    finally:
        session.close()


@pytest.mark.parametrize("argv, words", [
    (["-o", "bao-cao.txt"], "đuôi .docx"),
    (["-o", "x.docx", "--ngay", "31/02/2023"], "không có thật"),
])
def test_report_mistakes_exit_1_in_vietnamese(capsys, demo_db, tmp_path, monkeypatch, argv, words):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", *argv)
    assert code == 1
    assert err.startswith("Lỗi: ") and words in err and "Traceback" not in err


def test_report_into_a_missing_folder_says_so(capsys, demo_db, tmp_path):
    code, _, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o",
                       str(tmp_path / "khong-co" / "x.docx"))
    assert code == 1 and "Không ghi được tệp" in err


def test_help_lists_report_and_print(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "report" in out and "print" in out
