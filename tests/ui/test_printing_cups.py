"""Print the report through Qt to a real CUPS queue ("PDF", cups-pdf) and find the printed file."""

import glob
import os
import subprocess
import time
from pathlib import Path

import pytest

from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.ui.printing import print_document, printer_names, write_pdf

QUEUE = "PDF"


def cups_pdf_files() -> set[str]:
    folders = [Path.home() / "PDF", *map(Path, glob.glob("/var/spool/cups-pdf/*"))]
    return {str(p) for folder in folders if folder.is_dir() for p in folder.glob("*.pdf")}


def gray_page(pdf: Path, page: int) -> bytes:
    """Page `page` rendered in grey at 20 dpi: the raw pixels of a PGM."""
    out = subprocess.run(["pdftoppm", "-gray", "-r", "20", "-f", str(page), "-l", str(page),
                          str(pdf)], capture_output=True, check=True).stdout
    header_end = 0
    for _ in range(4):  # "P5", width, height, maxval, separated by white space
        while out[header_end:header_end + 1].isspace():
            header_end += 1
        while not out[header_end:header_end + 1].isspace():
            header_end += 1
    return out[header_end + 1:]


def difference(a: bytes, b: bytes) -> float:
    n = min(len(a), len(b))
    return sum(abs(x - y) for x, y in zip(a[:n], b[:n])) / n


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def cups_queue(qapp, require_tool, tool_missing):
    require_tool("lpstat", "cups")
    require_tool("pdftoppm", "poppler-utils")
    require_tool("pdfinfo", "poppler-utils")
    if QUEUE not in printer_names():
        tool_missing(f"No CUPS printer named {QUEUE}: install cups and printer-driver-cups-pdf, "
                     "then run bash scripts/start-printer.sh.")
    return QUEUE


def wait_for_new_pdf(before: set[str], timeout: float = 60) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = cups_pdf_files() - before
        ready = [p for p in new if os.path.getsize(p) > 0]
        if ready:
            time.sleep(0.5)  # cups-pdf renames the file when it is complete
            return Path(max(ready, key=os.path.getmtime))
        time.sleep(0.5)
    pytest.fail(f"no printed PDF appeared within {timeout:.0f} s in ~/PDF or /var/spool/cups-pdf")


def test_printing_to_cups_pdf_gives_our_pages(cups_queue, demo_session, tmp_path):
    doc = document_for(demo_session, "2023-H1")
    ours = tmp_path / "ours.pdf"
    write_pdf(doc, ours)
    before = cups_pdf_files()
    assert print_document(doc, cups_queue) == cups_queue
    printed = wait_for_new_pdf(before)
    # cups-pdf re-renders through Ghostscript: its fonts lose their text mapping, so compare
    # what a reader sees, page by page, with our own PDF.
    assert page_count(printed) == page_count(ours)
    for page in (1, 2):
        seen = gray_page(printed, page)
        same, other = gray_page(ours, page), gray_page(ours, 3 - page)
        assert difference(seen, same) < difference(seen, other) / 2


def test_print_command_final_keeps_a_pdf_copy(cups_queue, demo_db_path, capsys):
    from bachthong_desktop.cli import main
    from bachthong_desktop.core.issued import list_issued
    from bachthong_desktop.core.session import Session

    before = cups_pdf_files()
    code = main(["--db", demo_db_path, "print", "--period", "2023-H1", "--printer", cups_queue,
                 "--final", "--so", "7"])
    out = capsys.readouterr().out
    assert code == 0 and f"“{cups_queue}”" in out and "bản phát hành" in out
    wait_for_new_pdf(before)
    session = Session(demo_db_path)
    try:
        [version] = list_issued(session.db, "2023-H1")
        assert version.format == "pdf" and version.number == "07/BC-UBND"  # Decree 30: a leading zero below 10
    finally:
        session.close()


@pytest.fixture
def demo_db_path(db_path, capsys):
    from bachthong_desktop.cli import main

    assert main(["--db", str(db_path), "demo"]) == 0
    capsys.readouterr()
    return str(db_path)
