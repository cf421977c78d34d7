"""The document speaks of its office's level: words from the definition, never "huyện" where
there is none; a sentence naming a body the level lacks is left out; the appendix fits."""

import datetime as dt

import pytest

from bachthong_desktop.core.definition import load_form
from bachthong_desktop.core.definition_check import LEVEL_WORDS
from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.exchange.document import document_for


def text_of(doc) -> str:
    return "\n".join(doc.paragraphs_text())


@pytest.mark.parametrize("kind", ["huyện", "xã", "phường", "đặc khu", "tỉnh", "thành phố"])
def test_every_kind_of_office_has_all_its_words(kind):
    assert set(load_form().words_for(kind)) == LEVEL_WORDS


OWN = {"rebuttal_turns": 5, "portal_news": 3, "tv_news_programs": 2, "plan_number": "12/KH-UBND"}


def test_a_commune_without_reporting_units(new_session):
    set_up_office(new_session.db, "01969")
    new_session.store.set_many("2026-H1", "01969", OWN, "office")
    doc = document_for(new_session, "2026-H1")
    text = text_of(doc)
    assert "huyện" not in text.lower() and "thị trấn" not in text
    assert "Trung tâm VH, TT và TT" not in text  # a commune has no such centre: left out
    assert "trên địa bàn xã" in text and "Trang thông tin điện tử xã" in text
    assert "các lực lượng của xã" in text
    assert doc.appendix is None  # nobody reports to it


def test_a_ward_speaks_of_its_own_level(new_session):
    set_up_office(new_session.db, "00070")  # Phường Hoàn Kiếm, Hà Nội
    doc = document_for(new_session, "2026-H1")
    assert doc.header.issuer_lines == ["ỦY BAN NHÂN DÂN", "PHƯỜNG HOÀN KIẾM"]
    assert "trên địa bàn phường" in text_of(doc)
    assert doc.header.date_line.startswith("Hoàn Kiếm, ngày")


def test_a_province_with_its_92_communes_and_wards(new_session):
    set_up_office(new_session.db, "19")
    new_session.store.set_many("2026-H1", "19", OWN, "office")
    doc = document_for(new_session, "2026-H1")
    text = text_of(doc).replace("\xa0", " ")
    assert "huyện" not in text.lower()
    assert "trên địa bàn tỉnh" in text and "Cổng TTĐT tỉnh" in text
    assert "92 xã, phường chưa báo cáo" in text  # nobody has sent a return yet
    assert doc.header.issuer_lines == ["ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN"]
    assert doc.header.date_line.startswith("Thái Nguyên, ngày")
    assert doc.appendix.rows == [] and doc.appendix.columns[1] == "Xã, phường"
    assert doc.appendix.absent == "Chưa có xã, phường nào gửi báo cáo."
    assert "CỦA CÁC XÃ, PHƯỜNG" in doc.appendix.title


def test_the_2023_district_keeps_its_words(demo_session):
    set_up_office(demo_session.db, "01969", dt.date(2025, 7, 1))
    text = text_of(document_for(demo_session, "2023-H1"))
    assert "Trung tâm VH, TT và TT huyện" in text and "BCD 35 của huyện" in text
    assert "100 % các xã, thị trấn ban hành" in text
