"""The named Word styles of the report (Decree 30 look), and font helpers for python-docx.

`add_styles` defines the styles through python-docx's API. Creating them that way takes longer
than writing the whole report (python-docx scans every style of its 360 kB template for each
new one), so the writer inserts them prepared once: resources/docx/report-styles.xml holds what
`add_styles` makes, written by `python -m bachthong_desktop.exchange.docx_styles`; a test
checks that the two give the same styles.xml.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from lxml import etree

from ..core.paths import resources_dir
from .layout import BODY_PT, FONT, LOOKS

J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
ALIGN = {"justify": J, "center": C, "left": L}


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
    if look.left_mm:
        fmt.left_indent = Mm(look.left_mm)
    fmt.widow_control = True
    fmt.keep_with_next = look.keep_with_next or None
    if look.outline_level is not None:
        _outline(style, look.outline_level)
    return style


def prepared_styles_path() -> Path:
    return resources_dir() / "docx" / "report-styles.xml"


def prepared_styles_xml() -> bytes:
    """What `add_styles` adds to python-docx's template, as XML: the elements it changes
    (document defaults, Normal) and the styles it creates, in the template's order."""
    import docx

    template, changed = docx.Document().styles.element, docx.Document()
    add_styles(changed)
    before = {_key(element): etree.tostring(element) for element in template}
    kept = [element for element in changed.styles.element
            if before.get(_key(element)) != etree.tostring(element)]
    root = parse_xml(f"<w:styles {nsdecls('w')}/>")
    root.extend(kept)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)


def _key(element) -> tuple:
    """An element of styles.xml by its kind and, for a style, its id."""
    return element.tag, element.get(qn("w:styleId"))


@cache
def _prepared_bytes() -> bytes:
    return prepared_styles_path().read_bytes()


def use_prepared_styles(document) -> dict[str, str]:
    """Put the prepared styles into a new python-docx Document; {look: style id}.
    An element the template has (defaults, Normal) is replaced in place, a new one appended:
    the same styles.xml as `add_styles` gives, without its per-style scans."""
    styles = document.styles.element
    present = {_key(element): element for element in styles}
    ids = {}
    for element in list(parse_xml(_prepared_bytes())):
        old = present.get(_key(element))
        if old is not None:
            styles.replace(old, element)
        else:
            styles.append(element)
        name = element.find(qn("w:name"))
        if name is not None:
            ids[name.get(qn("w:val"))] = element.get(qn("w:styleId"))
    return {look: ids[style_name(look)] for look in LOOKS}


if __name__ == "__main__":  # rewrite the prepared styles after a change of the layout's looks
    prepared_styles_path().parent.mkdir(parents=True, exist_ok=True)
    prepared_styles_path().write_bytes(prepared_styles_xml())
    print(f"wrote {prepared_styles_path()}", file=sys.stderr)
