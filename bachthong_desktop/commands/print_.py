"""`bachthong print --period P [--printer NAME]`: print the report on a printer."""

from __future__ import annotations

import dataclasses
import sys

from ..core import wording
from ..core.checks import checks_text, failing_checks
from ..core.issue_watch import date_warning
from ..core.periods import parse_period
from ..exchange.document import document_for, with_number
from ..exchange.export import issue_copy, parse_doc_date, refuse_if_failing


def arguments(parser) -> None:
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2023-H1, 2023-H2 hoặc 2023")
    parser.add_argument("--printer", metavar="TÊN", help="tên máy in; bỏ trống để dùng máy in chính")
    parser.add_argument("--final", action="store_true",
                        help="lưu bản in thành bản phát hành (PDF, không sửa được về sau)")
    parser.add_argument("--so", metavar="SỐ", help="số văn bản do văn thư cấp, ví dụ 125")
    parser.add_argument("--ngay", metavar="NGÀY", help="ngày ban hành, dạng ngày/tháng/năm")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    from ..ui.printing import pdf_bytes, print_document

    period = parse_period(args.period)
    date = parse_doc_date(args.ngay)
    state = session.state(period)
    problems = failing_checks(state, date)
    if args.final:
        refuse_if_failing(problems)
    elif problems:
        print(f"Cảnh báo: báo cáo còn {wording.number(len(problems))} chỗ cần sửa trước khi phát hành:\n"
              f"{checks_text(problems)}", file=sys.stderr)
    doc = dataclasses.replace(document_for(session, period, state, args.so, date),
                              draft=bool(problems))
    figures = with_number(session.form, state.figures, args.so, date)
    name = print_document(doc, args.printer)
    if args.final and (warning := date_warning(session, period, date)):
        print(warning, file=sys.stderr)
    print(f"Đã gửi báo cáo tới máy in “{name}”.")
    if args.final:
        version = issue_copy(session, period.id, doc, "pdf", pdf_bytes(doc), figures)
        print(f"Đã lưu bản phát hành (mã {version.id}): {version.label}.")
    return 0
