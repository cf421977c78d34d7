"""Bold and italic set in the window print in the report: the demo's reference marks in the
model, in Word runs (python-docx and LibreOffice read them), and typed stars print as typed."""

import io
import subprocess

import docx
import pytest

from bachthong_desktop.core import marks
from bachthong_desktop.core.store import TYPED
from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.exchange.docx_writer import docx_bytes

ITALIC_IN_REFERENCE = [
    "khu di tích lịch sử Nà Tu, tại xã Cẩm Giàng; di tích lịch sử Đồn Phủ Thông, tại thị trấn Phủ Thông",
    "thôn Nà Bản, Nà Phát, Nà Lầu, Quyết Thắng",
    "thôn Cáng Lò, Nà Lóc, Nam Yên, Khuổi Bốc, Nà Rào, Ngòan",
    "văn hóa - con người Bạch Thông",
    "đấu tranh được 1086 lượt/41 tài khoản",
]


def flat(text: str) -> str:
    return text.replace("\u00a0", " ")


def looks(doc) -> dict[str, tuple[bool, bool]]:
    """Every run of the body's paragraphs: text -> (bold, italic)."""
    return {flat(r.text): (r.bold, r.italic) for p in doc.body for r in p.runs}


def test_the_demo_prints_the_references_italics_and_bold(demo_session):
    got = looks(document_for(demo_session, "2023-H1"))
    for words in ITALIC_IN_REFERENCE:
        assert got.get(words) == (False, True), words
    assert got.get("10") == (True, False)  # "tại **10** thôn khó khăn" of the BftW project


def _typed(session, code, value):
    session.store.set("2023-H1", session.office.code, code, value, TYPED)
    return document_for(session, "2023-H1")


def test_stars_typed_print_as_typed_and_marks_set_print_as_runs(demo_session):
    typed = f"Tổng 5*2 lượt, **x** và {marks.BOLD_ON}chữ đậm{marks.BOLD_OFF} cùng " \
            f"{marks.BOLD_ON}{marks.ITALIC_ON}đậm nghiêng{marks.ITALIC_OFF}{marks.BOLD_OFF}."
    doc = _typed(demo_session, "staffing", typed)
    para = next(p for p in doc.body if "5*2" in p.text)
    assert [(flat(r.text), r.bold, r.italic) for r in para.runs] == [
        ("Tổng 5*2 lượt, **x** và ", False, False), ("chữ đậm", True, False),
        (" cùng ", False, False), ("đậm nghiêng", True, True), (".", False, False)]


def test_marks_in_list_items_nested_items_and_a_rows_description(demo_session):
    italic = f"{marks.ITALIC_ON}nghiêng{marks.ITALIC_OFF}"
    store, office = demo_session.store, demo_session.office.code
    store.set("2023-H1", office, "limitations", [f"Ý một {italic}."], TYPED)
    store.set("2023-H1", office, "directions", [{"text": f"Mục {italic}",
                                                 "children": [f"Ý nhỏ {italic}"]}], TYPED)
    rows = store.values("2023-H1", office)["ngo_projects"]
    rows[0]["description"] = f"Dự án {italic} ở xã."
    store.set("2023-H1", office, "ngo_projects", rows, TYPED)
    doc = document_for(demo_session, "2023-H1")
    found = [p.text for p in doc.body for r in p.runs if r.text == "nghiêng" and r.italic]
    assert any(t.startswith("- Ý một") for t in found), found
    assert any(t.startswith("1. Mục") for t in found) and any("- Ý nhỏ" in t for t in found)
    assert any(t.startswith("+ Dự án nghiêng") for t in found), found


def word_runs(data: bytes) -> dict[str, tuple]:
    word = docx.Document(io.BytesIO(data))
    return {flat(r.text): (r.bold, r.italic) for p in word.paragraphs for r in p.runs}


def test_word_carries_the_marks_as_runs(demo_session):
    runs = word_runs(docx_bytes(document_for(demo_session, "2023-H1")))
    for words in ITALIC_IN_REFERENCE:
        assert runs.get(words) == (None, True), words
    assert runs.get("10") == (True, None)


def test_libreoffice_reads_the_marks_of_the_word_file(demo_session, tmp_path, require_tool):
    soffice = require_tool("soffice", "libreoffice-writer-nogui")
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(docx_bytes(document_for(demo_session, "2023-H1")))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "html", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    html = " ".join((tmp_path / "bao-cao.html").read_text(encoding="utf-8").split())
    assert "<i>khu di tích lịch sử Nà Tu" in html or "<em>khu di tích lịch sử Nà Tu" in html
    assert "<b>10</b>" in html or "<strong>10</strong>" in html

