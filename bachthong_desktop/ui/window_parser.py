"""The window's options parser: its help and errors in a box when there is no console.

The windowed program (bachthong-desktop.exe) has no console: sys.stdout and sys.stderr are None
there, and what argparse prints would vanish. WindowParser shows it in a message box instead.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from ..arguments import VietnameseParser
from . import TITLE


class WindowParser(VietnameseParser):
    """A VietnameseParser that shows its help and its errors in a box when there is no console."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unshown: list[str] = []

    def _print_message(self, message, file=None):
        if message and (file or sys.stderr) is None:
            self.unshown.append(message)
        else:
            super()._print_message(message, file)

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, sys.stderr)
        if self.unshown:
            show_in_a_box("".join(self.unshown), error=status != 0)
        sys.exit(status)


def show_in_a_box(text: str, error: bool) -> None:
    """A message box for a program without a console."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bachthong"])
    (QMessageBox.warning if error else QMessageBox.information)(None, TITLE, text)
    app.processEvents()
