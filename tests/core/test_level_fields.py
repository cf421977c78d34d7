"""Fields and words by level: the definition says which fields need a body the level may lack
(`needs`) and which variant of a level's words fits an office's units; both checked on load."""

import datetime as dt
import tomllib

import pytest

from bachthong_desktop.core.definition import load_form, parse_form
from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.paths import forms_dir

CENTRE_FIELDS = {"tv_news_programs", "music_programs", "local_news", "local_articles",
                 "local_columns", "province_news", "province_articles", "radio_pages", "tv_pages"}


def raw_form() -> dict:
    return tomllib.loads((forms_dir() / "ttdn.toml").read_text(encoding="utf-8"))


def field_raw(raw: dict, code: str) -> dict:
    return next(f for s in raw["sections"] for f in s.get("fields", ()) if f["code"] == code)


def test_a_commune_or_province_lacks_the_centre_s_fields_the_district_has_them():
    form = load_form()
    lacked = {f.code for f in form.fields} - {f.code for f in form.fields_for(form.words_for("xã"))}
    assert lacked == CENTRE_FIELDS
    assert len(form.fields_for(form.words_for("tỉnh"))) == len(form.fields) - len(CENTRE_FIELDS)
    # the 2023 district printed no proposals of its own (the reference): it has no such field
    assert form.fields_for(form.words_for("huyện")) == [f for f in form.fields
                                                       if f.code != "proposals"]


def test_a_field_the_window_hides_may_not_be_printed_by_a_block_that_stays():
    raw = raw_form()
    block = next(b for s in raw["sections"] for b in s.get("blocks", ())
                 if b.get("needs") == "media_centre")
    del block["needs"]
    with pytest.raises(ValueError, match="field local_news needs 'media_centre' but a block "
                                         "without it prints it"):
        parse_form(raw)


def test_a_field_printed_only_where_the_level_has_the_body_must_say_so():
    raw = raw_form()
    del field_raw(raw, "radio_pages")["needs"]
    with pytest.raises(ValueError, match="field radio_pages is printed only by blocks that need "
                                         "'media_centre': give it needs = 'media_centre' too"):
        parse_form(raw)


def test_needs_is_for_the_office_s_own_fields_and_known_words():
    raw = raw_form()
    field_raw(raw, "rebuttal_turns")["needs"] = "media_centre"
    field_raw(raw, "tv_pages")["needs"] = "radio_station"
    with pytest.raises(ValueError) as caught:
        parse_form(raw)
    assert "field rebuttal_turns: needs is for the office's own fields" in str(caught.value)
    assert "field tv_pages: needs unknown level word 'radio_station'" in str(caught.value)


def test_a_variant_names_its_level_and_inherits_its_words():
    form = load_form()
    words = form.words_for("tỉnh có đặc khu")
    assert words["members"] == "các xã, phường, đặc khu"
    assert words["portal"] == "Cổng TTĐT tỉnh" and words["office_level"] == "tỉnh"
    raw = raw_form()
    raw["level_words"]["tỉnh có đặc khu"]["variant_of"] = "vùng"
    with pytest.raises(ValueError, match="level_words.tỉnh có đặc khu: variant_of must name"):
        parse_form(raw)


@pytest.mark.parametrize("code, level_word", [
    ("22", "tỉnh có đặc khu"),        # Quảng Ninh: Vân Đồn, Cô Tô
    ("56", "tỉnh có đặc khu"),        # Khánh Hòa: Trường Sa
    ("31", "thành phố có đặc khu"),   # Hải Phòng: Cát Hải, Bạch Long Vĩ
    ("19", "tỉnh"),                   # Thái Nguyên: communes and wards only
    ("01", "thành phố"),              # Hà Nội
    ("01969", "xã"),
])
def test_the_office_s_level_comes_from_the_kinds_of_its_units(new_session, code, level_word):
    assert set_up_office(new_session.db, code).office.level_word == level_word


def test_validation_leaves_out_what_the_level_lacks(demo_session):
    """A count far from last year is a warning; not for a body the commune does not have."""
    set_up_office(demo_session.db, "01969", dt.date(2025, 7, 1))
    demo_session.store.set_many("2026-H1", "01969", {"local_news": 9000, "portal_news": 9000},
                                "office")
    warned = {p.field for p in demo_session.state("2026-H1", earlier="2023-H1").problems}
    assert "portal_news" in warned and "local_news" not in warned


def test_a_field_an_office_fills_but_no_block_prints_is_refused():
    raw = raw_form()
    sections = raw["sections"]
    activities = next(s for s in sections if s["code"] == "activities")
    activities["blocks"] = [b for b in activities["blocks"]
                            if "{unit_radio_news}" not in b.get("template", "")]
    with pytest.raises(ValueError, match="field unit_radio_news: an office of level 'xã' fills "
                                         "it but no block that level prints prints it"):
        parse_form(raw)


def test_a_new_field_of_the_office_needs_a_block_that_prints_it():
    raw = raw_form()
    raw["sections"][1]["fields"].append({"code": "forgotten", "kind": "count", "label": "X",
                                         "unit": "lượt"})
    with pytest.raises(ValueError, match="field forgotten: an office of level 'huyện' fills"):
        parse_form(raw)


def test_own_work_by_level():
    """A commune types its own radio, page, sessions, visitors and rebuttals; a province its
    own rebuttals; the 2023 district none: its figures are its communes' totals."""
    form = load_form()
    commune = {"unit_radio_news", "unit_page_posts", "propaganda_sessions", "foreign_visitors",
               "rebuttal_turns", "rebuttal_accounts"}
    own = {level: {f.code for f in form.unit_fields() if level in f.own_at}
           for level in ("xã", "phường", "đặc khu", "tỉnh", "thành phố", "huyện")}
    assert own["xã"] == own["phường"] == own["đặc khu"] == commune
    assert own["tỉnh"] == own["thành phố"] == {"rebuttal_turns", "rebuttal_accounts"}
    assert own["huyện"] == set()
