"""Filling the definition's sentence templates: their **bold** / *italic* marks and their
optional [clauses]. A template's marks are "**"/"*"; a typed value's are the window's
(core/marks.py), never characters it holds: "5*2" prints as typed."""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass
from typing import Any, Collection

from ..core import marks, wording

BLANK = "…"
MID_SENTENCE = "mid"  # {code:mid}: a typed text that continues the sentence (see `continuing`)
# Words written with a capital wherever they stand in a sentence.
KEEP_CAPITALS = ("Đảng", "Nhà nước", "Chính phủ", "Quốc hội", "Mặt trận", "Bác Hồ", "Nhân dân")
_MARK = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)", re.DOTALL)
_LEADING_JOINER = re.compile(r"^\s*(,|;|/|và(?=\s))\s*")


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


def typed_runs(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Typed text as runs: its own bold/italic (set in the window) on top of the look given."""
    return [Run(part, bold or b, italic or i) for part, b, i in marks.spans(text)]


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


def drop_empty_clauses(template: str, context: dict[str, Any],
                       words: Collection[str] = ()) -> str:
    """Leave out each [clause] whose every value (its own and its inner clauses') is empty or
    zero; `words` name placeholders that are wording, not values ({province}). The first
    clause kept of a list loses its leading joiner (", ", "; ", " và ", "/"), and in a list
    that ends on " và " the last clause kept takes it."""
    if "[" not in template:
        return template
    text, changed = _render(_parse(template), _Values(context, frozenset(words)))
    return _tidy(text) if changed else text


@dataclass(frozen=True)
class _Values:
    context: dict
    words: frozenset

    def any_in(self, text: str) -> bool:
        """Some value the text names is something (not empty, not zero)."""
        return any(not is_nothing(self.context.get(n)) for n in names(text)
                   if n not in self.words)


@dataclass(frozen=True)
class _Clause:
    parts: tuple  # str | _Clause


def _parse(template: str) -> tuple:
    """The template as literal text and [clauses], nested as written."""
    stack: list[list] = [[]]
    for token in re.split(r"([\[\]])", template):
        if token == "[":
            stack.append([])
        elif token == "]" and len(stack) > 1:
            parts = stack.pop()
            stack[-1].append(_Clause(tuple(parts)))
        elif token:
            stack[-1].append(token)
    while len(stack) > 1:  # an unclosed clause (the definition check refuses it) stays text
        parts = stack.pop()
        stack[-1] += ["[", *parts]
    return tuple(stack[0])


def _render(parts: tuple, values: _Values) -> tuple[str, bool]:
    """The text of literal parts and lists of clauses, each list with the clauses it keeps."""
    out, changed, i = [], False, 0
    while i < len(parts):
        if isinstance(parts[i], str):
            out.append(parts[i])
            i += 1
            continue
        j = i
        while j < len(parts) and isinstance(parts[j], _Clause):
            j += 1
        text, list_changed = _render_list(parts[i:j], values, "".join(out))
        out.append(text)
        changed |= list_changed
        i = j
    return "".join(out), changed


def _render_list(clauses, values: _Values, before: str = "") -> tuple[str, bool]:
    """Adjacent clauses: those with a value kept, their joiners set again.
    `before`: the words the list follows, which a first clause without its joiner is spaced
    from ("“Tên”[ do …][, thực hiện tại …]" without the first: "“Tên” thực hiện tại …")."""
    kept, changed = [], False
    for index, clause in enumerate(clauses):
        text, inner_changed = _render(clause.parts, values)
        changed |= inner_changed
        if values.any_in(text):
            kept.append((index, text))
    if len(kept) < len(clauses):
        changed = True
    if not kept:
        return "", True
    joiners = [_joiner(text) for _, text in kept]
    wanted = list(joiners)
    if kept[0][0] != 0:
        wanted[0] = ""
    if _joiner(_first_text(clauses[-1])) == "và":  # a list that ends on "và"
        middle = [k for k in range(1, len(kept)) if wanted[k] in (",", "và")]
        for k in middle:
            wanted[k] = ","
        if middle:
            wanted[middle[-1]] = "và"
    spaced = bool(before) and not before[-1].isspace() and before[-1] not in "(“\"'/"
    texts = [text if want == have else _with_joiner(text, want, spaced)
             for (_, text), have, want in zip(kept, joiners, wanted)]
    return "".join(texts), changed


def _first_text(clause: _Clause) -> str:
    first = clause.parts[0] if clause.parts else ""
    return first if isinstance(first, str) else _first_text(first)


def _joiner(text: str) -> str:
    match = _LEADING_JOINER.match(text)
    return match.group(1) if match else ""


_JOINER_TEXT = {"": "", ",": ", ", ";": "; ", "/": "/", "và": " và "}


def _with_joiner(text: str, joiner: str, spaced: bool = False) -> str:
    """The clause with another leading joiner; with none, a space it began with stays (or one
    is put where the words before it end without one)."""
    match = _LEADING_JOINER.match(text)
    rest = text[match.end():] if match else text
    if not joiner:
        return (" " if text[:1].isspace() or spaced else "") + rest
    return _JOINER_TEXT[joiner] + rest


def _tidy(text: str) -> str:
    """The punctuation left where whole clauses were dropped: ": ;" → ":", "; ;" → ";",
    "được ; 12" → "được 12" (a ";" or "," with a space before it belonged to a dropped clause)."""
    text = re.sub(r"(?<=[^\s:;,])\s+[;,](?=\s)", "", text)
    text = re.sub(r"\s*([;,])(?:\s*[;,])+", r"\1", text)
    text = re.sub(r"([:;])\s*[;,]", r"\1", text)
    text = re.sub(r"([:;,])\s+và\s+", r"\1 ", text)
    text = re.sub(r"\s*[;,]\s*([.:])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text)


def fill_runs(template: str, context: dict[str, Any], words: Collection[str] = ()) -> list[Run]:
    """The template's runs with their placeholders replaced; values are never read as marks.
    `words`: placeholders that are wording, not values (see `drop_empty_clauses`)."""
    template = drop_empty_clauses(template, context, words)
    runs = [run for r in template_marks(template)
            for run in typed_runs(_format(r.text, context), r.bold, r.italic)]
    return _tidy_runs(runs)


def _format(text: str, context: dict[str, Any]) -> str:
    """One run of a template filled; where a value is empty, the space around it goes too
    (the value's own text is never touched); a value that ends its sentence ("… học.") takes
    the template's full stop after it."""
    out, was_empty, value = "", False, ""
    for literal, name, spec, conversion in _FORMATTER.parse(text):
        if was_empty and out.endswith(" ") and literal[:1] in (" ", ".", ",", ";", ""):
            out = out.rstrip(" ")
        if marks.plain(value)[-1:] in (".", "…") and literal[:1] == "." and literal[:3] != "...":
            literal = literal[1:]
        out += literal
        if name is not None:
            raw = _FORMATTER.get_value(name, (), context)
            if spec == MID_SENTENCE:  # only a text continues a sentence; others print as is
                value = continuing(raw, out) if isinstance(raw, str) and raw.strip() else \
                    _FORMATTER.format_field(raw, "")  # a number, a blank
            else:
                value = _FORMATTER.format_field(raw, spec or "")
            out += value
            was_empty = value == ""
    return out


def continuing(value: str, before: str) -> str:
    """A typed text that continues the template's sentence ({code:mid}): the words just
    before it not said twice ("về" + "Về kế hoạch …"), and its first letter in lower case
    unless it starts a name ("Bắc Kạn", "UBND", "Đảng ...")."""
    value = value.strip()
    lead = value[:len(value) - len(value.lstrip(marks.MARKERS))]  # a bold/italic start
    if lead:
        return lead + continuing(value[len(lead):], before)
    words, said = value.strip().split(" "), before.split()
    for n in range(min(3, len(said), len(words) - 1), 0, -1):
        if [w.lower() for w in words[:n]] == [w.lower() for w in said[-n:]]:
            words = words[n:]
            break
    text = " ".join(words)
    first = words[0]
    if (not first[:1].isupper() or first[1:] != first[1:].lower()
            or (len(words) > 1 and words[1][:1].isupper())
            or any(text.startswith(name) for name in KEEP_CAPITALS)):
        return text
    return first[:1].lower() + text[1:]


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
