"""Which column of a return sheet holds the values: the one titled as the template's.

Two so titled are one only when it is certain which holds the figures (one alone has values
in the indicators' rows, or all hold the same). A column titled otherwise ("Số liệu 6 tháng
cuối năm", "Số liệu kỳ trước") is never taken for it; when it is the only candidate, the sheet
is refused naming the column, as it is when no column has the template's title.
"""

from __future__ import annotations

from typing import Any

from ..core.text import clean
from .xlsx_book import column_letter
from .xlsx_names import CODE_HEADER, TEXT_HEADER, VALUE_HEADER

VALUE_HEADERS = {clean(VALUE_HEADER).casefold(), clean(TEXT_HEADER).casefold()}


def value_column(reader, sheet: str, rows: list[list], r: int, texts: list[str],
                 code_col: int) -> int | None:
    """The value column of the header row `r` (its plain `texts`); None, with the problem
    recorded on `reader`, when it is not certain."""
    exact = [i for i, t in enumerate(texts) if t in VALUE_HEADERS]
    near = [i for i, t in enumerate(texts) if i not in exact and i != code_col
            and any(h in t for h in VALUE_HEADERS)]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        chosen = _certain(reader, rows[r:], code_col, exact)
        if chosen is None:
            _columns_problem(reader, sheet, r, rows[r - 1], exact, "cùng là cột số liệu của "
                             "mẫu nhưng ghi số liệu khác nhau, không biết cột nào là số liệu kỳ "
                             "này. Hãy giữ lại một cột (xóa cột kia, hoặc đổi tiêu đề của nó, "
                             "ví dụ “Kỳ trước”) rồi gửi lại.")
        return chosen
    if near:
        _columns_problem(reader, sheet, r, rows[r - 1], near, f"khác tiêu đề của mẫu "
                         f"(“{VALUE_HEADER}” hoặc “{TEXT_HEADER}”), nên không biết có phải số "
                         "liệu kỳ này không. Nếu đúng, hãy sửa tiêu đề cột như mẫu rồi gửi lại.")
    else:
        reader.problem(sheet, f"dòng {r}", f"dòng tiêu đề có cột “{CODE_HEADER}” nhưng không "
                       f"có cột “{VALUE_HEADER}” (hoặc “{TEXT_HEADER}”). Hãy dùng mẫu báo cáo "
                       "do cơ quan tổng hợp gửi, giữ nguyên tiêu đề các cột.")
    return None


def _certain(reader, below: list[list], code_col: int, columns: list[int]) -> int | None:
    """The column meant among several so titled, when certain; None otherwise."""
    def values(i: int) -> list:
        return [_raw(row, i) for row in below if len(row) > code_col
                and isinstance(row[code_col].value, str)
                and clean(row[code_col].value) in reader.by_code]
    found = [values(i) for i in columns]
    filled = [i for i, got in zip(columns, found) if any(v is not None for v in got)]
    if len(filled) <= 1:
        return filled[0] if filled else columns[0]
    return columns[0] if all(got == found[0] for got in found) else None


def _raw(row: list, i: int) -> Any:
    if i >= len(row):
        return None
    value = row[i].value
    return None if isinstance(value, str) and not clean(value) else value


def _columns_problem(reader, sheet: str, r: int, head: list, columns: list[int],
                     why: str) -> None:
    named = " và ".join(f"cột {column_letter(i + 1)} (tiêu đề “{clean(str(head[i].value))}”)"
                        for i in columns)
    reader.problem(sheet, f"{column_letter(columns[0] + 1)}{r}", f"{named} {why}")
