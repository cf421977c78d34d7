"""Render the report's document model as QTextDocuments and paint them page by page."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QPageLayout, QPageSize, QPainter, QTextBlockFormat,
                           QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextFrameFormat,
                           QTextLength,
                           QTextTableFormat)

from ..core.errors import UserError
from ..exchange.document import Appendix, Document
from ..exchange.inline import Run
from .qt_pagination import keep_on_one_page, keep_with_next

FONT = "Times New Roman"
DPI = 96.0  # QTextDocument lays out in logical pixels at 96 per inch
LINE_HEIGHT = 115  # percent, as the Word file's 1.15 line spacing
STYLE = {  # style: (pt, bold, italic)
    "heading1": (14, True, False), "heading2": (14, True, False),
    "heading3": (14, True, True), "body": (14, False, False), "item": (14, False, False),
}


def px(mm: float) -> float:
    return mm / 25.4 * DPI


def pt(points: float) -> float:
    return points / 72.0 * DPI


def _char(size: float, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies([FONT])
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Bold if bold else QFont.Normal)
    fmt.setFontItalic(italic)
    return fmt


def _block(align=Qt.AlignCenter, indent: bool = False, after: float = 0, before: float = 0,
           line: int = 100) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setAlignment(align)
    fmt.setTextIndent(px(12.7) if indent else 0)
    fmt.setBottomMargin(pt(after))
    fmt.setTopMargin(pt(before))
    fmt.setLineHeight(line, QTextBlockFormat.ProportionalHeight.value)
    return fmt


class _Writer:
    """Adds paragraphs at a cursor: the first one reuses the empty block the cursor sits in."""

    def __init__(self, cursor: QTextCursor):
        self.cursor, self.fresh = cursor, True

    def para(self, runs: list[Run] | str, size: float, block: QTextBlockFormat,
             bold: bool = False, italic: bool = False) -> None:
        if isinstance(runs, str):
            runs = [Run(runs)]
        if self.fresh:
            self.cursor.setBlockFormat(block)
            self.fresh = False
        else:
            self.cursor.insertBlock(block, _char(size, bold, italic))
        for run in runs:
            self.cursor.insertText(run.text, _char(size, bold or run.bold, italic or run.italic))

    def rule(self, width_mm: float, after: float = 0) -> None:
        fmt = _block(after=after, before=3)
        fmt.setProperty(QTextFormat.BlockTrailingHorizontalRulerWidth,
                        QTextLength(QTextLength.FixedLength, px(width_mm)))
        self.para("", 3, fmt)


def _table(cursor: QTextCursor, widths_mm: list[float], rows: int = 1, border: float = 0,
           after: float = 0):
    fmt = QTextTableFormat()
    fmt.setBottomMargin(pt(after))
    fmt.setBorder(border)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid if border
                       else QTextFrameFormat.BorderStyle.BorderStyle_None)
    fmt.setCellPadding(2 if border else 0)
    fmt.setCellSpacing(0)
    fmt.setColumnWidthConstraints([QTextLength(QTextLength.FixedLength, px(w)) for w in widths_mm])
    fmt.setWidth(QTextLength(QTextLength.FixedLength, px(sum(widths_mm))))
    if border:
        fmt.setHeaderRowCount(1)
        fmt.setBorderBrush(QBrush(QColor("black")))
    return cursor.insertTable(rows, len(widths_mm), fmt)


def _cell(table, row: int, col: int) -> _Writer:
    return _Writer(table.cellAt(row, col).firstCursorPosition())


def _header(cursor: QTextCursor, doc: Document) -> None:
    h = doc.header
    table = _table(cursor, [64, 104], after=18)
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    if h.parent_body:
        left.para(h.parent_body, 13, _block())
    for line in h.issuer_lines:
        left.para(line, 13, _block(), bold=True)
    left.rule(25, after=6)
    left.para(h.number_line, 13, _block())
    right.para(h.nation, 13, _block(), bold=True)
    right.para(h.motto, 14, _block(), bold=True)
    right.rule(60, after=6)  # as long as the motto line (Decree 30)
    right.para(h.date_line, 14, _block(), italic=True)


def _closing(cursor: QTextCursor, doc: Document):
    table = _table(cursor, [78, 87])
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    rec, sig = doc.recipients, doc.signature
    left.para(rec.heading, 12, _block(Qt.AlignLeft, before=12), bold=True, italic=True)
    if rec.note:
        left.para(rec.note, 11, _block(Qt.AlignLeft), italic=True)
    for item in rec.items:
        left.para(f"- {item}", 11, _block(Qt.AlignLeft))
    for i, line in enumerate(sig.lines):
        right.para(line, 14, _block(before=12 if i == 0 else 0), bold=True)
    right.para(sig.name, 14, _block(before=84), bold=True)
    return table


def _new_document(width_px: float, height_px: float) -> QTextDocument:
    qdoc = QTextDocument()
    qdoc.setDocumentMargin(0)
    qdoc.setDefaultFont(QFont(FONT, 14))
    qdoc.setPageSize(QSizeF(width_px, height_px))
    return qdoc


def main_document(doc: Document, size: QSizeF) -> QTextDocument:
    """The report's pages, without the appendix, laid out on a page of `size` (96 dpi pixels)."""
    qdoc = _new_document(size.width(), size.height())
    cursor = QTextCursor(qdoc)
    _header(cursor, doc)
    cursor.movePosition(QTextCursor.End)
    out = _Writer(cursor)
    out.para(doc.title, 14, _block(), bold=True)
    out.para(doc.trich_yeu, 14, _block(), bold=True)
    out.rule(30, after=12)
    headings = []
    for p in doc.body:
        size_pt, bold, italic = STYLE.get(p.style, STYLE["body"])
        out.para(p.runs, size_pt, _block(Qt.AlignJustify, True, 6, line=LINE_HEIGHT), bold, italic)
        if p.style.startswith("heading"):
            headings.append(cursor.block().blockNumber())
    last = cursor.block().blockNumber()  # the closing sentence goes with the signature
    closing = _closing(cursor, doc)
    keep_with_next(qdoc, headings)
    keep_on_one_page(qdoc, closing, lead_block=last)
    return qdoc


def appendix_document(appendix: Appendix, size: QSizeF) -> QTextDocument:
    """The appendix's pages: its title, note and the table by unit with the totals."""
    qdoc = _new_document(size.width(), size.height())
    cursor = QTextCursor(qdoc)
    out = _Writer(cursor)
    out.para(appendix.heading, 14, _block(), bold=True)
    out.para(appendix.title, 14, _block(), bold=True)
    out.para(appendix.note, 14, _block(after=6), italic=True)
    width_mm = size.width() / DPI * 25.4 - 0.6 * len(appendix.columns)  # borders, padding
    rest = (width_mm - 12 - 45) / max(1, len(appendix.columns) - 2)
    widths = [12, 45] + [rest] * (len(appendix.columns) - 2)
    table = _table(cursor, widths, 1 + len(appendix.rows) + len(appendix.totals), border=1)
    for r, values in enumerate([appendix.columns, *appendix.rows, *appendix.totals]):
        bold = r == 0 or r > len(appendix.rows)
        for c, text in enumerate(values):
            align = Qt.AlignLeft if c == 1 and r > 0 else Qt.AlignCenter
            _cell(table, r, c).para(text, 12, _block(align), bold=bold)
    return qdoc


def page_size_px(printer) -> QSizeF:
    """The printable area in 96-dpi pixels (the page size minus the layout's margins)."""
    rect = printer.pageRect(printer.Unit.Inch)
    return QSizeF(rect.width() * DPI, rect.height() * DPI)


def set_layout(printer, doc: Document, landscape: bool = False) -> bool:
    """A4 with the document's margins in millimetres, on the printer's own page layout."""
    m = doc.margins
    layout = QPageLayout(QPageSize(QPageSize.A4),
                         QPageLayout.Landscape if landscape else QPageLayout.Portrait,
                         QMarginsF(m.left, m.top, m.right, m.bottom), QPageLayout.Millimeter)
    return printer.setPageLayout(layout)


def _paint_pages(painter: QPainter, printer, qdoc: QTextDocument, first: bool,
                 turned: bool = False) -> None:
    """Each page of qdoc, numbered from its second page; turned pages are drawn rotated."""
    size = qdoc.pageSize()
    scale = printer.resolution() / DPI
    margins = printer.pageLayout().margins(QPageLayout.Millimeter)
    top_mm = margins.left() if turned else margins.top()
    for i in range(qdoc.pageCount()):
        if not (first and i == 0):
            printer.newPage()
        painter.save()
        painter.scale(scale, scale)
        if turned:  # a landscape page on portrait paper, its top towards the binding edge
            painter.translate(0, size.width())
            painter.rotate(-90)
        if i > 0:
            _page_number(painter, size.width(), px(top_mm), i + 1)
        painter.translate(0, -i * size.height())
        qdoc.drawContents(painter, QRectF(0, i * size.height() + 1, size.width(), size.height() - 2))
        painter.restore()


def _page_number(painter: QPainter, width: float, top_px: float, number: int) -> None:
    """The page number centred in the top margin (Decree 30: from page 2)."""
    painter.save()
    font = QFont(FONT)
    font.setPixelSize(round(pt(13)))
    painter.setFont(font)
    box = QRectF(0, -top_px, width, top_px * 0.8)
    painter.drawText(box, Qt.AlignHCenter | Qt.AlignVCenter, str(number))
    painter.restore()


def paint_document(doc: Document, printer) -> None:
    """Paint every page of the report on a QPrinter (PDF, a real printer or a preview)."""
    set_layout(printer, doc)
    main = main_document(doc, page_size_px(printer))
    painter = QPainter()
    if not painter.begin(printer):
        raise print_refused(printer)
    try:
        _paint_pages(painter, printer, main, first=True)
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
    pdf = printer.outputFormat() == printer.OutputFormat.PdfFormat
    turned = wide and not (pdf and set_layout(printer, doc, landscape=True))
    size = page_size_px(printer)
    if turned:
        size = QSizeF(size.height(), size.width())
    appendix = appendix_document(doc.appendix, size)
    _paint_pages(painter, printer, appendix, first=False, turned=turned)
