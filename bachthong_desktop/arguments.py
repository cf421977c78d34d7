"""argparse in Vietnamese, for the command line and (through ui/window_parser.py) the window."""

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
