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
from lxml.etree import SubElement

from . import layout
from .docx_styles import set_fonts, use_prepared_styles
from .document import Appendix, Document, Paragraph
from .inline import Run
from .header_fit import fit_header, trich_yeu_rule
from .layout import FOOT_COLUMNS_MM, HEADER_COLUMNS_MM

A4 = (Mm(layout.A4_MM[0]), Mm(layout.A4_MM[1]))
# Word refuses a file whose elements are out of the schema's order: what follows w:pBdr.
PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
                  "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


# Paragraphs, runs and cells are written as lxml elements, the same XML as python-docx's
# add_paragraph/add_run/style/bold/width setters write (tests compare), without their
# per-attribute lookups, which made the writer several times slower than the text it writes.
W_P, W_PPR, W_PSTYLE, W_R, W_RPR, W_RFONTS, W_B, W_I, W_T, W_TC, W_TCPR, W_TCW, W_TR, W_VAL, W_W = (
    qn(f"w:{tag}") for tag in ("p", "pPr", "pStyle", "r", "rPr", "rFonts", "b", "i", "t", "tc",
                               "tcPr", "tcW", "tr", "val", "w"))
XML_SPACE = qn("xml:space")
TABLE_GRID = "TableGrid"  # python-docx's template's "Table Grid" style
RUN_FONTS = {qn(f"w:{slot}"): layout.FONT for slot in ("ascii", "hAnsi", "eastAsia", "cs")}


def _run(p, run: Run) -> None:
    """A run in the report's font (all four slots: Word falls back per script otherwise)."""
    r = SubElement(p, W_R)
    rpr = SubElement(r, W_RPR)
    SubElement(rpr, W_RFONTS, RUN_FONTS)
    if run.bold:
        SubElement(rpr, W_B)
    if run.italic:
        SubElement(rpr, W_I)
    if not run.text:
        return
    if any(c in run.text for c in "\t\r\n"):  # tabs and breaks: python-docx's own translation
        r.text = run.text
        return
    t = SubElement(r, W_T)
    t.text = run.text
    if len(run.text.strip()) < len(run.text):
        t.set(XML_SPACE, "preserve")


def _fill(p, style_id: str, runs: list[Run] | str):
    """An empty paragraph given its style and runs."""
    SubElement(SubElement(p, W_PPR), W_PSTYLE, {W_VAL: style_id})
    for run in ([Run(runs)] if isinstance(runs, str) else runs):
        _run(p, run)
    return p


def _para(parent, style_id: str, runs: list[Run] | str):
    """A new paragraph at the end of a body, cell or header element."""
    return _fill(parent.add_p(), style_id, runs)


def _borders_of(p, sides, thickness_pt: float) -> None:
    """Single black lines on some sides of a paragraph (w:pBdr)."""
    borders = OxmlElement("w:pBdr")
    for side in sides:
        line = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", str(round(thickness_pt * 8))),
                           ("space", "1"), ("color", "000000")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    p._p.get_or_add_pPr().insert_element_before(borders, *PPR_AFTER_PBDR)


def _rule(parent, style_id: str, rule: layout.Rule, cell_mm: float):
    """A short centred horizontal rule: an empty paragraph with a bottom border."""
    p = Paragraph_(_fill(parent.add_p(), style_id, []), None)
    fmt = p.paragraph_format
    side = Mm(max(0.0, (cell_mm - rule.width_mm) / 2))
    fmt.left_indent = fmt.right_indent = side
    fmt.space_before, fmt.space_after = Pt(rule.before_pt), Pt(rule.after_pt)
    fmt.line_spacing = Pt(3)
    _borders_of(p, ["bottom"], rule.thickness_pt)
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


def _table(document, widths_mm, rows: int = 1, style_id: str | None = None):
    """A table whose grid and cells both carry the widths (LibreOffice reads the grid)."""
    table = document.add_table(rows=rows, cols=len(widths_mm))
    if style_id:
        table._tbl.tblStyle_val = style_id
        _borders(table, layout.TABLE_BORDER_PT)
    else:
        _borders(table)
    _cell_margins(table, layout.TABLE_PADDING_PT if style_id else 0)
    table.autofit = False
    twips = [str(Mm(mm).twips) for mm in widths_mm]
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, twips):
        grid_col.set(W_W, width)
    for tr in table._tbl.iterchildren(W_TR):
        for tc, width in zip(tr.iterchildren(W_TC), twips):
            tc.find(W_TCPR).find(W_TCW).set(W_W, width)  # python-docx's new cell: w:type="dxa"
    return table


def _cells(tr) -> list:
    return list(tr.iterchildren(W_TC))


def _first(tc, style_id: str, text: str | list[Run]):
    """The cell's own first (empty) paragraph, in a style."""
    return _fill(tc.find(W_P), style_id, text)


def _header(document, doc: Document, ids: dict[str, str]) -> None:
    h, fit = doc.header, fit_header(doc.header)
    left_mm, right_mm = HEADER_COLUMNS_MM
    left, right = _cells(_table(document, HEADER_COLUMNS_MM)._tbl.find(W_TR))
    lines = fit.left_lines()
    _first(left, ids[lines[0][0]], lines[0][1])
    for look, line in lines[1:]:
        _para(left, ids[look], line)
    _rule(left, ids["header"], fit.issuer_rule, left_mm)
    _para(left, ids["number_line"], h.number_line)
    _first(right, ids["nation"], h.nation)
    _para(right, ids["motto"], h.motto)
    _rule(right, ids["header"], fit.motto_rule, right_mm)
    _para(right, ids["date_line"], h.date_line)


def _title(body, doc: Document, ids: dict[str, str]) -> None:
    _para(body, ids["title"], doc.title)
    _para(body, ids["trich_yeu"], doc.trich_yeu)
    width = layout.text_width_mm(doc.margins)
    _rule(body, ids["header"], trich_yeu_rule(doc.trich_yeu, width), width)


def _body(body, paragraphs: list[Paragraph], ids: dict[str, str]) -> None:
    for paragraph in paragraphs:
        p = _para(body, ids[paragraph.style], paragraph.runs)
    if paragraphs:  # the closing sentence stays with the signature
        Paragraph_(p, None).paragraph_format.keep_with_next = True


def _closing(document, doc: Document, ids: dict[str, str]) -> None:
    tr = _table(document, FOOT_COLUMNS_MM)._tbl.find(W_TR)
    tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = _cells(tr)
    rec = doc.recipients
    _first(left, ids["recipients_heading"], rec.heading)
    if rec.note:
        _para(left, ids["recipients_note"], rec.note)
    for item in rec.items:
        _para(left, ids["recipients"], f"- {item}")
    sig = doc.signature
    _first(right, ids["signature_first"], sig.lines[0] if sig.lines else "")
    for line in sig.lines[1:]:
        _para(right, ids["signature"], line)
    _para(right, ids["signer_name"], sig.name)


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


def _page_numbers(section, ids: dict[str, str]) -> None:
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p._p.style = ids["page_number"]  # replaces the template's "Header"
    _field(p, "PAGE")


def _draft_mark(section, doc: Document, ids: dict[str, str]) -> None:
    """ "DỰ THẢO" boxed at the top right of the first page (Decree 30), in its header."""
    header = section.first_page_header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p._p.style = ids["draft_mark"]
    p.add_run(layout.DRAFT_MARK)
    set_fonts(p.runs[0]._element)
    start, end = layout.draft_box_mm()
    p.paragraph_format.left_indent = Mm(start)
    p.paragraph_format.right_indent = Mm(layout.text_width_mm(doc.margins) - end)
    _borders_of(p, ["top", "left", "bottom", "right"], layout.DRAFT_BORDER_PT)


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


def _appendix(document, doc: Document, appendix: Appendix, ids: dict[str, str]) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _shrink_break(document)
    _page_setup(section, doc, landscape=appendix.wide)
    section.first_page_header.is_linked_to_previous = False  # the draft mark: page 1 only
    _restart_numbering(section)
    body = document.element.body
    _para(body, ids["appendix_heading"], appendix.heading)
    _para(body, ids["appendix_title"], appendix.title)
    _para(body, ids["appendix_note"], appendix.note)
    if appendix.rows:
        _appendix_table(document, doc, appendix, ids)
    if appendix.absent:
        _para(body, ids["body"], appendix.absent)


def _appendix_table(document, doc: Document, appendix: Appendix, ids: dict[str, str]) -> None:
    widths = layout.appendix_widths_mm(len(appendix.columns),
                                       layout.text_width_mm(doc.margins, appendix.wide))
    table = _table(document, widths, rows=1 + len(appendix.rows) + len(appendix.totals),
                   style_id=TABLE_GRID)
    rows = list(table._tbl.iterchildren(W_TR))
    for r, (tr, values) in enumerate(zip(rows, [appendix.columns, *appendix.rows,
                                                *appendix.totals])):
        bold = r == 0 or r > len(appendix.rows)
        for c, (tc, text) in enumerate(zip(_cells(tr), values)):
            _first(tc, ids["table_name" if c == 1 and r > 0 else "table"], [Run(text, bold=bold)])
    rows[0].get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def build_docx(doc: Document) -> docx.Document:
    """A python-docx Document of the report."""
    document = docx.Document()
    ids = use_prepared_styles(document)
    section = document.sections[0]
    _page_setup(section, doc)
    _page_numbers(section, ids)
    if doc.draft:
        _draft_mark(section, doc, ids)
    body = document.element.body
    for empty in body.findall(W_P)[:1]:  # the template's first paragraph
        body.remove(empty)
    _header(document, doc, ids)
    _title(body, doc, ids)
    _body(body, doc.body, ids)
    _closing(document, doc, ids)
    if doc.appendix:
        _appendix(document, doc, doc.appendix, ids)
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
