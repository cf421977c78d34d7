"""Where a printed line must not break in text a person typed (long texts, list items, a table
row's own description): a number and the word it counts ("6 tháng", "17 lượt", "tại 04
trường"), "năm 2023", "tháng 6"; the template's own words are kept so in document.py. Applied
when the document is built for print, never to what is stored: each such space becomes a
non-breaking one, one character for one."""

from __future__ import annotations

import re

NBSP = "\u00a0"
# A number standing alone and the word after it; not a year ("năm 2023 trên"), nor the end of a
# date, a range or a code ("21/02/2023 về", "2018-2025 do"); "lượt/41 tài khoản" is a number.
_NUMBER_WORD = re.compile(
    r"(?<![\w.,:–-])(?<!\d/)(?<![Nn]ăm\u00a0)(?<![Nn]ăm )(\d+(?:[.,]\d+)*) (?=[^\W\d_])")
_WORD_NUMBER = re.compile(r"\b([Nn]ăm|[Tt]háng|[Nn]gày) (?=\d)")


def kept_together(text: str) -> str:
    """The text with a non-breaking space in each pair a line must not split."""
    text = _NUMBER_WORD.sub(lambda m: m.group(1) + NBSP, text)
    return _WORD_NUMBER.sub(r"\1" + NBSP, text)
