"""Page breaks a typist would make: no heading alone at a page foot, no split signature."""

from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat

BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def _page(qdoc: QTextDocument, y: float) -> int:
    return int(y // qdoc.pageSize().height())


def keep_with_next(qdoc: QTextDocument, block_numbers: list[int]) -> None:
    """Move a heading to the next page when the paragraph after it starts there."""
    layout = qdoc.documentLayout()
    for number in block_numbers:
        block = qdoc.findBlockByNumber(number)
        following = block.next()
        if not following.isValid():
            continue
        here = layout.blockBoundingRect(block)
        there = layout.blockBoundingRect(following)
        if _page(qdoc, here.top()) != _page(qdoc, there.top() + 1):
            fmt = QTextBlockFormat()
            fmt.setPageBreakPolicy(BREAK_BEFORE)
            QTextCursor(block).mergeBlockFormat(fmt)


def keep_on_one_page(qdoc: QTextDocument, frame, lead_block: int | None = None) -> None:
    """Start a frame (the recipients and signature) on a new page if it would be split,
    together with the paragraph that leads into it (the closing sentence)."""
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
