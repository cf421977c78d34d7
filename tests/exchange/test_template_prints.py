"""The commune template printed: its instructions wrap inside an A4 page (LibreOffice reads it)."""

import re
import subprocess

import openpyxl

from bachthong_desktop.cli import main


def _words(bbox_html: str) -> list[tuple[float, float, float, float, str]]:
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(a), float(b), float(c), float(d), w)
            for a, b, c, d, w in re.findall(pattern, bbox_html)]


def test_the_instructions_stay_inside_the_page_without_overlapping(tmp_path, require_tool):
    soffice = require_tool("soffice", "libreoffice-calc-nogui")
    pdftotext = require_tool("pdftotext", "poppler-utils")
    db = tmp_path / "t.db"
    assert main(["--db", str(db), "demo"]) == 0
    template = tmp_path / "tan-tu.xlsx"
    assert main(["--db", str(db), "template", "--period", "2023-H1", "--unit", "01993",
                 "-o", str(template)]) == 0
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(template)],
                   check=True, capture_output=True, timeout=180)
    page = subprocess.run([pdftotext, "-f", "1", "-l", "1", "-bbox", str(tmp_path / "tan-tu.pdf"),
                           "-"], check=True, capture_output=True, text=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', page).group(1))
    words = _words(page)
    text = " ".join(w[4] for w in words)
    assert "HƯỚNG DẪN ĐIỀN BÁO CÁO" in text
    assert "gửi cho cơ quan đã gửi mẫu này." in text and "huyện" not in text
    assert max(w[2] for w in words) < width - 20  # nothing runs off the right edge
    instructions = [c.value for c in openpyxl.load_workbook(template).worksheets[0]["A"] if c.value]
    assert len(instructions) >= 5
    for sentence in instructions:  # every line printed whole: no row cuts its wrapped lines off
        assert " ".join(sentence.split()) in text, sentence
