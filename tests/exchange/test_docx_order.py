"""Word refuses a .docx whose property elements are out of the schema's order: check ours."""

import io
import zipfile

import pytest
from lxml import etree

from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.exchange.docx_writer import docx_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORDER = {  # ECMA-376 sequences of the property elements we write
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
           "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
           "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
           "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
           "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
           "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
             "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
             "tblDescription tblPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
              "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
              "bidi rtlGutter docGrid printerSettings sectPrChange",
}


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_property_elements_are_in_schema_order(demo_session, part):
    data = docx_bytes(document_for(demo_session, "2023-H1"))
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(part))
    wrong = []
    for name, order in ORDER.items():
        order = order.split()
        for element in root.iter(W + name):
            tags = [c.tag.replace(W, "") for c in element if isinstance(c.tag, str)]
            positions = [order.index(t) if t in order else -1 for t in tags]
            if -1 in positions or positions != sorted(positions):
                wrong.append(f"{name}: {tags}")
    assert not wrong, "\n".join(wrong[:10])
