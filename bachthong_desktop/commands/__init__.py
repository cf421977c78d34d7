"""The commands of `bachthong`: a light table of names and help; a command's module loads when run.

`bachthong --version`, `--help` and `show` must not pay for openpyxl and python-docx, which other
commands need. To add a command: one line below (name, module, the help `--help` lists) and a
module with `arguments(parser)` that adds its options and `parser.set_defaults(run=run)`.
"""

from __future__ import annotations

import argparse
import importlib

# (command, module in this package, help listed by `bachthong --help`), in the order listed.
COMMANDS = [
    ("units", "units", "cơ quan tổng hợp và các đơn vị báo cáo (xem, thêm, kết thúc, "
                       "chọn cơ quan)"),
    ("periods", "periods", "các kỳ báo cáo, thời gian chốt số liệu và hạn gửi"),
    ("demo", "demo", "nạp dữ liệu mẫu kỳ 6 tháng đầu năm 2023 (báo cáo của huyện và 14 xã)"),
    ("show", "show", "xem số liệu của báo cáo một kỳ"),
    ("backup", "backup", "sao lưu cơ sở dữ liệu (vào tệp -o, hoặc vào thư mục backups cạnh nó)"),
    ("restore", "restore", "khôi phục cơ sở dữ liệu từ một bản sao lưu (dữ liệu hiện tại được "
                           "sao lưu trước)"),
    ("self-test", "selftest", "tự kiểm tra chương trình (dữ liệu mẫu tạm, tệp Word, PDF, cửa sổ) "
                              "mà không đụng đến dữ liệu thật"),
    ("report", "report", "xuất báo cáo ra tệp Word (.docx) hoặc PDF"),
    ("print", "print_", "in báo cáo ra máy in (mặc định: máy in chính)"),
    ("template", "template", "tạo mẫu báo cáo Excel (.xlsx) để gửi các đơn vị báo cáo"),
    ("import", "import_", "nhập báo cáo Excel của các đơn vị báo cáo"),
    ("status", "status", "xem các đơn vị đã gửi báo cáo chưa"),
    ("trace", "trace", "xem số liệu tổng hợp lấy từ đơn vị nào, tệp nào, ô nào"),
    ("set", "set", "ghi một chỉ tiêu của đơn vị tổng hợp (cho kịch bản)"),
    ("send", "send", "xuất số liệu của cơ quan thành tệp Excel gửi cấp trên (xã gửi tỉnh), "
                     "cùng mẫu với báo cáo của xã"),
]

MODULES = {name: module for name, module, _ in COMMANDS}


class LazyCommands(argparse._SubParsersAction):  # noqa: SLF001 - argparse's one hook for this
    """Sub-commands listed with their help; a command's options load once it is chosen."""

    def __call__(self, parser, namespace, values, option_string=None):
        name = values[0]
        if name in MODULES:  # an unknown name falls through to argparse's own message
            load_arguments(name, self._name_parser_map[name])
        super().__call__(parser, namespace, values, option_string)


def add_commands(commands: LazyCommands) -> None:
    """Every command with its help, nothing imported."""
    for name, _, help_text in COMMANDS:
        commands.add_parser(name, help=help_text)


def load_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    """Import the command's module and let it add its options (and `run`) to its parser."""
    importlib.import_module(f"{__name__}.{MODULES[name]}").arguments(parser)
