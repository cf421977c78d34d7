"""`bachthong periods`: reporting periods, their cut-off dates and deadlines."""

from __future__ import annotations

from ..core.wording import format_date_d30
from ..core.periods import current_period, periods_of_year
from ..core.deadlines import deadline


def arguments(parser) -> None:
    parser.add_argument("--nam", dest="year", type=int, metavar="NĂM",
                        help="năm cần xem (mặc định: năm của kỳ hiện tại)")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    now = current_period()
    year = args.year or now.year
    stored = set(session.store.periods())
    for period in periods_of_year(year):
        marks = [m for m, on in (("kỳ hiện tại", period == now), ("có dữ liệu", period.id in stored)) if on]
        print(f"{period.id:8} {period.label}: số liệu từ {format_date_d30(period.cutoff_start)} "
              f"đến {format_date_d30(period.cutoff_end)}; hạn xã gửi "
              f"{format_date_d30(deadline(session.db, period, 'unit'))}, hạn huyện gửi "
              f"{format_date_d30(deadline(session.db, period, 'office'))}"
              + (f"  ({', '.join(marks)})" if marks else ""))
    return 0
