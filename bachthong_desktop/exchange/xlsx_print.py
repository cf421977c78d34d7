"""How a return prints: A4 at full size, the machine's cells outside the print area, rows tall
enough to write in by hand or to hold their wrapped text, the unit's signature block.

Neither Excel nor LibreOffice grows a row that a file gives a height, nor one it leaves without
a height when it prints, so every row that wraps gets its height here, from its text.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FONT = "Times New Roman"
HAND_ROW = 30  # points (10.6 mm): a row a person writes a figure or a line into
LINE_POINTS = 16  # one wrapped line of 12 pt text
# Excel's column width unit, as both programs turn it into pixels (7 px a character, 5 px of
# padding, at 96 px an inch), and the room a 12 pt Times character takes on average.
_MM_PER_PIXEL = 25.4 / 96
_MM_PER_CHAR = 1.75  # measured 1.4 mm; the rest for words that do not split


def font(**kw) -> Font:
    return Font(name=FONT, size=kw.pop("size", 12), **kw)


def column_mm(width: float) -> float:
    """The printed width of a column of this Excel width."""
    return (width * 7 + 5) * _MM_PER_PIXEL


def wrapped_lines(text, width: float) -> int:
    """How many lines a text wraps to in a column of this width."""
    chars = max(1, int((column_mm(width) - 2) / _MM_PER_CHAR))
    lines = str(text or "").split("\n")
    return sum(max(1, -(-len(line) // chars)) for line in lines)


def fit_row(ws, row: int, least: float = HAND_ROW) -> None:
    """Make a row tall enough for the longest wrapped text in it, and at least `least`."""
    lines = 1
    for cell in ws[row]:
        if cell.value is not None and cell.alignment.wrap_text:
            width = ws.column_dimensions[cell.column_letter].width or 8.43
            lines = max(lines, wrapped_lines(cell.value, width))
    ws.row_dimensions[row].height = max(least, lines * LINE_POINTS + 6)


def print_setup(ws, first_col: int, last_col: int, last_row: int, head_row: int | None,
                landscape: bool = False) -> None:
    """A4, fitted to the page width (at full size when the columns fit), printing only the
    columns a person reads: the code column and the version line lie outside the area."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_area = f"{get_column_letter(first_col)}1:{get_column_letter(last_col)}{last_row}"
    if head_row:
        ws.print_title_rows = f"{head_row}:{head_row}"  # the column titles on every page
    ws.print_options.horizontalCentered = True


def print_to_row(ws, last_row: int) -> None:
    """End the sheet's print area at this row (its columns as they are)."""
    area = str(ws.print_area).split("!")[-1].replace("$", "")
    first, last = area.split(":")
    ws.print_area = f"{first}:{last.rstrip('0123456789')}{last_row}"


# The unit's signature block: words the import reads as a note (table_rows.NOTE_STARTS).
SIGNERS = (("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"),
           ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"))
DATE_LINE = "…………, ngày …… tháng …… năm ……"


def signature_block(ws, row: int, left: int, right: tuple[int, int]) -> int:
    """The date line and the two signers under a sheet's last row; the right signer centred
    across the columns `right` (no merged cells). Returns the block's last row."""
    _centred(ws, row, right, DATE_LINE, font(italic=True))
    for (title, hint), col in zip(SIGNERS, (left, right)):
        _centred(ws, row + 1, col, title, font(bold=True))
        _centred(ws, row + 2, col, hint, font(italic=True))
    for r in (row, row + 1):
        ws.row_dimensions[r].height = 20
    for col in (left, right[0]):  # the hint at the top of a row with room to sign under it
        ws.cell(row=row + 2, column=col).alignment = Alignment(
            horizontal=ws.cell(row=row + 2, column=col).alignment.horizontal, vertical="top")
    ws.row_dimensions[row + 2].height = 90
    return row + 2


def _centred(ws, row: int, cols, text: str, style: Font) -> None:
    first, last = (cols, cols) if isinstance(cols, int) else cols
    for col in range(first, last + 1):
        cell = ws.cell(row=row, column=col)
        cell.alignment = Alignment(horizontal="centerContinuous" if last > first else "center",
                                   vertical="center")
        cell.font = style
    ws.cell(row=row, column=first).value = text
