"""Nơi nhận prints as Decree 30 wants whatever was typed (";" at each item's end, "." and
"- Lưu: VT." last), a wrapped item hangs under its text, and a dash between words never starts
a line as if it were a new item: read back from our PDF and LibreOffice's rendering."""

import re
import subprocess

import pytest

from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.exchange.docx_writer import write_docx
from bachthong_desktop.exchange.recipients import dash_kept, recipient_items
from bachthong_desktop.ui.pdf_file import write_pdf

TYPED = ["Sở Văn hóa, Thể thao và Du lịch (b/c)", "- Thường trực Đảng ủy.",
         "Các cơ quan, đơn vị thuộc UBND xã, các thôn, tổ dân phố trên địa bàn xã", ""]
PRINTED = ["- Sở Văn hóa, Thể thao và Du lịch (b/c);", "- Thường trực Đảng ủy;",
           "- Lưu: VT."]


def test_items_as_decree_30_prints_them():
    assert recipient_items(TYPED) == [
        "Sở Văn hóa, Thể thao và Du lịch (b/c);", "Thường trực Đảng ủy;",
        "Các cơ quan, đơn vị thuộc UBND xã, các thôn, tổ dân phố trên địa bàn xã;", "Lưu: VT."]
    assert recipient_items(["Lưu: VT, VP", "Sở Nội vụ;"]) == ["Sở Nội vụ;", "Lưu: VT, VP."]
    assert recipient_items(["Gửi bản điện tử:", "Sở Nội vụ"]) == [
        "Gửi bản điện tử:", "Sở Nội vụ;", "Lưu: VT."]
    assert recipient_items([]) == ["Lưu: VT."]
    assert dash_kept("(BftW) - CHLB Đức") == "(BftW)\u00a0- CHLB Đức"
    assert dash_kept("- Đầu dòng") == "- Đầu dòng"


def lines(pdf) -> list[tuple[float, str]]:
    """(left edge in points, text) of every text line."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    found = []
    for line in re.findall(r"<line (.*?)</line>", out, re.S):
        left = float(re.search(r'xMin="([\d.]+)"', line).group(1))
        found.append((left, " ".join(re.findall(r">([^<]+)</word>", line))))
    return found


@pytest.fixture
def rendered(qapp, demo_session, tmp_path, require_tool):
    """The report with the recipients as typed and, as its first text, one paragraph for each
    place of a line the dash can fall on (2-3 mm apart): one of them ends its line there."""
    soffice = require_tool("soffice", "libreoffice-writer-nogui")
    require_tool("pdftotext", "poppler-utils")
    paragraphs = [f"Mục {'x' * (n % 8)} {'Nội dung ' * (n // 8)}do tổ chức Bánh mì cho Thế giới "
                  "(BftW) - CHLB Đức tài trợ thực hiện." for n in range(80)]
    demo_session.store.set_many("2023-H1", demo_session.office.code, {
        "recipients": TYPED, "general_situation": "\n".join(paragraphs)}, "typed")
    doc = document_for(demo_session, "2023-H1")
    write_pdf(doc, tmp_path / "r.pdf")
    write_docx(doc, tmp_path / "r.docx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"),
                    str(tmp_path / "r.docx")], capture_output=True, timeout=600, check=True)
    return tmp_path / "r.pdf", tmp_path / "lo" / "r.pdf"


def test_recipients_and_dashes_on_the_printed_page(rendered):
    for pdf in rendered:
        found = lines(pdf)
        texts = [text for _, text in found]
        for item in PRINTED:
            assert item in texts, (pdf, item)
        start = next(i for i, t in enumerate(texts) if t.startswith("- Các cơ quan, đơn vị thuộc UBND"))
        dash_left, wrapped_left = found[start][0], found[start + 1][0]
        assert not found[start + 1][1].startswith("-"), found[start + 1]
        assert wrapped_left - dash_left > 1.5, (pdf, found[start], found[start + 1])  # hangs
        assert texts[texts.index("- Lưu: VT.") - 1].endswith(";")
    for pdf in rendered:
        texts = [text for _, text in lines(pdf)]
        assert not any(text.startswith("- CHLB") for text in texts), pdf
        assert any(text.endswith("(BftW) -") for text in texts), "no dash at a line's end"
