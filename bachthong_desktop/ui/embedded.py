"""Tabs built by other parts of the program (returns, preview), made when first shown."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

BROKEN = ("Không mở được phần này. Chi tiết lỗi đã ghi vào tệp nhật ký; "
          "các thẻ nhập liệu vẫn dùng bình thường.")
log = logging.getLogger(__name__)


class BrokenTab(QLabel):
    """What stands in a tab that could not be built: a sentence saying so."""

    def __init__(self, text: str = BROKEN):
        from PySide6.QtCore import Qt  # its enums cost ~10 ms: not before the window is painted

        super().__init__(text)
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #555; font-size: 15px;")


def placeholder(text: str = BROKEN) -> QLabel:
    return BrokenTab(text)


def optional_tab(make) -> QWidget:
    """The widget `make()` builds; if that fails, a placeholder that says so (the error is
    logged) while the data-entry tabs keep working."""
    try:
        return make()
    except Exception:  # noqa: BLE001 - a broken tab must not stop data entry
        log.exception("could not build %s", getattr(make, "__name__", make))
        return placeholder()


def is_real(widget: QWidget | None) -> bool:
    """A tab that was built (not None, not the sentence standing in for a broken one)."""
    return widget is not None and not isinstance(widget, BrokenTab)


class LazyTab(QWidget):
    """A tab whose content is made when first shown; `on_built(content)` wires it then."""

    def __init__(self, make, on_built=None):
        super().__init__()
        self.make, self.on_built, self.content = make, on_built, None
        self.setLayout(QVBoxLayout())
        self.layout().setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.content is None:
            self.content = self.make()
            self.layout().addWidget(self.content)
            if self.on_built is not None:
                self.on_built(self.content)
        return self.content

    def showEvent(self, event) -> None:
        self.ensure_built()
        super().showEvent(event)
