"""The PDF painted by Qt: Decree 30 page and margins, page numbers, the appendix, no printer."""

import os
import re
import subprocess
import sys

import pytest

from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.ui.printing import write_pdf

MM = 72 / 25.4


@pytest.fixture(autouse=True)
def _poppler(require_tool):
    """Every test here reads the PDF back with pdftotext or pdfinfo."""
    require_tool("pdftotext", "poppler-utils")


def pdf_text(path, *args) -> str:
    return subprocess.run(["pdftotext", "-layout", *args, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def page_sizes(path) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(path)], capture_output=True,
                         text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def word_boxes(path, page: int) -> list[tuple[float, float, str]]:
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(x), float(y), w) for x, y, w in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)]


@pytest.fixture
def report_pdf(qapp, demo_session, tmp_path):
    path = tmp_path / "bao-cao.pdf"
    write_pdf(document_for(demo_session, "2023-H1"), path)
    return path


def test_pdf_holds_the_report_in_vietnamese(report_pdf):
    text = " ".join(pdf_text(report_pdf).split())
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "06 trang phát thanh",
                  "1086 lượt/41 tài khoản", "Nguyễn Duy Luân", "Tổng cộng"):
        assert words in text


def test_a4_portrait_then_a_landscape_appendix(report_pdf):
    sizes = page_sizes(report_pdf)
    assert len(sizes) >= 3
    assert all(round(w) == 595 and round(h) == 842 for w, h in sizes[:-1])
    assert round(sizes[-1][0]) == 842 and round(sizes[-1][1]) == 595
    assert "Phụ lục" in pdf_text(report_pdf, "-f", str(len(sizes)), "-l", str(len(sizes)))


def test_body_starts_at_the_left_margin_and_page_numbers_from_page_two(report_pdf):
    left = min(x for x, _, _ in word_boxes(report_pdf, 2))
    assert abs(left - 30 * MM) < 2 * MM  # 30 mm, not doubled by the document's own margin
    first_words = sorted(word_boxes(report_pdf, 2), key=lambda b: b[1])
    number = first_words[0]
    assert number[2] == "2" and number[1] < 20 * MM
    assert abs(number[0] - (30 + 165 / 2) * MM) < 5 * MM  # centred over the text
    page_one_top = sorted(word_boxes(report_pdf, 1), key=lambda b: b[1])[0]
    assert page_one_top[2] != "1"


def test_print_without_any_printer_says_so_in_vietnamese(db_path):
    env = {**os.environ, "CUPS_SERVER": "localhost:1", "QT_QPA_PLATFORM": "offscreen",
           "BACHTHONG_DB": str(db_path)}
    done = subprocess.run([sys.executable, "-m", "bachthong_desktop.cli", "print", "--period",
                           "2023-H1"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert "chưa có máy in nào" in done.stderr
    assert "Traceback" not in done.stderr


def test_pdf_follows_the_office_margins(qapp, demo_session, tmp_path):
    from bachthong_desktop.exchange.page import set_margin

    set_margin(demo_session.db, "left", 35)
    path = tmp_path / "le-35.pdf"
    write_pdf(document_for(demo_session, "2023-H1"), path)
    left = min(x for x, _, _ in word_boxes(path, 2))
    assert abs(left - 35 * MM) < 2 * MM


def test_signature_page_carries_the_closing_and_no_page_ends_on_a_heading(report_pdf, demo_session):
    headings = {p.text for p in document_for(demo_session, "2023-H1").body
                if p.style.startswith("heading")}
    pages = pdf_text(report_pdf).split("\f")
    signed = next(page for page in pages if "Nguyễn Duy Luân" in page)
    assert "Trên đây là Báo cáo" in " ".join(signed.split())
    for page in pages:
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        assert not lines or lines[-1] not in headings
