"""Page breaks a typist would make, as Word and LibreOffice make them for our .docx: no heading
alone at a page foot, no single line of a paragraph alone on a page, no split signature."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def _page(qdoc: QTextDocument, y: float) -> int:
    return int(y // qdoc.pageSize().height())


def _first_line_middle(qdoc: QTextDocument, block) -> float:
    """Where a block's first line sits (its box may start on the page before)."""
    qdoc.pageCount()  # lays the whole document out: a block's lines are only valid after
    top = qdoc.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return top
    line = layout.lineAt(0)
    return top + line.y() + line.height() / 2


def _break_before(block) -> None:
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(BREAK_BEFORE)
    QTextCursor(block).mergeBlockFormat(fmt)


def _line_pages(qdoc: QTextDocument, block) -> list[int]:
    """The page of each line of a block."""
    qdoc.pageCount()
    top = qdoc.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    return [_page(qdoc, top + layout.lineAt(i).y() + layout.lineAt(i).height() / 2)
            for i in range(layout.lineCount())]


def paginate(qdoc: QTextDocument, blocks: list[tuple[int, bool]]) -> None:
    """Page breaks as Word makes them, in reading order (block number, is a heading):
    a heading goes with the first line after it; a paragraph split with one line alone at the
    page's foot (an orphan), or a short one with its last line alone on the next page (a
    widow), starts on the next page with the headings over it. (For a widow of a longer
    paragraph Word pulls one more line over; a QTextDocument cannot split a paragraph there.)"""
    for index, (number, heading) in enumerate(blocks):
        block = qdoc.findBlockByNumber(number)
        if heading:
            following = block.next()
            if following.isValid() and _page(qdoc, _first_line_middle(qdoc, block)) != _page(
                    qdoc, _first_line_middle(qdoc, following)):
                _break_before(qdoc.findBlockByNumber(_chain_start(blocks, index)))
            continue
        pages = _line_pages(qdoc, block)
        if len(pages) < 2 or pages[0] == pages[-1]:
            continue
        before = pages.count(pages[0])
        if before == 1 or (len(pages) - before == 1 and len(pages) <= 3):
            _break_before(qdoc.findBlockByNumber(_chain_start(blocks, index)))


def _chain_start(blocks: list[tuple[int, bool]], index: int) -> int:
    """The first of the headings right over block `index` (or the block itself)."""
    number = blocks[index][0]
    while index > 0 and blocks[index - 1][1] and blocks[index - 1][0] == number - 1:
        index -= 1
        number = blocks[index][0]
    return number


def keep_on_one_page(qdoc: QTextDocument, frame, lead_block: int | None = None) -> None:
    """Start a frame (the recipients and signature) on a new page if it would be split; with
    the paragraph that leads into it (the closing sentence), as Word's keep-with-next does:
    that paragraph also goes over when it would end the page before the frame."""
    qdoc.pageCount()
    rect = qdoc.documentLayout().frameBoundingRect(frame)
    split = _page(qdoc, rect.top()) != _page(qdoc, rect.bottom() - 1)
    if lead_block is None:
        if split:
            fmt = frame.frameFormat()
            fmt.setPageBreakPolicy(BREAK_BEFORE)
            frame.setFrameFormat(fmt)
        return
    lead = qdoc.findBlockByNumber(lead_block)
    starts = _page(qdoc, _first_line_middle(qdoc, frame.firstCursorPosition().block()))
    if split or _line_pages(qdoc, lead)[-1] != starts:
        _break_before(lead)


def _line_rect(qdoc: QTextDocument, block, index: int):
    """Where line `index` of a block sits in the document: (top, middle)."""
    top = qdoc.documentLayout().blockBoundingRect(block).top()
    line = block.layout().lineAt(index)
    return top + line.y(), top + line.y() + line.height() / 2


def draw_page(painter, qdoc: QTextDocument, page) -> None:
    """One page of a laid-out document, each line once.

    QTextDocument.drawContents(rect) also draws, clipped away, the line just above `rect` of
    a paragraph that runs on from the page before (QTextLayout::draw starts one line early):
    invisible, but in the PDF's text twice for search, copying and screen readers. So the
    paragraphs of the page are drawn line by line, and Qt draws only the tables (with their
    borders and repeated header rows), clipped to them."""
    qdoc.pageCount()
    layout = qdoc.documentLayout()
    root = qdoc.rootFrame()
    border = painter.device().logicalDpiY() / 72 * 2  # 2 pt: a table's outer lines
    for frame in root.childFrames():
        box = layout.frameBoundingRect(frame)
        # its lines, not the paragraphs next to it (6 pt or more away; the one under it starts
        # right at its foot, hence 1 px short)
        box = QRectF(page.left(), box.top() - border, page.width(), box.height() + border - 1)
        box = box.intersected(page)
        if box.height() > 0:
            qdoc.drawContents(painter, box)
    block = qdoc.begin()
    while block.isValid():
        if block.layout() is not None and _in_root(block, root):
            origin = layout.blockBoundingRect(block).topLeft()
            for i in range(block.layout().lineCount()):
                if page.top() <= _line_rect(qdoc, block, i)[1] < page.bottom():
                    block.layout().lineAt(i).draw(painter, origin)
        block = block.next()


def _in_root(block, root) -> bool:
    """A paragraph of the page itself, not of a table's cell."""
    return QTextCursor(block).currentFrame() == root
