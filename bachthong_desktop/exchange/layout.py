"""The page's look, written once: sizes in points, widths in millimetres, rules and spacing.

The Word writer (python-docx) and the Qt renderer (PDF, printer, preview) both read this
module, so the .docx and the printed page are laid out alike. No Qt, no python-docx here.
"""

from __future__ import annotations

from dataclasses import dataclass

FONT = "Times New Roman"
A4_MM = (210.0, 297.0)
BODY_PT = 14.0
LINE_SPACING = 1.15  # body lines, a multiple of the font's line height (Word's "Multiple")
FIRST_LINE_MM = 12.7
HEADER_DISTANCE_MM = 8.0  # from the paper's top edge to the page number
# One line of Times New Roman (and its metric twin Liberation Serif) in em: ascent 1825 +
# descent 443 + line gap 87 units of 2048. Word and LibreOffice space lines by it.
FONT_LINE_EM = (1825 + 443 + 87) / 2048


@dataclass(frozen=True)
class Look:
    """How one kind of paragraph looks."""

    size_pt: float
    bold: bool = False
    italic: bool = False
    align: str = "center"  # center | justify | left
    first_line_mm: float = 0.0  # negative with left_mm: a hanging indent
    left_mm: float = 0.0
    before_pt: float = 0.0
    after_pt: float = 0.0
    line_spacing: float = 1.0
    keep_with_next: bool = False
    outline_level: int | None = None

    @property
    def line_pt(self) -> float:
        """The distance from one line to the next, in points."""
        return self.size_pt * FONT_LINE_EM * self.line_spacing


_BODY = dict(size_pt=BODY_PT, align="justify", first_line_mm=FIRST_LINE_MM, after_pt=6,
             line_spacing=LINE_SPACING)
LOOKS = {
    "body": Look(**_BODY),
    "item": Look(**_BODY),
    "heading1": Look(**_BODY, bold=True, keep_with_next=True, outline_level=0),
    "heading2": Look(**_BODY, bold=True, keep_with_next=True, outline_level=1),
    "heading3": Look(**_BODY, bold=True, italic=True, keep_with_next=True, outline_level=2),
    "header": Look(13),
    "header_bold": Look(13, bold=True),
    "header_small": Look(12),  # a long name: Decree 30 allows 12 pt
    "header_bold_small": Look(12, bold=True),
    "number_line": Look(13),
    "nation": Look(13, bold=True),
    "motto": Look(14, bold=True),
    "date_line": Look(14, italic=True),
    "title": Look(14, bold=True, before_pt=18),
    "trich_yeu": Look(14, bold=True),
    "recipients_heading": Look(12, bold=True, italic=True, align="left", before_pt=12),
    "recipients_note": Look(11, italic=True, align="left"),
    # a wrapped item starts under its text, not under its "- " (2.3 mm at 11 pt)
    "recipients": Look(11, align="left", left_mm=2.3, first_line_mm=-2.3),
    "signature": Look(14, bold=True),
    "signature_first": Look(14, bold=True, before_pt=12),
    "signer_name": Look(14, bold=True, before_pt=84),  # room for the signature and the seal
    "appendix_heading": Look(14, bold=True),
    "appendix_title": Look(14, bold=True),
    "appendix_note": Look(14, italic=True, after_pt=6),
    "table": Look(12),
    "table_name": Look(12, align="left"),
    "page_number": Look(13),
    "draft_mark": Look(14, bold=True),
}


@dataclass(frozen=True)
class Rule:
    """A short centred horizontal line under a header line or the title."""

    width_mm: float
    before_pt: float = 3.0
    after_pt: float = 0.0
    thickness_pt: float = 0.75


# the widths are measured from the text above each rule (exchange/header_fit.py)
ISSUER_RULE = Rule(0, after_pt=6)
MOTTO_RULE = Rule(0, after_pt=6)  # as long as "Độc lập - Tự do - Hạnh phúc" in bold 14 pt
TRICH_YEU_RULE = Rule(0, after_pt=12)
HEADER_COLUMNS_MM = (64.0, 104.0)  # issuing body | national motto
# Decree 30, Appendix I: a draft says "DỰ THẢO" (caps, bold, 13-14 pt, in a single-line box) at
# the top right of its first page, over the national motto; here in the top margin, from the
# page number's height, so a draft breaks its pages where the issued report will.
DRAFT_MARK = "DỰ THẢO"
DRAFT_BOX_MM = 32.0  # the box's width; its centre is the motto column's
DRAFT_BORDER_PT = 0.75


def draft_box_mm() -> tuple[float, float]:
    """From the text's left edge: where the draft mark's box starts and ends."""
    centre = HEADER_COLUMNS_MM[0] + HEADER_COLUMNS_MM[1] / 2
    return centre - DRAFT_BOX_MM / 2, centre + DRAFT_BOX_MM / 2
FOOT_COLUMNS_MM = (78.0, 87.0)  # recipients | signature
APPENDIX_FIXED_MM = (12.0, 45.0)  # "STT" | the unit's name; the figures share the rest
TABLE_PADDING_PT = 1.5
TABLE_BORDER_PT = 0.75  # Qt draws no table border thinner than one 96-dpi pixel


def text_width_mm(margins, landscape: bool = False) -> float:
    """The width between the margins of an A4 page."""
    paper = A4_MM[1] if landscape else A4_MM[0]
    return paper - margins.left - margins.right


def appendix_widths_mm(columns: int, width_mm: float) -> list[float]:
    """The appendix table's column widths filling the text width."""
    fixed = list(APPENDIX_FIXED_MM)
    rest = (width_mm - sum(fixed)) / max(1, columns - len(fixed))
    return fixed + [rest] * (columns - len(fixed))
