"""Figures and dates are read as the commune meant them and printed as Decree 30 wants."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bachthong_desktop.core.numbers import (
    NumberError,
    date_line,
    parse_count,
    parse_date,
)
from bachthong_desktop.core.wording import count, format_date_d30


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, 12),
        (0, 0),
        (3.0, 3),
        (1086.0, 1086),
        ("12", 12),
        (" 12 ", 12),
        ("02", 2),
        ("1.086", 1086),
        ("1 086", 1086),
        ("1\u00a0086", 1086),
        ("1.234.567", 1234567),
        ("12 tin", 12),
        ("135 bài", 135),
        ("1.086 lượt", 1086),
        ("41 tài khoản", 41),
        ("3,0", 3),
        ("", None),
        ("   ", None),
        (None, None),
        ("-", 0),
        ("–", 0),
    ],
)
def test_parse_count_reads_what_is_certain(value, expected):
    assert parse_count(value) == expected


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("1,5", "số thập phân"),
        ("1.5", "số thập phân"),
        (3.2, "3,2"),
        ("abc", "không phải là một số"),
        ("1.08", "Không rõ"),
        ("1,086", "Không rõ"),
        ("1.0865", "Không rõ"),
        ("12/5", "không phải là một số"),
        ("12 tin 5 bài", "không phải là một số"),
        (True, "Đúng/Sai"),
        (False, "Đúng/Sai"),
        (float("nan"), "Ô này"),
        ("-5", "Số liệu không được âm"),
        (-2, "Số liệu không được âm"),
        (-2.0, "Số liệu không được âm"),
    ],
)
def test_parse_count_refuses_what_is_uncertain_with_a_vietnamese_sentence(value, says):
    with pytest.raises(NumberError) as caught:
        parse_count(value)
    error = caught.value
    assert isinstance(error, ValueError)
    assert str(error) == error.message
    assert says in error.message
    assert error.message.endswith(".")


@pytest.mark.parametrize("typed", ["1,5", "abc", "1.08", "12/5", "-5"])
def test_count_error_quotes_what_was_typed(typed):
    with pytest.raises(NumberError, match=typed.replace(".", r"\.")):
        parse_count(typed)


@pytest.mark.parametrize(
    ("n", "pad", "expected"),
    [(2, 2, "02"), (6, 2, "06"), (0, 2, "00"), (10, 2, "10"), (430, 2, "430"), (1086, 2, "1086"),
     (1086, 0, "1086"), (6, 0, "6")],
)  # fmt: skip
def test_a_count_as_in_the_reference_report(n, pad, expected):
    assert count(n, pad) == expected


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=4))
def test_a_printed_count_reads_back(n, pad):
    assert parse_count(count(n, pad)) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_a_count_grouped_with_dots_reads_back(n):
    assert parse_count(f"{n:,}".replace(",", ".")) == n


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (datetime.date(2023, 2, 21), "21/02/2023"),
        (datetime.date(2023, 5, 26), "26/5/2023"),
        (datetime.date(2023, 6, 5), "05/6/2023"),
        (datetime.date(2021, 10, 1), "01/10/2021"),
        (datetime.date(2023, 1, 9), "09/01/2023"),
        (datetime.date(2023, 12, 31), "31/12/2023"),
    ],
)
def test_format_date_d30(d, expected):
    assert format_date_d30(d) == expected


def test_date_line_with_day():
    line = date_line("Bạch Thông", datetime.date(2023, 6, 5), 6, 2023)
    assert line == "Bạch Thông, ngày 05 tháng 6 năm 2023"


def test_date_line_leaves_six_spaces_for_the_clerk():
    assert date_line("Bạch Thông", None, 6, 2023) == "Bạch Thông, ngày      tháng 6 năm 2023"


@pytest.mark.parametrize(("month", "printed"), [(1, "01"), (2, "02"), (3, "3"), (12, "12")])
def test_date_line_month_leading_zero_only_for_january_and_february(month, printed):
    assert date_line("Phủ Thông", None, month, 2024).endswith(f"tháng {printed} năm 2024")


def test_date_line_refuses_a_day_from_another_month():
    with pytest.raises(NumberError, match="không thuộc tháng 6"):
        date_line("Bạch Thông", datetime.date(2023, 7, 5), 6, 2023)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05/06/2023", datetime.date(2023, 6, 5)),
        ("5/6/2023", datetime.date(2023, 6, 5)),
        ("26/5/2023", datetime.date(2023, 5, 26)),
        ("05-06-2023", datetime.date(2023, 6, 5)),
        ("05.06.2023", datetime.date(2023, 6, 5)),
        ("2023-06-05", datetime.date(2023, 6, 5)),
        ("2023-06-05 00:00:00", datetime.date(2023, 6, 5)),
        (" 21/02/2023 ", datetime.date(2023, 2, 21)),
        ("ngày 26 tháng 5 năm 2023", datetime.date(2023, 5, 26)),
        ("29/02/2024", datetime.date(2024, 2, 29)),
        (datetime.date(2023, 6, 5), datetime.date(2023, 6, 5)),
        (datetime.datetime(2023, 6, 5, 14, 30), datetime.date(2023, 6, 5)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("31/02/2023", "Ngày 31/02/2023 không có thật"),
        ("29/02/2023", "chỉ có 28 ngày"),
        ("31/04/2023", "chỉ có 30 ngày"),
        ("00/06/2023", "không có ngày 0"),
        ("06/25/2023", "Ngày phải viết trước tháng"),
        ("05/06/23", "4 chữ số"),
        ("05/6/2203", "gõ nhầm"),
        ("hôm qua", "không phải là ngày tháng"),
        ("05/6-2023", "không phải là ngày tháng"),
        (45082, "không phải là ngày tháng"),
    ],
)
def test_parse_date_explains_an_impossible_date(value, says):
    with pytest.raises(NumberError) as caught:
        parse_date(value)
    assert says in caught.value.message
    assert str(caught.value) == caught.value.message


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_a_printed_date_reads_back(d):
    assert parse_date(format_date_d30(d)) == d
    assert parse_date(d.isoformat()) == d


@pytest.mark.parametrize(("typed", "unit", "expected"), [
    ("12 tin", "tin, bài", 12), ("12 bài", "tin, bài", 12), ("5 buổi", "buổi", 5),
    ("5 BUỔI", "buổi", 5), ("3 lượt người", "lượt người", 3), ("-", "lượt", 0), ("—", "lượt", 0),
    ("", "lượt", None), (3.0000000000000004, "lượt", 3), (2.9999999999999996, "", 3),
])  # fmt: skip
def test_a_count_with_its_own_unit_word(typed, unit, expected):
    assert parse_count(typed, unit) == expected


@pytest.mark.parametrize(("typed", "unit"), [
    ("2 nghìn", "tin"), ("15k", "tin"), ("8o", "lượt"), ("12 bài", "buổi"), ("3 triệu", None),
    ("5 buổi", "tin, bài"), ("1e3", "lượt"), ("12 tin", "lượt"),
])  # fmt: skip
def test_any_other_word_or_letter_is_refused(typed, unit):
    with pytest.raises(NumberError, match="không rõ|không phải là một số"):
        parse_count(typed, unit)


@pytest.mark.parametrize("value", [10**20, "100.000.000.000.000.000.000", 1e20, "9" * 5000,
                                   10**5000, -10**5000, "1" * 41, 1e308, "12345678901 lượt"],
                         ids=range(9))
def test_implausible_counts_are_refused_not_crashed(value):
    with pytest.raises(NumberError, match="lớn bất thường|không phải"):
        parse_count(value, "lượt")


def test_the_fields_maximum_bounds_a_count():
    assert parse_count("1.000", "lượt", maximum=1000) == 1000
    with pytest.raises(NumberError, match="không quá 1000"):
        parse_count(1001, "lượt", maximum=1000)


@given(st.one_of(st.text(max_size=6000), st.integers(), st.floats(), st.booleans(), st.none(),
                 st.decimals(allow_nan=True)))
def test_no_input_raises_anything_but_a_number_error(value):
    try:
        result = parse_count(value, "tin")
    except NumberError as exc:
        assert exc.message.endswith(".")
    else:
        assert result is None or 0 <= result <= 10**9
