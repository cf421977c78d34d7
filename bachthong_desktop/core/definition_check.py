"""Checks of a report definition as it loads: every key present and known, every template's
words known, every role played by a field. Each problem names the key that holds it."""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .definition import Block, Field, Form

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
# Words of the office's level ([level_words.<kind>] in the definition); templates use them too.
LEVEL_WORDS = {"members", "member_kinds", "members_caps", "member_column", "media_centre",
               "portal", "steering_35", "members_short", "member_short", "parent", "radio",
               "members_subject"}
CONTEXT_WORDS |= LEVEL_WORDS
# A variant of a level ([level_words."tỉnh có đặc khu"]) says whose words it changes.
VARIANT_KEYS = {"variant_of", "with_members"}




def check_form(form: Form, codes: list[str]) -> list[str]:
    """Every mistake a definition can hold that would only show later, as sentences."""
    problems = [f"duplicate field code {c}" for c in sorted(set(codes)) if codes.count(c) > 1]
    known = set(codes) | CONTEXT_WORDS | {f"count_{c}" for c in codes}
    known |= {word for words in form.period_words.values() for word in words}
    known |= {f"{f.code}_{part}" for f in form.fields if f.aggregate == "share_yes"
              for part in ("yes", "answered", "missing")}
    known |= {f"{f.code}_units" for f in form.fields if f.from_units}
    for f in form.fields:
        problems += _check_field(f)
        if f.upward_from and f.upward_from not in codes:
            problems.append(f"field {f.code}: upward_from names unknown field {f.upward_from}")
        problems += [f"field {f.code}: own_at names unknown level {level!r}"
                     for level in f.own_at if level not in form.level_words]
        if f.own_at and not f.from_units:
            problems.append(f"field {f.code}: own_at is for a field its units report too")
    for i, section in enumerate(form.sections):
        for j, block in enumerate(section.blocks):
            problems += _check_block(block, form, known, f"sections[{i}].blocks[{j}]")
    problems += _check_levels(form)
    problems += _check_needs(form)
    problems += _check_printed(form)
    for key in ("trich_yeu", "opening", "closing", "appendix_title", "appendix_units",
                "appendix_units_sum"):
        problems += _check_template(form.document.get(key, ""), known, f"document.{key}")
    return problems + _check_roles(form)


def _check_levels(form: Form) -> list[str]:
    """Every level has every word (a variant: with its kind's); a variant names a known kind."""
    problems = []
    for kind, words in form.level_words.items():
        base = words.get("variant_of")
        if base is not None and (base not in form.level_words or not words.get("with_members")):
            problems.append(f"level_words.{kind}: variant_of must name a level and with_members "
                            "the kind of reporting unit it is for")
            continue
        have = set(words) | set(form.level_words.get(base, {}))
        problems += [f"level_words.{kind}: missing word {w!r}" for w in sorted(LEVEL_WORDS - have)]
    return problems


def _printed_by(form: Form) -> dict[str, set[str]]:
    """For each field, the `needs` of every block that prints it ("" for a block on all levels)."""
    out: dict[str, set[str]] = {}
    templates = [(b, t) for s in form.sections for b in s.blocks
                 for t in (b.template, b.if_partial, "" if b.if_none == "omit" else b.if_none)]
    for block, template in templates:
        fields = {c for c in (block.field, block.fallback) if c}
        for code in _codes_in(form, template) | fields:
            out.setdefault(code, set()).add(block.needs)
    for key in ("trich_yeu", "opening", "closing", "appendix_title"):
        for code in _codes_in(form, form.document.get(key, "")):
            out.setdefault(code, set()).add("")
    return out


def _codes_in(form: Form, template: str) -> set[str]:
    """The fields a template prints ({count_x}, {x_yes} ... name field x)."""
    try:
        parsed = [name.split(".")[0] for _, name, _, _ in string.Formatter().parse(template)
                  if name]
    except ValueError:
        return set()
    candidates = {c for n in parsed for c in (n, n.removeprefix("count_"), n.rsplit("_", 1)[0])}
    return {c for c in candidates if form.has_field(c)}


def _check_needs(form: Form) -> list[str]:
    """A field the window hides for a level is printed only where that level is printed."""
    problems, printed = [], _printed_by(form)
    for f in form.fields:
        blocks = printed.get(f.code, set())
        if f.needs and f.needs not in LEVEL_WORDS:
            problems.append(f"field {f.code}: needs unknown level word {f.needs!r}")
        elif f.needs and f.from_units:
            problems.append(f"field {f.code}: needs is for the office's own fields; every "
                            "reporting unit fills the same return")
        elif f.needs and blocks - {f.needs}:
            problems.append(f"field {f.code} needs {f.needs!r} but a block without it prints it")
        elif not f.needs and not f.from_units and blocks and "" not in blocks \
                and len(blocks) == 1:
            problems.append(f"field {f.code} is printed only by blocks that need "
                            f"{next(iter(blocks))!r}: give it needs = {next(iter(blocks))!r} too")
    return problems


def _own_prints(form: Form) -> dict[str, set[str]]:
    """For each field, the `needs` of every block that prints the office's own value of it
    ({code}, a block's field; not {code_units}, which is its units' total)."""
    out: dict[str, set[str]] = {}
    for block in (b for s in form.sections for b in s.blocks):
        templates = (block.template, block.if_partial,
                     "" if block.if_none == "omit" else block.if_none)
        named = {n.split(".")[0] for t in templates for n in _names(t)}
        codes = {n for n in named if form.has_field(n)} | ({block.field} - {None})
        for code in codes:
            out.setdefault(code, set()).add(block.needs)
    for key in ("trich_yeu", "opening", "closing"):
        for name in _names(form.document.get(key, "")):
            if form.has_field(name):
                out.setdefault(name, set()).add("")
    return out


def _names(template: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(template) if name]
    except ValueError:
        return []


def level_fills(form: Form, level: str) -> list[Field]:
    """The fields an office of this level types itself: its own fields (not of a body it
    lacks) and the units' fields that are its own work there (a commune's radio)."""
    words = form.words_for(level)
    base = form.level_words.get(level, {}).get("variant_of") or level
    return [f for f in form.fields_for(words) if f.from_office or base in f.own_at]


def _check_printed(form: Form) -> list[str]:
    """Nothing an office types is printed nowhere: at every level, each field it fills is
    printed by a block that level prints (or plays a part of the document, a role)."""
    problems, printed, roles = [], _own_prints(form), set(form.roles.values())
    for level in form.level_words:
        words = form.words_for(level)
        for f in level_fills(form, level):
            shown = {n for n in printed.get(f.code, set()) if not n or words.get(n)}
            if not shown and f.code not in roles:
                problems.append(f"field {f.code}: an office of level {level!r} fills it but "
                                "no block that level prints prints it")
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
    if f.aggregate == "merge_list" and f.merge_key not in {c.code for c in f.columns}:
        problems.append(f"field {f.code}: aggregate merge_list needs merge_key = one of its "
                        "columns (the rows of the units are merged by it)")
    return problems


def _check_block(block: Block, form: Form, known: set[str], where: str) -> list[str]:
    if block.kind not in BLOCK_KINDS:
        return [f"{where}: unknown block kind {block.kind}"]
    if block.field is not None and not form.has_field(block.field):
        return [f"{where}: block refers to unknown field {block.field}"]
    if block.kind in ("text", "bullets", "numbered", "records") and block.field is None:
        return [f"{where}: a {block.kind} block needs a field"]
    if block.needs and block.needs not in LEVEL_WORDS:
        return [f"{where}: needs unknown level word {block.needs!r}"]
    if block.fallback and (not form.has_field(block.fallback)
                           or form.field(block.fallback).aggregate != "gather_text"
                           or block.kind != "bullets"):
        return [f"{where}: fallback must be a bullets block's units' gathered text field"]
    if block.kind == "records":
        known = known | {c.code for c in form.field(block.field).columns}
    if block.kind == "heading":
        known = known | {"n"}  # the heading's number, counted from the printed headings
    problems = _check_template(block.template, known, f"{where}.template")
    problems += _check_template(block.if_partial, known, f"{where}.if_partial")
    if block.if_none != "omit":
        problems += _check_template(block.if_none, known, f"{where}.if_none")
    return problems


# Which keys each table of the definition must have, and which it may have.
KEYS = {
    "form": ({"code", "version", "title"}, {"doc_symbol"}),
    "document": ({"trich_yeu", "opening", "closing", "roles"},
                 {"title", "appendix_title", "appendix_heading", "appendix_units", "appendix_note",
                  "appendix_total", "appendix_units_sum", "appendix_reported_total"}),
    "section": ({"code", "tab"}, {"fields", "blocks"}),
    "field": ({"code", "kind", "label"}, {"reporters", "aggregate", "unit", "required",
                                          "default_from", "merge_key", "columns", "max",
                                          "max_rows", "upward_from", "needs", "own_at"}),
    "column": ({"code", "label"}, {"kind", "required", "merge", "reporters", "role",
                                   "drop_leading"}),
    "block": ({"kind"}, {"template", "field", "level", "prefix", "if_none", "if_partial",
                         "if_empty", "needs", "fallback"}),
    "returns": (set(), {"file_prefix", "title", "return_sheet", "text_sheet", "text_title",
                        "help_sheet", "help", "table_sheets", "sent", "labels", "unit_words"}),
}
# The document's parts that the code fills from a field: each must name a field.
ROLES = ("number", "date", "request_date", "recipients", "recipients_note", "signer_authority",
         "signer_deputy", "signer_title", "signer_name")


def _keys(raw, kind: str, where: str) -> list[str]:
    if not isinstance(raw, dict):
        return [f"{where} must be a table"]
    needed, allowed = KEYS[kind]
    problems = [f"{where}: missing key {key!r}" for key in sorted(needed - set(raw))]
    return problems + [f"{where}: unknown key {key!r}" for key in sorted(set(raw) - needed - allowed)]


def key_problems(raw: dict) -> list[str]:
    """Missing and unknown keys, each named by its place ("sections[2].blocks[1]: ...")."""
    problems = []
    for top in ("form", "document", "period_words", "sections"):
        if top not in raw:
            problems.append(f"missing table {top!r}")
    if problems:
        return problems
    problems += _keys(raw["form"], "form", "form")
    problems += _keys(raw["document"], "document", "document")
    if "returns" in raw:
        problems += _keys(raw["returns"], "returns", "returns")
    for i, section in enumerate(raw["sections"]):
        where = f"sections[{i}]"
        problems += _keys(section, "section", where)
        for j, f in enumerate(section.get("fields", ())):
            problems += _keys(f, "field", f"{where}.fields[{j}]")
            for k, column in enumerate(f.get("columns", ())):
                problems += _keys(column, "column", f"{where}.fields[{j}].columns[{k}]")
        for j, block in enumerate(section.get("blocks", ())):
            problems += _keys(block, "block", f"{where}.blocks[{j}]")
    return problems



def _check_roles(form: Form) -> list[str]:
    problems = [f"document.roles: missing role {r!r}" for r in ROLES if r not in form.roles]
    return problems + [f"document.roles.{role}: no field {code!r}"
                       for role, code in form.roles.items() if not form.has_field(code)]


def _check_template(template: str, known: set[str], where: str) -> list[str]:
    problems = []
    if template.count("[") != template.count("]"):
        problems.append(f"{where}: unbalanced [ ] of an optional clause")
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        return problems + [f"{where}: {exc}"]
    for _, name, spec, _ in parsed:
        if name is None:
            continue
        if name.split(".")[0] not in known:
            problems.append(f"{where} uses unknown {name}")
        if spec and not re.fullmatch(r"\d+|mid", spec):
            problems.append(f"{where}: {{{name}:{spec}}} must pad with digits, e.g. {{{name}:02}}, "
                            f"or continue the sentence, {{{name}:mid}}")
    return problems
