"""Storing report values: NFC, all-or-nothing writes, and a history of every change."""

import unicodedata

import pytest

from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.store import TYPED, imported_from


def test_text_is_stored_nfc(session):
    decomposed = unicodedata.normalize("NFD", "Phòng Văn hóa và Thông tin huyện")
    session.store.set("2023-H1", "063", "staffing", decomposed)
    stored = session.store.get("2023-H1", "063", "staffing")
    assert stored == "Phòng Văn hóa và Thông tin huyện"
    assert unicodedata.is_normalized("NFC", stored)


def test_counts_are_read_as_a_person_types_them(session):
    session.store.set("2023-H1", "063", "local_news", "1.086")
    assert session.store.get("2023-H1", "063", "local_news") == 1086


def test_history_records_old_new_when_and_where(session):
    store = session.store
    store.set("2023-H1", "063", "local_news", 400, TYPED)
    store.set("2023-H1", "063", "local_news", 430, imported_from("xa.xlsx", "Báo cáo", "E7"))
    store.set("2023-H1", "063", "local_news", 430, TYPED)  # no change, no history
    changes = store.history("2023-H1", "063", "local_news")
    assert [(c.old_value, c.new_value, c.source) for c in changes] == [
        (None, 400, "typed"), (400, 430, "imported")]
    assert changes[1].origin == imported_from("xa.xlsx", "Báo cáo", "E7")
    assert all(c.changed_at for c in changes)


def test_a_bad_value_stores_nothing_of_the_batch(session):
    with pytest.raises(UserError, match="Tin của Trung tâm VH, TT và TT"):
        session.store.set_many("2023-H1", "063", {"local_articles": 135, "local_news": "-5"})
    assert session.store.values("2023-H1", "063") == {}
    assert session.store.history("2023-H1") == []


def test_an_empty_value_is_not_reported_not_zero(session):
    store = session.store
    store.set("2023-H1", "063", "radio_pages", 6)
    store.set("2023-H1", "063", "radio_pages", "")
    assert store.get("2023-H1", "063", "radio_pages") is None
    assert store.history("2023-H1", "063", "radio_pages")[-1].new_value is None


def test_the_history_survives_reopening(db_path):
    from bachthong_desktop.core.session import Session

    first = Session(db_path)
    first.store.set("2023-H1", "063", "tv_pages", 6)
    first.close()
    again = Session(db_path)
    assert again.store.get("2023-H1", "063", "tv_pages") == 6
    assert len(again.store.history("2023-H1")) == 1
    again.close()


def test_values_by_unit_reads_each_unit_of_the_period_as_values_does(session):
    store = session.store
    store.set("2023-H1", "01975", "rebuttal_turns", 5)
    store.set("2023-H1", "01975", "plan_issued", True)
    store.set("2023-H1", "01978", "rebuttal_turns", 7)
    store.set("2022-H1", "01981", "rebuttal_turns", 9)  # another period
    store.set("2023-H1", "01984", "rebuttal_turns", 11)  # a unit not asked for
    found = store.values_by_unit("2023-H1", ["01975", "01978", "01981"])
    assert found == {code: store.values("2023-H1", code) for code in ("01975", "01978", "01981")}
    assert found == {"01975": {"rebuttal_turns": 5, "plan_issued": True},
                     "01978": {"rebuttal_turns": 7}, "01981": {}}
