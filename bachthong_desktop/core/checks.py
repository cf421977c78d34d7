"""Checks of a report's values from the definition: empty required fields, unreadable numbers,
figures far from the same period one year earlier (a warning, never a block)."""

from __future__ import annotations

from dataclasses import dataclass
import datetime as dt
from typing import Any, Iterable

from .definition import Field
from .numbers import NumberError, parse_count, parse_date
from .wording import date as date_text, number

ERROR = "error"
WARNING = "warning"
# A count is "far" from last year's when it is under half or over double, and the gap is
# not tiny (02 -> 05 pages is normal life, not a typing slip).
FAR_RATIO = 2.0
FAR_MIN_GAP = 10


@dataclass(frozen=True)
class Problem:
    """One thing to look at before printing."""

    field: str
    label: str
    level: str
    message: str


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def required_problem(f: Field, value: Any) -> Problem | None:
    """A required field left empty."""
    if f.required and is_empty(value):
        return Problem(f.code, f.label, ERROR, "Chưa nhập nội dung bắt buộc này. Hãy nhập trước khi in.")
    return None


def count_text_problem(f: Field, text: str) -> Problem | None:
    """A count as typed that cannot be read, or is negative."""
    try:
        parse_count(text)
    except NumberError as exc:
        return Problem(f.code, f.label, ERROR, exc.message)
    return None


def far_problem(f: Field, value: Any, earlier: Any, earlier_label: str) -> Problem | None:
    """A count far from the same period one year earlier."""
    if f.kind != "count" or not isinstance(value, int) or not isinstance(earlier, int):
        return None
    if abs(value - earlier) < FAR_MIN_GAP:
        return None
    if earlier == 0 or value > earlier * FAR_RATIO or value * FAR_RATIO < earlier:
        return Problem(f.code, f.label, WARNING,
                       f"Số liệu {number(value)} khác xa cùng kỳ {earlier_label} ({number(earlier)}). "
                       "Hãy kiểm tra lại; nếu đúng thì cứ để nguyên.")
    return None


def check_values(fields: Iterable[Field], values: dict[str, Any], earlier: dict[str, Any],
                 earlier_label: str = "năm trước",
                 typed: dict[str, str] | None = None) -> list[Problem]:
    """Every problem of these fields; `typed` holds texts that could not be saved yet."""
    typed = typed or {}
    problems = []
    for f in fields:
        found = None
        if f.code in typed:
            found = count_text_problem(f, typed[f.code])
        found = found or required_problem(f, values.get(f.code))
        found = found or far_problem(f, values.get(f.code), earlier.get(f.code), earlier_label)
        if found:
            problems.append(found)
    return problems


# --- checks of the whole report, before it is printed or issued --------------------------

def _as_day(value: Any):
    """A stored date (date or dd/mm/yyyy / ISO text) as a date; None when empty or unreadable."""
    if value is None or value == "" or isinstance(value, dt.date):
        return value or None
    try:
        return parse_date(str(value))
    except NumberError:
        return None


def date_order_problem(form, values: dict[str, Any], issue_date: Any = None) -> Problem | None:
    """The report dated before the letter that asked for it."""
    date_code, request_code = form.role("date"), form.role("request_date")
    issued = _as_day(issue_date if issue_date is not None else values.get(date_code))
    asked = _as_day(values.get(request_code))
    if issued is None or asked is None or issued >= asked:
        return None
    label = form.field(date_code).label
    return Problem(date_code, label, ERROR,
                   f"Ngày ban hành {date_text(issued)} đứng trước ngày của văn bản yêu cầu báo "
                   f"cáo ({date_text(asked)}). Hãy kiểm tra lại ngày ban hành.")


def failing_checks(state, issue_date: Any = None) -> list[Problem]:
    """What must be put right before the report of a compiled state is issued: required
    fields left empty, an issue date before the request letter. (Far-from-last-year figures
    are warnings to look at, not failures.) `issue_date` is the date given for this copy."""
    values = {code: fig.value for code, fig in state.figures.items()}
    problems = [p for f in state.form.fields if (p := required_problem(f, values.get(f.code)))]
    order = date_order_problem(state.form, values, issue_date)
    return problems + ([order] if order else [])


def checks_text(problems: list[Problem]) -> str:
    """The failing checks as lines for a person: "- Label: message"."""
    return "\n".join(f"- {p.label}: {p.message}" for p in problems)
