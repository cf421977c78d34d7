"""The command line `bachthong`: the same operations as the window, without it."""

from __future__ import annotations

import argparse
import sys

from . import __version__
from .arguments import VietnameseParser
from .commands import LazyCommands, add_commands


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(
        prog="bachthong",
        description="Tổng hợp và in Báo cáo công tác thông tin đối ngoại (không cần Internet).")
    parser.add_argument("--version", action="version", version=f"bachthong {__version__}",
                        help="hiện số phiên bản rồi thoát")
    parser.add_argument("--db", metavar="TỆP",
                        help="tệp cơ sở dữ liệu (mặc định: biến BACHTHONG_DB, hoặc thư mục dữ liệu "
                             "của người dùng)")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH", title="Các lệnh",
                                     parser_class=VietnameseParser, action=LazyCommands)
    commands.required = True
    add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 success, 1 a problem with the user's data or files, 2 wrong usage."""
    from .core.console import setup_streams

    setup_streams()  # a pipe in PowerShell 5.1 is read in the console's code page, not UTF-8
    parser = build_parser()
    args = parser.parse_args(argv)
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """The chosen command on the database; its errors as one Vietnamese sentence."""
    import logging  # here, not at the top: `--version` and `--help` need none of this
    import sqlite3

    from .core.errors import UserError
    from .core.logs import setup_logging
    from .core.session import Session

    setup_logging()
    session = Session(args.db)
    try:
        return args.run(session, args) or 0
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return exc.exit_code
    except sqlite3.OperationalError as exc:  # e.g. the window held a write longer than the wait
        logging.getLogger(__name__).exception("database error in %s", args.command)
        print(f"Lỗi: Cơ sở dữ liệu “{session.db_path}” đang bận hoặc không ghi được ({exc}). "
              "Hãy chờ một lát, đóng cửa sổ chương trình nếu đang mở, rồi chạy lại lệnh.",
              file=sys.stderr)
        return 1
    except BrokenPipeError:  # the output was piped into `head` or similar, which closed early
        sys.stderr.close()
        return 0
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(main())
