"""The report's Word styles come prepared (resources/docx/report-styles.xml): they must be the
styles the layout defines, as python-docx's own API makes them from layout.LOOKS."""

import docx
from lxml import etree

from bachthong_desktop.exchange.docx_styles import (add_styles, prepared_styles_path,
                                                    style_name, use_prepared_styles)
from bachthong_desktop.exchange.layout import LOOKS

REMAKE = "python -m bachthong_desktop.exchange.docx_styles"


def styles_xml(document) -> bytes:
    return etree.tostring(document.styles.element)


def test_the_prepared_styles_are_those_the_layout_defines():
    defined, prepared = docx.Document(), docx.Document()
    add_styles(defined)
    use_prepared_styles(prepared)
    assert styles_xml(prepared) == styles_xml(defined), (
        f"{prepared_styles_path()} is not what the layout's looks give: remake it with `{REMAKE}`")


def test_every_look_has_its_prepared_style_with_its_font_size_and_weight():
    document = docx.Document()
    ids = use_prepared_styles(document)
    assert set(ids) == set(LOOKS)
    for key, look in LOOKS.items():
        style = document.styles[style_name(key)]
        assert style.style_id == ids[key]
        assert style.font.size.pt == look.size_pt and bool(style.font.bold) == look.bold, key
