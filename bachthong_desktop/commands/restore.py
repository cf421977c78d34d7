"""`bachthong restore FILE`: check a backup, back up the current data, then restore."""

from __future__ import annotations

from ..core.lock import refuse_if_window_open
from ..core.restore import restore


def arguments(parser) -> None:
    parser.add_argument("file", metavar="TỆP", help="tệp sao lưu .sqlite3")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    refuse_if_window_open(session.db_path)
    before = restore(session.db_path, args.file)
    print(f"Đã khôi phục cơ sở dữ liệu {session.db_path} từ “{args.file}”.")
    if before:
        print(f"Dữ liệu trước khi khôi phục được giữ trong “{before}”.")
    return 0
