"""An office's own work and its units' work, both printed: a commune's own radio in its own
sentence, its thôn's total in another that points to the appendix; the units' difficulties
and proposals stand as the office's until it writes its own."""

from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.exchange.document import document_for

PERIOD = "2026-H1"


def body(session) -> str:
    return "\n".join(p.text for p in document_for(session, PERIOD).body).replace("\xa0", " ")


def commune_with_two_thon(session):
    set_up_office(session.db, "02008")  # Xã Cẩm Giàng, Thái Nguyên
    thon = [add_own_unit(session.db, name) for name in ("Thôn Nà Bản", "Thôn Khuổi Lếch")]
    for unit, radio in zip(thon, (40, 45)):
        session.store.set_many(PERIOD, unit.code, {"unit_radio_news": radio,
                                                   "unit_difficulties": f"Thiếu loa {radio}"},
                               "office")
    return thon


def test_own_figure_and_the_units_total_each_in_its_sentence(new_session):
    commune_with_two_thon(new_session)
    new_session.store.set_many(PERIOD, "02008", {"unit_radio_news": 156}, "office")
    text = body(new_session)
    assert "- Đài truyền thanh xã đã phát được 156 tin, bài về công tác thông tin đối ngoại." in text
    assert ("- Các thôn, tổ dân phố, bộ phận đã thực hiện được 85 tin, bài trên đài truyền thanh "
            "(chi tiết tại Phụ lục kèm theo).") in text
    appendix = document_for(new_session, PERIOD).appendix
    radio = appendix.columns.index("Tin, bài phát trên Đài truyền thanh xã (tin, bài)")
    assert [row[radio] for row in appendix.rows] == ["40", "45"]
    assert appendix.totals == [["", "Tổng cộng", "", "85", "", "", "", ""]]
    figure = new_session.compile(PERIOD)["unit_radio_news"]
    assert (figure.value, figure.units_value, figure.own) == (156, 85, True)


def test_a_commune_without_units_prints_its_own_work_and_no_units_sentence(new_session):
    set_up_office(new_session.db, "02008")
    new_session.store.set_many(PERIOD, "02008", {"unit_radio_news": 156,
                                                 "propaganda_sessions": 12,
                                                 "foreign_visitors": 3}, "office")
    text = body(new_session)
    assert "Đài truyền thanh xã đã phát được 156 tin, bài" in text
    assert "UBND xã Cẩm Giàng đã tổ chức 12 buổi tuyên truyền" in text
    assert "- Trong kỳ có 3 lượt người nước ngoài đến địa bàn xã." in text
    assert "Phụ lục" not in text and "Các thôn" not in text


def test_the_units_texts_stand_until_the_office_writes_its_own(new_session):
    commune_with_two_thon(new_session)
    text = body(new_session)
    assert "Tồn tại, hạn chế\n- Thôn Nà Bản: Thiếu loa 40\n- Thôn Khuổi Lếch: Thiếu loa 45" in text
    assert "Đề xuất, kiến nghị" not in text  # nobody proposed anything: no heading
    new_session.store.set_many(PERIOD, "02008", {"limitations": ["Kinh phí còn hạn chế"],
                                                 "proposals": ["Cấp thêm loa"]}, "office")
    text = body(new_session)
    assert "Tồn tại, hạn chế\n- Kinh phí còn hạn chế\n" in text and "Thiếu loa" not in text
    assert "Đề xuất, kiến nghị\n- Cấp thêm loa" in text


def test_the_2023_district_body_has_none_of_the_new_sentences(demo_session):
    text = body_of(demo_session, "2023-H1")
    assert "chi tiết tại Phụ lục" not in text and "Đề xuất, kiến nghị" not in text
    assert "Đài truyền thanh xã đã phát" not in text and "đã thực hiện được" not in text


def body_of(session, period) -> str:
    return "\n".join(p.text for p in document_for(session, period).body)


def test_the_units_texts_count_as_the_offices_until_it_writes_its_own(new_session):
    """Standing in for the office's "Tồn tại, hạn chế", its units' texts fill that required
    part: the checks do not ask the office for what its report prints."""
    commune_with_two_thon(new_session)
    state = new_session.state(PERIOD)
    assert state.value("limitations") == ["Thôn Nà Bản: Thiếu loa 40", "Thôn Khuổi Lếch: Thiếu loa 45"]
    assert "limitations" not in {p.field for p in state.problems}
