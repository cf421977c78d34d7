"""Decree 30 numbers a report's items consecutively: the document numbers the headings it
prints, so a heading left out (nothing under it, or a body the level lacks) takes no number."""

import re

from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.exchange.document import document_for, roman

HEADING = re.compile(r"^([IVX]+|\d+(\.\d+)?)\. ")


def headings(doc) -> list[str]:
    return [p.text.replace("\xa0", " ") for p in doc.body if p.level]


def numbers(doc) -> list[str]:
    return [HEADING.match(h).group(0).strip() for h in headings(doc)]


def test_a_commune_with_only_rebuttals_numbers_the_headings_it_prints(new_session):
    """No promotion and no portal figures: 4.1 and 4.2 are left out, so the rebuttals are 4.1;
    with no general situation and no assessment yet, the results are I. and nothing is III."""
    set_up_office(new_session.db, "01969")
    new_session.store.set_many("2026-H1", "01969", {
        "plan_number": "12/KH-UBND", "rebuttal_turns": 5, "staffing": "Công chức VH-XH.",
        "strengths": "Kịp thời.", "limitations": ["Thiếu người."]}, "office")
    printed = headings(document_for(new_session, "2026-H1"))
    assert printed == [
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Công tác xây dựng văn bản",
        "2. Nhân sự phụ trách công tác TTĐN",
        "3. Tổ chức thực hiện các chương trình, đề án, dự án trong lĩnh vực thông tin đối ngoại",
        "4. Triển khai các hoạt động thông tin đối ngoại",
        "4.1. Tổ chức đấu tranh phản bác thông tin sai lệch, cung cấp thông tin định kỳ, thông tin "
        "giải thích làm rõ.",
        "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Tồn tại, hạn chế"]


def test_the_portal_moves_up_when_there_is_nothing_to_promote(new_session):
    set_up_office(new_session.db, "01969")
    new_session.store.set_many("2026-H1", "01969", {
        "general_situation": "Ổn định.", "portal_news": 3, "tv_news_programs": 2,
        "directions": [{"text": "Tiếp tục.", "children": []}]}, "office")
    doc = document_for(new_session, "2026-H1")
    # no staffing text yet: the programmes are 2. and the activities 3.
    assert numbers(doc) == ["I.", "II.", "1.", "2.", "3.", "3.1.", "3.2.", "III."]
    assert "3.1. Cung cấp thông tin định kỳ trên Trang thông tin điện tử xã:" in headings(doc)
    assert headings(doc)[-1] == "III. PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026"


def test_the_2023_district_prints_every_number_of_the_reference(demo_session):
    assert numbers(document_for(demo_session, "2023-H1")) == [
        "I.", "II.", "1.", "2.", "3.", "4.", "4.1.", "4.2.", "4.3.", "III.", "1.", "2.", "IV."]


def test_roman_numerals():
    assert [roman(n) for n in (1, 2, 3, 4, 5, 9, 14, 40)] == [
        "I", "II", "III", "IV", "V", "IX", "XIV", "XL"]
