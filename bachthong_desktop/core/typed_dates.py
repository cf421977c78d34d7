"""Dates as clerks type them into a date box: 20/4/2023, 20/4/23, 20042023, 200423."""

from __future__ import annotations

import datetime
import re

from .numbers import NumberError, parse_date
from .text import clean

_SHORT_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})")
_RUN_OF_DIGITS = re.compile(r"\d{6}|\d{8}")
CENTURY = 2000


def parse_typed_date(text: str) -> datetime.date | None:
    """A typed date (None when empty), or NumberError saying in Vietnamese what is wrong."""
    written = clean(text or "")
    if short := _SHORT_DMY.fullmatch(written):
        day, sep, month, year = short.groups()
        written = f"{day}{sep}{month}{sep}{CENTURY + int(year)}"
    elif _RUN_OF_DIGITS.fullmatch(written):
        day, month, year = written[:2], written[2:4], written[4:]
        year = str(CENTURY + int(year)) if len(year) == 2 else year
        written = f"{day}/{month}/{year}"
    return parse_date(written)


def typed_text(day: datetime.date | None) -> str:
    """How a date box shows a date: 05/06/2023 (always two digits, easy to type over)."""
    return "" if day is None else f"{day:%d/%m/%Y}"
