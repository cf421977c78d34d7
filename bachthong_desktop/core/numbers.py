"""Read counts and dates as people write them, and write them as Decree 30 prints them."""

from __future__ import annotations

import calendar
import datetime
import math
import re
from numbers import Real

from .text import clean
from .wording import format_date_d30, month_text, number

_EMPTY_MARKS = frozenset({"", "-", "–", "—", "--"})
_NONE_MARKS = frozenset({"-", "–", "—", "--"})  # statistical tables: "-" alone means none (0)
_COUNT_TEXT = re.compile(r"([-−–]?)\s*([0-9][0-9., ]*?)\s*([^\W\d_][^\d]*)?")
# The units of measure a count may be followed by when the field's own unit is not known.
KNOWN_UNITS = ("tin", "bài", "tin, bài", "lượt", "lượt người", "buổi", "tài khoản", "dự án",
               "chương trình", "trang", "văn bản", "người", "chuyên mục", "cuộc", "lần")
DEFAULT_MAXIMUM = 10**9  # no count of this report comes near; a field may declare less
MAX_TEXT_LENGTH = 40     # "1.234.567.890 lượt người" fits; longer text is not one count
WHOLE_TOLERANCE = 1e-9   # Excel's 3.0000000000000004 is 3
_DATE_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
_WRITE_DIGITS = "Xin ghi số bằng chữ số, ví dụ 12."
_IF_NONE = "Nếu không có, xin ghi 0 hoặc để trống."
_SLASH_HINT = " (có dấu “/”)"
_WRITE_DATE = "Xin ghi theo dạng ngày/tháng/năm, ví dụ 05/6/2023."
_CHECK_DATE = "Xin kiểm tra lại ngày tháng."


class NumberError(ValueError):
    """A figure or date that cannot be read with certainty; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _decimal_text(value: float) -> str:
    """A number as Vietnamese write it, with a decimal comma: 3.2 -> "3,2"."""
    return repr(value).replace(".", ",")


def _count_from_number(value: Real) -> int:
    """An int or a whole float as a non-negative count."""
    if isinstance(value, float) and not math.isfinite(value):
        raise NumberError("Ô này không chứa số liệu đọc được. Xin ghi số bằng chữ số, ví dụ 12.")
    if abs(value) > 10**30:  # str() of a 5,000-digit int fails; nothing is counted so high
        raise NumberError("Số liệu có hơn 30 chữ số, lớn bất thường. Xin kiểm tra lại số liệu "
                          "này.")
    if isinstance(value, float) and abs(value - round(value)) <= WHOLE_TOLERANCE:
        value = round(value)
    if value != int(value):
        raise NumberError(
            f"Số liệu phải là số nguyên, nhưng ô này ghi {_decimal_text(float(value))}. "
            "Xin ghi số nguyên, ví dụ 12."
        )
    if value < 0:
        raise NumberError(f"Số liệu không được âm ({int(value)}). {_IF_NONE}")
    return int(value)


def _digits_value(digits: str, original: str) -> int:
    """The value of the number part of a text, or NumberError saying what is unclear."""
    if re.fullmatch(r"[0-9]+", digits):
        return int(digits)
    if re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+", digits):
        return int(re.sub(r"[. ]", "", digits))
    if re.fullmatch(r"[0-9]+,[0-9]{3}", digits):
        raise NumberError(
            f"Không rõ “{original}” là bao nhiêu: dấu phẩy là dấu thập phân, còn hàng nghìn "
            "ngăn cách bằng dấu chấm (ví dụ 1.086). Xin ghi lại số liệu này."
        )
    decimal = re.fullmatch(r"([0-9]+)(?:,([0-9]+)|\.([0-9]))", digits)
    if decimal:
        if set(decimal.group(2) or decimal.group(3)) == {"0"}:
            return int(decimal.group(1))
        raise NumberError(
            f"“{original}” là số thập phân, nhưng số liệu này phải là số nguyên "
            "(số tin, số bài, số lượt ...). Xin ghi số nguyên, ví dụ 12."
        )
    raise NumberError(
        f"Không rõ “{original}” là bao nhiêu: hàng nghìn phải ngăn cách bằng dấu chấm, "
        "mỗi nhóm đủ 3 chữ số (ví dụ 1.086). Xin ghi lại số liệu này."
    )


def _unit_words(unit: str | None) -> set[str]:
    """The words that may follow a count: its unit ("tin, bài" also "tin" and "bài")."""
    units = KNOWN_UNITS if unit is None else (unit,)
    words = set()
    for each in units:
        each = clean(each).casefold()
        words |= {each, *(part.strip() for part in each.split(",") if part.strip())}
    return words


def _shown(text: str) -> str:
    """Typed text quoted in a message, cut short when it is long."""
    return text if len(text) <= MAX_TEXT_LENGTH else text[:MAX_TEXT_LENGTH] + "…"


def _count_from_text(text: str, unit: str | None) -> int | None:
    """A count from typed text such as "1.086", "1 086" or "12 tin"."""
    cleaned = clean(text)
    if cleaned in _NONE_MARKS:
        return 0
    if cleaned == "":
        return None
    if len(cleaned) > MAX_TEXT_LENGTH and re.fullmatch(r"[0-9., ]+", cleaned):
        raise NumberError(f"Số liệu có {len(cleaned)} chữ số, lớn bất thường. Xin kiểm tra lại "
                          "số liệu này.")
    match = _COUNT_TEXT.fullmatch(cleaned) if len(cleaned) <= MAX_TEXT_LENGTH else None
    if match is None:
        hint = _SLASH_HINT if "/" in cleaned else ""
        raise NumberError(f"“{_shown(cleaned)}” không phải là một số{hint}. {_WRITE_DIGITS}")
    word = match.group(3)
    if word and clean(word).casefold() not in _unit_words(unit):
        raise NumberError(f"“{cleaned}”: không rõ “{word}” là gì, chỉ được ghi số (có thể kèm "
                          f"đơn vị tính{' ' + unit if unit else ''}). {_WRITE_DIGITS}")
    value = _digits_value(match.group(2), cleaned)
    if match.group(1) and value:
        raise NumberError(f"Số liệu không được âm ({cleaned}). {_IF_NONE}")
    return value


def _within(value: int, maximum: int | None) -> int:
    """The count, or NumberError when it is beyond what the field can plausibly hold."""
    top = DEFAULT_MAXIMUM if maximum is None else maximum
    if value > top:
        shown = number(value) if value < 10**30 else "có hơn 30 chữ số"
        raise NumberError(f"Số liệu {shown} lớn bất thường: chỉ tiêu này không quá "
                          f"{number(top)}. Xin kiểm tra lại số liệu này.")
    return value


def parse_count(value: object, unit: str | None = None, maximum: int | None = None) -> int | None:
    """A count from a typed value or a cell, where its meaning is certain; None for empty.

    `unit` is the field's unit of measure, the only word allowed after the number (None: any
    usual unit); `maximum` the plausible largest count of the field. "-" alone means 0.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NumberError(f"Ô này ghi Đúng/Sai (TRUE/FALSE), không phải số liệu. {_WRITE_DIGITS}")
    if isinstance(value, Real):
        return _within(_count_from_number(value), maximum)
    if isinstance(value, str):
        count = _count_from_text(value, unit)
        return None if count is None else _within(count, maximum)
    raise NumberError(f"“{_shown(str(value))}” không phải là một số. {_WRITE_DIGITS}")


def date_line(place: str, d: datetime.date | None, month: int, year: int) -> str:
    """The place-and-date line: "Bạch Thông, ngày 05 tháng 6 năm 2023" (day blank if d is None)."""
    if not 1 <= month <= 12:
        raise NumberError(f"Không có tháng {month}. Tháng phải từ 1 đến 12.")
    if d is not None and (d.month, d.year) != (month, year):
        raise NumberError(
            f"Ngày {format_date_d30(d)} không thuộc tháng {month} năm {year} của văn bản. "
            "Xin sửa lại ngày hoặc tháng."
        )
    day = "      " if d is None else f" {d.day:02d} "
    return f"{place.strip()}, ngày{day}tháng {month_text(month)} năm {year}"


def _checked_date(day: int, month: int, year: int, written: str) -> datetime.date:
    """The date, or NumberError in Vietnamese explaining why it does not exist."""
    if not 1 <= month <= 12:
        hint = "Ngày phải viết trước tháng (ngày/tháng/năm)." if 1 <= day <= 12 else _CHECK_DATE
        raise NumberError(f"Ngày {written} không có thật: không có tháng {month}. {hint}")
    if not 1900 <= year <= 2100:
        raise NumberError(f"Năm {year} trong “{written}” có lẽ bị gõ nhầm. {_CHECK_DATE}")
    if day == 0:
        raise NumberError(f"Ngày {written} không có thật: không có ngày 0. {_CHECK_DATE}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise NumberError(
            f"Ngày {written} không có thật: tháng {month} năm {year} chỉ có {last} ngày. "
            f"{_CHECK_DATE}"
        )
    return datetime.date(year, month, day)


def _date_from_text(text: str) -> datetime.date | None:
    """A date from "dd/mm/yyyy" and the other forms parse_date accepts."""
    written = clean(text)
    if written in _EMPTY_MARKS:
        return None
    if match := _DATE_ISO.fullmatch(written):
        year, month, day = (int(g) for g in match.groups())
        return _checked_date(day, month, year, written)
    match = _DATE_DMY.fullmatch(written) or _DATE_WORDS.fullmatch(written)
    if match is None:
        raise NumberError(f"“{written}” không phải là ngày tháng. {_WRITE_DATE}")
    day, month, year = match.group(1), match.groups()[-2], match.groups()[-1]
    if len(year) != 4:
        raise NumberError(f"Năm trong “{written}” phải ghi đủ 4 chữ số, ví dụ 05/6/2023.")
    return _checked_date(int(day), int(month), int(year), written)


def parse_date(value: object) -> datetime.date | None:
    """A date from "dd/mm/yyyy", d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd or a cell's date."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return _date_from_text(value)
    raise NumberError(f"“{value}” không phải là ngày tháng. {_WRITE_DATE}")
