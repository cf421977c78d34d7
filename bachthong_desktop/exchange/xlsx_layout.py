"""What a sheet hides from the person who fills it: hidden rows and columns, merged ranges.

Read from the sheet XML itself, because openpyxl's read-only mode (used for large files)
reports neither merges nor hidden rows. One regex pass over each sheet part, no DOM.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from .xlsx_book import column_number, part_of_target

_ATTR = r'\s{name}="([^"]*)"'
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_REL = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*)/?>")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b([^>]*)/?>")
_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")
_TRUE = {b"1", b"true"}


@functools.cache
def _attr_pattern(name: str) -> re.Pattern:
    return re.compile(_ATTR.format(name=re.escape(name)).encode())


def _attr(attrs: bytes, name: str) -> bytes | None:
    found = _attr_pattern(name).search(attrs)
    return found.group(1) if found else None


@dataclass
class SheetLayout:
    """One sheet's hidden rows and columns (1-based) and merged ranges."""

    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    merges: list[tuple[int, int, int, int, str]] = field(default_factory=list)  # c1 r1 c2 r2 ref

    def merge_over(self, row: int, col: int) -> str | None:
        """The merged range that covers this cell, unless it is that range's top-left cell."""
        for c1, r1, c2, r2, ref in self.merges:
            if r1 <= row <= r2 and c1 <= col <= c2 and (row, col) != (r1, c1):
                return ref
        return None


def _sheet_parts(read: Callable[[str], bytes]) -> dict[str, tuple[str, bool]]:
    """Sheet title -> (its part in the zip, hidden), in the workbook's order; `read(part)`
    gives a part's bytes (KeyError if absent)."""
    rels = {}
    for attrs in _REL.findall(read("xl/_rels/workbook.xml.rels")):
        rid, target = _attr(attrs, "Id"), _attr(attrs, "Target")
        if rid and target:
            rels[rid] = part_of_target(target.decode())
    parts = {}
    for attrs in _SHEET.findall(read("xl/workbook.xml")):
        name, rid = _attr(attrs, "name"), re.search(rb'\s(?:\w+:)?id="([^"]*)"', attrs)
        if name and rid and rid.group(1) in rels:
            state = _attr(attrs, "state") or b"visible"
            parts[_unescape(name.decode())] = (rels[rid.group(1)], state != b"visible")
    return parts


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def _zero(attrs: bytes, name: str) -> bool:
    """A row height or column width of 0: hidden from the eye as surely as "hidden"."""
    size = _attr(attrs, name) if name.encode() in attrs else None
    try:
        return size is not None and float(size) <= 0
    except ValueError:
        return False


def _layout(xml: bytes, hidden: bool) -> SheetLayout:
    out = SheetLayout(hidden=hidden)
    row = 0
    for attrs in _ROW.findall(xml):
        r = _attr(attrs, "r") if b"r=" in attrs else None
        row = int(r) if r else row + 1  # a row without "r" follows the one before (as read)
        if (b"hidden" in attrs and _attr(attrs, "hidden") in _TRUE) or _zero(attrs, "ht"):
            out.hidden_rows.add(row)
    for attrs in _COL.findall(xml):
        if _attr(attrs, "hidden") in _TRUE or _zero(attrs, "width"):
            first, last = int(_attr(attrs, "min") or 0), int(_attr(attrs, "max") or 0)
            out.hidden_cols.update(range(first, min(last, 16384) + 1))
    for attrs in _MERGE.findall(xml):
        if ref := _attr(attrs, "ref"):
            if bounds := _range(ref.decode()):
                out.merges.append((*bounds, ref.decode()))
    return out


_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


def _range(ref: str) -> tuple[int, int, int, int] | None:
    """(first column, first row, last column, last row) of "B2:D4" or "B2"; None if not one."""
    found = _RANGE.fullmatch(ref.upper())
    if found is None:
        return None
    c1, r1 = column_number(found.group(1)), int(found.group(2))
    c2, r2 = ((column_number(found.group(3)), int(found.group(4))) if found.group(3)
              else (c1, r1))
    return c1, r1, c2, r2


def sheet_parts(parts: Mapping[str, bytes]) -> dict[str, tuple[str, bool]]:
    """Sheet title -> (its part, hidden), from a file's parts already read; empty if unreadable."""
    try:
        return _sheet_parts(parts.__getitem__)
    except (KeyError, ValueError):
        return {}


def layouts(parts: Mapping[str, bytes]) -> dict[str, SheetLayout]:
    """Every sheet's layout, by title, from a file's parts already read."""
    return {title: _layout(parts.get(part, b""), hidden)
            for title, (part, hidden) in sheet_parts(parts).items()}


def read_layouts(path: Path) -> dict[str, SheetLayout]:
    """Every sheet's layout, by title; empty when the parts cannot be found."""
    try:
        with zipfile.ZipFile(path) as zf:
            return layouts({info.filename: zf.read(info) for info in zf.infolist()
                            if info.filename.endswith((".xml", ".rels"))})
    except (OSError, zipfile.BadZipFile):
        return {}


_SI = re.compile(rb"<(?:\w+:)?si>(.*?)</(?:\w+:)?si>", re.S)
_T = re.compile(rb"<(?:\w+:)?t\b[^>]*>([^<]*)</(?:\w+:)?t>")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_V = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


def _cell_texts(xml: bytes, shared: list[str]) -> list[str]:
    texts = []
    for attrs, body in _CELL.findall(xml):
        kind = _attr(attrs, "t")
        if kind == b"s" and (v := _V.search(body or b"")) and v.group(1).isdigit():
            index = int(v.group(1))
            texts.append(shared[index] if index < len(shared) else "")
        elif kind == b"inlineStr" or kind == b"str":
            texts.append(_unescape(b"".join(_T.findall(body or b"") or _V.findall(body or b""))
                                   .decode("utf-8", "replace")))
        else:
            v = _V.search(body or b"")
            texts.append(_unescape(v.group(1).decode("utf-8", "replace")) if v else "")
    return texts


def hidden_values(path: Path, sheet: str) -> dict[str, str]:
    """The hidden key/value sheet (`_meta`) read without opening the workbook: cheap."""
    try:
        with zipfile.ZipFile(path) as zf:
            part = _sheet_parts(zf.read).get(sheet)
            if part is None:
                return {}
            names = set(zf.namelist())
            shared = ([_unescape(b"".join(_T.findall(si)).decode("utf-8", "replace"))
                       for si in _SI.findall(zf.read("xl/sharedStrings.xml"))]
                      if "xl/sharedStrings.xml" in names else [])
            texts = _cell_texts(zf.read(part[0]), shared)
    except (KeyError, OSError, zipfile.BadZipFile, ValueError):
        return {}
    return {a.strip(): b.strip() for a, b in zip(texts[::2], texts[1::2])}


def saved_time(path: Path) -> dt.datetime | None:
    """When the workbook says it was last saved (docProps/core.xml), in UTC; None if absent."""
    try:
        with zipfile.ZipFile(path) as zf:
            return saved_time_of({"docProps/core.xml": zf.read("docProps/core.xml")})
    except (KeyError, OSError, zipfile.BadZipFile):
        return None


def saved_time_of(parts: Mapping[str, bytes]) -> dt.datetime | None:
    """The saved time from a file's parts already read (docProps/core.xml)."""
    found = _MODIFIED.search(parts.get("docProps/core.xml", b""))
    if not found:
        return None
    try:
        moment = dt.datetime.fromisoformat(found.group(1).decode().strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
