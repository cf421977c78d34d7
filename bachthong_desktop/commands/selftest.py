"""`bachthong self-test`: the window's self-test, with its report in this console."""

from __future__ import annotations


def register(commands) -> None:
    parser = commands.add_parser(
        "self-test", help="tự kiểm tra chương trình (dữ liệu mẫu tạm, tệp Word, PDF, cửa sổ) "
                          "mà không đụng đến dữ liệu thật")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    from ..ui.selftest import run_self_test

    return run_self_test()
