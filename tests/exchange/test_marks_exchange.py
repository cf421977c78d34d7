"""The Excel exchange carries plain text: the file an office sends holds no mark of the
window's, a commune's bold or italic in a cell is dropped with a note, and no private-use
character of a file ever becomes a mark."""

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from xlsx_fixtures import VALUES, save, value_cell, workbook

from bachthong_desktop.core import marks
from bachthong_desktop.exchange.importer import import_file

P = "2023-H1"
SHEET = "Khó khăn, đề xuất"


def test_a_marked_text_goes_into_the_file_as_plain_text(session, tmp_path):
    typed = f"Đài {marks.BOLD_ON}xuống cấp{marks.BOLD_OFF}, 5*2 **x**."
    wb = workbook(session, values={**VALUES, "unit_difficulties": typed,
                                   "ngo_projects": [{"name": f"{marks.ITALIC_ON}Dự án{marks.ITALIC_OFF} A"}]})
    path = save(wb, tmp_path)
    read = openpyxl.load_workbook(path)
    assert value_cell(read[SHEET], "unit_difficulties", 3).value == "Đài xuống cấp, 5*2 **x**."
    texts = [c.value for ws in read for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert "Dự án A" in texts and not any(marks.has_marks(t) for t in texts)


def test_bold_in_a_communes_cell_is_dropped_with_a_note(session, tmp_path):
    wb = workbook(session)
    value_cell(wb[SHEET], "unit_difficulties", 3).value = CellRichText(
        "Đài ", TextBlock(InlineFont(b=True), "xuống cấp"), " nặng.")
    path = save(wb, tmp_path)
    result = import_file(session.store, path, period=P)
    assert result.outcome != "refused", result.message
    assert session.store.get(P, "01975", "unit_difficulties") == "Đài xuống cấp nặng."
    assert any("in đậm, in nghiêng" in n and "không được giữ" in n for n in result.notes)


def test_private_use_characters_from_a_file_are_no_marks(session, tmp_path):
    wb = workbook(session)
    value_cell(wb[SHEET], "unit_difficulties", 3).value = (
        f"Đài {marks.BOLD_ON}xuống{marks.BOLD_OFF} cấp 5*2 **x**\ue000.")
    result = import_file(session.store, save(wb, tmp_path), period=P)
    assert session.store.get(P, "01975", "unit_difficulties") == "Đài xuống cấp 5*2 **x**."
    assert not any("in đậm" in n for n in result.notes)
