"""Template filling and the inline **bold** / *italic* markup of the report's sentences."""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass
from typing import Any

from ..core.numbers import format_date_d30

BLANK = "…"
_MARK = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)", re.DOTALL)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False


def parse_inline(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Split "a **b** *c*" into runs; the marks themselves are not printed."""
    runs = []
    for part in _MARK.split(text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            runs += parse_inline(part[2:-2], True, italic)
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            runs += parse_inline(part[1:-1], bold, True)
        else:
            runs.append(Run(part, bold, italic))
    return runs


def plain(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


class _Formatter(string.Formatter):
    """str.format that prints None as a blank mark and dates as Decree 30 writes them."""

    def format_field(self, value: Any, spec: str) -> str:
        if value is None or value == "":
            return BLANK if value is None else ""
        if isinstance(value, dt.date):
            return format_date_d30(value)
        if isinstance(value, bool):
            return "có" if value else "không"
        if isinstance(value, int) and spec:
            return format(value, spec)
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        return str(value)

    def get_value(self, key, args, kwargs):
        return kwargs.get(key) if isinstance(key, str) else super().get_value(key, args, kwargs)


_FORMATTER = _Formatter()


def fill(template: str, context: dict[str, Any]) -> str:
    """The template with its placeholders replaced (unknown ones print as a blank mark)."""
    return re.sub(r"\s+([.,;])", r"\1", _FORMATTER.format(template, **context)).strip()
