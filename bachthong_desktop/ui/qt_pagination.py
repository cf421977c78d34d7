"""Page breaks a typist would make: no heading alone at a page foot, no split signature."""

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


def keep_with_next(qdoc: QTextDocument, block_numbers: list[int]) -> None:
    """Move a heading to the next page when the paragraph after it starts there."""
    for number in block_numbers:
        block = qdoc.findBlockByNumber(number)
        following = block.next()
        if not following.isValid():
            continue
        if _page(qdoc, _first_line_middle(qdoc, block)) != _page(
                qdoc, _first_line_middle(qdoc, following)):
            fmt = QTextBlockFormat()
            fmt.setPageBreakPolicy(BREAK_BEFORE)
            QTextCursor(block).mergeBlockFormat(fmt)


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
