"""A report printed or exported while a check fails says "DỰ THẢO" (Decree 30: boxed, at the
top right of its first page), in our PDF, in the .docx as LibreOffice renders it, and in the
window's preview; an issued copy and a report whose checks pass never do."""

import subprocess

from PySide6.QtPrintSupport import QPrinter

from bachthong_desktop.cli import main
from bachthong_desktop.core.issued import list_issued, open_issued
from bachthong_desktop.core.session import Session
from bachthong_desktop.ui.preview_tab import PreviewTab

MARK = "DỰ THẢO"


def page_texts(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def to_pdf(soffice, docx, folder):
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(docx)],
                   capture_output=True, timeout=300, check=True)
    return folder / "lo" / (docx.stem + ".pdf")


def test_a_draft_says_so_on_its_first_page_only(qapp, db_path, tmp_path, require_tool):
    soffice = require_tool("soffice", "libreoffice-writer-nogui")
    require_tool("pdftotext", "poppler-utils")
    for suffix in ("pdf", "docx"):  # 2023-H2: nothing entered, the required fields fail
        assert main(["--db", str(db_path), "report", "--period", "2023-H2",
                     "-o", str(tmp_path / f"nhap.{suffix}")]) == 0
    for pdf in (tmp_path / "nhap.pdf", to_pdf(soffice, tmp_path / "nhap.docx", tmp_path)):
        pages = page_texts(pdf)
        assert len(pages) >= 2, pdf
        first = pages[0].split()
        assert " ".join(first[:2]) == MARK, (pdf, first[:8])  # above the header
        assert all(MARK not in page for page in pages[1:]), pdf


def test_an_issued_report_and_a_passing_one_carry_no_mark(qapp, db_path, tmp_path, capsys):
    db = str(db_path)
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "report", "--period", "2023-H1", "-o", str(tmp_path / "a.pdf")]) == 0
    assert main(["--db", db, "report", "--period", "2023-H1", "-o", str(tmp_path / "b.pdf"),
                 "--final", "--so", "5", "--ngay", "20/6/2023"]) == 0
    session = Session(db_path)
    issued = open_issued(session.db, list_issued(session.db, "2023-H1")[0].id)
    session.close()
    (tmp_path / "issued.pdf").write_bytes(issued.content)
    for name in ("a.pdf", "b.pdf", "issued.pdf"):
        assert MARK not in " ".join(page_texts(tmp_path / name)), name


def test_the_window_preview_shows_the_mark_while_checks_fail(qtbot, demo_session, tmp_path):
    def previewed(period):
        tab = PreviewTab(demo_session, period)
        qtbot.addWidget(tab)
        printer = QPrinter(QPrinter.HighResolution)
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"{period}.pdf"))
        tab._paint(printer)  # what the preview widget paints
        return page_texts(tmp_path / f"{period}.pdf")

    assert MARK in previewed("2023-H2")[0]
    assert MARK not in " ".join(previewed("2023-H1"))
