"""What is not certain is asked, never decided: a name the new release changes (rename from the
day the user gives, or keep), units that vanished or appeared (listed), a code two units would
hold (refused, nothing written)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from bachthong_desktop.core import catalog
from bachthong_desktop.core.catalog_changes import (APPEARED, CODE, RENAME, UNSURE, VANISHED,
                                                     name_of, plan_update)
from bachthong_desktop.core.catalog_update import KEEP_NAME, apply_update
from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.units import Unit, get_unit, save_unit, versions


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "truoc.sqlite3")
    set_up_office(database, "19", release=catalog.PREVIOUS_RELEASE)
    return database


def units_rows(db) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in db["units"].rows)


def renamed_phu_thong(db) -> Unit:
    """Xã Phủ Thông stored under a name 2026.9.0 gives to none of the province's units."""
    return save_unit(db, replace(get_unit(db, "01969"), name="Xã Phủ Thông Cũ"))


@pytest.mark.parametrize("a, b", [("Xã Đàm Thuỷ", "Xã Đàm Thủy"), ("Xã  Bắc Sơn", "xã bắc sơn"),
                                  ("Phường B'Lao", "Phường B’Lao"), ("Xã Mộc Hoá", "Xã Mộc Hóa"),
                                  ("Xã Ea H’leo", "Xã Ea H’Leo")])
def test_names_compare_tolerantly(a, b):
    assert name_of(a) == name_of(b)


def test_names_that_differ_stay_apart():
    assert name_of("Phường Phủ Lý") != name_of("Phường Phù Vân")
    assert name_of("Xã Vinh Quý") != name_of("Xã Lý Quốc")


def test_a_changed_name_under_the_same_code_is_asked_and_refused_without_an_answer(db):
    renamed_phu_thong(db)
    plan = plan_update(db)
    (asked,) = plan.of(RENAME)
    assert asked.unit.code == "01969" and asked.new.name == "Xã Phủ Thông"
    assert "Cần xác nhận đổi tên" in asked.line()
    before = units_rows(db)
    with pytest.raises(UserError, match="1 đơn vị cần quyết định trước") as refused:
        apply_update(db, plan)
    assert "--doi-ten MÃ=dd/mm/yyyy" in refused.value.message
    assert units_rows(db) == before and not db["catalog_changes"].count


def test_a_confirmed_rename_starts_on_the_day_given(db):
    renamed_phu_thong(db)
    notes = apply_update(db, plan_update(db), {"01969": dt.date(2026, 1, 1)})
    old, new = versions(db, "01969")
    assert (old.name, old.valid_from, old.valid_to) == ("Xã Phủ Thông Cũ", "2025-07-01",
                                                        "2025-12-31")
    assert (new.name, new.valid_from, new.valid_to) == ("Xã Phủ Thông", "2026-01-01", None)
    assert new.alias_list == ["Xã Phủ Thông Cũ"] and new.catalog_release == "2026.9.0"
    assert any("đổi tên thành “Xã Phủ Thông” từ ngày 01/01/2026" in n for n in notes)
    note = next(db["catalog_changes"].rows_where("change = 'rename'"))
    assert note["valid_from"] == "2026-01-01"


def test_a_rename_day_before_the_unit_began_changes_nothing(db):
    renamed_phu_thong(db)
    before = units_rows(db)
    with pytest.raises(UserError, match="phải sau ngày 01/7/2025"):
        apply_update(db, plan_update(db), {"01969": dt.date(2025, 7, 1)})
    assert units_rows(db) == before


def test_keeping_the_name_is_an_answer_too(db):
    renamed_phu_thong(db)
    notes = apply_update(db, plan_update(db), {"01969": KEEP_NAME})
    assert get_unit(db, "01969").name == "Xã Phủ Thông Cũ"
    assert any("giữ tên" in n for n in notes)
    assert get_unit(db, "05788").name == "Xã Phú Lạc"  # the certain change applied with it


def test_units_that_vanished_or_appeared_are_listed_and_kept(db):
    save_unit(db, Unit(code="99990", name="Xã Thử Nghiệm", kind="xã", valid_from="2025-07-01",
                       parent_code="19", province_code="19",
                       catalog_release=catalog.PREVIOUS_RELEASE))
    db.execute("DELETE FROM units WHERE code = '01843'")  # Phường Bắc Kạn, not set up here
    plan = plan_update(db)
    assert [c.unit.code for c in plan.of(VANISHED)] == ["99990"]
    assert [c.new.code for c in plan.of(APPEARED)] == ["01843"]
    assert "mới có trong danh mục; chưa thêm" in plan.of(APPEARED)[0].line()
    apply_update(db, plan)
    assert get_unit(db, "99990").name == "Xã Thử Nghiệm"
    assert not db["units"].count_where("code = '01843'")
    kinds = sorted(r["change"] for r in db["catalog_changes"].rows)
    assert kinds == [APPEARED, CODE, VANISHED]


def test_a_code_another_unit_keeps_is_not_decided(db):
    save_unit(db, Unit(code="05788", name="Xã Khác", kind="xã", valid_from="2025-07-01",
                       parent_code="19", province_code="19",
                       catalog_release=catalog.PREVIOUS_RELEASE))
    plan = plan_update(db)
    (unsure,) = plan.of(UNSURE)
    assert unsure.unit.name == "Xã Khác" and "nay là của Xã Phú Lạc" in unsure.line()
    before = units_rows(db)
    with pytest.raises(UserError, match="không xác định chắc chắn"):
        apply_update(db, plan, {"05788": KEEP_NAME})
    assert units_rows(db) == before


def test_an_office_of_today_has_nothing_to_update(tmp_path):
    database = open_db(tmp_path / "nay.sqlite3")
    set_up_office(database, "19")
    plan = plan_update(database)
    assert plan.up_to_date and not plan.changes
