"""Template sentences that read right with a value missing: the issue's examples, in the demo's
report and in the engine's own terms (optional clauses, joiners, {code:mid})."""

import tomllib
from pathlib import Path

import pytest

from bachthong_desktop.core.definition import parse_form
from bachthong_desktop.exchange.document import NBSP, document_for
from bachthong_desktop.exchange.inline import fill

PORTAL = ("được [[{a} tin][, {b} bài báo viết][ và {c} tin hình]][, [{d} bài][ và {e} văn "
          "bản]][, {f} chương trình] của xã.")


def text(session) -> str:
    return "\n".join(document_for(session, "2023-H1").paragraphs_text()).replace(NBSP, " ")


def test_a_slash_pair_with_one_side_empty_prints_the_other_alone(demo_session):
    demo_session.store.set("2023-H1", "063", "rebuttal_accounts", 0, "typed")
    assert "(đấu tranh được 1086 lượt)." in text(demo_session)
    template = "qua X[ (*được [{t} lượt][/{a} tài khoản]*)]."
    assert fill(template, {"t": None, "a": 41}) == "qua X (được 41 tài khoản)."
    assert fill(template, {"t": 32, "a": ""}) == "qua X (được 32 lượt)."
    assert fill(template, {"t": 0, "a": None}) == "qua X."


def test_the_last_item_kept_of_a_list_takes_its_and(demo_session):
    store = demo_session.store
    store.set_many("2023-H1", "063", {"portal_news": 126, "portal_articles": 18,
                                       "portal_photo_news": 34, "portal_other_articles": 0,
                                       "portal_documents": 57, "portal_radio_programs": 0},
                   "typed")
    assert ("đã đăng tải được 126 tin, 18 bài báo viết và 34 tin hình, 57 văn bản chỉ đạo, "
            "điều hành của huyện") in text(demo_session)
    assert fill(PORTAL, dict(a=1, b=2, c=0, d=0, e=0, f=6)) == \
        "được 1 tin và 2 bài báo viết, 6 chương trình của xã."
    assert fill(PORTAL, dict(a=0, b=2, c=0, d=4, e=5, f=0)) == \
        "được 2 bài báo viết, 4 bài và 5 văn bản của xã."
    assert fill(PORTAL, dict(a=0, b=0, c=3, d=0, e=0, f=6)) == "được 3 tin hình, 6 chương trình của xã."


def test_a_full_list_keeps_the_references_wording():
    assert fill(PORTAL, dict(a=1, b=2, c=3, d=4, e=5, f=6)) == (
        "được 1 tin, 2 bài báo viết và 3 tin hình, 4 bài và 5 văn bản, 6 chương trình của xã.")


def test_the_plans_subject_follows_ve_once(demo_session):
    store = demo_session.store
    store.set_many("2023-H1", "063", {"plan_number": "35/KH-UBND", "plan_date": "2026-01-16",
                                       "plan_subject": "Thực hiện công tác thông tin đối ngoại"},
                   "typed")
    assert ("Kế hoạch số 35/KH-UBND, ngày 16/01/2026 về thực hiện công tác thông tin đối ngoại "
            "và chỉ đạo") in text(demo_session)
    store.set("2023-H1", "063", "plan_subject", "Về kế hoạch năm 2026", "typed")
    assert "ngày 16/01/2026 về kế hoạch năm 2026 và chỉ đạo" in text(demo_session)
    store.set("2023-H1", "063", "plan_subject", "", "typed")
    assert "ngày 16/01/2026 và chỉ đạo" in text(demo_session)


def test_a_typed_text_after_la_is_in_lower_case_unless_a_name(demo_session):
    rows = [{"name": "A", "purpose": "Hỗ trợ hoạt động tình nguyện"},
            {"name": "B", "purpose": "Bắc Kạn xanh hơn"}, {"name": "C", "purpose": "UBND xã"}]
    demo_session.store.set("2023-H1", "063", "ngo_projects", rows, "typed")
    printed = text(demo_session)
    assert "Mục đích của dự án là hỗ trợ hoạt động tình nguyện." in printed
    assert "Mục đích của dự án là Bắc Kạn xanh hơn." in printed
    assert "Mục đích của dự án là UBND xã." in printed


def test_mid_on_a_value_that_is_no_text_prints_it_as_is():
    assert fill("là {x:mid} và {y:mid}", {"x": 12, "y": None}) == "là 12 và …"


def test_the_request_subject_after_ve_viec(demo_session):
    demo_session.store.set("2023-H1", "063", "request_subject", "Về việc Báo cáo kết quả",
                           "typed")
    assert "của Sở Thông tin và Truyền thông về việc báo cáo kết quả; UBND" in text(demo_session)


def test_the_definition_knows_mid_and_refuses_other_specs():
    raw = tomllib.loads((Path(__file__).parents[1] / "forms" / "mini.toml").read_text("utf-8"))
    block = next(b for s in raw["sections"] for b in s.get("blocks", ()) if "{" in b.get(
        "template", "") and b["kind"] == "paragraph")
    code = next(f["code"] for s in raw["sections"] for f in s.get("fields", ())
                if f["kind"] == "text")
    block["template"] = f"là {{{code}:mid}}."
    parse_form(raw)  # accepted
    block["template"] = f"là {{{code}:upper}}."
    with pytest.raises(ValueError, match=f"{{{code}:mid}}"):
        parse_form(raw)


def test_an_ngo_row_without_donor_dates_or_with_a_typed_full_stop(demo_session):
    rows = [{"name": "Nước sạch", "communes": "Xã Tân Tú", "end": "31/12/2024",
             "purpose": "Cấp nước sạch cho 04 trường.", "status": "Đang triển khai"},
            {"name": "Trẻ em", "start": "01/10/2023"}]
    demo_session.store.set("2023-H1", "063", "ngo_projects", rows, "typed")
    printed = text(demo_session)
    assert ("+ Dự án “Nước sạch” thực hiện tại xã Tân Tú. Thời gian thực hiện: đến 31/12/2024. "
            "Mục đích của dự án là cấp nước sạch cho 04 trường. Đang triển khai.") in printed
    assert "+ Dự án “Trẻ em”. Thời gian thực hiện: từ 01/10/2023." in printed
