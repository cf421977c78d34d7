"""`bachthong backup`: copy the database with SQLite's backup API, to a file or the backups folder."""

from __future__ import annotations

from pathlib import Path

from ..core.backup import backup_now, backups_dir, write_backup
from ..core.errors import UserError


def arguments(parser) -> None:
    parser.add_argument("-o", "--output", metavar="TỆP",
                        help="tệp sao lưu mới (mặc định: thư mục backups cạnh cơ sở dữ liệu, "
                             "giữ 10 bản gần nhất và một bản mỗi tháng)")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    if args.output:
        target = Path(args.output)
        if target.exists():
            raise UserError(f"Tệp “{target}” đã có. Hãy chọn tên khác hoặc xóa tệp đó trước.")
        if target.parent.is_file():
            raise UserError(f"“{target.parent}” không phải là thư mục. Hãy chọn thư mục khác.")
        write_backup(session.db.conn, target)
    else:
        target = backup_now(session, "manual")
    print(f"Đã sao lưu cơ sở dữ liệu {session.db_path} vào “{target}”.")
    if not args.output:
        print(f"Các bản sao lưu nằm trong “{backups_dir(session.db_path)}”.")
    return 0
