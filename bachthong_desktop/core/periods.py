"""Reporting periods (`2023-H1`, `2023-H2`, `2023`) with the Decree 09/2019 cut-off dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .errors import UserError

KINDS = ("H1", "H2", "Y")
KIND_NAMES = {"H1": "6 tháng đầu năm", "H2": "6 tháng cuối năm", "Y": "năm"}
# Days after the data cut-off by which each level must have sent its report; the province's
# decision may set other dates, which are stored as settings (see storage).
DEFAULT_DEADLINE_DAYS = {"unit": 3, "office": 6}
_PATTERN = re.compile(r"^\s*(\d{4})(?:\s*-\s*(H1|H2|h1|h2))?\s*$")


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period of one year."""

    year: int
    kind: str  # H1, H2 or Y

    @property
    def id(self) -> str:
        return str(self.year) if self.kind == "Y" else f"{self.year}-{self.kind}"

    def __str__(self) -> str:
        return self.id

    @property
    def label(self) -> str:
        """As people say it: "6 tháng đầu năm 2023", "năm 2023"."""
        return f"{KIND_NAMES[self.kind]} {self.year}"

    @property
    def cutoff_start(self) -> dt.date:
        if self.kind == "H2":
            return dt.date(self.year, 6, 15)
        return dt.date(self.year - 1, 12, 15)

    @property
    def cutoff_end(self) -> dt.date:
        if self.kind == "H1":
            return dt.date(self.year, 6, 14)
        return dt.date(self.year, 12, 14)

    def default_deadline(self, level: str) -> dt.date:
        """The default deadline of a level ("unit" or "office")."""
        return self.cutoff_end + dt.timedelta(days=DEFAULT_DEADLINE_DAYS[level])

    def year_earlier(self) -> "Period":
        return Period(self.year - 1, self.kind)


def parse_period(text: str) -> Period:
    """Read `2023-H1`, `2023-H2` or `2023`; anything else is a user error in Vietnamese."""
    match = _PATTERN.match(str(text or ""))
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise UserError(
            f"Kỳ báo cáo “{text}” không hợp lệ. Hãy ghi theo mẫu 2023-H1 (6 tháng đầu năm), "
            "2023-H2 (6 tháng cuối năm) hoặc 2023 (cả năm)."
        )
    kind = (match.group(2) or "Y").upper()
    return Period(int(match.group(1)), kind)


def as_period(value: Period | str) -> Period:
    """A Period as given, or read from its id: parsed once at the edge, passed on as it is."""
    return value if isinstance(value, Period) else parse_period(value)


def periods_of_year(year: int) -> list[Period]:
    return [Period(year, kind) for kind in KINDS]


def current_period(today: dt.date | None = None) -> Period:
    """The period whose cut-off is nearest to `today`: the report being compiled then."""
    today = today or dt.date.today()
    candidates = [Period(today.year - 1, "Y"), Period(today.year, "H1"), Period(today.year, "Y")]
    return min(candidates, key=lambda p: abs((p.cutoff_end - today).days))
