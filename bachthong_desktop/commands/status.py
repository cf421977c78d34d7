"""`bachthong status --period P`: which units have sent their return, and when."""

from __future__ import annotations

from ..core import wording
from ..core.periods import parse_period
from ..core.returns import board, when_words


def arguments(parser) -> None:
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2023-H1, 2023-H2 hoặc 2023")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    period = parse_period(args.period)
    result = board(session.store, period.id, session.units(period))
    office = session.office_for(period)
    words = session.form.unit_words(office)
    print(f"Kỳ {period.label} ({period.id}); hạn gửi của {words['members']}: "
          f"{wording.date(result.deadline)}.")
    for row in result.rows:
        when = f", nhận lúc {when_words(row.received_at)}" if row.received_at else ""
        source = f", tệp “{row.file_name}”" if row.file_name else ""
        print(f"  {row.unit_code}  {row.unit_name}: {row.state_words}{when}{source}")
    print(f"Đã có báo cáo của {wording.number(result.received)}/"
          f"{wording.number(len(result.rows))} {words['member_kinds']} "
          f"({wording.share(result.rate)}).")
    return 0
