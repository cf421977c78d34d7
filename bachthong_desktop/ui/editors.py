"""One small editor class per simple field kind, each with `load(value)` and `value()`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QPlainTextEdit,
                               QToolButton, QWidget)

from ..core.definition import Field
from ..core.numbers import parse_count
from ..core.text import clean

EMPTY_DATE = QDate(1900, 1, 1)
PROBLEM_STYLE = "border: 2px solid #c0392b; background: #fdecea;"
YESNO = ["—", "Có", "Không"]


class UndoKeysToWindow(QObject):
    """Let Ctrl+Z / Ctrl+Y reach the window's undo of saved edits, not a widget's own undo."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.ShortcutOverride:
            if event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo):
                return True
        return False


_UNDO_FILTER = UndoKeysToWindow()


def route_undo_keys(widget: QWidget) -> None:
    widget.installEventFilter(_UNDO_FILTER)


class Editor(QWidget):
    """Base of the field editors: `edited` fires on a user's change, never on `load`."""

    edited = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self._loading = False
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def load(self, value: Any) -> None:
        self._loading = True
        try:
            self._load(value)
        finally:
            self._loading = False

    def _load(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def _changed(self, *args) -> None:
        if not self._loading:
            self.edited.emit()

    def focus_widget(self) -> QWidget:
        return self.main

    def _add(self, widget: QWidget) -> QWidget:
        self.main = widget
        route_undo_keys(widget)
        self.layout_.addWidget(widget)
        self.setFocusProxy(widget)
        return widget

    def set_problem(self, message: str | None) -> None:
        """Red border and the message as tooltip, or back to normal."""
        self.main.setStyleSheet(PROBLEM_STYLE if message else "")
        self.main.setToolTip(message or "")


class CountEditor(Editor):
    """A non-negative count; accepts "1.086" as people type it."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        edit = self._add(QLineEdit())
        edit.setMaximumWidth(160)
        edit.setPlaceholderText("để trống nếu chưa có")
        edit.textEdited.connect(self._changed)
        self.layout_.addStretch(1)

    def _load(self, value):
        self.main.setText("" if value is None else str(value))

    def text(self) -> str:
        return self.main.text()

    def value(self):
        return parse_count(self.main.text())


class YesNoEditor(Editor):
    """— / Có / Không."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        box = self._add(QComboBox())
        box.addItems(YESNO)
        box.setMaximumWidth(160)
        box.currentIndexChanged.connect(self._changed)
        self.layout_.addStretch(1)

    def _load(self, value):
        self.main.setCurrentIndex(0 if value is None else (1 if value else 2))

    def value(self):
        return [None, True, False][self.main.currentIndex()]


class DateEditor(Editor):
    """dd/MM/yyyy with a calendar; "—" when empty, and a button to empty it."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        edit = self._add(QDateEdit())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(EMPTY_DATE)
        edit.setSpecialValueText("—  (chưa có ngày)")
        edit.setMinimumWidth(170)
        edit.setDate(EMPTY_DATE)
        edit.dateChanged.connect(self._changed)
        edit.calendarWidget().installEventFilter(self)
        clear = QToolButton()
        clear.setText("Xóa ngày")
        clear.setFocusPolicy(clear.focusPolicy().NoFocus)
        clear.clicked.connect(self.clear)
        self.layout_.addWidget(clear)
        self.layout_.addStretch(1)

    def eventFilter(self, obj, event) -> bool:
        """An empty date opens its calendar on this month, not on January 1900."""
        if event.type() == QEvent.Show and self.main.date() == EMPTY_DATE:
            today = QDate.currentDate()
            obj.setCurrentPage(today.year(), today.month())
        return False

    def clear(self) -> None:
        self.main.setDate(EMPTY_DATE)

    def _load(self, value):
        if value:
            day = dt.date.fromisoformat(value)
            self.main.setDate(QDate(day.year, day.month, day.day))
        else:
            self.main.setDate(EMPTY_DATE)

    def value(self):
        date = self.main.date()
        return None if date == EMPTY_DATE else date.toString("yyyy-MM-dd")


class TextEditor(Editor):
    """One line of text."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        edit = self._add(QLineEdit())
        edit.textEdited.connect(self._changed)

    def _load(self, value):
        self.main.setText(value or "")

    def value(self):
        return self.main.text()


class PlainEditor(Editor):
    """Base of the multi-line editors: Tab moves on, the box grows with its text a little."""

    ROWS = 5

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        edit = self._add(QPlainTextEdit())
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * self.ROWS + 12)
        edit.textChanged.connect(self._changed)

    def plain(self) -> str:
        return self.main.toPlainText()


class LongTextEditor(PlainEditor):
    """A narrative of one or more paragraphs."""

    ROWS = 7

    def _load(self, value):
        self.main.setPlainText(value or "")

    def value(self):
        return self.plain()


class ListEditor(PlainEditor):
    """A bullet list: one item per line."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.main.setPlaceholderText("Mỗi dòng một ý; khi in, mỗi dòng là một gạch đầu dòng “- ”.")

    def _load(self, value):
        self.main.setPlainText("\n".join(value or []))

    def value(self):
        return [t for t in (clean(line) for line in self.plain().splitlines()) if t]
