"""`bachthong periods`: reporting periods, their cut-off dates and deadlines."""

from __future__ import annotations

from ..core.wording import format_date_d30
from ..core.periods import current_period, periods_of_year
from ..core.deadlines import deadline
from ..core.units import NoOfficeError

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
        words = level_words(session, period)
        print(f"{period.id:8} {period.label}: số liệu từ {format_date_d30(period.cutoff_start)} "
              f"đến {format_date_d30(period.cutoff_end)}; hạn {words['members_short']} gửi "
              f"{format_date_d30(deadline(session.db, period, 'unit'))}, hạn gửi "
              f"{words['parent']} {format_date_d30(deadline(session.db, period, 'office'))}"
              + (f"  ({', '.join(marks)})" if marks else ""))
    return 0


def level_words(session, period) -> dict[str, str]:
    """Who sends to the period's office and where it sends ("các xã", "tỉnh"), else generic words."""
    try:
        office = session.office_for(period)
    except NoOfficeError:
        office = None
    return session.form.unit_words(office)
