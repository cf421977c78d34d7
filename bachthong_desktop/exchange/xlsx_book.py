"""A received workbook's cells, read straight from its sheet XML (no openpyxl).

The values are those openpyxl gives in read-only, data-only mode (`load_workbook(read_only=True,
data_only=True)`, the mode the import has always used for large files): numbers as int or
float, shared and inline strings, booleans, error values (data type "e"), numbers in a date
format as dates. Each cell also carries the name of its font (legacy Vietnamese fonts). Reading
the parts already in memory (xlsx_safety) avoids a second unzip and openpyxl's object model,
which cost more than the whole rest of an import.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
from dataclasses import dataclass
from typing import Any, Iterator, Mapping
from xml.etree.ElementTree import fromstring, iterparse

# Number formats Excel has built in (openpyxl.styles.numbers.BUILTIN_FORMATS); an id not here
# and not defined in the file is no date format.
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)", 41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')  # quoted text, [locale] parts
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_TIMEDELTA = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_ISO = re.compile(r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
                  r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})"
                  r"(?P<microsecond>\.\d{1,3})?)?)?Z?")
_COORD = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)
_XML_BOOLEANS = {"1": True, "true": True, "0": False, "false": False}


class Cell:
    """One cell as the import reads it; `pending` is the formula of a cell whose result was
    never computed (no stored value: a file written by a program, not saved by Excel)."""

    __slots__ = ("value", "data_type", "font_name", "pending")

    def __init__(self, value, data_type: str = "n", font_name: str | None = None,
                 pending: str | None = None):
        self.value, self.data_type, self.font_name = value, data_type, font_name
        self.pending = pending

    def __repr__(self) -> str:
        return f"Cell({self.value!r}, {self.data_type!r}, {self.font_name!r})"


def is_date_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    return _DATE_LETTER.search(_STRIP.sub("", fmt.split(";")[0])) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    return fmt is not None and _TIMEDELTA.search(fmt.split(";")[0]) is not None


def from_excel(value: float, epoch: dt.datetime, timedelta: bool = False):
    """An Excel serial number as a date, time or duration (as openpyxl converts it)."""
    if timedelta:
        td = dt.timedelta(days=value)
        if td.microseconds:
            td = dt.timedelta(seconds=td.total_seconds() // 1,
                              microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return dt.time(hours, minutes, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + dt.timedelta(days=day) + diff


def from_iso(text: str):
    """A cell of data type "d" (ISO 8601 text) as openpyxl reads it; ValueError if not one."""
    match = _ISO.fullmatch(text.strip())
    if not match or not any(match.groups()):
        raise ValueError(text)
    p = {k: int(v) if v and k not in ("date", "time", "microsecond") else v
         for k, v in match.groupdict(0).items()}
    micro = int(float(p["microsecond"]) * 1_000_000) if p["microsecond"] else 0
    if not p["date"]:
        return dt.time(p["hour"], p["minute"], p["second"], micro)
    if not p["time"]:
        return dt.date(p["year"], p["month"], p["day"])
    return dt.datetime(p["year"], p["month"], p["day"], p["hour"], p["minute"], p["second"], micro)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class FormattedText(str):
    """A cell's text that came with bold or italic runs (which the import does not keep)."""


def _formatted(run) -> bool:
    """A rich-text run (<r>) set in bold or italic."""
    for props in run:
        if _local(props.tag) == "rPr":
            return any(_local(p.tag) in ("b", "i") and p.get("val", "1") not in ("0", "false")
                       for p in props)
    return False


def _text(node) -> str:
    """A string item's text: its own <t> or its runs' <t>, not the phonetic guide (<rPh>).
    An item with both, or with two <t> of its own, is no file Excel writes and readers join
    it differently (openpyxl keeps the last <t> first): ValueError rather than a guess."""
    plain, runs, formatted = [], [], False
    for child in node:
        name = _local(child.tag)
        if name == "t":
            plain.append(child.text or "")
        elif name == "r":
            runs += [t.text or "" for t in child if _local(t.tag) == "t"]
            formatted = formatted or _formatted(child)
    if len(plain) > 1 or (plain and runs):
        raise ValueError("a string item with several texts")
    text = "".join(plain or runs)
    return FormattedText(text) if formatted else text


def shared_strings(xml: bytes | None) -> list[str]:
    if not xml:
        return []
    return [_unescaped(_text(si)) for si in fromstring(xml) if _local(si.tag) == "si"]


def _unescaped(text: str) -> str:
    plain = text.replace("x005F_", "")
    return FormattedText(plain) if isinstance(text, FormattedText) else plain


@dataclass
class Styles:
    """What a cell's style index tells the import: its font's name and its date format."""

    fonts: list[str | None]
    dates: set[int]
    durations: set[int]

    def font_name(self, style: int) -> str | None:
        return self.fonts[style] if style < len(self.fonts) else None


def styles(xml: bytes | None) -> Styles:
    if not xml:
        return Styles([], set(), set())
    root = fromstring(xml)
    blocks = {_local(child.tag): child for child in root}
    custom = {int(n.get("numFmtId")): n.get("formatCode")
              for n in blocks.get("numFmts", ()) if _local(n.tag) == "numFmt"}
    names = []
    for font in blocks.get("fonts", ()):
        name = next((c.get("val") for c in font if _local(c.tag) == "name"), None)
        names.append(name)
    fonts, dates, durations = [], set(), set()
    for i, xf in enumerate(x for x in blocks.get("cellXfs", ()) if _local(x.tag) == "xf"):
        font_id = int(xf.get("fontId") or 0)
        fonts.append(names[font_id] if font_id < len(names) else None)
        number = int(xf.get("numFmtId") or 0)
        fmt = custom[number] if number in custom else BUILTIN_FORMATS.get(number)
        if is_date_format(fmt):
            dates.add(i)
        if is_timedelta_format(fmt):
            durations.add(i)
    return Styles(fonts, dates, durations)


def date1904(workbook_xml: bytes) -> bool:
    """The workbook counts dates from 1904; ValueError for a flag that is no XML boolean
    (openpyxl takes "False" or "on" for 1904, Excel does not: dates 4 years apart)."""
    root = fromstring(workbook_xml)
    pr = next((c for c in root if _local(c.tag) == "workbookPr"), None)
    flag = "0" if pr is None else (pr.get("date1904") or "0").strip()
    if flag not in _XML_BOOLEANS:
        raise ValueError(f"date1904={flag!r}")
    return _XML_BOOLEANS[flag]


def sheet_count(workbook_xml: bytes) -> int:
    """How many sheets the workbook lists (read as XML: any quoting, any escapes)."""
    root = fromstring(workbook_xml)
    return sum(1 for block in root if _local(block.tag) == "sheets"
               for node in block if _local(node.tag) == "sheet")


def related_part(parts: Mapping[str, bytes], kind: str, default: str) -> str:
    """The part the workbook's relationships name for `kind` ("sharedStrings", "styles"), as
    Excel finds it; `default` when none is named. ValueError if two are named, if the
    content types name another part of that kind (readers would differ over which counts), or
    if the part named is not among `parts` (left out, dates would read as plain numbers)."""
    named = {part_of_target(attrs["Target"]) for attrs in _relationships(parts)
             if attrs.get("Type", "").endswith("/" + kind) and attrs.get("Target")}
    declared = {name.lstrip("/") for name in _overrides(parts, f".{kind}+xml")}
    if len(named) > 1 or len(declared) > 1 or (named and declared and named != declared):
        raise ValueError(f"{kind} parts {sorted(named)} / {sorted(declared)}")
    found = next(iter(named or declared), None)
    if found is not None and found not in parts:
        raise ValueError(f"{kind} part {found!r} missing or unchecked")
    return found or default


def _relationships(parts: Mapping[str, bytes]) -> list[dict[str, str]]:
    xml = parts.get("xl/_rels/workbook.xml.rels")
    return [dict(node.attrib) for node in fromstring(xml)] if xml else []


def _overrides(parts: Mapping[str, bytes], content_type_end: str) -> list[str]:
    xml = parts.get("[Content_Types].xml")
    return [node.get("PartName", "") for node in (fromstring(xml) if xml else ())
            if (node.get("ContentType") or "").endswith(content_type_end)]


def part_of_target(target: str) -> str:
    """A target of the workbook's relationships as a part name (relative to xl/)."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))


def workbook_reader(parts: Mapping[str, bytes]) -> "SheetReader":
    """The reader of a workbook's sheets: its shared strings, styles and date system."""
    epoch = MAC_EPOCH if date1904(parts["xl/workbook.xml"]) else WINDOWS_EPOCH
    strings = parts.get(related_part(parts, "sharedStrings", "xl/sharedStrings.xml"))
    style = parts.get(related_part(parts, "styles", "xl/styles.xml"))
    return SheetReader(shared_strings(strings), styles(style), epoch)


def _number(text: str) -> int | float:
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def _namespace(tag: str) -> str:
    return tag[:tag.index("}") + 1] if tag.startswith("{") else ""


def _row_nodes(xml: bytes, stream: bool) -> Iterator[tuple[Any, str]]:
    """(row element, the sheet's namespace) in document order; a stream clears each row after
    use, so a large sheet never stands whole in memory as a tree."""
    if not stream:
        root = fromstring(xml)
        ns = _namespace(root.tag)
        for node in root.iter(f"{ns}row"):
            yield node, ns
        return
    ns = None
    for event, node in iterparse(io.BytesIO(xml), events=("start", "end")):
        if ns is None:
            ns = _namespace(node.tag)
        elif event == "end" and node.tag == f"{ns}row":
            yield node, ns
            node.clear()


@dataclass
class Outside:
    """Cells set aside as far beyond any return's area (rows past `rows`, columns past
    `columns`): (reference, value) of those holding something, and the area really used."""

    rows: int
    columns: int
    cells: list[tuple[str, Any]]
    used: tuple[int, int] = (0, 0)  # (last row, last column) of any cell, far ones included


def _pending(node, ns: str) -> str | None:
    """The formula of a cell with no computed result: no value, or an empty one not typed
    as text (openpyxl writes <v></v>; Excel and LibreOffice write an empty text result as
    t="str" with <v></v>, which is an empty value)."""
    formula = node.find(f"{ns}f")
    if formula is None or node.findtext(f"{ns}v") or node.get("t") in ("str", "inlineStr"):
        return None
    return "=" + formula.text if formula.text else "(công thức dùng chung)"


class SheetReader:
    """Rows of cells of the sheets of one workbook (shared strings and styles read once)."""

    def __init__(self, strings: list[str], style: Styles, epoch: dt.datetime):
        self.strings, self.style, self.epoch = strings, style, epoch
        self.columns: dict[str, int] = {}  # the letters of a reference -> column number

    def cell(self, node, ns: str, row: str = "") -> tuple[int | None, Cell]:
        """(column from its reference or None, the cell); ValueError if its reference names
        another row than `row` (the row's number as text; "": not checked)."""
        kind = node.get("t", "n")
        s = int(node.get("s") or 0)
        value = node.findtext(f"{ns}v") or None
        if kind == "inlineStr":
            inline = node.find(f"{ns}is")
            value = None
            if inline is not None:
                kind, value = "s", _text(inline)
        elif value is not None:
            if kind == "n":
                value = _number(value)
                if s in self.style.dates:
                    kind = "d"
                    try:
                        value = from_excel(value, self.epoch, s in self.style.durations)
                    except (OverflowError, ValueError):
                        kind, value = "e", "#VALUE!"
            elif kind == "s":
                value = self.strings[int(value)]
            elif kind == "b":
                value = bool(int(value))
            elif kind == "str":
                kind = "s"
            elif kind == "d":
                value = from_iso(value)
        ref = node.get("r")
        column = None
        if ref:
            letters = ref.rstrip("0123456789")
            digits = ref[len(letters):]
            if row and digits != row:
                raise ValueError(f"cell {ref!r} in row {row}")
            column = self.columns.get(letters) if digits else None
            if column is None:
                match = _COORD.fullmatch(ref)
                if match is None:
                    raise ValueError(f"cell reference {ref!r}")
                column = self.columns[letters] = column_number(match.group(1))
        font = self.style.font_name(s) if isinstance(value, str) else None
        return column, Cell(value, kind, font, _pending(node, ns))

    def rows(self, xml: bytes, stream: bool = False,
             outside: Outside | None = None) -> list[list[Cell]]:
        """The sheet's rows from row 1, a missing row as []; each row as long as its last cell.
        Rows and cells must come in order, each once (as Excel writes them): ValueError
        otherwise, as readers differ over such a sheet (openpyxl drops a row that comes back
        and the cells of a row right of its last cell; Excel shows them). With `outside`, cells
        beyond its bounds are listed there instead (a stray letter in the sheet's last row does
        not make a million empty rows)."""
        rows: list[list[Cell]] = []
        row_number = 0
        for node, ns in _row_nodes(xml, stream):
            r = node.get("r")
            number = int(r) if r else row_number + 1
            if number <= row_number:
                raise ValueError(f"row {number} after row {row_number}")
            row_number = number
            cells = self._row_cells(node, ns, row_number, outside)
            if outside is not None and row_number > outside.rows:
                continue
            while len(rows) < row_number - 1:
                rows.append([])
            rows.append(cells)
        return rows

    def _row_cells(self, node, ns: str, row_number: int, outside: Outside | None) -> list[Cell]:
        cells: list[Cell | None] = []
        column, row_text = 0, str(row_number)
        for child in node.iterfind(f"{ns}c"):
            found, cell = self.cell(child, ns, row_text)
            if found is not None and found <= column:
                raise ValueError(f"row {row_number}: column {found} after column {column}")
            column = found if found is not None else column + 1
            if outside is not None:
                outside.used = (max(outside.used[0], row_number), max(outside.used[1], column))
                if row_number > outside.rows or column > outside.columns:
                    if cell.value not in (None, "") or cell.pending is not None:
                        outside.cells.append((f"{column_letter(column)}{row_number}",
                                              cell.pending or cell.value))
                    continue
            if column > len(cells):
                cells.extend([None] * (column - len(cells)))
            cells[column - 1] = cell
        return [c if c is not None else Cell(None) for c in cells]


def column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letter(number: int) -> str:
    """1 -> "A", 27 -> "AA" (openpyxl.utils.get_column_letter)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
