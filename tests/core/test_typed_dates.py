"""Dates typed into a date box, the way people type them."""

import datetime as dt

import pytest

from bachthong_desktop.core.numbers import NumberError
from bachthong_desktop.core.typed_dates import parse_typed_date, typed_text


@pytest.mark.parametrize("text", ["20/04/2023", "20/4/2023", "20/4/23", "20-4-23", "20.04.2023",
                                  "20042023", "200423", " 20/4/2023 "])
def test_the_usual_ways_of_typing_a_date_all_read_the_same(text):
    assert parse_typed_date(text) == dt.date(2023, 4, 20)


def test_an_empty_box_or_a_dash_is_no_date():
    assert parse_typed_date("") is None and parse_typed_date("—") is None


@pytest.mark.parametrize("text, words", [("31/4/2023", "chỉ có 30 ngày"),
                                         ("29/02/2023", "chỉ có 28 ngày"),
                                         ("310423", "chỉ có 30 ngày"),
                                         ("20/13/2023", "không có tháng 13"),
                                         ("ngày mai", "không phải là ngày tháng")])
def test_an_impossible_date_is_refused_with_a_reason(text, words):
    with pytest.raises(NumberError) as caught:
        parse_typed_date(text)
    assert words in caught.value.message


def test_a_date_is_shown_with_two_digit_day_and_month():
    assert typed_text(dt.date(2023, 6, 5)) == "05/06/2023" and typed_text(None) == ""


def test_a_new_period_is_the_next_one_not_yet_created_never_a_future_or_existing_one():
    from bachthong_desktop.core.drafts import periods_to_start

    today = dt.date(2026, 12, 2)
    offered = [p.id for p in periods_to_start(["2025-H2", "2026-H1"], today)]
    assert offered[0] == "2026-H2"
    assert not {"2025-H2", "2026-H1", "2027-H1", "2027"} & set(offered)
    from bachthong_desktop.core.periods import current_period

    march = dt.date(2026, 3, 2)
    assert periods_to_start([], march)[0] == current_period(march)
