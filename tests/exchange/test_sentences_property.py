"""Whatever subset of values is empty or zero, at every level, the report's sentences read right:
no empty slot, no doubled conjunction, no stray punctuation or space, lower case after "là",
"về" before the plan's subject.

The values are drawn for every field the definition's blocks and document sentences print (walked,
not listed), for the office and for a few of its units, and compiled by the real code."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.definition import Form
from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.core.periods import as_period
from bachthong_desktop.core.report_state import compile_state
from bachthong_desktop.core.session import Session
from bachthong_desktop.core.units import install_history
from bachthong_desktop.core.values import coerce
from bachthong_desktop.exchange.document import NBSP, build_document

EXAMPLES = 500
# level -> (catalog code to set up, or None for the 2023 district; own units to add; periods)
LEVELS = {
    "xã": ("01969", 0, ("2026-H1", "2026")),
    "xã có thôn": ("01969", 2, ("2026-H1",)),
    "phường": ("00070", 2, ("2026-H2",)),
    "đặc khu": ("06994", 0, ("2026-H1", "2026")),
    "tỉnh": ("19", 0, ("2026-H1", "2026-H2")),
    "thành phố": ("31", 0, ("2026",)),
    "huyện 2023": (None, 0, ("2023-H1", "2023-H2")),
}
UNITS_WITH_VALUES = 3
STRATEGIES: dict = {}

TEXTS = ["Nội dung thử", "Thực hiện công tác thông tin đối ngoại", "Về kế hoạch năm 2026",
         "UBND tỉnh", "Bắc Kạn xanh", "35/KH-UBND", "hỗ trợ trẻ em", "Hỗ trợ 04 trường học.",
         "Dự án đang triển khai…"]
LONG_TEXTS = ["Đoạn văn thứ nhất.", "Dòng một trong 6 tháng.\nDòng hai có 17 lượt."]
ITEMS = ["Ý thứ nhất.", "Tại 04 trường học", "Cổng thông tin điện tử"]
DATES = ["2026-01-16", "2023-02-21"]
COLUMN_DATES = ["01/10/2021", "31/12/2024"]


def _nothing(empty):
    return st.sampled_from([None, empty])


def value_strategy(f):
    """A value of a field's kind, or empty, or zero."""
    if f.kind == "count":
        big = min(99_999, f.maximum or 99_999)  # within the field's max: the store refuses more
        return st.one_of(_nothing(0), st.integers(1, 20), st.integers(10_000, big))
    if f.kind == "yesno":
        return st.sampled_from([None, True, False])
    if f.kind == "date":
        return st.one_of(st.none(), st.sampled_from(DATES))
    if f.kind == "text":
        return st.one_of(_nothing(""), st.sampled_from(TEXTS))
    if f.kind == "longtext":
        return st.one_of(_nothing(""), st.sampled_from(LONG_TEXTS))
    if f.kind == "list":
        return st.one_of(_nothing([]), st.lists(st.sampled_from(ITEMS), min_size=1, max_size=3))
    if f.kind == "nested_list":
        item = st.fixed_dictionaries({"text": st.sampled_from(ITEMS),
                                      "children": st.lists(st.sampled_from(ITEMS), max_size=2)})
        return st.one_of(_nothing([]), st.lists(item, min_size=1, max_size=2))
    if f.kind == "table":
        row = st.fixed_dictionaries({c.code: st.one_of(_nothing(""), st.sampled_from(
            COLUMN_DATES if c.kind == "date" else TEXTS)) for c in f.columns
            if c.role != "description"})
        return st.one_of(_nothing([]), st.lists(row, min_size=1, max_size=2))
    raise AssertionError(f"no strategy for a {f.kind} field ({f.code})")


def printed_codes(form: Form) -> set[str]:
    """The fields the definition's blocks and document sentences print: walked, not listed."""
    templates = [form.document.get(k, "") for k in ("opening", "closing", "trich_yeu")]
    codes = {code for code in form.roles.values()}
    for section in form.sections:
        for block in section.blocks:
            templates += [block.template, block.if_partial, block.if_none]
            codes |= {code for code in (block.field, block.fallback) if code}
    for template in templates:
        for _, name, _, _ in string.Formatter().parse(template or ""):
            name = (name or "").split(".")[0].removeprefix("count_")
            for code in (name, name.rsplit("_", 1)[0]):
                if form.has_field(code):
                    codes.add(code)
    return codes


class Returns:
    """The office's entries and its units' returns, as the store hands them to the compiler."""

    def __init__(self, form: Form, own: dict, by_unit: dict):
        self.form = form
        self.own = self._stored(own)
        self.by_unit = {code: self._stored(values) for code, values in by_unit.items()}

    def _stored(self, values: dict) -> dict:
        """What the store keeps of typed values (an empty text is no value)."""
        return {k: coerce(self.form.field(k), v) for k, v in values.items()}

    def values(self, period, unit_code):
        return {k: v for k, v in self.own.items() if v is not None}

    def values_by_unit(self, period, codes):
        return {c: {k: v for k, v in vals.items() if v is not None}
                for c, vals in self.by_unit.items() if c in codes}


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    """Each level's office, its units and the form, set up once in a real database."""
    out = {}
    for level, (code, own_units, periods) in LEVELS.items():
        path = Path(tmp_path_factory.mktemp("level")) / "ttdn.sqlite3"
        db = open_db(path)
        install_history(db) if code is None else set_up_office(db, code)
        for n in range(own_units):
            add_own_unit(db, f"Thôn Thử {n + 1}")
        db.conn.close()
        session = Session(path)
        for period in periods:
            p = as_period(period)
            out[(level, period)] = (session.form, p, session.office_for(p), session.units(p))
    yield out


BAD = [
    (r"/\s|\s/", "an empty side of a slash pair"),
    (r"\bvà\s*[,;.]|[,;]\s*và\b|,\s*,|;\s*;|\bvà\s+và\b", "a doubled or stray conjunction"),
    (r"\bvà\b[^,;:.()]*\bvà\b", "two 'và' in one list"),
    (r"\s[,.;:)]|\(\s|  |[,;:][.,;]|\.\.(?!\.)|^\s|\s$", "a stray space or punctuation mark"),
    (r"(?:\bvà|\bhoặc|[,;])$", "a line that ends with a conjunction"),
    (r"[{}\[\]]", "a template mark left in the text"),
    (r"(?i)\b([^\W\d_]+) \1\b", "a word said twice"),
]


def templates(form: Form) -> list[str]:
    """Every sentence the definition writes (the document's and its blocks')."""
    out = [str(v) for v in form.document.values()]
    for section in form.sections:
        for block in section.blocks:
            out += [block.template, block.if_partial, block.if_none]
    return [t for t in out if t]


def wording(form: Form) -> str:
    """The definition's own words, its values and clause marks taken out."""
    return "\n".join(re.sub(r"\{[^}]*\}|[\[\]*]", "", t) for t in templates(form))


def _is_figure(form: Form, name: str) -> bool:
    return any(form.has_field(c) for c in (name, name.removeprefix("count_"),
                                           name.rsplit("_", 1)[0]))


def slot_pattern(form: Form) -> str:
    """A word the definition writes before a value ("số {...}", "là {...}"), then no value."""
    words = {word for t in templates(form) for word, code in re.findall(
        r"([^\W\d_]+) \{(\w+)", t) if _is_figure(form, code)}
    return rf"\b(?:{'|'.join(sorted(words))})\s*[,.;)/]"


def problems(doc, form: Form, own: dict) -> list[str]:
    lines = [doc.trich_yeu, *(p.text for p in doc.body)]
    own_words = wording(form)
    slot = slot_pattern(form)
    out = []
    for line in (line.replace(NBSP, " ") for line in lines):
        for pattern, what in BAD:
            if match := re.search(pattern, line):
                out.append(f"{what} ({match.group(0)!r}) in: {line}")
        for match in re.finditer(slot, line):  # unless the definition says so ("Tồn tại,")
            if match.group(0) not in own_words:
                out.append(f"a word whose value is missing ({match.group(0)!r}) in: {line}")
        for first, second in re.findall(r"\blà ([^\W\d_]+) ([^\W\d_]+)", line):
            if first[0].isupper() and first[1:].islower() and second.islower() \
                    and f"là {first} " not in own_words:
                out.append(f"a capital after 'là' in: {line}")
        plan = re.search(r"Kế hoạch số .*?, ngày \S+ (\S+)", line)
        if plan and own.get("plan_subject") and plan.group(1) != "về":
            out.append(f"no 'về' before the plan's subject in: {line}")
    return out


def office_enters(f) -> bool:
    """The office types the field, or its own total over its units' sum ("Sửa tay")."""
    return f.from_office or f.aggregate == "sum"


def drawn(form: Form, units):
    codes = printed_codes(form)
    own = st.fixed_dictionaries({c: value_strategy(form.field(c)) for c in sorted(codes)
                                 if office_enters(form.field(c))})
    unit_codes = sorted(c for c in codes if form.field(c).from_units)
    one_return = st.fixed_dictionaries({c: value_strategy(form.field(c)) for c in unit_codes})
    returns = st.fixed_dictionaries({u.code: one_return for u in units[:UNITS_WITH_VALUES]})
    return st.tuples(own, returns)


def check_level(offices, level: str, data) -> None:
    period = data.draw(st.sampled_from(LEVELS[level][2]), label="period")
    form, p, office, units = offices[(level, period)]
    if (level, period) not in STRATEGIES:  # built once: a strategy is validated when built
        STRATEGIES[(level, period)] = drawn(form, units)
    own, by_unit = data.draw(STRATEGIES[(level, period)], label="values")
    state = compile_state(Returns(form, own, by_unit), p, office, list(units))
    doc = build_document(state)
    found = problems(doc, form, own)
    assert not found, "\n".join(found)


def test_the_walk_finds_the_blocks_fields(offices):
    form = next(iter(offices.values()))[0]
    codes = printed_codes(form)
    assert {"rebuttal_accounts", "portal_documents", "plan_subject", "ngo_projects",
            "request_subject", "directions", "unit_proposals"} <= codes  # a block's fallback too
    assert all(form.field(c).kind in {"count", "yesno", "date", "text", "longtext", "list",
                                       "nested_list", "table"} for c in codes)


@pytest.mark.parametrize("level", list(LEVELS))
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_sentences_read_right_with_any_value_missing(offices, level, data):
    check_level(offices, level, data)
