"""Helpers for driving the real window: build it on a database file, type like a person."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from bachthong_desktop.core.session import Session


def type_text(widget, text: str) -> None:
    """Type text key by key (Vietnamese too); "\\n" presses Enter."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            events = [QKeyEvent(t, Qt.Key_Return, Qt.NoModifier, "\r")
                      for t in (QEvent.KeyPress, QEvent.KeyRelease)]
        else:
            events = [QKeyEvent(t, Qt.Key_unknown, Qt.NoModifier, ch)
                      for t in (QEvent.KeyPress, QEvent.KeyRelease)]
        for event in events:
            QApplication.sendEvent(widget, event)


class WindowOpener:
    """Open the main window on one database file, close it, open it again."""

    def __init__(self, qtbot, db_path):
        self.qtbot, self.db_path = qtbot, db_path
        self.session = self.window = None

    def open(self, period: str = "2023-H1", mode=None):
        from bachthong_desktop.ui.app import build_main_window

        self.session = Session(self.db_path)
        self.window = build_main_window(self.session, period, mode)
        self.qtbot.addWidget(self.window)
        self.window.show()
        return self.window

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.session.close()
            self.window = None

    def reopen(self, period: str = "2023-H1", mode=None):
        self.close()
        return self.open(period, mode)


def editor_of(window, code: str):
    for tab in window.section_tabs:
        if code in tab.editors:
            return tab.editors[code]
    raise KeyError(code)


def when_modal(kind, act, seen: list | None = None) -> None:
    """Run `act(widget)` on the next modal widget of `kind` once it is on the screen
    (a QMessageBox's text, or the widget itself, goes into `seen`)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def attempt():
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(10, attempt)
            return
        if seen is not None:
            seen.append(widget.text() if isinstance(widget, QMessageBox) else widget)
        act(widget)
    QTimer.singleShot(0, attempt)


def filled_return(session: Session, folder, unit: str = "01975", **values):
    """A unit's 2023-H1 template saved in `folder` with these figures typed in its value column."""
    import openpyxl

    from bachthong_desktop.core.demo import DEMO_PERIOD
    from bachthong_desktop.core.periods import parse_period
    from bachthong_desktop.core.units import get_unit
    from bachthong_desktop.exchange.xlsx_template import TemplateInfo, write_template

    path = write_template(TemplateInfo(get_unit(session.db, unit), parse_period(DEMO_PERIOD),
                                       session.form), folder)
    wb = openpyxl.load_workbook(path)
    for row in wb["Báo cáo"].iter_rows(min_row=7):
        if row[0].value in values:
            row[4].value = values[row[0].value]
    wb.save(path)
    return path
