"""Lines for a console or a pipe in whatever code page it has, Vietnamese kept readable.

Through a pipe on a Vietnamese Windows, Python writes in code page 1258, which holds the
Vietnamese base letters (ê, ơ, ư, ă, đ) and the five tone marks as combining characters, but
not most precomposed letters: "ế" is written as "ê" + U+0301, as Windows itself converts it.
A mark it cannot carry is left out ("Ket qua" in ASCII); a letter it cannot carry becomes "?". A windowed program has no console at
all (sys.stdout is None): then nothing is written, the log file has the lines.
"""

from __future__ import annotations

import sys
import unicodedata
from itertools import combinations


def encodable(text: str, encoding: str) -> str:
    """`text` with each character the encoding lacks decomposed into ones it has."""
    return "".join(_char(ch, encoding) for ch in text)


def _char(ch: str, encoding: str) -> str:
    if _fits(ch, encoding):
        return ch
    letter, *marks = unicodedata.normalize("NFD", ch)
    for size in range(len(marks), -1, -1):  # the most composed letter the code page has
        for inside in combinations(marks, size):
            base = unicodedata.normalize("NFC", letter + "".join(inside))
            if _fits(base, encoding):
                rest = list(marks)
                for mark in inside:
                    rest.remove(mark)
                return base + "".join(m for m in rest if _fits(m, encoding))
    return "?"


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def say(line: str, stream=None) -> None:
    """Print a line on `stream` (default: sys.stdout) in its encoding; nothing without one."""
    stream = sys.stdout if stream is None else stream
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        print(encodable(line, encoding), file=stream, flush=True)
    except (OSError, ValueError):  # a closed pipe or a detached console
        pass
