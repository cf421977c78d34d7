"""Page breaks a typist would make, as Word and LibreOffice make them for our .docx: no heading
alone at a page foot, no single line of a paragraph alone on a page, no split signature."""

from __future__ import annotations

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
    """Start a frame (the recipients and signature) on a new page if it would be split,
    together with the paragraph that leads into it (the closing sentence)."""
    qdoc.pageCount()
    rect = qdoc.documentLayout().frameBoundingRect(frame)
    if _page(qdoc, rect.top()) == _page(qdoc, rect.bottom() - 1):
        return
    if lead_block is not None:
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(BREAK_BEFORE)
        QTextCursor(qdoc.findBlockByNumber(lead_block)).mergeBlockFormat(fmt)
    else:
        fmt = frame.frameFormat()
        fmt.setPageBreakPolicy(BREAK_BEFORE)
        frame.setFrameFormat(fmt)
