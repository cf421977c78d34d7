"""The report definition: read a form from `forms/*.toml` into plain dataclasses."""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import UserError
from .paths import forms_dir

FIELD_KINDS = {"count", "yesno", "date", "text", "longtext", "list", "nested_list", "table"}
AGGREGATES = {"sum", "share_yes", "merge_list", "gather_text"}
REPORTERS = {"office", "units"}
BLOCK_KINDS = {"heading", "paragraph", "text", "bullets", "numbered", "records"}
# Words a template may use besides field codes; the document context supplies them.
CONTEXT_WORDS = {
    "year", "next_year", "this_period", "this_period_full", "next_period",
    "cutoff_start", "cutoff_end", "office_short", "office_level", "province", "place",
    "units_total", "units_missing",
}


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


@dataclass(frozen=True)
class Section:
    """One section of the report: one tab of the window."""

    code: str
    tab: str
    number: str = ""
    fields: tuple[Field, ...] = ()
    blocks: tuple[Block, ...] = ()


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

    def office_fields(self) -> list[Field]:
        return [f for f in self._fields.values() if f.from_office]

    def tab_sections(self, commune: bool) -> list[tuple[Section, list[Field]]]:
        """The sections that get a tab, with the fields shown there (a commune: its return)."""
        shown = self.unit_fields() if commune else self.fields
        codes = {f.code for f in shown}
        pairs = [(s, [f for f in s.fields if f.code in codes]) for s in self.sections]
        return [(s, fields) for s, fields in pairs if fields]


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
    )


def _block(raw: dict) -> Block:
    return Block(
        kind=raw["kind"], template=raw.get("template", ""), field=raw.get("field"),
        level=raw.get("level", 0), prefix=raw.get("prefix", ""),
        if_none=raw.get("if_none", ""), if_partial=raw.get("if_partial", ""),
        if_empty=raw.get("if_empty", ""),
    )


def _section(raw: dict) -> Section:
    return Section(
        code=raw["code"], tab=raw["tab"], number=raw.get("number", ""),
        fields=tuple(_field(f, raw["code"]) for f in raw.get("fields", ())),
        blocks=tuple(_block(b) for b in raw.get("blocks", ())),
    )


def parse_form(raw: dict) -> Form:
    """Build and check a Form from the parsed TOML."""
    sections = tuple(_section(s) for s in raw["sections"])
    fields = {f.code: f for s in sections for f in s.fields}
    head = raw["form"]
    form = Form(
        code=head["code"], version=int(head["version"]), title=head["title"],
        doc_symbol=head.get("doc_symbol", "BC"), sections=sections,
        document=dict(raw.get("document", {})), period_words=dict(raw["period_words"]),
        _fields=fields,
    )
    problems = check_form(form, [f.code for s in sections for f in s.fields])
    if problems:
        raise ValueError("Invalid report definition: " + "; ".join(problems))
    return form


def template_names(template: str) -> list[str]:
    """The placeholder names a template uses, without format specs."""
    return [name.split(".")[0] for _, name, _, _ in string.Formatter().parse(template) if name]


def check_form(form: Form, codes: list[str]) -> list[str]:
    """Every mistake a definition can hold that would only show later, as sentences."""
    problems = [f"duplicate field code {c}" for c in sorted(set(codes)) if codes.count(c) > 1]
    known = set(codes) | CONTEXT_WORDS | {f"count_{c}" for c in codes}
    known |= {word for words in form.period_words.values() for word in words}
    known |= {f"{f.code}_{part}" for f in form.fields if f.aggregate == "share_yes"
              for part in ("yes", "answered", "missing")}
    for f in form.fields:
        problems += _check_field(f)
    for section in form.sections:
        for block in section.blocks:
            problems += _check_block(block, form, known)
    for key in ("trich_yeu", "opening", "closing"):
        problems += [f"document.{key} uses unknown {n}"
                     for n in template_names(form.document.get(key, "")) if n not in known]
    return problems


def _check_field(f: Field) -> list[str]:
    problems = []
    if not f.code.isascii() or not f.code.replace("_", "").isalnum():
        problems.append(f"field code {f.code!r} is not plain ASCII")
    if f.kind not in FIELD_KINDS:
        problems.append(f"field {f.code} has unknown kind {f.kind}")
    if not set(f.reporters) <= REPORTERS or not f.reporters:
        problems.append(f"field {f.code} has unknown reporters {f.reporters}")
    if f.from_units and f.aggregate not in AGGREGATES:
        problems.append(f"field {f.code} is reported by units but has no valid aggregate")
    if f.kind == "table" and not f.columns:
        problems.append(f"table field {f.code} has no columns")
    return problems


def _check_block(block: Block, form: Form, known: set[str]) -> list[str]:
    if block.kind not in BLOCK_KINDS:
        return [f"unknown block kind {block.kind}"]
    if block.field is not None and not form.has_field(block.field):
        return [f"block refers to unknown field {block.field}"]
    if block.kind == "records":
        known = known | {c.code for c in form.field(block.field).columns}
    templates = [block.template, block.if_partial]
    templates += [block.if_none] if block.if_none != "omit" else []
    return [f"template uses unknown {n}" for t in templates for n in template_names(t)
            if n not in known]


def load_form_file(path: Path) -> Form:
    """Read one definition file."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"Không đọc được định nghĩa báo cáo {path}: {exc}. "
                        "Hãy cài lại chương trình.") from exc
    return parse_form(raw)


@cache
def load_form(code: str = "ttdn") -> Form:
    """The report definition with this code, from the forms folder."""
    return load_form_file(forms_dir() / f"{code}.toml")
