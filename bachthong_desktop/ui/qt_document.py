"""Render the report's document model as QTextDocuments and paint them page by page.

The look comes from exchange/layout.py, the same module the Word writer reads. Pages are laid
out at the paint device's own resolution (a printer's, or the PDF writer's 1200 dpi), so font
sizes are true points: on a 96-dpi screen device 14 pt would become 14.25 pt.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (QFont, QPageLayout, QPageSize, QPainter, QPainterPath, QPen,
                           QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument,
                           QTextFormat, QTextFrameFormat, QTextLength, QTextTableFormat)

from ..core.errors import UserError
from ..exchange import layout
from ..exchange.document import Appendix, Document
from ..exchange.header_fit import fit_header, trich_yeu_rule
from ..exchange.inline import Run
from ..exchange.layout import LOOKS, Look
from .fonts import FAMILY as FONT, register_fonts  # the carried font; Word keeps layout.FONT
from .qt_pagination import draw_page, keep_on_one_page, paginate

RULE = QTextFormat.UserProperty + 1  # a block under which a short rule is drawn: [width, pen]
# Qt's alignment flags as the numbers Qt itself stores in a block format (Qt.AlignCenter,
# Qt.AlignJustify, Qt.AlignLeft) and the page number's Qt.AlignHCenter | Qt.AlignTop. Naming any
# Qt.* value makes PySide6 create all ~100 enums of the Qt namespace: ~15 ms of every PDF.
# tests/ui/test_pdf_file.py checks them against Qt's.
ALIGN = {"center": 0x0084, "justify": 0x0008, "left": 0x0001}
PAGE_NUMBER_ALIGN = 0x0024


def black_pen(width: float = 1.0) -> QPen:
    """A solid black pen: QPen() is one. (QPen(QColor), QBrush(QColor) and setColor() would
    create the Qt namespace's enums, see above.)"""
    pen = QPen()
    pen.setWidthF(width)
    return pen


# Qt scales a format's margins, paddings and table widths from 96 dpi to the paint device's
# resolution; a first-line indent and a ruler's width it takes in the device's own pixels.
FORMAT_DPI = 96.0


class Scale:
    """Millimetres and points in the pixels of one resolution (`device`: the device's own)."""

    def __init__(self, dpi: float, device_dpi: float | None = None):
        self.dpi = dpi
        self.device = self if device_dpi is None else Scale(device_dpi)

    def mm(self, millimetres: float) -> float:
        return millimetres / 25.4 * self.dpi

    def pt(self, points: float) -> float:
        return points / 72.0 * self.dpi


def _char(look: Look, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies([FONT])
    fmt.setFontPointSize(look.size_pt)
    fmt.setFontWeight(QFont.Bold if (look.bold or bold) else QFont.Normal)
    fmt.setFontItalic(look.italic or italic)
    return fmt


def _block(look: Look, scale: Scale) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(QTextFormat.BlockAlignment, ALIGN[look.align])  # = setAlignment()
    fmt.setTextIndent(scale.device.mm(look.first_line_mm))
    fmt.setLeftMargin(scale.device.mm(look.left_mm))  # device pixels, as the indent
    fmt.setTopMargin(scale.pt(look.before_pt))
    fmt.setBottomMargin(scale.pt(look.after_pt))
    fmt.setLineHeight(scale.pt(look.line_pt), QTextBlockFormat.FixedHeight.value)
    return fmt


class _Writer:
    """Adds paragraphs at a cursor: the first one reuses the empty block the cursor sits in."""

    def __init__(self, cursor: QTextCursor, scale: Scale):
        self.cursor, self.scale, self.fresh = cursor, scale, True

    def para(self, runs: list[Run] | str, look: str | Look, block: QTextBlockFormat | None = None
             ) -> None:
        look = LOOKS[look] if isinstance(look, str) else look
        block = block or _block(look, self.scale)
        if isinstance(runs, str):
            runs = [Run(runs)]
        if self.fresh:
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(_char(look))
            self.fresh = False
        else:
            self.cursor.insertBlock(block, _char(look))
        for run in runs:
            self.cursor.insertText(run.text, _char(look, run.bold, run.italic))

    def rule(self, rule: layout.Rule) -> None:
        """An empty 3-pt block that _paint_rules draws a black line under (Qt's own ruler is a
        grey hairline)."""
        look = Look(3, before_pt=rule.before_pt, after_pt=rule.after_pt)
        fmt = _block(look, self.scale)
        fmt.setProperty(RULE, [self.scale.device.mm(rule.width_mm),
                               self.scale.device.pt(rule.thickness_pt)])
        self.para("", look, fmt)


def _table(cursor: QTextCursor, scale: Scale, widths_mm, rows: int = 1, border: bool = False,
           before_pt: float = 0, after_pt: float = 0):
    fmt = QTextTableFormat()
    fmt.setTopMargin(scale.pt(before_pt))
    fmt.setBottomMargin(scale.pt(after_pt))
    fmt.setBorder(scale.pt(layout.TABLE_BORDER_PT) if border else 0)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid if border
                       else QTextFrameFormat.BorderStyle.BorderStyle_None)
    fmt.setCellPadding(scale.pt(layout.TABLE_PADDING_PT) if border else 0)
    fmt.setCellSpacing(0)
    fmt.setColumnWidthConstraints([QTextLength(QTextLength.FixedLength, scale.mm(w))
                                   for w in widths_mm])
    fmt.setWidth(QTextLength(QTextLength.FixedLength, scale.mm(sum(widths_mm))))
    if border:
        fmt.setHeaderRowCount(1)
        fmt.setBorderBrush(black_pen().brush())  # solid black
    return cursor.insertTable(rows, len(widths_mm), fmt)


def _cell(table, row: int, col: int, scale: Scale) -> _Writer:
    return _Writer(table.cellAt(row, col).firstCursorPosition(), scale)


def _header(cursor: QTextCursor, doc: Document, scale: Scale) -> None:
    h = doc.header
    # the title's space above is the table's space below (Qt drops a block's top margin there)
    table = _table(cursor, scale, layout.HEADER_COLUMNS_MM, after_pt=LOOKS["title"].before_pt)
    left, right = _cell(table, 0, 0, scale), _cell(table, 0, 1, scale)
    fit = fit_header(h)
    for look, line in fit.left_lines():
        left.para(line, look)
    left.rule(fit.issuer_rule)
    left.para(h.number_line, "number_line")
    right.para(h.nation, "nation")
    right.para(h.motto, "motto")
    right.rule(fit.motto_rule)
    right.para(h.date_line, "date_line")


def _closing(cursor: QTextCursor, doc: Document, scale: Scale):
    """Recipients and signature side by side; the space above "Nơi nhận" is the table's."""
    first = LOOKS["recipients_heading"]
    table = _table(cursor, scale, layout.FOOT_COLUMNS_MM, before_pt=first.before_pt)
    left, right = _cell(table, 0, 0, scale), _cell(table, 0, 1, scale)
    rec, sig = doc.recipients, doc.signature
    left.para(rec.heading, Look(**{**first.__dict__, "before_pt": 0}))
    if rec.note:
        left.para(rec.note, "recipients_note")
    for item in rec.items:
        left.para(f"- {item}", "recipients")
    sig_first = LOOKS["signature_first"]
    right.para(sig.lines[0] if sig.lines else "",
               Look(**{**sig_first.__dict__, "before_pt": sig_first.before_pt - first.before_pt}))
    for line in sig.lines[1:]:
        right.para(line, "signature")
    right.para(sig.name, "signer_name")
    return table


def _new_document(size: QSizeF, device) -> QTextDocument:
    register_fonts()  # the carried Liberation Serif: the same page on every machine
    qdoc = QTextDocument()
    qdoc.setUndoRedoEnabled(False)
    qdoc.documentLayout().setPaintDevice(device)
    qdoc.setDocumentMargin(0)
    font = QFont(FONT)
    font.setPointSizeF(layout.BODY_PT)
    qdoc.setDefaultFont(font)
    qdoc.setPageSize(size)
    return qdoc


def main_document(doc: Document, size: QSizeF, device) -> QTextDocument:
    """The report's pages, without the appendix, on pages of `size` (the device's pixels)."""
    scale = Scale(FORMAT_DPI, device.logicalDpiY())
    qdoc = _new_document(size, device)
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()  # one layout at the end, not one per paragraph
    _header(cursor, doc, scale)
    cursor.movePosition(QTextCursor.End)
    out = _Writer(cursor, scale)
    out.para(doc.title, Look(**{**LOOKS["title"].__dict__, "before_pt": 0}))
    out.para(doc.trich_yeu, "trich_yeu")
    out.rule(trich_yeu_rule(doc.trich_yeu, layout.text_width_mm(doc.margins)))
    blocks = []
    for p in doc.body:
        out.para(p.runs, LOOKS.get(p.style, LOOKS["body"]))
        blocks.append((cursor.block().blockNumber(), p.style.startswith("heading")))
    last = cursor.block().blockNumber()  # the closing sentence goes with the signature
    closing = _closing(cursor, doc, scale)
    cursor.endEditBlock()
    paginate(qdoc, blocks)
    keep_on_one_page(qdoc, closing, lead_block=last)
    return qdoc


def appendix_document(appendix: Appendix, size: QSizeF, device) -> QTextDocument:
    """The appendix's pages: its title, note and the table by unit with the totals."""
    scale = Scale(FORMAT_DPI, device.logicalDpiY())
    qdoc = _new_document(size, device)
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()  # one layout at the end, not one per cell
    out = _Writer(cursor, scale)
    out.para(appendix.heading, "appendix_heading")
    out.para(appendix.title, "appendix_title")
    out.para(appendix.note, "appendix_note")
    if appendix.rows:
        _appendix_table(cursor, appendix, scale, size.width() / device.logicalDpiX() * 25.4)
    if appendix.absent:
        cursor.movePosition(QTextCursor.End)  # after a table, into the block Qt leaves after it
        (_Writer(cursor, scale) if appendix.rows else out).para(appendix.absent, "body")
    cursor.endEditBlock()
    return qdoc


def _appendix_table(cursor: QTextCursor, appendix: Appendix, scale: Scale, width_mm: float
                    ) -> None:
    """The figures by unit with their totals, its header row repeated on each page."""
    widths = layout.appendix_widths_mm(len(appendix.columns), width_mm)
    padding_mm = 2 * layout.TABLE_PADDING_PT / 72 * 25.4 + layout.TABLE_BORDER_PT / 72 * 25.4
    widths = [w - padding_mm for w in widths]  # Qt adds padding and borders to each column
    table = _table(cursor, scale, widths, 1 + len(appendix.rows) + len(appendix.totals),
                   border=True)
    for r, values in enumerate([appendix.columns, *appendix.rows, *appendix.totals]):
        bold = r == 0 or r > len(appendix.rows)
        for c, text in enumerate(values):
            look = "table_name" if c == 1 and r > 0 else "table"
            _cell(table, r, c, scale).para([Run(text, bold=bold)], look)


def page_size(device) -> QSizeF:
    """The printable area in the device's own pixels (a QPrinter or a QPdfWriter)."""
    rect = device.pageLayout().paintRectPixels(device.resolution())
    return QSizeF(rect.width(), rect.height())


def is_pdf(device) -> bool:
    """Painting a PDF file (QPdfWriter, or a QPrinter set to PDF), not a printer's pages."""
    output_format = getattr(device, "outputFormat", None)
    return output_format is None or output_format() == device.OutputFormat.PdfFormat


def set_layout(printer, doc: Document, landscape: bool = False) -> bool:
    """A4 with the document's margins in millimetres, on the printer's own page layout."""
    m = doc.margins
    page = QPageLayout(QPageSize(QPageSize.A4),
                       QPageLayout.Landscape if landscape else QPageLayout.Portrait,
                       QMarginsF(m.left, m.top, m.right, m.bottom), QPageLayout.Millimeter)
    return printer.setPageLayout(page)


def _paint_pages(painter: QPainter, printer, qdoc: QTextDocument, first: bool,
                 turned: bool = False, draft: bool = False) -> None:
    """Each page of qdoc, numbered from its second page; turned pages are drawn rotated;
    a draft's first page carries the draft mark."""
    size = qdoc.pageSize()
    scale = Scale(printer.logicalDpiY())
    margins = printer.pageLayout().margins(QPageLayout.Millimeter)
    top_mm = margins.left() if turned else margins.top()
    for i in range(qdoc.pageCount()):
        if not (first and i == 0):
            printer.newPage()
        painter.save()
        if turned:  # a landscape page on portrait paper, its top towards the binding edge
            painter.translate(0, size.width())
            painter.rotate(-90)
        if i > 0:
            _page_number(painter, size.width(), scale, top_mm, i + 1)
        elif draft:
            _draft_mark(painter, scale, top_mm)
        painter.translate(0, -i * size.height())
        page = QRectF(0, i * size.height(), size.width(), size.height())
        draw_page(painter, qdoc, page)
        _paint_rules(painter, qdoc, page)
        painter.restore()


def _paint_rules(painter: QPainter, qdoc: QTextDocument, page: QRectF) -> None:
    """The short black rules under the header lines and the title, on this page."""
    layout_ = qdoc.documentLayout()
    block = qdoc.begin()
    while block.isValid():
        rule = block.blockFormat().property(RULE)
        if rule:
            width, pen_width = rule
            box = layout_.blockBoundingRect(block)
            if page.contains(box.center()):
                y = box.bottom()
                line = QPainterPath(QPointF(box.center().x() - width / 2, y))
                line.lineTo(QPointF(box.center().x() + width / 2, y))
                painter.strokePath(line, black_pen(pen_width))  # setPen() would make Qt's enums
        block = block.next()


def _page_number(painter: QPainter, width: float, scale: Scale, top_mm: float,
                 number: int) -> None:
    """The page number centred in the top margin (Decree 30: from page 2), as far from the
    paper's edge as the Word file's header."""
    painter.save()
    font = QFont(FONT)
    font.setPointSizeF(LOOKS["page_number"].size_pt)
    painter.setFont(font)
    top = scale.mm(layout.HEADER_DISTANCE_MM - top_mm)
    box = QRectF(0, top, width, scale.pt(LOOKS["page_number"].size_pt * 1.3))
    painter.drawText(box, PAGE_NUMBER_ALIGN, str(number))
    painter.restore()


def _draft_mark(painter: QPainter, scale: Scale, top_mm: float) -> None:
    """ "DỰ THẢO" boxed over the national motto, where the Word file's first-page header has
    it (Decree 30, Appendix I)."""
    painter.save()
    look = LOOKS["draft_mark"]
    font = QFont(FONT)
    font.setPointSizeF(look.size_pt)
    font.setBold(True)
    painter.setFont(font)
    start, end = layout.draft_box_mm()
    pad = scale.pt(1 + layout.DRAFT_BORDER_PT)  # Word's border "space" of 1 pt, and the line
    top = scale.mm(layout.HEADER_DISTANCE_MM - top_mm)
    text = QRectF(scale.mm(start), top + pad, scale.mm(end - start), scale.pt(look.line_pt))
    painter.drawText(text, ALIGN["center"], layout.DRAFT_MARK)
    box = QPainterPath()
    box.addRect(text.adjusted(0, -pad, 0, pad))
    painter.strokePath(box, black_pen(scale.pt(layout.DRAFT_BORDER_PT)))
    painter.restore()


def paint_document(doc: Document, printer) -> None:
    """Paint every page of the report on a QPrinter (PDF, a real printer or a preview) or a
    QPdfWriter."""
    set_layout(printer, doc)
    main = main_document(doc, page_size(printer), printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise print_refused(printer)
    try:
        _paint_pages(painter, printer, main, first=True, draft=doc.draft)
        if doc.appendix:
            _paint_appendix(painter, printer, doc)
    finally:
        painter.end()


def print_refused(printer) -> UserError:
    """The printer (or the PDF file) would not start the job: cancelled or refused.

    On Windows "Microsoft Print to PDF" asks for a file name when the job starts; Cancel
    there makes QPainter.begin() return False, as does a printer that is off or a file that
    cannot be written.
    """
    if not hasattr(printer, "printerName"):  # a QPdfWriter: it writes into memory
        return UserError("Không tạo được tệp PDF. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại "
                         "máy tính.")
    if printer.outputFormat() == printer.OutputFormat.PdfFormat and printer.outputFileName():
        return UserError(f"Không ghi được tệp PDF “{printer.outputFileName()}”. Hãy chọn thư mục "
                         "khác, hoặc đóng tệp nếu nó đang mở trong chương trình đọc PDF.")
    return UserError(f"Báo cáo chưa được in: máy in “{printer.printerName()}” không nhận lệnh "
                     "in (lệnh in đã bị hủy, hoặc máy in đang tắt hay báo lỗi). Hãy kiểm tra máy "
                     "in rồi in lại.")


def _paint_appendix(painter: QPainter, printer, doc: Document) -> None:
    """The appendix on pages of its own: landscape where the printer can change orientation
    within a job (PDF), else drawn turned on the portrait page (printers, preview)."""
    wide = doc.appendix.wide
    turned = wide and not (is_pdf(printer) and set_layout(printer, doc, landscape=True))
    size = page_size(printer)
    if turned:
        size = QSizeF(size.height(), size.width())
    appendix = appendix_document(doc.appendix, size, printer)
    _paint_pages(painter, printer, appendix, first=False, turned=turned)
