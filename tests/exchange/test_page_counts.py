"""One layout for Word and the printed page: for each situation a clerk meets, LibreOffice's
rendering of our .docx and the program's own PDF (Qt) have the same pages.

Where a page starts a few lines apart in the two (between the first page and the closing),
two things move it, and neither changes the page count: Qt and LibreOffice justify a line
each in their own way, so now and then a word falls on the next line in one of them; and for a
widow in a paragraph longer than three lines Word pulls one more line onto the next page,
where a QTextDocument cannot split a paragraph at a chosen line (it moves short paragraphs
whole, as Word does). So the test holds the count, the page the closing block ("Nơi nhận",
signature) starts on, and the page the appendix starts on, to be the same.
"""

import re
import shutil
import subprocess

import pytest

from bachthong_desktop.core.units import install_history
from bachthong_desktop.core.session import Session
from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.exchange.docx_writer import write_docx

from test_document_situations import BAD_PHRASES, NOTHING_PHRASES
from variants import VARIANTS

TOOLS = {"soffice": "libreoffice-writer-nogui", "pdfinfo": "poppler-utils",
         "pdftotext": "poppler-utils"}


def _need_tools() -> str:
    for tool, package in TOOLS.items():
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: install the Debian package {package}.")
    return shutil.which("soffice")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, qapp):
    """Every variant as .docx and our PDF; LibreOffice converts all the .docx in one run."""
    from bachthong_desktop.ui.printing import write_pdf

    soffice = _need_tools()
    folder = tmp_path_factory.mktemp("variants")
    for name, build in VARIANTS.items():
        session = Session(folder / f"{name}.sqlite3")
        install_history(session.db)  # the variants are the 2023 district's
        doc = document_for(session, build(session))
        write_docx(doc, folder / f"{name}.docx")
        write_pdf(doc, folder / f"{name}.pdf")
        session.close()
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder / "lo"),
                    *(str(folder / f"{name}.docx") for name in VARIANTS)],
                   capture_output=True, timeout=600, check=True)
    return folder


def page_texts(pdf) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for i in range(1, count + 1)]


def first_page_with(pages: list[str], text: str) -> int:
    return next(i for i, page in enumerate(pages, 1) if text in " ".join(page.split()))


@pytest.mark.parametrize("name", list(VARIANTS))
def test_libreoffice_and_our_pdf_have_the_same_pages(rendered, name):
    ours = page_texts(rendered / f"{name}.pdf")
    theirs = page_texts(rendered / "lo" / f"{name}.pdf")
    assert len(ours) == len(theirs), f"{name}: our PDF {len(ours)} pages, LibreOffice {len(theirs)}"
    for landmark in ("Nơi nhận:", "Phụ lục"):
        assert first_page_with(ours, landmark) == first_page_with(theirs, landmark), landmark
    assert "BÁO CÁO" in ours[0] and "BÁO CÁO" in theirs[0]


@pytest.mark.parametrize("name", list(VARIANTS))
def test_no_bad_phrasing_on_the_printed_pages(rendered, name):
    for pdf in (rendered / f"{name}.pdf", rendered / "lo" / f"{name}.pdf"):
        text = " ".join(" ".join(page_texts(pdf)).split())
        for phrase in BAD_PHRASES:
            assert phrase not in text, (pdf.name, phrase)
        if name.endswith("second_half"):
            assert "Từ đầu năm" not in text
            assert not any(phrase in text for phrase in NOTHING_PHRASES), pdf.name


def line_pitches(pdf) -> list[float]:
    """The distances between consecutive text lines of page 1, in points."""
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    tops = [float(y) for y in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)"', out)]
    return [round(b - a, 1) for a, b in zip(tops, tops[1:]) if 0 < b - a < 30]


def test_qt_sets_type_at_true_point_sizes_like_libreoffice(rendered):
    """14 pt body text 1.15-spaced: 18.5 pt from line to line in both (Qt on a 96-dpi device
    would make 14 pt into 14.25 pt and the lines 17.9 pt apart)."""
    ours, theirs = line_pitches(rendered / "demo.pdf"), line_pitches(rendered / "lo" / "demo.pdf")
    body = max(set(theirs), key=theirs.count)
    assert body == pytest.approx(14 * 2355 / 2048 * 1.15, abs=0.15)
    assert max(set(ours), key=ours.count) == pytest.approx(body, abs=0.1)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_our_pdf_holds_each_word_as_often_as_libreoffice(rendered, name):
    """No line drawn twice (clipped away, yet in the text) at a page's top, appendix included."""
    import collections

    def words(pdf):
        text = " ".join(page_texts(pdf))
        return collections.Counter(w.replace("-", "") for w in text.split())

    ours, theirs = words(rendered / f"{name}.pdf"), words(rendered / "lo" / f"{name}.pdf")
    assert ours - theirs == collections.Counter(), name
    assert theirs - ours == collections.Counter(), name
