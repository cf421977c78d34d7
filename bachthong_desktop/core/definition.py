"""The report definition: read a form from `forms/*.toml` into plain dataclasses."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .definition_check import VARIANT_KEYS, check_form, key_problems
from .errors import UserError
from .paths import forms_dir

@dataclass(frozen=True)
class Column:
    """One column of a table field (the NGO projects)."""

    code: str
    label: str
    kind: str = "text"
    required: bool = False
    merge: str = "first"
    reporters: tuple[str, ...] = ("office", "units")
    role: str = ""  # "unit_names": names of units, written in lower case mid-sentence
    drop_leading: tuple[str, ...] = ()  # words the sentence already says before the value


@dataclass(frozen=True)
class Field:
    """One thing entered: a count, a date, a text, a list or a table."""

    code: str
    kind: str
    label: str
    section: str
    reporters: tuple[str, ...]
    aggregate: str | None = None
    unit: str = ""
    required: bool = False
    default_from: str | None = None
    merge_key: str | None = None
    columns: tuple[Column, ...] = ()
    maximum: int | None = None   # a count: the largest plausible value (`max`)
    max_rows: int | None = None  # a table: the most rows a return may hold
    upward_from: str | None = None
    needs: str = ""  # a level word; the field is left out where that word is empty
    own_at: tuple[str, ...] = ()  # levels where a units' field is also the office's own work

    @property
    def from_units(self) -> bool:
        return "units" in self.reporters

    @property
    def from_office(self) -> bool:
        return "office" in self.reporters


@dataclass(frozen=True)
class Block:
    """One piece of the document, in order."""

    kind: str
    template: str = ""
    field: str | None = None
    level: int = 0
    prefix: str = ""
    if_none: str = ""  # every figure empty or zero: "omit", or this sentence instead
    if_partial: str = ""  # some units have not answered a share it prints: this sentence
    if_empty: str = ""  # a heading with nothing under it: this text, else the heading goes
    needs: str = ""  # a level word; the block is left out where it is empty for the office
    fallback: str | None = None  # a units' text printed while the block's own field is empty


@dataclass(frozen=True)
class Section:
    """One section of the report: one tab of the window."""

    code: str
    tab: str
    fields: tuple[Field, ...] = ()
    blocks: tuple[Block, ...] = ()


# The words for an office's reporting units while no level says them (no office yet, a kind the
# definition does not know): the window, `status`, `periods` and `units` fall back to these.
GENERIC_UNIT_WORDS = {"members": "các đơn vị", "member_kinds": "đơn vị",
                      "members_short": "các đơn vị", "member_short": "đơn vị", "parent": "cấp trên"}


@dataclass(frozen=True)
class Form:
    """A whole report kind."""

    code: str
    version: int
    title: str
    doc_symbol: str
    sections: tuple[Section, ...]
    document: dict[str, str]
    period_words: dict[str, dict]
    roles: dict[str, str] = field(default_factory=dict)
    returns: dict = field(default_factory=dict)  # the Excel return's wording ([returns])
    level_words: dict[str, dict] = field(default_factory=dict)
    _fields: dict[str, Field] = field(default_factory=dict, repr=False, compare=False)

    def field(self, code: str) -> Field:
        return self._fields[code]

    def has_field(self, code: str) -> bool:
        return code in self._fields

    @property
    def fields(self) -> list[Field]:
        return list(self._fields.values())

    def unit_fields(self) -> list[Field]:
        """What a reporting unit fills in its return."""
        return [f for f in self._fields.values() if f.from_units]

    def words_for(self, *kinds: str | None) -> dict[str, str]:
        """The level words of the first of these kinds the definition knows ("xã", "tỉnh" ...)."""
        for kind in kinds:
            if kind and kind.lower() in self.level_words:
                words = self.level_words[kind.lower()]
                base = words.get("variant_of")
                if base:  # a variant says what differs; "trên địa bàn tỉnh" stays its kind's
                    return {**self.words_for(base), **_words_only(words), "office_level": base}
                return _words_only(words)
        return {}

    def unit_words(self, office) -> dict[str, str]:
        """The words naming an office's reporting units and where it reports ("các xã", "tỉnh"),
        generic ("các đơn vị", "cấp trên") where there is no office or its level has none."""
        words = self.words_of(office)
        return {key: words.get(key) or generic for key, generic in GENERIC_UNIT_WORDS.items()}

    def words_of(self, office) -> dict[str, str]:
        """The level words of an office (a Unit): its own variant ("tỉnh có đặc khu", set up
        from its units' kinds) before its plain kind; none for no office."""
        return self.words_for(office.level_word, office.kind) if office is not None else {}

    def level_for(self, kind: str, member_kinds) -> str:
        """The level words' key for an office of this kind whose reporting units are of these
        kinds: a variant of the kind for a kind of member (a province with special zones)."""
        for key, words in self.level_words.items():
            if words.get("variant_of") == kind and words.get("with_members") in member_kinds:
                return key
        return kind

    def level_of(self, office) -> str:
        """The level an office is at ("xã", "tỉnh" ...): a variant's kind ("tỉnh có đặc khu"
        is a "tỉnh"); "" where the definition knows none of its words."""
        for kind in (office.level_word, office.kind) if office is not None else ():
            words = self.level_words.get((kind or "").lower())
            if words is not None:
                return words.get("variant_of") or kind.lower()
        return ""

    def own_codes(self, office) -> set[str]:
        """The units' fields that are the office's own work at the office's level."""
        level = self.level_of(office)
        return {f.code for f in self._fields.values() if f.from_units and level in f.own_at}

    def fallbacks(self, words: dict[str, str] | None = None) -> dict[str, str]:
        """For each field a printed block gives a fallback, the units' gathered field whose
        texts stand in for it while the office has written none (at a level of these words;
        None: at any level)."""
        return {b.field: b.fallback for s in self.sections for b in s.blocks
                if b.fallback and (words is None or not b.needs or words.get(b.needs))}

    def lacks(self, f: Field, words: dict[str, str]) -> bool:
        """The field names a body this level does not have (its `needs` word is empty)."""
        return bool(f.needs) and not words.get(f.needs)

    def fields_for(self, words: dict[str, str]) -> list[Field]:
        """The fields an office of this level fills (the window, the checks)."""
        return [f for f in self._fields.values() if not self.lacks(f, words)]

    def role(self, name: str) -> str:
        """The field code that plays a role of the document ("date", "recipients" ...)."""
        return self.roles[name]

    def tab_sections(self, commune: bool) -> list[tuple[Section, list[Field]]]:
        """The sections that get a tab, with the fields shown there (a commune: its return)."""
        shown = self.unit_fields() if commune else self.fields
        codes = {f.code for f in shown}
        pairs = [(s, [f for f in s.fields if f.code in codes]) for s in self.sections]
        return [(s, fields) for s, fields in pairs if fields]


def _words_only(words: dict) -> dict[str, str]:
    """A level's words without the keys that say which offices a variant is for."""
    return {k: v for k, v in words.items() if k not in VARIANT_KEYS}


def _column(raw: dict) -> Column:
    return Column(
        code=raw["code"], label=raw["label"], kind=raw.get("kind", "text"),
        required=raw.get("required", False), merge=raw.get("merge", "first"),
        reporters=tuple(raw.get("reporters", ("office", "units"))),
        role=raw.get("role", ""), drop_leading=tuple(raw.get("drop_leading", ())),
    )


def _field(raw: dict, section: str) -> Field:
    return Field(
        code=raw["code"], kind=raw["kind"], label=raw["label"], section=section,
        reporters=tuple(raw.get("reporters", ("office",))), aggregate=raw.get("aggregate"),
        unit=raw.get("unit", ""), required=raw.get("required", False),
        default_from=raw.get("default_from"), merge_key=raw.get("merge_key"),
        columns=tuple(_column(c) for c in raw.get("columns", ())),
        maximum=raw.get("max"), max_rows=raw.get("max_rows"),
        upward_from=raw.get("upward_from"), needs=raw.get("needs", ""),
        own_at=tuple(raw.get("own_at", ())),
    )


def _block(raw: dict) -> Block:
    return Block(
        kind=raw["kind"], template=raw.get("template", ""), field=raw.get("field"),
        level=raw.get("level", 0), prefix=raw.get("prefix", ""),
        if_none=raw.get("if_none", ""), if_partial=raw.get("if_partial", ""),
        if_empty=raw.get("if_empty", ""), needs=raw.get("needs", ""),
        fallback=raw.get("fallback"),
    )


def _section(raw: dict) -> Section:
    return Section(
        code=raw["code"], tab=raw["tab"],
        fields=tuple(_field(f, raw["code"]) for f in raw.get("fields", ())),
        blocks=tuple(_block(b) for b in raw.get("blocks", ())),
    )


def parse_form(raw: dict) -> Form:
    """Build and check a Form from the parsed TOML: the whole of it, every mistake named by
    its key, before any part of the program uses it."""
    problems = key_problems(raw)
    if problems:
        raise ValueError("Invalid report definition: " + "; ".join(problems))
    sections = tuple(_section(s) for s in raw["sections"])
    fields = {f.code: f for s in sections for f in s.fields}
    head = raw["form"]
    document = dict(raw["document"])
    form = Form(
        code=head["code"], version=int(head["version"]), title=head["title"],
        doc_symbol=head.get("doc_symbol", "BC"), sections=sections,
        roles=dict(document.pop("roles", {})), document=document,
        period_words=dict(raw["period_words"]), returns=dict(raw.get("returns", {})),
        _fields=fields, level_words=dict(raw.get("level_words", {})),
    )
    problems = check_form(form, [f.code for s in sections for f in s.fields])
    if problems:
        raise ValueError("Invalid report definition: " + "; ".join(problems))
    return form


def load_form_file(path: Path) -> Form:
    """Read one definition file."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"Không đọc được định nghĩa báo cáo {path}: {exc}. "
                        "Hãy cài lại chương trình.") from exc
    try:
        return parse_form(raw)
    except ValueError as exc:
        raise UserError(f"Định nghĩa báo cáo {path} có lỗi ({exc}). Hãy sửa tệp này theo lời "
                        "nhắn, hoặc cài lại chương trình.") from exc


def load_form(code: str = "ttdn") -> Form:
    """The report definition with this code, from the forms folder (read once per process)."""
    return _load_form(code)  # `load_form()` and `load_form("ttdn")`: one cache entry


@cache
def _load_form(code: str) -> Form:
    return load_form_file(forms_dir() / f"{code}.toml")
