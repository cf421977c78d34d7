"""What the window shows while the database opens: the tabs' names and one line of text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

OPENING = "Đang mở dữ liệu…"


def tab_widget() -> QTabWidget:
    """The tab bar of the window (the same look before and after the data is in)."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.setStyleSheet("QTabBar::tab { padding: 5px 4px; }")
    return tabs


class OpeningView(QWidget):
    """Stands where the top bar and the tabs will be; `painted` once it is on the screen."""

    painted = Signal()

    def __init__(self, titles: list[str]):
        super().__init__()
        self._painted = False
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        status = QLabel(OPENING)
        status.setStyleSheet("font-size: 15px; color: #555; padding: 4px 4px;")
        column.addWidget(status)
        self.tabs = tab_widget()
        for title in titles:
            self.tabs.addTab(QWidget(), title)
        column.addWidget(self.tabs, 1)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()
