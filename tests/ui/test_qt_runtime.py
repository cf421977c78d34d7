"""The Qt runtime itself: PySide6-Essentials 6.12.0 dropped a reference to None on every void
call, which aborts Python 3.11 after ~100,000 calls (why pyproject.toml pins it below 6.12)."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("Bạch Thông")
    assert sys.getrefcount(None) >= before - 100
