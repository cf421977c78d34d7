"""Setting a paragraph's style by name once resolved writes what python-docx itself writes."""

import docx
from docx.oxml.ns import qn

from bachthong_desktop.exchange.docx_styles import add_styles, set_style


def style_ids(paragraphs) -> list:
    return [p._p.find(qn("w:pPr") + "/" + qn("w:pStyle")) is not None and p._p.style
            for p in paragraphs]


def test_set_style_writes_the_same_style_as_python_docx_in_body_cells_and_header():
    ours, theirs = docx.Document(), docx.Document()
    for document, apply in ((ours, set_style), (theirs, lambda p, name: setattr(p, "style", name))):
        add_styles(document)
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        header = document.sections[0].header
        for container in (document, cell, header, document):
            for name in ("TTDN Body", "TTDN Table", "Normal", "TTDN Body"):
                apply(container.add_paragraph(), name)
            apply(container.add_paragraph(), document.styles["TTDN Table"])  # a style object
    for container in (lambda d: d, lambda d: d.tables[0].rows[0].cells[0],
                      lambda d: d.sections[0].header):
        assert style_ids(container(ours).paragraphs) == style_ids(container(theirs).paragraphs)
    assert style_ids(ours.paragraphs)[:4] == ["TTDNBody", "TTDNTable", False, "TTDNBody"]
