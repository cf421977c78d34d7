"""Loading a newer catalog release into a database set up from an older one, in one transaction.

A unit whose code the new release changed is the same unit under its corrected code: the code
is rewritten from 01/07/2025 in its versions and in every row that holds it for the periods of
those versions (values, their history, returns, the import log), so one unit never has two codes
to keep apart. Issued versions are frozen and listed by period: they keep the code they were
issued under, and their bytes. Every change is a dated note in `catalog_changes`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import TYPE_CHECKING

from . import catalog
from .backup import backup_now
from .commune_mode import COMMUNE_KEY
from .catalog_changes import (APPEARED, ASKS, CODE, RENAME, SPELLING, UNSURE, VANISHED, Change,
                              Plan, check_rename_day)
from .errors import UserError
from .office_setup import office_defaults
from .periods import parse_period
from .settings import get_setting, set_setting
from .units import OFFICE_SETTING, Unit, save_unit
from .wording import date

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

CODE_TABLES = ("report_values", "value_history", "returns", "import_log")
KEEP_NAME = None  # the answer to a rename: keep the stored name
_TEMP = "~"  # a code prefix no real code has, while codes rotate (01537 → 01561 → 01558 → 01537)


def unanswered(plan: Plan, answers: dict[str, dt.date | None]) -> list[Change]:
    """The changes that need the user and have no answer (an unsure match has none to give)."""
    return [c for c in plan.of(*ASKS) if c.kind == UNSURE or c.unit.code not in answers]


def refusal(plan: Plan, missing: list[Change]) -> str:
    lines = [f"Chưa cập nhật danh mục ({plan.from_release} → {plan.to_release}): "
             f"{len(missing)} đơn vị cần quyết định trước:"]
    lines += [f"  - {c.line()}" for c in missing]
    lines.append("Đổi tên: ghi ngày tên mới bắt đầu dùng (--doi-ten MÃ=dd/mm/yyyy) hoặc giữ tên "
                 "cũ (--giu-ten MÃ); đơn vị không xác định được: sửa đơn vị (bachthong units) "
                 "rồi cập nhật lại.")
    return "\n".join(lines)


def apply_update(db: Database, plan: Plan, answers: dict[str, dt.date | None] | None = None,
                 ) -> list[str]:
    """Apply a plan; the notes it wrote. Nothing changes if one answer is missing or wrong."""
    answers = answers or {}
    if missing := unanswered(plan, answers):
        raise UserError(refusal(plan, missing))
    for change in plan.of(RENAME):
        if answers[change.unit.code] is not KEEP_NAME:
            check_rename_day(change.unit, answers[change.unit.code])
    backup_now(db, "truoc-cap-nhat-danh-muc")
    with db.atomic():
        _rewrite_codes(db, plan)
        notes = [_apply(db, plan, c, answers.get(c.code)) for c in plan.changes]
        for unit in plan.units:
            db["units"].update(unit.id, {"catalog_release": plan.to_release})
        _check_versions(db, plan)
    return notes


def _apply(db: Database, plan: Plan, change: Change, answer: dt.date | None) -> str:
    """One change's names (codes are already rewritten) and its dated note."""
    start = catalog.VALID_FROM
    if change.kind in (CODE, SPELLING) and change.new.name != change.unit.name:
        _respell(db, change.unit, change.new)
    if change.kind == RENAME and answer is not KEEP_NAME:
        _rename(db, change.unit, change.new, answer, plan.to_release)
        start = answer
    note = _note(change, answer)
    db["catalog_changes"].insert({
        "applied_at": dt.datetime.now().isoformat(timespec="seconds"),
        "from_release": plan.from_release, "to_release": plan.to_release,
        "office_code": _new_code(plan, plan.office.code), "change": change.kind,
        "old_code": change.unit.code if change.unit else None,
        "new_code": change.new.code if change.new else None,
        "old_name": change.unit.name if change.unit else None,
        "new_name": change.new.name if change.new else None,
        "valid_from": start.isoformat() if change.kind in (CODE, SPELLING, RENAME) else None,
        "note": note}, pk="id")
    return note


def _note(change: Change, answer: dt.date | None) -> str:
    if change.kind == RENAME:
        if answer is KEEP_NAME:
            return f"{change.unit.name} ({change.unit.code}): giữ tên (danh mục mới ghi " \
                   f"“{change.new.name}”)."
        return f"{change.unit.name} ({change.unit.code}): đổi tên thành “{change.new.name}” từ " \
               f"ngày {date(answer)}."
    if change.kind in (CODE, SPELLING):
        return change.line().replace(" nay là ", " đổi thành ").replace("nay viết", "viết là") \
            + (" Áp dụng từ ngày 01/07/2025." if change.kind == CODE else "")
    return change.line()


def _new_code(plan: Plan, code: str) -> str:
    return next((c.new.code for c in plan.of(CODE) if c.unit.code == code), code)


def _respell(db: Database, unit: Unit, new: catalog.CatalogUnit) -> None:
    """The corrected name for the whole version; the old spelling stays an alias for old files."""
    stored = Unit(**{**db["units"].get(unit.id), "name": unit.name})
    changes = {"name": new.name, "aliases": _with_alias(stored, unit.name)}
    if unit.is_office:
        changes |= _header_words(unit, new)
    db["units"].update(unit.id, changes)


def _with_alias(unit: Unit, name: str) -> str:
    aliases = [a for a in unit.alias_list if a != name] + [name]
    return json.dumps(aliases, ensure_ascii=False)


def _header_words(unit: Unit, new: catalog.CatalogUnit) -> dict[str, str]:
    """The header words the office left as set up follow the new name; its own edits stay."""
    before = office_defaults(catalog.CatalogUnit(new.code, unit.name, unit.kind,
                                                 unit.province_code, new.province_name))
    after = office_defaults(new)
    return {k: after[k] for k in ("header_name", "short_name", "place")
            if getattr(unit, k) == before[k]}


def _rename(db: Database, unit: Unit, new: catalog.CatalogUnit, day: dt.date,
            release: str) -> None:
    """The version ends the day before the rename; a version with the new name starts on it."""
    stored = Unit(**db["units"].get(unit.id))
    save_unit(db, replace(stored, valid_to=(day - dt.timedelta(days=1)).isoformat()))
    renamed = replace(stored, id=None, name=new.name, valid_from=day.isoformat(),
                      valid_to=unit.valid_to, aliases=_with_alias(stored, unit.name),
                      catalog_release=release)
    if unit.is_office:
        renamed = replace(renamed, **_header_words(stored, new))
    save_unit(db, renamed)


def _rewrite_codes(db: Database, plan: Plan) -> None:
    """Every moved code to its new one, through a temporary code so that rotations work."""
    moves = [(c.unit, c.new.code) for c in plan.of(CODE)]
    office_moves = {u.code: new for u, new in moves if u.is_office}
    for unit, new in moves:
        db.execute("UPDATE units SET code = ? WHERE id = ?", [_TEMP + new, unit.id])
        for table in CODE_TABLES:
            _rewrite_rows(db, table, unit, _TEMP + new)
    for old, new in office_moves.items():
        db.execute("UPDATE units SET parent_code = ? WHERE parent_code = ? AND valid_from >= ?",
                   [new, old, catalog.VALID_FROM.isoformat()])
    codes = {u.code: new for u, new in moves}
    for key in (OFFICE_SETTING, COMMUNE_KEY):  # the office, and the commune a copy serves
        if (held := get_setting(db, key)) in codes:
            set_setting(db, key, codes[held])
    for table, column in (("units", "code"), *((t, "unit_code") for t in CODE_TABLES)):
        db.execute(f"UPDATE {table} SET {column} = substr({column}, 2) "
                   f"WHERE {column} LIKE '{_TEMP}%'")


def _rewrite_rows(db: Database, table: str, unit: Unit, code: str) -> None:
    """The rows of the unit's code for the periods of its version (never the 2023 history)."""
    periods = [p for (p,) in db.execute(
        f"SELECT DISTINCT period FROM {table} WHERE unit_code = ?", [unit.code]).fetchall()]
    for period in periods:
        if period and _in_version(period, unit):
            db.execute(f"UPDATE {table} SET unit_code = ? WHERE unit_code = ? AND period = ?",
                       [code, unit.code, period])


def _in_version(period_id: str, unit: Unit) -> bool:
    try:
        return unit.valid_on(parse_period(period_id).cutoff_end)
    except UserError:
        return False


def _check_versions(db: Database, plan: Plan) -> None:
    """No code names two units at one time after the update (else nothing is written)."""
    from .units import versions

    for change in plan.of(CODE):
        found = versions(db, change.new.code)
        for i, a in enumerate(found):
            if any(a.overlaps(b) for b in found[i + 1:]):
                raise UserError(f"Không cập nhật được danh mục: mã {change.new.code} sẽ chỉ hai "
                                f"đơn vị cùng lúc ({a.name}). Hãy kiểm tra danh sách đơn vị "
                                "(bachthong units).")


SUMMARY_ORDER = (CODE, SPELLING, RENAME, VANISHED, APPEARED, UNSURE)
