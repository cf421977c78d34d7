"""A text box with bold and italic (Ctrl+B / Ctrl+I), read and written as marked text
(core/marks.py). Pasted text arrives plain: only the keys set a look."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from ..core import marks

LOOK_KEYS = (QKeySequence.Bold, QKeySequence.Italic)


class MarkedTextEdit(QTextEdit):
    """QTextEdit whose text is plain words with the window's bold/italic marks."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(False)

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and any(event.matches(k) for k in LOOK_KEYS):
            event.accept()  # the box's own look keys, before any window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.Bold):
            self.toggle(bold=True)
        elif event.matches(QKeySequence.Italic):
            self.toggle(italic=True)
        else:
            super().keyPressEvent(event)

    def toggle(self, bold: bool = False, italic: bool = False) -> None:
        """Bold or italic on the selection (or on what is typed next), off where it is on."""
        current = self.currentCharFormat()
        fmt = QTextCharFormat()
        if bold:
            fmt.setFontWeight(QFont.Normal if _bold(current) else QFont.Bold)
        if italic:
            fmt.setFontItalic(not current.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def set_marked(self, text: str) -> None:
        """Show a stored text, its marks as bold and italic."""
        self.setPlainText("")
        cursor = QTextCursor(self.document())
        for part, bold, italic in marks.spans(text or ""):
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Bold if bold else QFont.Normal)
            fmt.setFontItalic(italic)
            cursor.insertText(part, fmt)
        self.setCurrentCharFormat(QTextCharFormat())
        self.moveCursor(QTextCursor.Start)

    def marked(self) -> str:
        """The text with its bold and italic as marks, one line per paragraph."""
        lines = []
        block = self.document().begin()
        while block.isValid():
            text = block.text()
            items = [(text[r.start:r.start + r.length], _bold(r.format), r.format.fontItalic())
                     for r in block.textFormats()]
            lines.append(marks.marked(items))
            block = block.next()
        return "\n".join(lines)


def _bold(fmt: QTextCharFormat) -> bool:
    return int(fmt.fontWeight()) > QFont.Weight.Normal.value
