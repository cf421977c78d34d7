"""The rows of a table sheet (the NGO projects): where the data starts, and what each row is.

What a row is (none, note, a name alone, data) is table_rows.py's rule; blank rows end
nothing: a whole project after them is still data. A row that looks like data but misses a
required column, or has its dates out of order, is refused naming the row; the definition's
`max_rows` bounds the number of rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


from ..core import wording
from ..core.definition import Column, Field
from ..core.numbers import NumberError, parse_date
from ..core.text import clean
from .table_rows import (BLANK, NAME_ONLY, NONE, NOTE, PARTIAL, filled, is_none_word,
                         note_text, row_kind)
from .xlsx_book import column_letter


def _rows_words(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10]))
    return shown + (f" … ({wording.number(len(numbers))} dòng)" if len(numbers) > 10 else "")


class TableReader:
    """Finds the tables of a sheet and reads their rows into the reader's `tables`."""

    def __init__(self, reader, tables: list[tuple[Field, list[Column]]]):
        self.reader = reader
        # per table: its field, its columns, the prefix of its column codes, labels -> codes
        self.heads = [(f, columns, f"{f.code}.",
                       {clean(c.label).casefold(): c.code for c in columns})
                      for f, columns in tables]

    def starts(self, sheet: str, rows: list[list], r: int, texts: list[str]) -> bool:
        """A row of "table.column" codes (else of 3+ column labels) starts a table."""
        for f, columns, prefix, labels in self.heads:
            found = {i: t[len(prefix):] for i, t in enumerate(texts) if t.startswith(prefix)}
            if not found:
                found = {i: labels[t] for i, t in enumerate(texts) if t in labels}
                found = found if len(found) >= 3 else {}
            if found:
                titles = {c.code: c.label for c in columns}
                found = self._one_column_each(sheet, r, rows[r:], found, titles)
                self._rows(f, columns, sheet, rows[r:], r + 1, found)
                return True
        return False

    def _one_column_each(self, sheet: str, r: int, below: list[list], found: dict[int, str],
                         titles: dict[str, str]) -> dict[int, str]:
        """A column copied beside itself: kept when certain (one alone holds values, or all
        hold the same), else refused naming the columns, and none of them read."""
        out = dict(found)
        for code in {c for c in found.values() if list(found.values()).count(c) > 1}:
            same = [i for i, c in found.items() if c == code]
            title = clean(titles.get(code, code)).casefold()
            values = [[self._data(row, i, title) for row in below] for i in same]
            filled = [i for i, got in zip(same, values) if any(v is not None for v in got)]
            keep = filled[:1] if len(filled) <= 1 or all(v == values[0] for v in values) else []
            if not keep:
                named = " và ".join(f"cột {column_letter(i + 1)}" for i in same)
                self.reader.problem(sheet, f"dòng {r}", f"{named} cùng là cột "
                                    f"“{titles.get(code, code)}” của "
                                    "bảng nhưng ghi khác nhau, không biết cột nào là số liệu "
                                    "kỳ này. Hãy giữ lại một cột rồi gửi lại.")
            for i in same:
                if i not in keep:
                    del out[i]
        return out

    def _data(self, row: list, i: int, title: str) -> Any:
        """A cell's value under a table's head; its column's title (the labels row) is none."""
        value = row[i].value if i < len(row) else None
        if isinstance(value, str) and self.reader.plain(row[i]) in ("", title):
            return None
        return value

    def _rows(self, f: Field, columns: list[Column], sheet: str, rows: list[list], first: int,
              found: dict[int, str]) -> None:
        labels = {c.code: clean(c.label).casefold() for c in columns}
        kinds = {c.code: c for c in columns}
        required = {c.code for c in columns if c.required}
        records = self.reader.tables.setdefault(f.code, [])
        started = blank_before = False
        notes, nothing, apart = [], [], []
        for r, row in enumerate(rows, start=first):
            if not started and self._is_label_row(row, found, labels):
                continue
            kind = row_kind(row, found, required)
            if kind == BLANK:
                blank_before = started
                continue
            started = True
            if kind == NONE:
                nothing.append(r)
            elif kind == NOTE:
                notes.append((r, note_text(row)))
            elif kind == NAME_ONLY:
                self._name_only(sheet, r, row, found, kinds)
            elif kind == PARTIAL and blank_before:
                apart.append(r)  # after a blank row and without a project's name: not data
            elif (record := self._record(sheet, row, r, found, kinds)) is not None:
                records.append((sheet, r, record))
        self._say_ignored(sheet, notes, nothing, apart)
        self._check_size(f, sheet, records)

    def _name_only(self, sheet: str, r: int, row: list, found: dict[int, str],
                   kinds: dict[str, Column]) -> None:
        name = next(note_text([c]) for i, c in enumerate(row) if filled(c))
        others = ", ".join(f"“{c.label}”" for code, c in kinds.items() if not c.required)
        self.reader.problem(sheet, f"dòng {r}", f"dòng chỉ ghi tên “{name[:80]}”, các cột khác "
                            "để trống, nên không biết đây là một dự án hay một ghi chú. Nếu "
                            f"là dự án, hãy ghi thêm ít nhất một cột ({others}); nếu là ghi "
                            "chú, hãy ghi nó sang cột khác của dòng đó, rồi gửi lại.")

    def _is_label_row(self, row: list, found: dict[int, str], labels: dict[str, str]) -> bool:
        plain = self.reader.plain
        named = [i for i, col in found.items() if i < len(row) and plain(row[i]) == labels[col]]
        return len(named) >= 2

    def _record(self, sheet: str, row: list, r: int, found: dict[int, str],
                kinds: dict[str, Column]) -> dict[str, Any] | None:
        reader, record = self.reader, {}
        for i, col in found.items():
            if col not in kinds or i >= len(row):
                continue
            coord = f"{column_letter(i + 1)}{r}"
            value = reader.text(row[i], sheet, coord)
            if reader.hidden_or_merged(sheet, r, i + 1, coord, value not in (None, "")):
                value = None
            record[col] = self._value(kinds[col], value, sheet, coord)
        return self._checked_row(sheet, r, record, kinds)

    def _value(self, column: Column, value: Any, sheet: str, coord: str) -> Any:
        if value is None or (isinstance(value, str) and not clean(value)) or is_none_word(value):
            return None  # "-", "không" in a cell: nothing there
        if column.kind != "date":
            return clean(str(value)) or None
        try:
            day = parse_date(value)
        except NumberError as exc:
            self.reader.problem(sheet, coord, exc.message)
            return None
        return day.isoformat() if day else None

    def _checked_row(self, sheet: str, r: int, record: dict, kinds: dict[str, Column]):
        missing = [c.label for code, c in kinds.items() if c.required and not record.get(code)]
        if missing:
            self.reader.problem(sheet, f"dòng {r}", "dòng có số liệu nhưng thiếu "
                                + ", ".join(f"“{m}”" for m in missing)
                                + ". Hãy ghi đủ rồi gửi lại (hoặc xóa dòng này).")
        dates = [(c.label, record.get(code)) for code, c in kinds.items() if c.kind == "date"]
        dates = [(label, day) for label, day in dates if day]
        for (first, early), (then, late) in zip(dates, dates[1:]):
            if late < early:
                self.reader.problem(sheet, f"dòng {r}", f"“{then}” ({_dmy(late)}) ở trước "
                                    f"“{first}” ({_dmy(early)}). Hãy kiểm tra lại ngày tháng.")
        return record

    def _say_ignored(self, sheet: str, notes: list[tuple[int, Any]], nothing: list[int],
                     apart: list[int]) -> None:
        for r, text in notes:
            shown = clean(str(text))[:80]
            self.reader.out.notes.append(f"Trang “{sheet}”, dòng {r}: “{shown}” là ghi chú, "
                                         "không phải một dòng số liệu, nên không nhập.")
        if nothing:
            self.reader.out.notes.append(
                f"Trang “{sheet}”: dòng {_rows_words(nothing)} chỉ ghi “không có”, “-” hoặc "
                "tương tự, không phải một dự án, nên không tính.")
        if apart:
            self.reader.out.notes.append(
                f"Trang “{sheet}”: dòng {_rows_words(apart)} nằm sau dòng trống và không có "
                "tên dự án, nên không nhập. Nếu đó là một dự án, hãy ghi tên dự án rồi gửi lại.")

    def _check_size(self, f: Field, sheet: str, records: list) -> None:
        if f.max_rows is not None and len(records) > f.max_rows:
            self.reader.problem(sheet, f"dòng {records[f.max_rows][1]}",
                                f"bảng “{f.label}” có {wording.number(len(records))} dòng, "
                                f"nhiều hơn mức tối "
                                f"đa {f.max_rows} dòng của một báo cáo. Hãy kiểm tra lại.")


def _dmy(iso: str) -> str:
    return wording.date(dt.date.fromisoformat(iso))
