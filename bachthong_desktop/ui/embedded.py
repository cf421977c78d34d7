"""Tabs built by other parts of the program (returns, preview), made when first shown."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

BROKEN = ("Không mở được phần này. Chi tiết lỗi đã ghi vào tệp nhật ký; "
          "các thẻ nhập liệu vẫn dùng bình thường.")
log = logging.getLogger(__name__)


def placeholder(text: str = BROKEN) -> QLabel:
    from PySide6.QtCore import Qt  # its enums cost ~10 ms: not before the window is painted

    label = QLabel(text)
    label.setAlignment(Qt.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555; font-size: 15px;")
    return label


def optional_tab(make) -> QWidget:
    """The widget `make()` builds; if that fails, a placeholder that says so (the error is
    logged) while the data-entry tabs keep working."""
    try:
        return make()
    except Exception:  # noqa: BLE001 - a broken tab must not stop data entry
        log.exception("could not build %s", getattr(make, "__name__", make))
        return placeholder()


def is_real(widget: QWidget) -> bool:
    return hasattr(widget, "set_period")


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
