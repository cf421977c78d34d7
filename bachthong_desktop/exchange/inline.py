"""Filling the definition's sentence templates: their **bold** / *italic* marks and their
optional [clauses]. Only a template carries marks; a value put into it is printed as typed."""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass
from typing import Any

from ..core import wording

BLANK = "…"
_MARK = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)", re.DOTALL)
_CLAUSE_RUN = re.compile(r"(?:\[[^\[\]]*\])+")  # adjacent innermost optional clauses
_CLAUSE = re.compile(r"\[([^\[\]]*)\]")
_DROPPED = "\x00"
_LEADING_JOINER = re.compile(r"^\s*(?:,|;|và)\s+")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look."""

    text: str
    bold: bool = False
    italic: bool = False


def template_marks(template: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Split a template "a **b** *c*" into runs; the marks themselves are not printed."""
    runs = []
    for part in _MARK.split(template):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            runs += template_marks(part[2:-2], True, italic)
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            runs += template_marks(part[1:-1], bold, True)
        else:
            runs.append(Run(part, bold, italic))
    return runs


def plain(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


def is_nothing(value: Any) -> bool:
    """Empty (not reported) or zero: what an optional clause leaves out."""
    if isinstance(value, bool):
        return False
    return value is None or value == "" or value == [] or value == {} or value == 0


class _Formatter(string.Formatter):
    """str.format that prints None as a blank mark, numbers and dates through `wording`."""

    def format_field(self, value: Any, spec: str) -> str:
        if value is None or value == "":
            return BLANK if value is None else ""
        if isinstance(value, dt.date):
            return wording.date(value)
        if isinstance(value, bool):
            return "có" if value else "không"
        if isinstance(value, int):
            return wording.count(value, pad=int(spec or 0))
        if isinstance(value, float):
            return wording.number(value)
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        return str(value)

    def get_value(self, key, args, kwargs):
        return kwargs.get(key) if isinstance(key, str) else super().get_value(key, args, kwargs)


_FORMATTER = _Formatter()


def names(template: str) -> list[str]:
    """The placeholder names a template uses, without format specs."""
    return [name.split(".")[0] for _, name, _, _ in string.Formatter().parse(template) if name]


def drop_empty_clauses(template: str, context: dict[str, Any]) -> str:
    """Leave out each [clause] whose every value is empty or zero; a clause kept after a
    dropped one loses its leading joiner (", ", "; ", " và ")."""
    changed = False

    def run(match: re.Match) -> str:
        nonlocal changed
        clauses = _CLAUSE.findall(match.group(0))
        kept = [i for i, c in enumerate(clauses) if _DROPPED not in c
                and not all(is_nothing(context.get(n)) for n in names(c))]
        texts = [clauses[i] for i in kept]
        if len(kept) != len(clauses):
            changed = True
            if kept and kept[0] != 0:
                texts[0] = _LEADING_JOINER.sub(" " if texts[0][:1].isspace() else "", texts[0])
        return "".join(texts) or _DROPPED  # an outer clause whose inner ones all went, goes

    while _CLAUSE.search(template):
        template = _CLAUSE_RUN.sub(run, template)
    template = template.replace(_DROPPED, "")
    return _tidy(template) if changed else template


def _tidy(text: str) -> str:
    """The punctuation left where whole clauses were dropped: ": ;" → ":", "; ;" → ";",
    "được ; 12" → "được 12" (a ";" or "," with a space before it belonged to a dropped clause)."""
    text = re.sub(r"(?<=[^\s:;,])\s+[;,](?=\s)", "", text)
    text = re.sub(r"\s*([;,])(?:\s*[;,])+", r"\1", text)
    text = re.sub(r"([:;])\s*[;,]", r"\1", text)
    text = re.sub(r"([:;,])\s+và\s+", r"\1 ", text)
    text = re.sub(r"\s*[;,]\s*([.:])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text)


def fill_runs(template: str, context: dict[str, Any]) -> list[Run]:
    """The template's runs with their placeholders replaced; values are never read as marks."""
    template = drop_empty_clauses(template, context)
    runs = [Run(_format(r.text, context), r.bold, r.italic) for r in template_marks(template)]
    return _tidy_runs(runs)


def _format(text: str, context: dict[str, Any]) -> str:
    """One run of a template filled; where a value is empty, the space around it goes too
    (the value's own text is never touched)."""
    out, was_empty = "", False
    for literal, name, spec, conversion in _FORMATTER.parse(text):
        if was_empty and out.endswith(" ") and literal[:1] in (" ", ".", ",", ";", ""):
            out = out.rstrip(" ")
        out += literal
        if name is not None:
            value = _FORMATTER.format_field(_FORMATTER.get_value(name, (), context), spec or "")
            out += value
            was_empty = value == ""
    return out


def _tidy_runs(runs: list[Run]) -> list[Run]:
    """No space before . , ; and none at the ends, across the runs' boundaries."""
    out: list[Run] = []
    for run in runs:
        text = run.text
        if out and text[:1] in ".,;":
            out[-1] = Run(out[-1].text.rstrip(" \t"), out[-1].bold, out[-1].italic)
        out.append(Run(text, run.bold, run.italic))
    if out:
        out[0] = Run(out[0].text.lstrip(), out[0].bold, out[0].italic)
        out[-1] = Run(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return [r for r in out if r.text]


def fill(template: str, context: dict[str, Any]) -> str:
    """The template as plain text (its marks dropped, unknown placeholders a blank mark)."""
    return plain(fill_runs(template, context))
