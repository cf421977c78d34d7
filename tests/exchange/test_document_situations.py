"""The document outside the demo, tried as a clerk would: typed marks, empty and zero periods,
second-half wording, Decree 30 details, the NGO and share sentences, Word's metadata."""

import datetime as dt
import io

import docx
import pytest

from bachthong_desktop.exchange.document import NBSP, document_for
from bachthong_desktop.exchange.docx_writer import docx_bytes
from bachthong_desktop.exchange.inline import Run

from variants import empty_second_half, long_year, zero_second_half

BAD_PHRASES = ["Văn bản số …", "ngày … của … về việc …", "có 00 dự án", "có 0 dự án",
               " 0 chương trình", " 00 trang", " 0 lượt", " 0 tin", " 0 bài", " 0 % các xã"]
NOTHING_PHRASES = ["cụ thể:", "…."]  # said over a list that is empty; a blank then a stop


def texts(doc) -> list[str]:
    return [line.replace(NBSP, " ") for line in doc.paragraphs_text()]


def joined(doc) -> str:
    return "\n".join(texts(doc))


def headings_with_nothing_under(doc) -> list[str]:
    body = doc.body[1:-1]  # the opening and the closing sentence are not under a heading
    return [p.text for p, nxt in zip(body, body[1:] + [None])
            if p.level and (nxt is None or 0 < nxt.level <= p.level)]


@pytest.mark.parametrize("build", [empty_second_half, zero_second_half])
def test_an_empty_or_all_zero_period_reads_right(session, build):
    doc = document_for(session, build(session))
    text = joined(doc)
    for phrase in BAD_PHRASES + NOTHING_PHRASES:
        assert phrase not in text, phrase
    assert doc.body[0].text.startswith("UBND huyện Bạch Thông báo cáo kết quả")
    assert "không có dự án nào của tổ chức phi chính phủ nước ngoài" in text
    assert headings_with_nothing_under(doc) == []
    assert doc.recipients.items == ["Lưu: VT."]


def test_empty_means_not_reported_in_the_appendix(session):
    """Nobody has reported: no table of blank rows, a line that says so."""
    appendix = document_for(session, empty_second_half(session)).appendix
    assert appendix.rows == [] and appendix.totals == []
    assert appendix.absent == "Chưa có xã, thị trấn nào gửi báo cáo."


def test_zero_reported_is_zero_in_the_appendix(session):
    appendix = document_for(session, zero_second_half(session)).appendix
    assert all(cell == "0" for row in appendix.rows for cell in row[2:])
    assert set(appendix.totals[0][2:]) == {"0"}


def test_a_zero_count_leaves_its_clause_out(demo_session):
    demo_session.store.set_many("2023-H1", "063", {"music_programs": 0, "radio_pages": 0},
                                "typed")
    text = joined(document_for(demo_session, "2023-H1"))
    assert ("thực hiện được: 70 chương trình thời sự tổng hợp; với 430 tin, 135 bài, 135 lượt "
            "chuyên mục; phối hợp cộng tác với Đài phát thanh truyền hình tỉnh Bắc Kạn được "
            "120 tin, 70 bài; 06 trang truyền hình địa phương.") in text


def test_the_second_half_names_its_own_span(session):
    period = zero_second_half(session)
    session.store.set("2023-H2", "063", "portal_news", 12)
    text = joined(document_for(session, period))
    assert "Từ đầu năm" not in text
    assert "- Từ 15/6/2023 đến nay, Cổng TTĐT huyện đã đăng tải được 12 tin của huyện" in text


def test_the_whole_year_names_the_year(session):
    text = joined(document_for(session, long_year(session)))
    assert "- Từ đầu năm đến nay, Cổng TTĐT huyện đã đăng tải được 352 tin" in text


def test_typed_marks_print_as_typed_in_the_word_file(demo_session):
    typed = "Tổng số 5*2=10 lượt và 3*4=12 lượt; _gạch_ **đậm** {mã}"
    demo_session.store.set("2023-H1", "063", "staffing", typed)
    doc = document_for(demo_session, "2023-H1")
    para = next(p for p in doc.body if p.text.replace(NBSP, " ") == typed)
    assert para.runs == [Run(para.text)]  # one plain run ("10 lượt" kept on one line)
    word = docx.Document(io.BytesIO(docx_bytes(doc)))
    printed = next(p for p in word.paragraphs if p.text.replace(NBSP, " ") == typed)
    assert not any(r.bold or r.italic for r in printed.runs)


def test_the_number_has_a_leading_zero_below_ten(demo_session):
    doc = document_for(demo_session, "2023-H1", number="5", date=dt.date(2023, 6, 5))
    assert doc.header.number_line == "Số: 05/BC-UBND"
    assert document_for(demo_session, "2023-H1", number="12").number == "12/BC-UBND"


def test_pairs_that_must_not_break_are_joined(demo_session):
    doc = document_for(demo_session, "2023-H1")
    assert f"6{NBSP}tháng đầu năm" in doc.trich_yeu and f"năm{NBSP}2023" in doc.trich_yeu
    assert f"tháng{NBSP}6 năm{NBSP}2023" in doc.header.date_line


def test_a_share_says_of_whom_when_some_units_have_not_reported(demo_session):
    units = demo_session.units("2023-H1")
    demo_session.store.clear("2023-H1", units[0].code, ["plan_issued"], "typed")
    demo_session.store.clear("2023-H1", units[1].code, ["plan_issued"], "typed")
    demo_session.store.set("2023-H1", units[2].code, "plan_issued", False)
    text = joined(document_for(demo_session, "2023-H1"))
    assert "%" not in text.split("Đến nay,")[1].split(";")[0]
    assert ("Đến nay, 11 trong 12 xã, thị trấn đã báo cáo đã ban hành kế hoạch thực hiện; "
            "02 xã, thị trấn chưa báo cáo; các cơ quan") in text


def test_the_ngo_sentence_built_from_columns_reads_like_the_reference(demo_session):
    row = {"name": "Nước sạch cho trường học", "donor": "Tổ chức Plan", "country": "Úc",
           "communes": "Xã Tân Tú, Thị trấn Phủ Thông", "villages": "thôn Nà Bản",
           "start": "01/10/2023", "end": "31/12/2024", "purpose": "cấp nước sạch",
           "status": "Dự án đang triển khai…"}
    demo_session.store.set("2023-H1", "063", "ngo_projects", [row])
    doc = document_for(demo_session, "2023-H1")
    line = next(p.text for p in doc.body if "Nước sạch cho trường học" in p.text)
    assert f"Plan{NBSP}- Úc" in line  # the dash stays with the word before it
    assert line.replace(NBSP, " ") == ("+ Dự án “Nước sạch cho trường học” do tổ chức Plan - Úc tài trợ, thực hiện "
                    "tại xã Tân Tú, thị trấn Phủ Thông (thôn Nà Bản). Thời gian thực hiện: từ "
                    "01/10/2023 đến 31/12/2024. Mục đích của dự án là cấp nước sạch. Dự án đang "
                    "triển khai.")


def test_an_ngo_row_with_only_a_name_ends_with_one_full_stop(demo_session):
    demo_session.store.set("2023-H1", "063", "ngo_projects", [{"name": "Dự án mới"}])
    doc = document_for(demo_session, "2023-H1")
    assert "+ Dự án “Dự án mới”." in texts(doc)


def test_word_metadata_names_the_office_and_now(demo_session):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    data = docx_bytes(document_for(demo_session, "2023-H1"))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.author == demo_session.office.name and "Bạch Thông" in props.author
    assert props.title.startswith("Công tác thông tin đối ngoại 6 tháng đầu năm")
    assert props.created >= before - dt.timedelta(seconds=1)
    assert props.modified == props.created
    assert b"thumbnail" not in data
