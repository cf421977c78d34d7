"""A table cell that takes bold and italic (a row's own description): edited in a
MarkedTextEdit, shown with its looks, its marked text kept in the item's MARKED role."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..core import marks
from .marked_text import MarkedTextEdit

MARKED = Qt.UserRole + 7  # the cell's text with its marks; the display role holds the words


def cell_text(item) -> str:
    """What a cell holds, with its marks when it has them."""
    value = item.data(MARKED)
    return value if isinstance(value, str) else item.text()


def set_cell_text(item, text: str) -> None:
    item.setData(MARKED, text)
    item.setText(marks.plain(text))


def as_html(text: str) -> str:
    """The marked text as the little HTML a QTextDocument draws."""
    out = []
    for part, bold, italic in marks.spans(text):
        piece = html.escape(part).replace("\n", "<br>")
        if italic:
            piece = f"<i>{piece}</i>"
        out.append(f"<b>{piece}</b>" if bold else piece)
    return "".join(out)


class MarkedCellDelegate(QStyledItemDelegate):
    """Ctrl+B / Ctrl+I while a cell is edited; the cell drawn bold and italic as set."""

    def createEditor(self, parent, option, index):
        edit = MarkedTextEdit(parent)
        edit.setTabChangesFocus(True)
        return edit

    def setEditorData(self, editor, index) -> None:
        value = index.data(MARKED)
        editor.set_marked(value if isinstance(value, str) else index.data() or "")

    def setModelData(self, editor, model, index) -> None:
        text = editor.marked()
        model.setData(index, text, MARKED)
        model.setData(index, marks.plain(text), Qt.DisplayRole)

    def paint(self, painter, option, index) -> None:
        value = index.data(MARKED)
        if not isinstance(value, str) or not marks.has_marks(value):
            super().paint(painter, option, index)
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        view.widget.style().drawControl(QStyle.CE_ItemViewItem, view, painter, view.widget)
        doc = QTextDocument()
        doc.setDefaultFont(view.font)
        doc.setTextWidth(view.rect.width())
        doc.setHtml(as_html(value))
        painter.save()
        painter.translate(view.rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, view.rect.width(), view.rect.height()))
        painter.restore()
