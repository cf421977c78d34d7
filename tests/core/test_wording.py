"""The one rule for numbers, shares and dates as text."""

import datetime

import pytest

from bachthong_desktop.core import wording


@pytest.mark.parametrize("value, text", [
    (0, "0"), (7, "7"), (1086, "1086"), (9999, "9999"), (10000, "10.000"),
    (12345, "12.345"), (1234567, "1.234.567"), (3.5, "3,5"), (12345.25, "12.345,25"),
    (-12345, "-12.345"), (4.0, "4"),
])
def test_number_follows_the_reference(value, text):
    assert wording.number(value) == text


def test_count_pads_small_figures_only():
    assert wording.count(2, pad=2) == "02"
    assert wording.count(1086, pad=2) == "1086"
    assert wording.count(12345, pad=2) == "12.345"


def test_share_date_and_values():
    assert wording.share(100) == "100 %"
    assert wording.share(87.5) == "87,5 %"
    assert wording.date(datetime.date(2023, 6, 5)) == "05/6/2023"
    assert wording.value("count", 1086, "lượt") == "1086 lượt"
    assert wording.value("count", None, "lượt") == wording.NOT_REPORTED
    assert wording.value("yesno", True) == "Có"
    assert wording.value("list", ["a", "b"]) == "a; b"


def test_a_yes_no_is_not_a_number():
    with pytest.raises(TypeError):
        wording.number(True)
