"""The program's own PDF (Qt) draws typed bold and italic in their faces: with the body's
runs made plain the page of "Nà Tu" has no italic face; with the demo's typed italics it has."""

import dataclasses
import subprocess

from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.ui.pdf_file import write_pdf

NA_TU = "khu di tích lịch sử Nà Tu"


def page_fonts(pdf, page: int) -> set[str]:
    """The faces a page uses ("Bold", "Italic", ...), as pdffonts lists them."""
    out = subprocess.run(["pdffonts", "-f", str(page), "-l", str(page), str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    return {line.split()[0].rsplit("-", 1)[-1] for line in out.splitlines()[2:]}


def page_of(pdf, words: str) -> int:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = [" ".join(p.replace("\u00a0", " ").split()) for p in text.split("\f")]
    return next(n for n, page in enumerate(pages, 1) if words in page)


def _plain_except(doc, keep: str):
    """The document with every body run plain but the one that starts with `keep`."""
    body = [dataclasses.replace(p, runs=[
        r if r.text.startswith(keep) else dataclasses.replace(r, bold=False, italic=False)
        for r in p.runs]) for p in doc.body]
    return dataclasses.replace(doc, body=body)


def test_the_qt_pdf_draws_a_typed_italic_in_the_italic_face(qapp, demo_session, tmp_path,
                                                            require_tool):
    require_tool("pdffonts", "poppler-utils")
    doc = document_for(demo_session, "2023-H1")
    typed = next(r for p in doc.body for r in p.runs if r.text.startswith(NA_TU))
    assert typed.italic and not typed.bold
    plain, marked = tmp_path / "plain.pdf", tmp_path / "marked.pdf"
    write_pdf(_plain_except(doc, "\uffff"), plain)
    write_pdf(_plain_except(doc, NA_TU), marked)
    page = page_of(marked, NA_TU)
    assert page > 1 and page == page_of(plain, NA_TU)
    assert "Italic" not in page_fonts(plain, page)
    assert "Italic" in page_fonts(marked, page)
