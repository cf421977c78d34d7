"""`bachthong report --period P -o FILE`: the report as a Word (.docx) or PDF file."""

from __future__ import annotations

import sys

from ..core import wording
from ..core.checks import checks_text
from ..core.issue_watch import date_warning
from ..core.periods import parse_period
from ..exchange.export import export, format_of, parse_doc_date


def arguments(parser) -> None:
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2023-H1, 2023-H2 hoặc 2023")
    parser.add_argument("-o", "--output", required=True, metavar="TỆP",
                        help="tệp cần ghi, đuôi .docx hoặc .pdf")
    parser.add_argument("--final", action="store_true",
                        help="lưu thành bản phát hành (không sửa được về sau)")
    parser.add_argument("--so", metavar="SỐ", help="số văn bản do văn thư cấp, ví dụ 125")
    parser.add_argument("--ngay", metavar="NGÀY", help="ngày ban hành, dạng ngày/tháng/năm")
    parser.set_defaults(run=run)


def _pdf_renderer(output: str):
    """Qt paints the PDF; loaded only when a PDF is asked for (a .docx needs no Qt)."""
    if format_of(output) != "pdf":
        return None
    from ..ui.pdf_file import pdf_bytes  # QtGui only: no widgets, no printers

    return pdf_bytes


def run(session, args) -> int:
    date = parse_doc_date(args.ngay)
    doc, version, problems = export(session, args.period, args.output, final=args.final,
                                    number=args.so, date=date, pdf=_pdf_renderer(args.output))
    if problems:
        print(f"Cảnh báo: báo cáo còn {wording.number(len(problems))} chỗ cần sửa trước khi phát hành "
              f"(đã ghi bản nháp):\n{checks_text(problems)}", file=sys.stderr)
    print(f"Đã ghi báo cáo vào {args.output}.")
    if args.final and (warning := date_warning(session, parse_period(args.period), date)):
        print(warning, file=sys.stderr)
    if version is not None:
        print(f"Đã lưu bản phát hành (mã {version.id}): {version.label}.")
    return 0
