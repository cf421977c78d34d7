"""Bold and italic in typed text, stored as private-use characters around each stretch.

The window's editors set them (Ctrl+B / Ctrl+I); nothing a person types on a keyboard makes
them, and text that comes from outside (an Excel return, the command line) has them removed
(`strip`), so "5*2" or "**x**" typed is only ever text. Each stretch is wrapped on its own
line: bold outside italic, "\\ue011\\ue013word\\ue014\\ue012"; a line end is never inside.
"""

from __future__ import annotations

import re

BOLD_ON, BOLD_OFF, ITALIC_ON, ITALIC_OFF = "\ue011", "\ue012", "\ue013", "\ue014"
MARKERS = BOLD_ON + BOLD_OFF + ITALIC_ON + ITALIC_OFF
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_MARKUP = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)")

Span = tuple[str, bool, bool]  # text, bold, italic


def spans(text: str) -> list[Span]:
    """The text as stretches with one look each; unpaired markers only change the look."""
    out: list[Span] = []
    bold = italic = False
    piece = ""
    for ch in text:
        if ch in MARKERS:
            if piece:
                out.append((piece, bold, italic))
                piece = ""
            bold = {BOLD_ON: True, BOLD_OFF: False}.get(ch, bold)
            italic = {ITALIC_ON: True, ITALIC_OFF: False}.get(ch, italic)
        else:
            piece += ch
    if piece:
        out.append((piece, bold, italic))
    return _merged(out)


def _merged(items: list[Span]) -> list[Span]:
    """Neighbours of one look joined; a stretch of spaces takes the look around it when both
    sides share it ("**a b**" one run), else none."""
    items = [item for item in items if item[0]]
    out: list[Span] = []
    for k, (text, bold, italic) in enumerate(items):
        if not text.strip():
            before = items[k - 1][1:] if k else None
            after = items[k + 1][1:] if k + 1 < len(items) else None
            bold, italic = before if before == after and before else (False, False)
        if out and out[-1][1:] == (bold, italic):
            out[-1] = (out[-1][0] + text, bold, italic)
        else:
            out.append((text, bold, italic))
    return out


def marked(items: list[Span]) -> str:
    """Stretches back into stored text (the inverse of `spans`)."""
    out = []
    for text, bold, italic in _merged(items):
        for index, line in enumerate(text.split("\n")):
            if index:
                out.append("\n")
            out.append(_wrap(line, bold, italic) if line.strip() else line)
    return "".join(out)


def _wrap(text: str, bold: bool, italic: bool) -> str:
    if italic:
        text = ITALIC_ON + text + ITALIC_OFF
    return BOLD_ON + text + BOLD_OFF if bold else text


def tidy(text: str) -> str:
    """The one stored form of a marked text: empty or unpaired marks gone."""
    return marked(spans(text)) if has_marks(text) else text


def trimmed(text: str, left: bool = True) -> str:
    """One line's marked text without spaces at its end (and start), inside marks or not;
    with `left`, one space where two meet across a mark."""
    items = spans(text)
    if left:
        for k in range(1, len(items)):
            if items[k - 1][0].endswith(" ") and items[k][0].startswith(" "):
                items[k] = (items[k][0].lstrip(" "), *items[k][1:])
    if items and left:
        items[0] = (items[0][0].lstrip(), *items[0][1:])
    if items:
        items[-1] = (items[-1][0].rstrip(), *items[-1][1:])
    return marked(items)


def on_words(text: str, change) -> str:
    """`change` (one character for one, as the non-breaking spaces) made to the words alone,
    the marks left where they stand: "10" bold then " thôn" still reads as "10 thôn"."""
    if not has_marks(text):
        return change(text)
    words = change(plain(text))
    out, at = [], 0
    for ch in text:
        if ch in MARKERS:
            out.append(ch)
        else:
            out.append(words[at])
            at += 1
    return "".join(out)


def has_marks(text: str) -> bool:
    return any(ch in MARKERS for ch in text)


def plain(text: str) -> str:
    """The words alone, as an Excel cell or a message shows them."""
    return strip(text)


def strip(text: str) -> str:
    """Text from outside without any private-use character (none is typed text)."""
    return _PRIVATE_USE.sub("", text)


def from_markup(text: str) -> str:
    """ "**b**" / "*i*" read as marks: only for the program's own resources (the demo), never
    for what a person types."""
    items: list[Span] = []
    for part in _MARKUP.split(text):
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            items.append((part[2:-2], True, False))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            items.append((part[1:-1], False, True))
        elif part:
            items.append((part, False, False))
    return marked(items)
