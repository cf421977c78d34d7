"""The templates and the file a commune sends up, printed through LibreOffice: A4 at full size
(text 11 pt or more), nothing over the page edge, no text over other text, the machine's cells
(codes, version line) not printed, the unit's signature block printed; the import still reads
each file."""

import re
import subprocess

import openpyxl
import pytest

from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.units import get_unit
from bachthong_desktop.exchange.importer import import_file
from bachthong_desktop.exchange.upward import write_upward
from bachthong_desktop.exchange.xlsx_template import TemplateInfo, write_template

# Liberation Serif's word box (ascent + descent as poppler reads them) is 1.159 times the size.
BOX_PER_POINT = 1.159
MACHINE_WORDS = ("Mã chỉ tiêu", "rebuttal_turns", "ngo_projects", "Mẫu báo cáo", "phiên bản")
LONG_PURPOSE = ("Hỗ trợ nâng cao năng lực phòng chống thiên tai dựa vào cộng đồng, xây dựng "
                "nhà văn hóa kết hợp nơi tránh trú bão lũ cho các thôn vùng cao, tập huấn "
                "sơ cấp cứu cho học sinh và người dân, trồng rừng phòng hộ đầu nguồn")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r'([^<]*)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def printed(path, tmp_path, require_tool) -> list[dict]:
    """Each printed page of a workbook: its size and words with their boxes."""
    soffice = require_tool("soffice", "libreoffice-calc-nogui")
    pdftotext = require_tool("pdftotext", "poppler-utils")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (path.stem + ".pdf")
    html = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [{"width": float(w), "height": float(h),
             "words": [(float(a), float(b), float(c), float(d), t)
                       for a, b, c, d, t in _WORD.findall(body)]}
            for w, h, body in _PAGE.findall(html)]


def _overlap(a, b) -> bool:
    """Two word boxes drawn over each other: more than the few points by which the boxes of two
    lines of one paragraph meet (a box holds the font's whole ascent and descent)."""
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx > 1 and dy > 0.4 * min(a[3] - a[1], b[3] - b[1])


def assert_prints_well(pages: list[dict]) -> str:
    """A4 pages, every word 11 pt or more, inside the page, over no other word; the text."""
    for number, page in enumerate(pages, start=1):
        assert (round(page["width"]), round(page["height"])) in {(595, 842), (842, 595)}
        words = page["words"]
        sizes = [(w[3] - w[1]) / BOX_PER_POINT for w in words]
        assert min(sizes) >= 10.95, (number, min(zip(sizes, [w[4] for w in words])))
        for w in words:
            assert 10 < w[0] and w[2] < page["width"] - 10 and 10 < w[1] and \
                w[3] < page["height"] - 10, (number, w)
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                assert not _overlap(a, b), (number, a, b)
    return " ".join(w[4] for page in pages for w in page["words"])


def assert_no_machine_words(pages: list[dict]) -> None:
    """No code, no version line on a sheet's pages (the help sheet names the code column)."""
    texts = [" ".join(w[4] for w in page["words"]) for page in pages]
    sheets = [t for t in texts if not t.startswith(("HƯỚNG DẪN", "BÁO CÁO ĐÃ ĐIỀN"))]
    assert len(sheets) < len(texts)
    for word in MACHINE_WORDS:
        assert not [t for t in sheets if word in t], word
    assert "NGƯỜI LẬP BIỂU" in " ".join(sheets) and "THỦ TRƯỞNG ĐƠN VỊ" in " ".join(sheets)


def assert_rows_to_write_in(path) -> None:
    """Every cell a person fills sits in a row at least 8.5 mm (24 pt) tall."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not cell.protection.locked and ws.protection.sheet:
                    assert (ws.row_dimensions[cell.row].height or 0) >= 24, (ws.title, cell)


def cell_texts(path) -> str:
    """Every text cell of a workbook, one a line."""
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows()
                     for c in row if isinstance(c.value, str))


def _template(session, unit_code, period, folder):
    info = TemplateInfo(get_unit(session.db, unit_code), parse_period(period), session.form)
    return write_template(info, folder / f"{unit_code}.xlsx")


def test_the_2023_communes_template_prints_at_full_size(demo_session, tmp_path, require_tool):
    path = _template(demo_session, "01993", "2023-H1", tmp_path)
    pages = printed(path, tmp_path, require_tool)
    text = assert_prints_well(pages)
    assert_no_machine_words(pages)
    assert_rows_to_write_in(path)
    assert "Xã, thị trấn thực hiện" in cell_texts(path)  # the 2023 history keeps its words


@pytest.mark.parametrize("office, unit, radio, where", [
    ("19", "05443", "Đài truyền thanh phường", "Xã, phường thực hiện"),
    ("01969", None, "loa truyền thanh của thôn, tổ dân phố", "Thôn, tổ dân phố thực hiện"),
])
def test_a_2026_template_prints_the_words_of_its_unit(new_session, tmp_path, require_tool,
                                                      office, unit, radio, where):
    set_up_office(new_session.db, office)
    unit = unit or add_own_unit(new_session.db, "Thôn Nà Pài").code
    path = _template(new_session, unit, "2026-H1", tmp_path)
    pages = printed(path, tmp_path, require_tool)
    text = assert_prints_well(pages)
    assert_no_machine_words(pages)
    assert_rows_to_write_in(path)
    cells = cell_texts(path)
    assert f"Tin, bài phát trên {radio}" in cells and where in cells
    assert "thị trấn" not in cells + text and "Đài truyền thanh xã" not in cells + text


def test_the_file_a_commune_sends_up_prints_its_long_texts_inside_their_rows(
        new_session, tmp_path, require_tool):
    set_up_office(new_session.db, "01969")
    projects = [{"name": f"Dự án {n}", "donor": "Tổ chức Tầm nhìn Thế giới", "country": "Hoa Kỳ",
                 "purpose": LONG_PURPOSE, "start": "2026-01-01"} for n in (1, 2, 3)]
    new_session.store.set_many("2026-H1", "01969", {
        "rebuttal_turns": 35, "unit_difficulties": "Thiếu loa truyền thanh. " * 30,
        "ngo_projects": projects}, "office")
    sent = write_upward(new_session, "2026-H1", tmp_path / "gui-len.xlsx")
    pages = printed(sent, tmp_path, require_tool)
    text = assert_prints_well(pages)
    assert_no_machine_words(pages)
    assert " ".join(LONG_PURPOSE.split()[-4:]) in text  # the whole text, none cut off
    assert "nền vàng" not in text and "BÁO CÁO ĐÃ ĐIỀN" in text
    wb = openpyxl.load_workbook(sent)
    assert not [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if c.fill.fill_type == "solid" and str(c.fill.fgColor.rgb).endswith("FFF8DC")]

    province = tmp_path / "tinh.sqlite3"
    from bachthong_desktop.core.session import Session
    receiver = Session(province)
    try:
        set_up_office(receiver.db, "19")
        result = import_file(receiver.store, sent)
        assert result.ok, result.message
        figures = receiver.compile("2026-H1")
        assert [p["purpose"] for p in figures["ngo_projects"].value] == [LONG_PURPOSE] * 3
        assert not [n for n in result.notes if "LẬP BIỂU" in n.upper()]
    finally:
        receiver.close()
