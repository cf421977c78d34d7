"""Long names in the header as Decree 30 sets them, read back from our PDF and from LibreOffice's
rendering of the .docx: the issuing body in at most two lines at 12-13 pt, broken between words
that belong together, "Số:" on the date's line, the rules a third to a half of the text above."""

import re
import subprocess

import pytest

from bachthong_desktop.cli import main
from bachthong_desktop.exchange.header_fit import fit_header, two_lines
from bachthong_desktop.exchange.document import Header

WARD = ["units", "office", "05443"]  # Phường Phan Đình Phùng, Thái Nguyên
DEPARTMENT = ["units", "header", "--cap-tren", "UBND TỈNH THÁI NGUYÊN",
              "--ten-co-quan", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]


def header(parent: str, *issuer: str) -> Header:
    return Header(parent, list(issuer), "Số:", "CỘNG HÒA", "Độc lập - Tự do - Hạnh phúc", "")


def test_long_names_break_between_words_that_belong_together():
    ward = fit_header(header("", "ỦY BAN NHÂN DÂN", "PHƯỜNG PHAN ĐÌNH PHÙNG"))
    assert (ward.size_pt, ward.issuer_lines) == (12, ["ỦY BAN NHÂN DÂN", "PHƯỜNG PHAN ĐÌNH PHÙNG"])
    department = fit_header(header("UBND TỈNH THÁI NGUYÊN", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"))
    assert department.size_pt == 13
    assert department.issuer_lines == ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]
    district = fit_header(header("", "ỦY BAN NHÂN DÂN", "HUYỆN BẠCH THÔNG"))
    assert (district.size_pt, district.issuer_lines) == (13, ["ỦY BAN NHÂN DÂN", "HUYỆN BẠCH THÔNG"])
    assert two_lines("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", 13, 50) == ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]
    assert two_lines("TRUNG TÂM VĂN HÓA VÀ THỂ THAO", 13, 60) == [
        "TRUNG TÂM VĂN HÓA", "VÀ THỂ THAO"]  # never "… VĂN HÓA VÀ / THỂ THAO"
    assert two_lines("TRUNG TÂM VĂN HÓA VÀ THỂ THAO", 13, 52) is None  # never "VĂN / HÓA"


def run(db, *argv):
    assert main(["--db", str(db), *argv]) == 0


def lines_of(pdf) -> list[tuple[float, float, float, str]]:
    """(top, left, right, text) of each text line of page 1, in points."""
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = []
    for line in re.findall(r"<line (.*?)</line>", out, re.S):
        x0, y0, x1 = (float(v) for v in re.findall(
            r'(?:xMin|yMin|xMax)="([\d.]+)"', line.split(">")[0])[:3])
        words = re.findall(r">([^<]+)</word>", line)
        found.append((y0, x0, x1, " ".join(words)))
    return found


def rules_of(pdf, folder) -> list[tuple[float, float]]:
    """(top in points, length in mm) of each thin black horizontal line in page 1's top half."""
    subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-gray", str(pdf),
                    str(folder / "rules")], check=True)
    data = next(folder.glob("rules*.pgm")).read_bytes()
    _, size, _, pixels = data.split(b"\n", 3)
    width, height = map(int, size.split())
    found = []
    for y in range(height // 2):
        row = pixels[y * width:(y + 1) * width]
        for run in re.finditer(rb"[\x00-\x60]{120,}", row):  # 10 mm or longer at 300 dpi
            found.append((y * 72 / 300, (run.end() - run.start()) * 25.4 / 300))
    rules = []  # a line a few pixels thick: its first row
    for top, length in found:
        if not any(abs(top - t) < 2 and abs(length - l) < 1 for t, l in rules):
            rules.append((top, length))
    return rules


def text_width_mm(lines, text) -> float:
    line = next(x for x in lines if x[3] == text)
    return (line[2] - line[1]) * 25.4 / 72


@pytest.mark.parametrize("office", ["ward", "department"])
def test_header_in_our_pdf_and_in_libreoffice(qapp, new_db_path, tmp_path, require_tool, office):
    soffice = require_tool("soffice", "libreoffice-writer-nogui")
    require_tool("pdftoppm", "poppler-utils")
    run(new_db_path, *WARD) if office == "ward" else run(new_db_path, "units", "office", "19")
    if office == "department":
        run(new_db_path, *DEPARTMENT)
    for suffix in ("pdf", "docx"):
        run(new_db_path, "report", "--period", "2026", "-o", str(tmp_path / f"r.{suffix}"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"),
                    str(tmp_path / "r.docx")], capture_output=True, timeout=300, check=True)
    names = (["ỦY BAN NHÂN DÂN", "PHƯỜNG PHAN ĐÌNH PHÙNG"] if office == "ward"
             else ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"])
    for pdf in (tmp_path / "r.pdf", tmp_path / "lo" / "r.pdf"):
        lines = lines_of(pdf)
        texts = [x[3] for x in lines]
        assert all(name in texts for name in names), (pdf, texts[:8])
        number = next(x for x in lines if x[3].startswith("Số:"))
        date = next(x for x in lines if ", ngày" in x[3])
        assert abs(number[0] - date[0]) < 1.5, (pdf, number, date)  # one line
        rules = [r for r in rules_of(pdf, pdf.parent) if r[0] > 56]  # not the DỰ THẢO box
        widest = max(text_width_mm(lines, name) for name in names)
        issuer_rule = next(length for top, length in rules if length < 40)
        assert widest / 3 - 0.5 <= issuer_rule <= widest / 2 + 0.5, (pdf, widest, rules)
        trich_yeu = next(x for x in lines if x[3].startswith("Công tác thông tin đối ngoại"))
        last = max(length for top, length in rules if top > trich_yeu[0])
        trich_yeu_mm = (trich_yeu[2] - trich_yeu[1]) * 25.4 / 72
        assert trich_yeu_mm / 3 - 0.5 <= last <= trich_yeu_mm / 2 + 0.5, (pdf, trich_yeu_mm, rules)
