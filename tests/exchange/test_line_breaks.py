"""A number stays with its word ("6 tháng", "17 lượt", "tại 04 trường") in text a person typed as
in the template's sentences: long texts, list items, a project's own description, in the Word
file (laid out by LibreOffice) and in the program's PDF; what is stored is never changed."""

import re
import subprocess

import docx
import pytest

from bachthong_desktop.exchange.document import NBSP, document_for
from bachthong_desktop.exchange.docx_writer import write_docx
from bachthong_desktop.exchange.line_breaks import kept_together

COUNTED = r"(?:tháng|lượt|trường|thôn|người|buổi)"


def typed_sentence(n: int) -> str:
    return (f"Trong {n % 5 + 2} tháng đơn vị tổ chức {n * 7 % 90 + 10} lượt tuyên truyền tại "
            f"{n % 8 + 2:02d} trường, {n % 6 + 3} thôn với {n * 13 % 400 + 100} người; ")


def typed_text(first: int, last: int) -> str:
    return "".join(typed_sentence(n) for n in range(first, last)).strip()


LONG, ITEM, OTHER, CHILD, OWN = (typed_text(0, 40), typed_text(40, 52), typed_text(52, 60),
                                 typed_text(60, 68), typed_text(68, 76))


@pytest.fixture
def typed(demo_session):
    store = demo_session.store
    store.set_many("2023-H1", "063", {
        "staffing": LONG, "limitations": [ITEM, OTHER],
        "directions": [{"text": ITEM, "children": [CHILD]}],
        "ngo_projects": [{"name": "Dự án A", "description": OWN},
                         {"name": "Dự án B", "purpose": "cấp nước cho 04 trường"}]}, "typed")
    return demo_session


def broken_pairs(pdf_text: str) -> list[str]:
    """Line ends that split a number from the word it counts."""
    lines = [line.strip() for line in pdf_text.splitlines() if line.strip()]
    return [f"{a[-20:]} | {b[:20]}" for a, b in zip(lines, lines[1:])
            if re.search(r"(?<![\d/.-])\d+$", a) and re.match(COUNTED, b)]


def test_the_rule():
    assert kept_together("trong 6 tháng, 17 lượt tại 04 trường") == \
        f"trong 6{NBSP}tháng, 17{NBSP}lượt tại 04{NBSP}trường"
    assert kept_together("năm 2023 trên địa bàn, ngày 21/02/2023 về, giai đoạn 2018-2025 do") == \
        f"năm{NBSP}2023 trên địa bàn, ngày{NBSP}21/02/2023 về, giai đoạn 2018-2025 do"
    assert kept_together("1.086 lượt/41 tài khoản") == f"1.086{NBSP}lượt/41{NBSP}tài khoản"


def test_typed_text_is_kept_together_in_the_document_not_in_the_store(typed):
    doc = document_for(typed, "2023-H1")
    texts = [p.text for p in doc.body]
    staffing = next(t for t in texts if t.replace(NBSP, " ") == LONG)
    assert f"Trong 2{NBSP}tháng" in staffing and f"tại 02{NBSP}trường" in staffing
    for printed in (f"- {ITEM}", f"- {OTHER}", f"1. {ITEM}", f"- {CHILD}", f"+ {OWN}"):
        line = next(t for t in texts if t.replace(NBSP, " ") == printed)
        assert re.search(rf"\d{NBSP}{COUNTED}", line) and not re.search(rf"\d {COUNTED}", line)
    assert f"6{NBSP}tháng đầu năm{NBSP}2023; UBND" in texts[0]  # a typed subject in a sentence
    assert any(f"là cấp nước cho 04{NBSP}trường." in t for t in texts)  # a typed table cell
    stored = typed.store.values("2023-H1", "063")
    assert stored["staffing"] == LONG and NBSP not in stored["limitations"][0]


def test_the_word_file_keeps_them_together_as_libreoffice_lays_it_out(typed, tmp_path,
                                                                         require_tool):
    require_tool("soffice", "libreoffice-writer-nogui")
    require_tool("pdftotext", "poppler-utils")
    path = tmp_path / "bao-cao.docx"
    write_docx(document_for(typed, "2023-H1"), path)
    assert any(f"17{NBSP}lượt" in p.text for p in docx.Document(str(path)).paragraphs)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=180, check=True)
    text = subprocess.run(["pdftotext", str(tmp_path / "bao-cao.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "tuyên truyền" in text
    assert broken_pairs(text) == []


def test_the_programs_pdf_keeps_them_together(qapp, typed, tmp_path, require_tool):
    from bachthong_desktop.ui.pdf_file import write_pdf

    require_tool("pdftotext", "poppler-utils")
    write_pdf(document_for(typed, "2023-H1"), tmp_path / "ours.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "ours.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "tuyên truyền" in text
    assert broken_pairs(text) == []
