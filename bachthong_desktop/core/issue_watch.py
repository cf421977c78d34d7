"""What the window says around issuing: a doubtful issue date, the banner of an issued period,
and what has changed in the period's data since its newest issued copy.

An issued period stays editable (late returns and corrections are normal); the issued copy never
changes, and the window shows plainly which figures now differ from it, until it is issued again.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import wording
from .aggregate import figures_as_json
from .issued import TABLE, IssuedVersion

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .definition import Form

_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
SHOWN_TEXT = 40  # a text longer than this is said to have changed, not quoted


def date_doubt(day: dt.date, today: dt.date, due: dt.date | None) -> str | None:
    """"Ngày ban hành 31/12/2026 là ngày sau hôm nay (08/12/2026) …", or None for a usual date."""
    doubts = []
    if day > today:
        doubts.append(f"sau hôm nay ({wording.date(today)})")
    if due is not None and day > due:
        doubts.append(f"sau hạn gửi báo cáo ({wording.date(due)})")
    return f"Ngày ban hành {wording.date(day)} là ngày {' và '.join(doubts)}" if doubts else None


def date_question(day: dt.date, today: dt.date, due: dt.date | None) -> str | None:
    """The question before issuing with a date after today or after the deadline; else None."""
    doubt = date_doubt(day, today, due)
    return f"{doubt}: vẫn phát hành với ngày này, hay sửa lại ngày?" if doubt else None


def date_warning(session, period, day: dt.date | None, today: dt.date | None = None) -> str | None:
    """The command line's word on a doubtful issue date (it cannot ask): None when usual."""
    from .deadlines import deadline

    if day is None:
        return None
    doubt = date_doubt(day, today or dt.date.today(), deadline(session.db, period, "office"))
    return f"Lưu ý: {doubt}; hãy xem lại nếu gõ nhầm." if doubt else None


def banner_text(version: IssuedVersion, count: int = 1) -> str:
    """"ĐÃ PHÁT HÀNH: số 125/BC-UBND ngày 31/12/2026 (2 bản)", as a document is cited; a number
    or day left for the clerk to write by hand is said so."""
    number = version.number.strip()
    found = _DATE_WORDS.search(version.doc_date)  # "ngày 31 tháng 12 năm 2026"
    day = wording.date(dt.date(*map(int, found.groups()[::-1]))) if found else ""
    if number and day:
        cited = f"số {number} ngày {day}"
    else:
        cited = (f"số {number}" if number else "chưa ghi số") + (
            f", ngày {day}" if day else ", chưa ghi ngày")
    copies = f" ({wording.number(count)} bản)" if count > 1 else ""
    return f"ĐÃ PHÁT HÀNH: {cited}{copies}"


@dataclass(frozen=True)
class Change:
    """One entry whose value now differs from the issued copy's."""

    code: str
    label: str
    issued: Any
    now: Any

    @property
    def text(self) -> str:
        """"“Số tin, bài”: bản phát hành 12, nay 15"."""
        return f"“{self.label}”: bản phát hành {_shown(self.issued)}, nay {_shown(self.now)}"


def _shown(value: Any) -> str:
    if value in (None, "", [], {}):
        return "để trống"
    if isinstance(value, bool):
        return wording.yes_no(value)
    if isinstance(value, int):
        return wording.number(value)
    if isinstance(value, str) and len(value) <= SHOWN_TEXT:
        return f"“{value}”"
    if isinstance(value, list):
        return f"{wording.number(len(value))} dòng"
    return "nội dung khác"


def _plain(value: Any) -> Any:
    """A value as the issued copy's JSON holds it (dates and the like as text)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def newest_data(db: Database, period: str) -> dict | None:
    """The data the newest issued copy of a period was made from (its bytes are not read)."""
    if not db[TABLE].exists():
        return None
    rows = list(db.query(f"SELECT data FROM {TABLE} WHERE period = ? ORDER BY id DESC LIMIT 1",
                         [period]))
    return json.loads(rows[0]["data"]) if rows else None


def changes_since(issued: dict, figures: dict, form: Form) -> list[Change]:
    """The entries whose value now differs from the issued copy's, in the definition's order;
    the copy's own number and date are not data (each copy has its own, given when issuing)."""
    before = issued.get("indicators", {})
    now = figures_as_json(figures, form)
    own = {form.role("number"), form.role("date")}
    out = []
    for f in (f for f in form.fields if f.code not in own):
        old = before.get(f.code, {}).get("value")
        new = _plain(now[f.code]["value"]) if f.code in now else None
        if (old in (None, "", [])) and (new in (None, "", [])):
            continue
        if old != new:
            out.append(Change(f.code, f.label, old, new))
    return out
