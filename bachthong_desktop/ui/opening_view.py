"""What the window shows while the database opens: the tabs' names and one line of text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QTabWidget, QVBoxLayout, QWidget

OPENING = "Đang mở dữ liệu…"


def tab_widget() -> QTabWidget:
    """The tab bar of the window (the same look before and after the data is in)."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.setStyleSheet("QTabBar::tab { padding: 5px 4px; }")
    return tabs


LIST_STYLE = ("QListWidget { font-size: 13px; } QListWidget::item { padding: 6px 4px; }"
              "QListWidget::item:selected { background: #1f5f9e; color: white; }")


def section_list(tabs: QTabWidget) -> QListWidget:
    """The sections as a list beside the page (every one in sight on a 1024-wide screen);
    it stands for the tab bar, which is hidden, and follows the tabs both ways."""
    names = QListWidget()
    names.setStyleSheet(LIST_STYLE)
    names.setWordWrap(True)
    names.addItems([tabs.tabText(i) for i in range(tabs.count())])
    widest = max((names.fontMetrics().horizontalAdvance(tabs.tabText(i))
                  for i in range(tabs.count())), default=120)
    names.setFixedWidth(min(widest + 36, 230))
    names.setCurrentRow(tabs.currentIndex())
    names.currentRowChanged.connect(tabs.setCurrentIndex)
    tabs.currentChanged.connect(names.setCurrentRow)
    tabs.tabBar().hide()
    return names


def beside(names: QListWidget, tabs: QTabWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(names)
    row.addWidget(tabs, 1)
    return row


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
        self.names = section_list(self.tabs)
        column.addLayout(beside(self.names, self.tabs), 1)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()
