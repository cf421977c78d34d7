"""Normalise a value for a field of the definition, and turn it to and from stored JSON.

Stored shapes: count int; yesno bool; date "YYYY-MM-DD"; text and longtext str (NFC);
list [str]; nested_list [{"text": str, "children": [str]}]; table [{column: value}].
Typed texts may hold the window's bold/italic marks (core/marks.py).
An empty value is None: "not reported", never zero.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .definition import Field
from .errors import UserError
from .numbers import NumberError, parse_count, parse_date
from . import marks
from .text import clean as _clean_words, clean_multiline as _clean_lines

def clean(text: str) -> str:
    """Cleaned as typed text is; the editor's bold and italic marks kept in their one form."""
    text = _clean_words(marks.tidy(text))
    return marks.trimmed(text) if marks.has_marks(text) else text


def clean_multiline(text: str) -> str:
    text = _clean_lines(marks.tidy(text))
    if not marks.has_marks(text):
        return text
    return "\n".join(marks.trimmed(line, left=False) for line in text.split("\n")).strip("\n")


YES_WORDS = {"có", "co", "x", "yes", "đã", "da", "1", "true", "rồi", "đã ban hành"}
NO_WORDS = {"không", "khong", "chưa", "chua", "no", "0", "false"}


def coerce(field: Field, raw: Any) -> Any:
    """The stored form of `raw` for this field; UserError names the field when it can't be read."""
    try:
        value = _COERCERS[field.kind](raw, field)
    except NumberError as exc:
        raise UserError(f"{field.label}: {exc.message}") from exc
    return None if value in ("", [], None) else value


def _count(raw: Any, field: Field) -> int | None:
    return parse_count(raw, field.unit or None, field.maximum)


def _yesno(raw: Any, field: Field) -> bool | None:
    if raw is None or isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    word = clean(str(raw)).casefold()
    if word in ("", "-"):
        return None
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise NumberError(f"“{raw}” không phải là câu trả lời có/không. Hãy ghi “Có” hoặc “Không”.")


def _date(raw: Any, field: Field) -> str | None:
    day = parse_date(raw)
    return day.isoformat() if day else None


def _text(raw: Any, field: Field) -> str | None:
    return clean(str(raw)) if raw is not None else None


def _longtext(raw: Any, field: Field) -> str | None:
    return clean_multiline(str(raw)) if raw is not None else None


def _list(raw: Any, field: Field) -> list[str]:
    if raw is None:
        return []
    items = raw.splitlines() if isinstance(raw, str) else raw
    return [t for t in (clean(str(i)) for i in items) if t]


def _nested(raw: Any, field: Field) -> list[dict]:
    items = []
    for item in raw or []:
        if isinstance(item, str):
            item = {"text": item}
        text = clean(item.get("text", ""))
        children = _list(item.get("children", []), field)
        if text or children:
            items.append({"text": text, "children": children})
    return items


def _table(raw: Any, field: Field) -> list[dict]:
    rows = []
    for row in raw or []:
        clean_row = {}
        for col in field.columns:
            cell = row.get(col.code)
            if col.kind == "date":
                day = parse_date(cell)
                clean_row[col.code] = day.isoformat() if day else None
            else:
                clean_row[col.code] = clean(str(cell)) if cell not in (None, "") else None
        if any(v for v in clean_row.values()):
            rows.append(clean_row)
    return rows


_COERCERS = {
    "count": _count, "yesno": _yesno, "date": _date, "text": _text, "longtext": _longtext,
    "list": _list, "nested_list": _nested, "table": _table,
}


def to_json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def as_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
