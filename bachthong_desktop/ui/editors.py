"""One small editor class per simple field kind, each with `load(value)` and `value()`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QCalendarWidget, QComboBox, QHBoxLayout, QLineEdit,
                               QToolButton, QWidget)

from ..core.definition import Field
from ..core import wording
from ..core.numbers import NumberError, parse_count
from ..core.periods import Period
from ..core.text import clean
from ..core.typed_dates import parse_typed_date, typed_text
from .marked_text import MarkedTextEdit

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

    def typed_text(self) -> str | None:
        """What was typed, for editors whose text may not read (counts, dates); else None."""
        return None

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
        edit.setPlaceholderText("chưa có số")
        edit.textEdited.connect(self._changed)
        self.layout_.addStretch(1)

    def _load(self, value):
        self.main.setText("" if value is None else wording.number(value))

    def typed_text(self) -> str:
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
    """A date typed as people type it (20/4/2023, 20/4/23, 200423) or picked on a calendar."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        edit = self._add(QLineEdit())
        edit.setPlaceholderText("ngày/tháng/năm")
        edit.setMinimumWidth(120)
        edit.setMaximumWidth(160)
        edit.textEdited.connect(self._changed)
        edit.editingFinished.connect(self._tidy)
        self.pick = QToolButton()
        self.pick.setText("Chọn trên lịch…")
        self.pick.setFocusPolicy(Qt.NoFocus)
        self.pick.clicked.connect(self.open_calendar)
        self.layout_.addWidget(self.pick)
        self.layout_.addStretch(1)
        self.period: Period | None = None
        self.calendar: QCalendarWidget | None = None

    def set_period(self, period: Period) -> None:
        """The report period: an empty date's calendar opens on its last month."""
        self.period = period

    def open_calendar(self) -> QCalendarWidget:
        """A Vietnamese calendar on the date shown, else inside the report period."""
        calendar = self.calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.Popup)
        calendar.setLocale(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
        calendar.setFirstDayOfWeek(Qt.Monday)
        calendar.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        shown = self._typed_day() or (self.period.cutoff_end if self.period else dt.date.today())
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.setCurrentPage(shown.year, shown.month)
        calendar.clicked.connect(self._picked)
        calendar.move(self.pick.mapToGlobal(QPoint(0, self.pick.height())))
        calendar.show()
        return calendar

    def _picked(self, date: QDate) -> None:
        self.main.setText(typed_text(dt.date(date.year(), date.month(), date.day())))
        self.calendar.close()
        self._changed()

    def _typed_day(self) -> dt.date | None:
        try:
            return parse_typed_date(self.main.text())
        except NumberError:
            return None

    def _tidy(self) -> None:
        """A date that reads is shown in full (20/4/23 -> 20/04/2023)."""
        day = self._typed_day()
        if day is not None:
            self.main.setText(typed_text(day))

    def clear(self) -> None:
        self.main.clear()
        self._changed()

    def _load(self, value):
        self.main.setText(typed_text(dt.date.fromisoformat(value) if value else None))

    def typed_text(self) -> str:
        return self.main.text()

    def value(self):
        day = parse_typed_date(self.main.text())
        return None if day is None else day.isoformat()


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
    """Base of the multi-line editors: Tab moves on, the box grows with its text a little;
    Ctrl+B / Ctrl+I set bold and italic, printed as shown."""

    ROWS = 5

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        edit = self._add(MarkedTextEdit())
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * self.ROWS + 12)
        edit.textChanged.connect(self._changed)

    def marked(self) -> str:
        """The text with its bold and italic as marks (core/marks.py)."""
        return self.main.marked()


class LongTextEditor(PlainEditor):
    """A narrative of one or more paragraphs."""

    ROWS = 7

    def _load(self, value):
        self.main.set_marked(value or "")

    def value(self):
        return self.marked()


class ListEditor(PlainEditor):
    """A bullet list: one item per line."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.main.setPlaceholderText("Mỗi dòng một ý; khi in, mỗi dòng là một gạch đầu dòng “- ”.")

    def _load(self, value):
        self.main.set_marked("\n".join(value or []))

    def value(self):
        return [t for t in (clean(line) for line in self.marked().splitlines()) if t]
