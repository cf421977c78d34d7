"""`bachthong print --period P [--printer NAME]`: print the report on a printer."""

from __future__ import annotations

from ..core.periods import parse_period
from ..exchange.document import document_for


def register(commands) -> None:
    parser = commands.add_parser("print", help="in báo cáo ra máy in (mặc định: máy in chính)")
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2023-H1, 2023-H2 hoặc 2023")
    parser.add_argument("--printer", metavar="TÊN", help="tên máy in; bỏ trống để dùng máy in chính")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    from ..ui.printing import print_document

    doc = document_for(session, parse_period(args.period))
    name = print_document(doc, args.printer)
    print(f"Đã gửi báo cáo tới máy in “{name}”.")
    return 0
