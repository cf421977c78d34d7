"""Start a new period from the previous one of the same kind: narrative, lists, recipients."""

from __future__ import annotations

from .definition import Field, Form
import datetime as dt

from .periods import Period, current_period, parse_period, periods_of_year
from .store import Store

DRAFT_KINDS = {"longtext", "list", "nested_list"}
# Text fields that belong with the recipients and are the same from one report to the next.
DRAFT_EXTRA = {"recipients_note"}


def draft_source(period_id: str) -> str:
    return f"draft:{period_id}"


def draft_fields(form: Form) -> list[Field]:
    """The office's fields worth copying: narrative, lists and the recipients."""
    return [f for f in form.fields if f.from_office
            and (f.kind in DRAFT_KINDS or f.code in DRAFT_EXTRA)]


def previous_period(store: Store, period_id: str, unit_code: str) -> str | None:
    """The latest earlier period of the same kind (H1, H2 or year) with values of this unit."""
    target = parse_period(period_id)
    earlier = []
    for pid in store.periods():
        p = parse_period(pid)
        if p.kind == target.kind and p.year < target.year and store.values(pid, unit_code):
            earlier.append(p)
    return max(earlier).id if earlier else None


def copy_draft(store: Store, period_id: str, unit_code: str,
               from_period: str | None = None) -> list[str]:
    """Copy the draft fields into the new period where it has nothing yet; the copied codes."""
    source = from_period or previous_period(store, period_id, unit_code)
    if source is None:
        return []
    old = store.values(source, unit_code)
    new = store.values(period_id, unit_code)
    raws = {f.code: old[f.code] for f in draft_fields(store.form)
            if old.get(f.code) is not None and new.get(f.code) is None}
    return store.set_many(period_id, unit_code, raws, draft_source(source))


def periods_to_start(existing: list[str], today: dt.date) -> list[Period]:
    """Periods a clerk may start now: begun by today, not yet created; the next one first."""
    have = {parse_period(p) for p in existing}
    started = [p for y in (today.year - 1, today.year) for p in periods_of_year(y)
               if p.cutoff_start <= today and p not in have]
    newest = max(have, default=None, key=lambda p: (p.cutoff_end, p.kind))
    if newest is None:  # nothing yet: the period being compiled now first
        now = current_period(today)
        return sorted(started, key=lambda p: (p != now, abs((p.cutoff_end - today).days)))
    after = [p for p in started if p.cutoff_end > newest.cutoff_end]
    rest = [p for p in started if p not in after]
    return sorted(after, key=lambda p: (p.cutoff_end, p.kind)) + sorted(rest, reverse=True)
