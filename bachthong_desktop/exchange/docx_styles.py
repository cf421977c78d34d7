"""The named Word styles of the report (Decree 30 look), and font helpers for python-docx."""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .layout import BODY_PT, FONT, LOOKS

J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
ALIGN = {"justify": J, "center": C, "left": L}
_STYLE_IDS: WeakKeyDictionary = WeakKeyDictionary()  # document part -> {style name: style id}


def set_style(paragraph, style) -> None:
    """`paragraph.style = style` (a name or a style), each resolved once per document:
    python-docx scans every style of the document at each assignment (`CT_Styles.default_for`),
    even given a style object; in a table of many cells that is most of the writer's time."""
    name = style if isinstance(style, str) else style.name
    ids = _STYLE_IDS.setdefault(paragraph.part, {})
    if name not in ids:
        ids[name] = paragraph.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
    paragraph._p.style = ids[name]


def style_name(look: str) -> str:
    """The Word style of a look of the layout: "heading1" -> "TTDN Heading 1"."""
    return "TTDN " + re.sub(r"(\D)(\d)", r"\1 \2", look).replace("_", " ").title()


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


def add_styles(document) -> dict:
    """Create the report's paragraph styles in a python-docx Document; {look: style}."""
    _defaults(document)
    return {key: _add_style(document, key, look) for key, look in LOOKS.items()}


def _add_style(document, key: str, look):
    style = document.styles.add_style(style_name(key), WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(look.size_pt), look.bold, look.italic
    set_fonts(style.element)
    _size_cs(style.element, look.size_pt)
    fmt = style.paragraph_format
    fmt.alignment = ALIGN[look.align]
    fmt.space_before, fmt.space_after = Pt(look.before_pt), Pt(look.after_pt)
    fmt.line_spacing = look.line_spacing
    fmt.first_line_indent = Mm(look.first_line_mm)
    fmt.widow_control = True
    fmt.keep_with_next = look.keep_with_next or None
    if look.outline_level is not None:
        _outline(style, look.outline_level)
    return style
