"""The report definition: complete, consistent, and strict about its own mistakes."""

import copy
import tomllib

import pytest

from bachthong_desktop.core.definition import load_form, parse_form
from bachthong_desktop.core.paths import forms_dir


@pytest.fixture(scope="module")
def raw():
    return tomllib.loads((forms_dir() / "ttdn.toml").read_text(encoding="utf-8"))


def test_every_code_is_stable_ascii_and_unique():
    form = load_form()
    codes = [f.code for f in form.fields]
    assert len(codes) == len(set(codes))
    assert all(c.isascii() and c.replace("_", "").isalnum() and c.islower() for c in codes)


def test_tabs_are_the_report_sections_in_order():
    tabs = [s.tab for s in load_form().sections]
    assert tabs == ["Thông tin văn bản", "I. Tình hình chung", "II.1. Xây dựng văn bản",
                    "II.2. Nhân sự", "II.3. Chương trình, dự án", "II.4. Hoạt động TTĐN",
                    "III. Đánh giá chung", "IV. Phương hướng nhiệm vụ"]


def test_headings_cover_every_part_of_the_reference():
    """Every heading of the reference, at its level, numbered by the document ({n})."""
    headings = [b for s in load_form().sections for b in s.blocks if b.kind == "heading"]
    assert [b.level for b in headings] == [1, 1, 2, 2, 2, 2, 3, 3, 3, 1, 2, 2, 2, 1]
    assert all(b.template.startswith("{n} ") for b in headings)


def test_units_report_what_the_domain_asks_of_a_commune_return():
    unit_fields = {f.code: f for f in load_form().unit_fields()}
    for code in ("unit_radio_news", "unit_page_posts", "propaganda_sessions", "rebuttal_turns",
                 "rebuttal_accounts", "plan_issued", "ngo_projects", "foreign_visitors",
                 "unit_difficulties", "unit_proposals"):
        assert code in unit_fields
    assert unit_fields["plan_issued"].aggregate == "share_yes"
    assert unit_fields["ngo_projects"].aggregate == "merge_list"
    assert unit_fields["rebuttal_turns"].aggregate == "sum"
    assert unit_fields["rebuttal_turns"].unit == "lượt"


def test_every_count_has_a_unit_of_measure():
    assert all(f.unit for f in load_form().fields if f.kind == "count")


def test_a_template_naming_an_unknown_field_is_refused(raw):
    broken = copy.deepcopy(raw)
    broken["sections"][1]["blocks"][1] = {"kind": "paragraph", "template": "{no_such_field} tin"}
    with pytest.raises(ValueError, match="no_such_field"):
        parse_form(broken)


def test_a_units_field_without_aggregate_is_refused(raw):
    broken = copy.deepcopy(raw)
    field = next(f for s in broken["sections"] for f in s.get("fields", [])
                 if f["code"] == "rebuttal_turns")
    del field["aggregate"]
    with pytest.raises(ValueError, match="rebuttal_turns"):
        parse_form(broken)


def test_a_duplicate_code_is_refused(raw):
    broken = copy.deepcopy(raw)
    broken["sections"][1]["fields"].append(dict(broken["sections"][1]["fields"][0]))
    with pytest.raises(ValueError, match="duplicate field code general_situation"):
        parse_form(broken)


def test_period_words_make_the_reference_title():
    form = load_form()
    words = {k: v.format(year=2023, next_year=2024)
             for k, v in form.period_words["H1"].items() if isinstance(v, str)}
    title = form.document["trich_yeu"].format(**words)
    assert title == ("Công tác thông tin đối ngoại 6 tháng đầu năm, phương hướng nhiệm vụ "
                     "6 tháng cuối năm 2023")


def test_the_definition_is_read_once_however_it_is_asked_for():
    """The window asks for `load_form()`, the session for `load_form("ttdn")`: one object."""
    from bachthong_desktop.core.definition import load_form

    assert load_form() is load_form("ttdn")
