"""The named Word styles of the report (Decree 30 look), and font helpers for python-docx."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
BODY_PT = 14
LINE_SPACING = 1.15
FIRST_LINE_CM = 1.27
J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT

# name: (size pt, bold, italic, alignment, first-line indent, space after pt, outline level)
STYLES = {
    "TTDN Body": (BODY_PT, False, False, J, True, 6, None),
    "TTDN Item": (BODY_PT, False, False, J, True, 6, None),
    "TTDN Heading 1": (BODY_PT, True, False, J, True, 6, 0),
    "TTDN Heading 2": (BODY_PT, True, False, J, True, 6, 1),
    "TTDN Heading 3": (BODY_PT, True, True, J, True, 6, 2),
    "TTDN Header": (13, False, False, C, False, 0, None),
    "TTDN Header Bold": (13, True, False, C, False, 0, None),
    "TTDN Motto": (14, True, False, C, False, 0, None),
    "TTDN Date Line": (14, False, True, C, False, 0, None),
    "TTDN Title": (14, True, False, C, False, 0, None),
    "TTDN Trich Yeu": (14, True, False, C, False, 0, None),
    "TTDN Recipients Heading": (12, True, True, L, False, 0, None),
    "TTDN Recipients": (11, False, False, L, False, 0, None),
    "TTDN Signature": (14, True, False, C, False, 0, None),
    "TTDN Table": (12, False, False, C, False, 0, None),
    "TTDN Appendix Note": (14, False, True, C, False, 6, None),
    "TTDN Page Number": (13, False, False, C, False, 0, None),
}
STYLE_OF = {"body": "TTDN Body", "item": "TTDN Item", "heading1": "TTDN Heading 1",
            "heading2": "TTDN Heading 2", "heading3": "TTDN Heading 3"}


def set_fonts(rpr_owner, name: str = FONT) -> None:
    """Times New Roman on all four w:rFonts slots (Word falls back per script otherwise)."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def _size_cs(rpr_owner, pt: float) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    size = OxmlElement("w:szCs")
    size.set(qn("w:val"), str(int(pt * 2)))
    rpr.insert_element_before(size, "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
                              "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                              "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _outline(style, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    ppr.insert_element_before(element, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                              "w:pPrChange")


def _defaults(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element)
    lang = OxmlElement("w:lang")
    for key in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(key), "vi-VN")
    normal.element.get_or_add_rPr().insert_element_before(
        lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")  # Word's spelling checker: Vietnamese
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = OxmlElement("w:rFonts")
                rpr.insert(0, fonts)
            for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(qn(slot), FONT)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(theme), None)


def add_styles(document) -> None:
    """Create the report's paragraph styles in a python-docx Document."""
    _defaults(document)
    for name, (size, bold, italic, align, indent, after, outline) in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.quick_style = True
        font = style.font
        font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
        set_fonts(style.element)
        _size_cs(style.element, size)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before, fmt.space_after = Pt(0), Pt(after)
        fmt.line_spacing = LINE_SPACING if indent else 1.0
        fmt.first_line_indent = Cm(FIRST_LINE_CM) if indent else Cm(0)
        fmt.widow_control = True
        if outline is not None:
            fmt.keep_with_next = True
            _outline(style, outline)
