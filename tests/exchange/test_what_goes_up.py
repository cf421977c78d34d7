"""What goes up is what was printed: a commune's return holds, for every field a return
carries, what the commune's own report printed; its province's appendix row for it says the
same, and so do the province's sentences of its communes' totals. With thôn and without."""

import pytest

from bachthong_desktop.core import wording
from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.core.session import Session
from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.exchange.importer import import_file
from bachthong_desktop.exchange.upward import upward_values, write_upward

PERIOD = "2026-H1"
COMMUNE = "02008"  # Xã Cẩm Giàng, Thái Nguyên
OWN = {"unit_radio_news": 156, "unit_page_posts": 178, "propaganda_sessions": 12,
       "foreign_visitors": 3, "rebuttal_turns": 35, "rebuttal_accounts": 4,
       "plan_number": "12/KH-UBND", "plan_date": "2026-01-16",
       "portal_news": 126, "portal_articles": 18, "portal_photo_news": 34,
       "ngo_projects": [{"name": "Nước sạch cho trẻ em", "donor": "Plan", "country": "Anh"}]}
THON = {"unit_radio_news": 40, "unit_page_posts": 85, "propaganda_sessions": 2,
        "rebuttal_turns": 7, "unit_difficulties": "Thiếu loa truyền thanh",
        "unit_proposals": "Cấp thêm loa",
        "ngo_projects": [{"name": "Trường học xanh", "donor": "KFHI", "country": "Hàn Quốc"}]}


def plain(paragraphs) -> str:
    return "\n".join(p.text for p in paragraphs).replace("\xa0", " ")


def under(text: str, heading: str) -> list[str]:
    """The bullet lines printed under a heading, without their "- "."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.endswith(heading))
    out = []
    for line in lines[start + 1:]:
        if not line.startswith("- "):
            break
        out.append(line[2:])
    return out


@pytest.mark.parametrize("thon", [False, True], ids=["without thôn", "with thôn"])
def test_a_communes_printed_figures_are_its_provinces_row(new_session, tmp_path, thon):
    set_up_office(new_session.db, COMMUNE)
    if thon:
        for name in ("Thôn Nà Bản", "Thôn Khuổi Lếch"):
            new_session.store.set_many(PERIOD, add_own_unit(new_session.db, name).code, THON,
                                       "office")
    new_session.store.set_many(PERIOD, COMMUNE, OWN, "office")
    commune_doc = document_for(new_session, PERIOD)
    printed = plain(commune_doc.body)
    sent_values = upward_values(new_session.form, new_session.compile(PERIOD))
    sent = write_upward(new_session, PERIOD, tmp_path)

    province = Session(tmp_path / "tinh.sqlite3")
    try:
        set_up_office(province.db, "19")
        result = import_file(province.store, sent)
        assert result.ok, result.message
        doc = document_for(province, PERIOD)
        figures = province.compile(PERIOD)
    finally:
        province.close()
    row = next(r for r in doc.appendix.rows if r[1] == "Xã Cẩm Giàng")
    counts = [f for f in new_session.form.unit_fields() if f.kind == "count"]
    province_body = plain(doc.body)
    for i, f in enumerate(counts):
        typed = OWN[f.code]  # the commune's own figure, never its thôn's total
        assert f"{wording.number(typed)} {f.unit}" in printed, f.code
        assert sent_values[f.code] == typed and row[2 + i] == wording.number(typed), f.code
        assert f"{wording.number(typed)} {f.unit}" in province_body, f.code
    assert "(chi tiết tại Phụ lục kèm theo)" in province_body
    for code, heading in (("unit_difficulties", "Tồn tại, hạn chế"),
                          ("unit_proposals", "Đề xuất, kiến nghị")):
        lines = under(printed, heading) if thon else []
        assert (figures[code].by_unit.get(COMMUNE) or "").splitlines() == lines, code
    names = [p.text.split("“")[1].split("”")[0] for p in commune_doc.body
             if p.text.startswith("+ Dự án")]
    assert [r["name"] for r in figures["ngo_projects"].value] == names
    assert len(names) == (2 if thon else 1)
    assert figures["plan_issued"].by_unit == {COMMUNE: True} and "12/KH-UBND" in printed


def test_the_offices_own_words_go_up_in_place_of_its_units(new_session, tmp_path):
    set_up_office(new_session.db, COMMUNE)
    new_session.store.set_many(PERIOD, add_own_unit(new_session.db, "Thôn Nà Bản").code, THON,
                               "office")
    new_session.store.set_many(PERIOD, COMMUNE, {"limitations": ["Kinh phí còn hạn chế",
                                                                 "Thiếu người"],
                                                 "proposals": ["Cấp thêm loa cho thôn"]},
                               "office")
    sent = upward_values(new_session.form, new_session.compile(PERIOD))
    assert sent["unit_difficulties"] == "Kinh phí còn hạn chế\nThiếu người"
    assert sent["unit_proposals"] == "Cấp thêm loa cho thôn"
    printed = plain(document_for(new_session, PERIOD).body)
    assert under(printed, "Tồn tại, hạn chế") == ["Kinh phí còn hạn chế", "Thiếu người"]
    assert under(printed, "Đề xuất, kiến nghị") == ["Cấp thêm loa cho thôn"]
