"""`bachthong import FILE...`: import commune returns (Excel), each all or nothing."""

from __future__ import annotations

from ..core.periods import parse_period
from ..exchange.importer import import_files, summary_lines


def arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="TỆP", help="các tệp .xlsx nhận được, thư mục chứa chúng, hoặc mẫu tên như *.xlsx")
    parser.add_argument("--period", metavar="KỲ",
                        help="chỉ nhận báo cáo của kỳ này (mặc định: kỳ ghi trong tệp)")
    parser.add_argument("--dry-run", action="store_true",
                        help="chạy thử: kiểm tra và cho biết sẽ làm gì, không lưu gì")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    period = parse_period(args.period).id if args.period else None
    results = import_files(session.store, args.files, period=period, dry_run=args.dry_run)
    print("\n".join(summary_lines(results, args.dry_run)))
    return 0 if all(r.ok for r in results) else 1
