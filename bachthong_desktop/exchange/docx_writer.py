"""Write the report's document model as a Decree 30 Word file (python-docx)."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as Paragraph_

from . import layout
from .docx_styles import add_styles, set_fonts, set_style, style_name
from .document import Appendix, Document, Paragraph
from .inline import Run
from .layout import FOOT_COLUMNS_MM, HEADER_COLUMNS_MM, ISSUER_RULE, MOTTO_RULE, TRICH_YEU_RULE

A4 = (Mm(layout.A4_MM[0]), Mm(layout.A4_MM[1]))
# Word refuses a file whose elements are out of the schema's order: what follows w:pBdr.
PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                  "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _run(paragraph, run: Run, size: float | None = None):
    r = paragraph.add_run(run.text)
    if run.bold:
        r.bold = True
    if run.italic:
        r.italic = True
    if size:
        r.font.size = Pt(size)
    set_fonts(r._element)
    return r


def _para(container, style: str, runs: list[Run] | str, size: float | None = None):
    p = container.add_paragraph()
    set_style(p, style)
    for run in ([Run(runs)] if isinstance(runs, str) else runs):
        _run(p, run, size)
    return p


def _rule(container, rule: layout.Rule, cell_mm: float):
    """A short centred horizontal rule: an empty paragraph with a bottom border."""
    p = container.add_paragraph()
    set_style(p, style_name("header"))
    fmt = p.paragraph_format
    side = Mm(max(0.0, (cell_mm - rule.width_mm) / 2))
    fmt.left_indent = fmt.right_indent = side
    fmt.space_before, fmt.space_after = Pt(rule.before_pt), Pt(rule.after_pt)
    fmt.line_spacing = Pt(3)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(round(rule.thickness_pt * 8))), ("space", "1"),
                       ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(borders, *PPR_AFTER_PBDR)
    return p


def _borders(table, width_pt: float | None = None) -> None:
    """The table's lines: none, or single black lines of the layout's width."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        if width_pt is None:
            element.set(qn("w:val"), "nil")
        else:
            for key, value in (("val", "single"), ("sz", str(round(width_pt * 8))),
                               ("space", "0"), ("color", "000000")):
                element.set(qn(f"w:{key}"), value)
        borders.append(element)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                 "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _cell_margins(table, pt: float) -> None:
    """The same space inside each cell as the Qt page has (Word's default is 1.9 mm a side)."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(pt * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption",
                                           "w:tblDescription", "w:tblPrChange")


def _table(document, widths_mm, rows: int = 1, style: str | None = None):
    """A table whose grid and cells both carry the widths (LibreOffice reads the grid)."""
    table = document.add_table(rows=rows, cols=len(widths_mm))
    if style:
        table.style = document.styles[style]
        _borders(table, layout.TABLE_BORDER_PT)
    else:
        _borders(table)
    _cell_margins(table, layout.TABLE_PADDING_PT if style else 0)
    table.autofit = False
    for i, mm in enumerate(widths_mm):
        table.columns[i].width = Mm(mm)
        for cell in table.columns[i].cells:
            cell.width = Mm(mm)
    return table


def _first(cell, look: str, text: str | list[Run]):
    """The cell's own first paragraph, in a look of the layout."""
    p = cell.paragraphs[0]
    set_style(p, style_name(look))
    for run in ([Run(text)] if isinstance(text, str) else text):
        _run(p, run)
    return p


def _header(document, doc: Document) -> None:
    h = doc.header
    left_mm, right_mm = HEADER_COLUMNS_MM
    left, right = _table(document, HEADER_COLUMNS_MM).rows[0].cells
    lines = [("header", h.parent_body)] if h.parent_body else []
    lines += [("header_bold", line) for line in h.issuer_lines]
    _first(left, *lines[0])
    for look, line in lines[1:]:
        _para(left, style_name(look), line)
    _rule(left, ISSUER_RULE, left_mm)
    _para(left, style_name("number_line"), h.number_line)
    _first(right, "nation", h.nation)
    _para(right, style_name("motto"), h.motto)
    _rule(right, MOTTO_RULE, right_mm)
    _para(right, style_name("date_line"), h.date_line)


def _title(document, doc: Document) -> None:
    _para(document, style_name("title"), doc.title)
    _para(document, style_name("trich_yeu"), doc.trich_yeu)
    _rule(document, TRICH_YEU_RULE, layout.text_width_mm(doc.margins))


def _body(document, paragraphs: list[Paragraph]) -> None:
    styles = {}
    for paragraph in paragraphs:
        if paragraph.style not in styles:
            styles[paragraph.style] = document.styles[style_name(paragraph.style)]
        p = _para(document, styles[paragraph.style], paragraph.runs)
    if paragraphs:
        p.paragraph_format.keep_with_next = True  # the closing sentence stays with the signature


def _closing(document, doc: Document) -> None:
    row = _table(document, FOOT_COLUMNS_MM).rows[0]
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = row.cells
    rec = doc.recipients
    _first(left, "recipients_heading", rec.heading)
    if rec.note:
        _para(left, style_name("recipients_note"), rec.note)
    for item in rec.items:
        _para(left, style_name("recipients"), f"- {item}")
    sig = doc.signature
    _first(right, "signature_first", sig.lines[0] if sig.lines else "")
    for line in sig.lines[1:]:
        _para(right, style_name("signature"), line)
    _para(right, style_name("signer_name"), sig.name)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE) that Word and LibreOffice compute when they lay out the page."""
    run = paragraph.add_run()
    set_fonts(run._element)
    for kind, text in (("begin", None), (None, instruction), ("separate", None),
                       (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _page_setup(section, doc: Document, landscape: bool = False) -> None:
    m = doc.margins
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin, section.bottom_margin = Mm(m.top), Mm(m.bottom)
    section.left_margin, section.right_margin = Mm(m.left), Mm(m.right)
    section.header_distance = Mm(layout.HEADER_DISTANCE_MM)
    section.footer_distance = Mm(layout.HEADER_DISTANCE_MM)
    section.different_first_page_header_footer = True


def _page_numbers(section) -> None:
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    set_style(p, style_name("page_number"))
    _field(p, "PAGE")


def _restart_numbering(section) -> None:
    element = OxmlElement("w:pgNumType")
    element.set(qn("w:start"), "1")
    section._sectPr.insert_element_before(
        element, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
        "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
        "w:sectPrChange")


def _shrink_break(document) -> None:
    """The paragraph that ends the report's section, 1 pt high: after a full last page it
    would otherwise spill onto a blank page of its own."""
    mark = document.element.body.findall(qn("w:p"))[-1]
    fmt = Paragraph_(mark, document._body).paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    rpr = OxmlElement("w:rPr")
    rpr.append(size)
    mark.get_or_add_pPr().insert_element_before(rpr, "w:sectPr", "w:pPrChange")


def _appendix(document, doc: Document, appendix: Appendix) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _shrink_break(document)
    _page_setup(section, doc, landscape=appendix.wide)
    _restart_numbering(section)
    _para(document, style_name("appendix_heading"), appendix.heading)
    _para(document, style_name("appendix_title"), appendix.title)
    _para(document, style_name("appendix_note"), appendix.note)
    widths = layout.appendix_widths_mm(len(appendix.columns),
                                       layout.text_width_mm(doc.margins, appendix.wide))
    table = _table(document, widths, rows=1 + len(appendix.rows) + len(appendix.totals),
                   style="Table Grid")
    looks = {look: document.styles[style_name(look)] for look in ("table", "table_name")}
    for r, values in enumerate([appendix.columns, *appendix.rows, *appendix.totals]):
        bold = r == 0 or r > len(appendix.rows)
        for c, (cell, text) in enumerate(zip(table.rows[r].cells, values)):
            p = cell.paragraphs[0]
            set_style(p, looks["table_name" if c == 1 and r > 0 else "table"])
            _run(p, Run(text, bold=bold))
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def build_docx(doc: Document) -> docx.Document:
    """A python-docx Document of the report."""
    document = docx.Document()
    add_styles(document)
    section = document.sections[0]
    _page_setup(section, doc)
    _page_numbers(section)
    body = document.paragraphs[0]._p if document.paragraphs else None
    if body is not None:
        body.getparent().remove(body)
    _header(document, doc)
    _title(document, doc)
    _body(document, doc.body)
    _closing(document, doc)
    if doc.appendix:
        _appendix(document, doc, doc.appendix)
    _properties(document, doc)
    return document


def _properties(document, doc: Document) -> None:
    """Author the office, title the trích yếu, made now; no stale thumbnail of a blank page."""
    props = document.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.author = props.last_modified_by = doc.author
    props.title = doc.trich_yeu.replace("\u00a0", " ")
    props.subject = doc.title
    props.created = props.modified = now
    props.revision = 1
    props.comments = props.keywords = ""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)


def docx_bytes(doc: Document) -> bytes:
    """The .docx file of the report, as bytes."""
    out = io.BytesIO()
    build_docx(doc).save(out)
    return out.getvalue()


def write_docx(doc: Document, path) -> None:
    with open(path, "wb") as f:
        f.write(docx_bytes(doc))
