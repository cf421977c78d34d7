"""Values as Vietnamese text: the one place numbers, shares, dates and lists become words.

The window, messages, `trace`, `show`, the board and the document all call this module, so a
figure reads the same everywhere. The number rule is the reference report's: below 10 000 a
whole number is written plainly ("1086"), from 10 000 with dots between thousands ("12.345"),
decimals with a comma ("3,5").
"""

from __future__ import annotations

import datetime
from typing import Any

from .marks import plain as _plain_words

GROUPING_FROM = 10_000
NOT_REPORTED = "(chưa có)"


def number(value: int | float) -> str:
    """A number by the house rule: 1086, 12.345, 3,5, -12.345."""
    if isinstance(value, bool):
        raise TypeError("a yes/no is not a number")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    if isinstance(magnitude, float):
        whole, _, fraction = repr(magnitude).partition(".")
        return sign + _grouped(int(whole)) + ("," + fraction if fraction else "")
    return sign + _grouped(int(magnitude))


def _grouped(whole: int) -> str:
    digits = str(whole)
    if whole < GROUPING_FROM:
        return digits
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ".".join(groups)


def table_number(value: int | float) -> str:
    """A figure in a table's column: thousands grouped from 1000 ("2.940" under "11.649"), so
    one column reads alike; sentences keep the reference's "1086"."""
    text = number(value)
    whole = int(abs(value))
    if 1000 <= whole < GROUPING_FROM:  # the whole part comes first, after a sign
        digits = str(whole)
        text = text.replace(digits, f"{digits[:-3]}.{digits[-3:]}", 1)
    return text


def count(value: int, pad: int = 0) -> str:
    """A count as the report prints it: count(2, pad=2) == "02", count(12345) == "12.345"."""
    return number(int(value)).zfill(pad) if value < GROUPING_FROM else number(int(value))


def share(percent: int | float) -> str:
    """A share in per cent as the reference writes it: "100 %", "87,5 %"."""
    return f"{number(round(percent, 1))} %"


def month_text(month: int) -> str:
    """Month as Decree 30 prints it: "01", "02", then "3" ... "12"."""
    return f"{month:02d}" if month <= 2 else str(month)


def format_date_d30(d: datetime.date) -> str:
    """A date in running text per Decree 30: 05/6/2023, 21/02/2023, 01/10/2021."""
    return f"{d.day:02d}/{month_text(d.month)}/{d.year}"


def date(value: datetime.date) -> str:
    """A date in running text per Decree 30: 05/6/2023, 21/02/2023."""
    return format_date_d30(value)


def yes_no(value: bool) -> str:
    return "Có" if value else "Không"


def with_unit(value: int | float, unit: str) -> str:
    """A figure with its unit of measure: "1086 lượt", "75 %"."""
    if unit == "%":
        return share(value)
    return f"{number(value)} {unit}".rstrip()


def value(kind: str, raw: Any, unit: str = "") -> str:
    """One stored value of a field of `kind` as text for a person; NOT_REPORTED when empty."""
    if raw is None or raw == "" or raw == []:
        return NOT_REPORTED
    if kind == "yesno" or isinstance(raw, bool):
        return yes_no(bool(raw))
    if kind == "date" and isinstance(raw, datetime.date):
        return date(raw)
    if isinstance(raw, (int, float)):
        return with_unit(raw, unit)
    if isinstance(raw, list):
        return _plain_words("; ".join(_item(item) for item in raw))
    return _plain_words(str(raw))  # a message or the history shows the words, not the marks


def _item(item: Any) -> str:
    if isinstance(item, dict):
        return item.get("text") or "; ".join(str(v) for v in item.values() if v)
    return str(item)
