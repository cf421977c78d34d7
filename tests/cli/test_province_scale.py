"""A province at full scale: 92 communes and wards get templates, send them back, and the
report's appendix lists all 92 on pages that LibreOffice and the program count alike."""

import json
import re
import shutil
import subprocess

import openpyxl

from bachthong_desktop.cli import main
from bachthong_desktop.core.definition import load_form
from bachthong_desktop.exchange.xlsx_fill import fill_return

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def run(capsys, db, *argv):
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def page_count(pdf) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def test_92_communes_and_wards_report_to_their_province(capsys, new_db_path, tmp_path, qapp):
    db, folder = new_db_path, tmp_path / "mau"
    folder.mkdir()
    run(capsys, db, "units", "office", "19")
    assert "Đã tạo 92 mẫu" in run(capsys, db, "template", "--period", "2026-H1", "--all",
                                    "-o", str(folder))
    files = sorted(folder.glob("*.xlsx"))
    assert len(files) == 92
    form = load_form()
    for i, path in enumerate(files, 1):
        workbook = openpyxl.load_workbook(path)
        fill_return(workbook, form, {"rebuttal_turns": i, "foreign_visitors": i % 3,
                                     "plan_issued": i % 4 != 0})
        workbook.save(path)

    run(capsys, db, "import", str(folder), "--period", "2026-H1")
    assert "Đã có báo cáo của 92/92 xã, phường" in run(capsys, db, "status", "--period", "2026-H1")
    shown = json.loads(run(capsys, db, "show", "--period", "2026-H1", "--json"))["indicators"]
    assert shown["rebuttal_turns"]["total"] == sum(range(1, 93))
    assert shown["foreign_visitors"]["total"] == sum(i % 3 for i in range(1, 93))
    assert shown["plan_issued"]["total"] == round(100 * 69 / 92)

    word, ours = tmp_path / "bao-cao.docx", tmp_path / "bao-cao.pdf"
    run(capsys, db, "report", "--period", "2026-H1", "-o", str(word))
    run(capsys, db, "report", "--period", "2026-H1", "-o", str(ours))
    text = subprocess.run(["pdftotext", "-layout", str(ours), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Xã Phủ Thông" in text and "Phường Phổ Yên" in text and "Xã Bạch Thông" in text
    assert text.count("Xã, phường") >= 2  # the appendix's header repeated on its next page
    lo = tmp_path / "lo"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(lo), str(word)],
                   capture_output=True, timeout=180, check=True)
    assert page_count(lo / "bao-cao.pdf") == page_count(ours)
