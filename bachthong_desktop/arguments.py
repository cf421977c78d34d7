"""argparse in Vietnamese, for the command line and the window's few options.

The windowed program (bachthong-desktop.exe) has no console: sys.stdout and sys.stderr are None
there, and what argparse prints would vanish. WindowParser shows it in a message box instead.
"""

from __future__ import annotations

import argparse
import sys


class VietnameseParser(argparse.ArgumentParser):
    """argparse with its own words in Vietnamese and exit code 2 for wrong usage."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="hiện hướng dẫn này rồi thoát")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "Cách dùng:", 1)

    def format_help(self) -> str:
        text = super().format_help().replace("usage:", "Cách dùng:", 1)
        for english, vietnamese in (("positional arguments:", "Tham số:"),
                                    ("options:", "Tùy chọn:")):
            text = text.replace(english, vietnamese)
        return text

    def error(self, message: str):
        self.print_usage(sys.stderr)
        message = (message.replace("the following arguments are required", "thiếu tham số bắt buộc")
                   .replace("invalid choice", "lựa chọn không hợp lệ")
                   .replace("unrecognized arguments", "tham số không hiểu được")
                   .replace("expected one argument", "cần một giá trị"))
        self.exit(2, f"Lỗi cách dùng: {message}. Xem thêm: {self.prog.split()[0]} --help\n")


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
    """A message box for a program without a console (imports Qt only when needed)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .ui import TITLE

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bachthong"])
    (QMessageBox.warning if error else QMessageBox.information)(None, TITLE, text)
    app.processEvents()
