"""LibreOffice, an independent reader, lays out our .docx on as many pages as our own PDF."""

import re
import subprocess

import pytest

from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.exchange.docx_writer import write_docx


@pytest.fixture(autouse=True)
def _readers(require_tool):
    """LibreOffice lays the .docx out; poppler reads both PDFs."""
    require_tool("soffice", "libreoffice-writer-nogui")
    require_tool("pdfinfo", "poppler-utils")


def pages(pdf) -> list[tuple[float, float]]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def test_libreoffice_page_count_matches_our_pdf(qapp, demo_session, tmp_path):
    from bachthong_desktop.ui.printing import write_pdf

    doc = document_for(demo_session, "2023-H1")
    write_docx(doc, tmp_path / "bao-cao.docx")
    write_pdf(doc, tmp_path / "ours.pdf")
    out = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(tmp_path / "bao-cao.docx")],
                   capture_output=True, timeout=180, check=True)
    theirs, ours = pages(out / "bao-cao.pdf"), pages(tmp_path / "ours.pdf")
    assert len(theirs) == len(ours), (len(theirs), len(ours))
    assert theirs[0][0] < theirs[0][1] and theirs[-1][0] > theirs[-1][1]  # appendix landscape
    text = subprocess.run(["pdftotext", str(out / "bao-cao.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "BÁO CÁO" in text and "Độc lập - Tự do - Hạnh phúc" in text
