"""The PDF painted with QtGui alone (QPdfWriter) is the PDF a QPrinter made: same pages, same
title; and the command line's PDF loads no widgets, no print support, no Qt namespace enums."""

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtPrintSupport import QPrinter

from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.ui.pdf_file import write_pdf
from bachthong_desktop.ui.qt_document import (ALIGN, PAGE_NUMBER_ALIGN, black_pen,
                                              paint_document)


def pdf_info(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout


def pages_as_png(path, folder) -> list[bytes]:
    """Each page at 60 dpi, as a reader sees it."""
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(folder / "p")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("p-*.png"))]


def printer_pdf(doc, path) -> None:
    """The report painted on a QPrinter set to PDF (how the program wrote PDFs before)."""
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("bachthong")
    printer.setDocName(doc.trich_yeu)
    paint_document(doc, printer)


def test_the_pdf_writer_paints_the_pages_a_pdf_printer_paints(qapp, demo_session, tmp_path,
                                                              require_tool):
    require_tool("pdftoppm", "poppler-utils")
    doc = document_for(demo_session, "2023-H1")
    ours, printed = tmp_path / "ours.pdf", tmp_path / "printer.pdf"
    write_pdf(doc, ours)
    printer_pdf(doc, printed)
    pages = pages_as_png(ours, tmp_path / "ours")
    assert len(pages) >= 3 and pages == pages_as_png(printed, tmp_path / "printer")
    info = pdf_info(ours)
    assert f"Title:           {doc.trich_yeu}" in info and "Creator:         bachthong" in info


def test_alignments_and_pen_are_qts_own():
    assert ALIGN == {"center": Qt.AlignCenter.value, "justify": Qt.AlignJustify.value,
                     "left": Qt.AlignLeft.value}
    assert PAGE_NUMBER_ALIGN == (Qt.AlignHCenter | Qt.AlignTop).value
    assert black_pen(2.5) == QPen(QColor("black"), 2.5)
    assert black_pen().brush() == QBrush(QColor("black"))


CHECK = """
import sys
from bachthong_desktop.cli import main
code = main(["--db", sys.argv[1], "report", "--period", "2023-H1", "-o", sys.argv[2]])
import PySide6.QtCore
loaded = [m for m in ("PySide6.QtWidgets", "PySide6.QtPrintSupport") if m in sys.modules]
print(code, loaded, "Qt" in vars(PySide6.QtCore))
"""


def test_the_command_lines_pdf_needs_only_qtgui(demo_db, tmp_path):
    """QtWidgets and QtPrintSupport cost ~20 ms to load, the Qt namespace's ~100 enums ~15 ms
    (PySide6 creates them all when one Qt.* value is first used)."""
    pdf = tmp_path / "x.pdf"
    done = subprocess.run([sys.executable, "-c", CHECK, str(demo_db), str(pdf)],
                          capture_output=True, text=True, encoding="utf-8", timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.splitlines()[-1] == "0 [] False", done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")

