"""Periods and their Decree 09/2019 cut-off dates."""

import datetime as dt

import pytest

from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.periods import Period, current_period, parse_period


@pytest.mark.parametrize("text,start,end", [
    ("2023-H1", dt.date(2022, 12, 15), dt.date(2023, 6, 14)),
    ("2023-H2", dt.date(2023, 6, 15), dt.date(2023, 12, 14)),
    ("2023", dt.date(2022, 12, 15), dt.date(2023, 12, 14)),
    (" 2024-h1 ", dt.date(2023, 12, 15), dt.date(2024, 6, 14)),
])
def test_cutoff_dates(text, start, end):
    period = parse_period(text)
    assert (period.cutoff_start, period.cutoff_end) == (start, end)


def test_ids_and_labels_round_trip():
    for text, label in (("2023-H1", "6 tháng đầu năm 2023"), ("2023-H2", "6 tháng cuối năm 2023"),
                        ("2023", "năm 2023")):
        period = parse_period(text)
        assert period.id == text and period.label == label


@pytest.mark.parametrize("bad", ["2023-H3", "23-H1", "H1-2023", "", "2023-Q1", "abc"])
def test_an_unknown_period_is_a_vietnamese_sentence(bad):
    with pytest.raises(UserError, match="Kỳ báo cáo .* không hợp lệ. Hãy ghi theo mẫu 2023-H1"):
        parse_period(bad)


def test_year_earlier_and_deadlines_follow_the_cutoff():
    period = Period(2023, "H1")
    assert period.year_earlier().id == "2022-H1"
    assert period.default_deadline("unit") < period.default_deadline("office")
    assert period.default_deadline("unit") > period.cutoff_end


@pytest.mark.parametrize("today,expected", [
    (dt.date(2023, 6, 5), "2023-H1"), (dt.date(2023, 6, 25), "2023-H1"),
    (dt.date(2023, 12, 10), "2023"), (dt.date(2024, 1, 10), "2023"),
])
def test_current_period_is_the_one_being_compiled(today, expected):
    assert current_period(today).id == expected
