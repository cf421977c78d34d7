"""Checks from the definition: required, unreadable or negative, far from last year."""

import pytest

from bachthong_desktop.core.checks import ERROR, WARNING, check_values
from bachthong_desktop.core.definition import load_form

FORM = load_form("ttdn")


def fields(*codes):
    return [FORM.field(c) for c in codes]


def test_a_required_field_left_empty_is_an_error():
    problems = check_values(fields("general_situation", "doc_number"), {}, {})
    assert [(p.field, p.level) for p in problems] == [("general_situation", ERROR)]
    assert "bắt buộc" in problems[0].message


@pytest.mark.parametrize("typed, words", [("-5", "không được âm"), ("12,5", "số nguyên"),
                                          ("mười", "không phải là một số")])
def test_an_unreadable_or_negative_count_as_typed_is_an_error(typed, words):
    problems = check_values(fields("local_news"), {}, {}, typed={"local_news": typed})
    assert problems[0].level == ERROR and words in problems[0].message


def test_a_count_far_from_last_year_is_a_warning_only():
    problems = check_values(fields("local_news"), {"local_news": 4300}, {"local_news": 430}, "2022")
    assert problems[0].level == WARNING
    assert "4300" in problems[0].message and "2022" in problems[0].message


def test_the_far_warning_words_its_numbers_by_the_house_rule():
    problems = check_values(fields("local_news"), {"local_news": 123456}, {"local_news": 12000})
    assert "Số liệu 123.456 khác xa cùng kỳ năm trước (12.000)" in problems[0].message


@pytest.mark.parametrize("now, before", [(430, 380), (5, 2), (430, None), (None, 430)])
def test_ordinary_changes_and_missing_years_raise_nothing(now, before):
    assert check_values(fields("local_news"), {"local_news": now}, {"local_news": before}) == []


def test_failing_checks_of_a_state_list_required_fields_and_the_date_order(demo_session):
    import datetime as dt

    from bachthong_desktop.core.checks import failing_checks

    assert failing_checks(demo_session.state("2023-H1")) == []
    empty = {p.field for p in failing_checks(demo_session.state("2023-H2"))}
    assert {"recipients", "request_number", "general_situation"} <= empty
    early = failing_checks(demo_session.state("2023-H1"), dt.date(2023, 5, 25))
    assert [p.field for p in early] == ["doc_date"]
    assert "đứng trước ngày của văn bản yêu cầu báo cáo (26/5/2023)" in early[0].message
    demo_session.store.set("2023-H1", "063", "doc_date", "01/5/2023")
    assert [p.field for p in failing_checks(demo_session.state("2023-H1"))] == ["doc_date"]
    assert failing_checks(demo_session.state("2023-H1"), dt.date(2023, 6, 5)) == []
