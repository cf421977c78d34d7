"""Nơi nhận as Decree 30 prints it, whatever was typed: each item with ";" at its end, the
last with ".", and the office's own copy "Lưu: VT." last (added when it was left out)."""

from __future__ import annotations

import re

FILE_COPY = "Lưu: VT"
_END = re.compile(r"[\s;,.]+$")


def _bare(item: str) -> str:
    """An item without its dash and its end mark: "- Sở TT&TT (B/c);" -> "Sở TT&TT (B/c)"."""
    return _END.sub("", str(item).strip().removeprefix("-").strip())


def _is_file_copy(item: str) -> bool:
    return item.lower().startswith("lưu")


def recipient_items(typed) -> list[str]:
    """The items of Nơi nhận as printed (without their "- "): typed order, the file copy last;
    a line ending in ":" ("Gửi bản điện tử:") is a heading and keeps it."""
    items = [_bare(i) if not str(i).strip().endswith(":") else str(i).strip().removeprefix(
        "-").strip() for i in typed or []]
    items = [i for i in items if i]
    copies = [i for i in items if _is_file_copy(i)] or [FILE_COPY]
    items = [i for i in items if not _is_file_copy(i)] + copies
    return [i if i.endswith(":") else i + (";" if n < len(items) - 1 else ".")
            for n, i in enumerate(items)]


_SPACED_DASH = re.compile(r"(?<=\S) (?=[-–] \S)")


def dash_kept(text: str) -> str:
    """A dash between words stays with the word before it ("(BftW) - CHLB Đức"): a line that
    began with "- CHLB Đức" would read as a new item of a list."""
    return _SPACED_DASH.sub("\u00a0", text)
