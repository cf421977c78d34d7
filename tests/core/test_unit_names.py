"""A commune's own units: a name taken is refused, one only lacking its marks is asked, one with
another tone mark is another unit; renaming keeps the old name for matching."""

import datetime as dt
import unicodedata

import pytest

from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.core.unit_names import SAME, UNMARKED, SimilarName, likeness, rename_unit
from bachthong_desktop.core.units import end_unit, find_unit, reporting_units

START = dt.date(2025, 7, 1)


@pytest.mark.parametrize("typed", [
    "Thôn Nà Bản", "thôn nà bản", "  THÔN   NÀ  BẢN ", unicodedata.normalize("NFD", "Thôn Nà Bản"),
    "Thôn\u00a0Nà Bản"])
def test_the_same_name_after_case_spacing_and_unicode_form(typed):
    assert likeness(typed, "Thôn Nà Bản") == SAME


@pytest.mark.parametrize("typed", ["thon na ban", "Thôn Na Ban", "THON NA BẢN", "Thôn Nà Ban"])
def test_a_name_lacking_marks_where_the_other_has_them_is_asked(typed):
    assert likeness(typed, "Thôn Nà Bản") == UNMARKED
    assert likeness("Thôn Nà Bản", typed) == UNMARKED


@pytest.mark.parametrize("typed", ["Thôn Nà Bàn", "Thôn Nà Bạn", "Thôn Nả Bản", "Thôn Nà Bản 2",
                                   "Nà Bản Trên", "Thôn Ná Bàn"])
def test_other_marks_or_other_words_are_another_name(typed):
    assert likeness(typed, "Thôn Nà Bản") is None


@pytest.fixture
def commune(session):
    set_up_office(session.db, "01969")
    add_own_unit(session.db, "Thôn Nà Bản", START)
    return session


def _names(db):
    return [u.name for u in reporting_units(db, "01969")]


def test_adding_the_same_name_twice_is_refused_and_nothing_is_written(commune):
    with pytest.raises(UserError, match="Đã có “Thôn Nà Bản” \\(mã 01969-01\\)"):
        add_own_unit(commune.db, "  thôn NÀ bản")
    assert _names(commune.db) == ["Thôn Nà Bản"]


def test_a_name_without_marks_is_asked_then_added_when_the_user_says_so(commune):
    with pytest.raises(SimilarName) as asked:
        add_own_unit(commune.db, "thon na ban")
    assert asked.value.existing.code == "01969-01"
    assert "gõ thiếu dấu" in asked.value.message
    assert _names(commune.db) == ["Thôn Nà Bản"]
    add_own_unit(commune.db, "thon na ban", similar_ok=True)
    assert _names(commune.db) == ["Thôn Nà Bản", "thon na ban"]


def test_another_tone_mark_is_another_village(commune):
    add_own_unit(commune.db, "Thôn Nà Bàn")
    assert _names(commune.db) == ["Thôn Nà Bản", "Thôn Nà Bàn"]


def test_a_unit_ended_before_the_new_one_starts_leaves_its_name_free(commune):
    end_unit(commune.db, "01969-01", dt.date(2025, 12, 31))
    add_own_unit(commune.db, "Thôn Nà Bản", dt.date(2026, 1, 1))
    assert [(u.code, u.valid_from) for u in reporting_units(commune.db, "01969")] == [
        ("01969-01", "2025-07-01"), ("01969-02", "2026-01-01")]


def test_renaming_keeps_the_old_name_for_returns_written_with_it(commune):
    unit = reporting_units(commune.db, "01969")[0]
    renamed = rename_unit(commune.db, unit, "Thôn Nà Bản Mới")
    assert (renamed.code, renamed.name) == ("01969-01", "Thôn Nà Bản Mới")
    assert find_unit(commune.db, "Thôn Nà Bản", "01969", dt.date(2026, 6, 1)).code == "01969-01"
    add_own_unit(commune.db, "Thôn Khuổi Lừa")
    other = reporting_units(commune.db, "01969")[1]
    with pytest.raises(UserError, match="Đã có “Thôn Nà Bản Mới”"):
        rename_unit(commune.db, other, "thôn nà bản mới")
    with pytest.raises(UserError, match="Hãy nhập tên mới"):
        rename_unit(commune.db, other, "  ")
    assert _names(commune.db) == ["Thôn Nà Bản Mới", "Thôn Khuổi Lừa"]
