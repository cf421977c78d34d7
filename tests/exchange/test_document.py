"""The document model: the reference report's content, numbers, dates and blanks."""

import datetime as dt

import pytest

from bachthong_desktop.core.errors import UserError
from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.exchange.inline import Run, fill, fill_runs, template_marks
from bachthong_desktop.exchange.page import get_margins, set_margin


def flat(text: str) -> str:
    """Text with its non-breaking spaces read as spaces."""
    return text.replace("\u00a0", " ")


def test_a_templates_marks_become_runs():
    runs = template_marks("có **02** dự án (*thôn Nà Bản*).")
    assert runs == [Run("có "), Run("02", bold=True), Run(" dự án ("),
                    Run("thôn Nà Bản", italic=True), Run(").")]


def test_typed_text_is_never_read_as_marks():
    typed = "Tổng số 5*2=10 lượt và 3*4=12 lượt, **x** _y_ {abc}"
    runs = fill_runs("Ghi chú: {note} (*hết*)", {"note": typed})
    assert runs == [Run(f"Ghi chú: {typed} ("), Run("hết", italic=True), Run(")")]


def test_counts_take_the_templates_padding_and_dates_decree_30():
    assert fill("{radio_pages:02} trang, {n} tin", {"radio_pages": 6, "n": 352}) == "06 trang, 352 tin"
    assert fill("ngày {d}", {"d": dt.date(2023, 2, 21)}) == "ngày 21/02/2023"
    assert fill("{missing} tin", {}) == "… tin"


def test_demo_document_has_the_reference_parts(demo_session):
    doc = document_for(demo_session, "2023-H1")
    assert doc.header.issuer_lines == ["ỦY BAN NHÂN DÂN", "HUYỆN BẠCH THÔNG"]
    assert doc.header.number_line == "Số:      /BC-UBND"
    assert flat(doc.header.date_line) == "Bạch Thông, ngày      tháng 6 năm 2023"
    assert flat(doc.trich_yeu) == ("Công tác thông tin đối ngoại 6 tháng đầu năm, phương hướng "
                             "nhiệm vụ 6 tháng cuối năm 2023")
    texts = [flat(p.text) for p in doc.body]
    assert "IV. PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023" in texts
    assert any("06 trang phát thanh, 06 trang truyền hình" in t for t in texts)
    assert any(t.startswith("- Từ 15/12/2022 đến nay") and " 02 dự án" in t for t in texts)
    assert any("ngày 21/02/2023" in t for t in texts)
    assert doc.signature.lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert doc.signature.name == "Nguyễn Duy Luân"
    assert doc.recipients.items[-1] == "Lưu: VT."


def test_bold_count_of_projects_is_a_bold_run(demo_session):
    doc = document_for(demo_session, "2023-H1")
    para = next(p for p in doc.body if p.text.startswith("- Từ 15/12/2022"))
    assert Run("02", bold=True) in para.runs


def test_number_and_day_when_the_clerk_has_registered_them(demo_session):
    demo_session.store.set_many("2023-H1", "063", {"doc_number": "125", "doc_date": "05/6/2023"},
                                "typed")
    doc = document_for(demo_session, "2023-H1")
    assert doc.header.number_line == "Số: 125/BC-UBND"
    assert flat(doc.header.date_line) == "Bạch Thông, ngày 05 tháng 6 năm 2023"
    assert "125/BC-UBND ngày 05 tháng 6 năm 2023" in doc.appendix.note


def test_signer_defaults_to_the_office_settings(session):
    doc = document_for(session, "2023-H1")
    assert doc.signature.name == "Nguyễn Duy Luân"


def test_appendix_one_line_per_commune_and_totals(demo_session):
    appendix = document_for(demo_session, "2023-H1").appendix
    assert len(appendix.rows) == 14
    turns = appendix.columns.index(next(c for c in appendix.columns if c.startswith("Lượt đấu")))
    assert sum(int(r[turns]) for r in appendix.rows) == 1086
    assert appendix.totals == [["", "Tổng cộng", *appendix.totals[0][2:]]]
    assert appendix.totals[0][turns] == "1086"


def test_an_office_override_shows_in_the_appendix_beside_the_communes_sum(demo_session):
    demo_session.store.set("2023-H1", demo_session.office.code, "rebuttal_turns", 1100)
    appendix = document_for(demo_session, "2023-H1").appendix
    turns = appendix.columns.index(next(c for c in appendix.columns if c.startswith("Lượt đấu")))
    summed, reported = appendix.totals
    assert (summed[1], summed[turns]) == ("Cộng các xã, thị trấn", "1086")
    assert (reported[1], reported[turns]) == ("Tổng cộng theo báo cáo", "1100")
    others = [i for i in range(2, len(summed)) if i != turns]
    assert [summed[i] for i in others] == [reported[i] for i in others]


def test_margins_default_and_legal_range(session):
    assert get_margins(session.db).left == 30
    set_margin(session.db, "left", "32,5")
    assert get_margins(session.db).left == 32.5
    with pytest.raises(UserError, match="lề trái phải từ 30 đến 35 mm"):
        set_margin(session.db, "left", 10)
