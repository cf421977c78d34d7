"""The rows of a table sheet (the NGO projects): where the data starts, and where it ends.

Data ends at the first entirely empty row: what follows is listed as ignored. A row holding
a single cell ("Tổng cộng: 1 dự án", "Người lập biểu", a name) is a note, ignored and listed.
A row that looks like data but misses a required column, or has its dates out of order, is
refused naming the row; the definition's `max_rows` bounds the number of rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


from ..core import wording
from ..core.definition import Column, Field
from ..core.numbers import NumberError, parse_date
from ..core.text import clean
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
                self._rows(f, columns, sheet, rows[r:], r + 1, found)
                return True
        return False

    def _rows(self, f: Field, columns: list[Column], sheet: str, rows: list[list], first: int,
              found: dict[int, str]) -> None:
        labels = {c.code: clean(c.label).casefold() for c in columns}
        kinds = {c.code: c for c in columns}
        records = self.reader.tables.setdefault(f.code, [])
        started, after_blank, notes = False, [], []
        for r, row in enumerate(rows, start=first):
            filled = [cell for cell in row if cell.value is not None and
                      (not isinstance(cell.value, str) or clean(cell.value))]
            if not started and self._is_label_row(row, found, labels):
                continue
            if not filled:
                if started or records:
                    after_blank = [r2 for r2, rw in enumerate(rows[r - first + 1:], start=r + 1)
                                   if any(c.value not in (None, "") for c in rw)]
                    break
                continue
            started = True
            if len(filled) == 1:
                notes.append((r, filled[0].value))
                continue
            record = self._record(sheet, row, r, found, kinds)
            if record is not None:
                records.append((sheet, r, record))
        self._say_ignored(sheet, notes, after_blank)
        self._check_size(f, sheet, records)

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
        if value is None or (isinstance(value, str) and not clean(value)):
            return None
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

    def _say_ignored(self, sheet: str, notes: list[tuple[int, Any]], after: list[int]) -> None:
        for r, text in notes:
            shown = clean(str(text))[:80]
            self.reader.out.notes.append(f"Trang “{sheet}”, dòng {r}: “{shown}” là ghi chú, "
                                         "không phải một dòng số liệu, nên không nhập.")
        if after:
            self.reader.out.notes.append(
                f"Trang “{sheet}”: dòng {_rows_words(after)} nằm sau dòng trống (bảng số liệu "
                "kết thúc ở dòng trống đầu tiên) nên không nhập. Nếu đó là số liệu, hãy xóa "
                "dòng trống rồi gửi lại.")

    def _check_size(self, f: Field, sheet: str, records: list) -> None:
        if f.max_rows is not None and len(records) > f.max_rows:
            self.reader.problem(sheet, f"dòng {records[f.max_rows][1]}",
                                f"bảng “{f.label}” có {wording.number(len(records))} dòng, "
                                f"nhiều hơn mức tối "
                                f"đa {f.max_rows} dòng của một báo cáo. Hãy kiểm tra lại.")


def _dmy(iso: str) -> str:
    return wording.date(dt.date.fromisoformat(iso))
