"""`bachthong send --period P -o FILE`: the office's own figures as a return to the level above."""

from __future__ import annotations


def arguments(parser) -> None:
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2026-H1, 2026-H2 hoặc 2026")
    parser.add_argument("-o", "--output", required=True, metavar="TỆP",
                        help="tệp .xlsx cần ghi, hoặc một thư mục (tên tệp theo mẫu)")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    from ..exchange.upward import write_upward

    path = write_upward(session, args.period, args.output)
    office = session.office_for(args.period)
    print(f"Đã ghi báo cáo của {office.name} kỳ {args.period} vào {path}. Hãy gửi tệp này cho "
          "cơ quan cấp trên; cơ quan đó nhập bằng lệnh import hoặc kéo tệp vào cửa sổ.")
    return 0
