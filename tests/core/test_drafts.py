"""A new period starts from the previous one of the same kind: narrative, lists, recipients."""

from bachthong_desktop.core.drafts import copy_draft, previous_period

OFFICE = "063"


def test_copies_narrative_lists_and_recipients_but_no_figures(session):
    store = session.store
    store.set_many("2022-H1", OFFICE, {
        "general_situation": "Tình hình chung kỳ trước", "limitations": ["Hạn chế một"],
        "directions": [{"text": "Mục một", "children": ["ý nhỏ"]}],
        "recipients": ["Sở TT&TT (B/c);", "Lưu: VT."], "recipients_note": "Gửi bản điện tử:",
        "local_news": 380, "request_number": "653/STTTT-TTBCXB"})
    store.set("2022-H2", OFFICE, "general_situation", "Kỳ khác loại")

    assert previous_period(store, "2023-H1", OFFICE) == "2022-H1"
    copied = copy_draft(store, "2023-H1", OFFICE)

    new = store.values("2023-H1", OFFICE)
    assert set(copied) == {"general_situation", "limitations", "directions", "recipients",
                           "recipients_note"}
    assert new["directions"] == [{"text": "Mục một", "children": ["ý nhỏ"]}]
    assert "local_news" not in new and "request_number" not in new
    assert store.sources("2023-H1", OFFICE)["recipients"] == "draft:2022-H1"


def test_never_overwrites_what_the_new_period_already_has(session):
    store = session.store
    store.set("2022-H1", OFFICE, "strengths", "Cũ")
    store.set("2023-H1", OFFICE, "strengths", "Đã viết cho kỳ mới")
    assert copy_draft(store, "2023-H1", OFFICE) == []
    assert store.get("2023-H1", OFFICE, "strengths") == "Đã viết cho kỳ mới"


def test_nothing_to_copy_without_an_earlier_period_of_the_same_kind(session):
    session.store.set("2023-H1", OFFICE, "strengths", "Kỳ này")
    assert previous_period(session.store, "2023-H1", OFFICE) is None
    assert copy_draft(session.store, "2024", OFFICE) == []
