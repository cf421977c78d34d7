"""Units as dated versions; the migration that carries existing databases over; dated offices."""

import datetime as dt

import pytest
from sqlite_utils import Database

from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.schema import MIGRATIONS
from bachthong_desktop.core.units import (Unit, get_unit, office_for, reporting_units, save_unit,
                                          versions)

D2023 = dt.date(2023, 6, 14)


def old_database(path) -> Database:
    """A database as the previous version left it: units keyed by code, with a value."""
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m040_unit_versions")
    db["report_values"].insert({"period": "2023-H1", "unit_code": "063", "field": "x",
                                "value": "1", "source": "office", "updated_at": "2023-06-01"})
    return db


def test_migration_keeps_an_existing_databases_units(tmp_path):
    db = old_database(tmp_path / "old.sqlite3")
    before = list(db["units"].rows_where(order_by="code"))
    MIGRATIONS.apply(db)
    after = list(db["units"].rows_where(order_by="code"))
    assert len(after) == len(before) == 15
    assert [{k: v for k, v in r.items() if k not in ("id", "province_code", "catalog_release")}
            for r in after] == before
    assert db["units"].pks == ["id"]


def test_a_new_database_starts_without_the_district(new_session):
    assert new_session.db["units"].count == 0


def test_a_reused_code_is_a_new_version(session):
    old = get_unit(session.db, "01969", D2023)
    new = save_unit(session.db, Unit(code="01969", name="Xã Phủ Thông", kind="xã",
                                     valid_from="2025-07-01", parent_code="063"))
    assert new.id != old.id
    assert get_unit(session.db, "01969", D2023) == old
    assert [v.name for v in versions(session.db, "01969")] == ["Thị trấn Phủ Thông",
                                                                "Xã Phủ Thông"]
    assert len(reporting_units(session.db, "063", D2023)) == 14


def test_a_version_overlapping_another_is_refused(session):
    with pytest.raises(UserError, match="30/6/2025"):
        save_unit(session.db, Unit(code="01969", name="Xã Phủ Thông", kind="xã",
                                   valid_from="2025-01-01", parent_code="063"))
    assert [v.name for v in versions(session.db, "01969")] == ["Thị trấn Phủ Thông"]


def test_the_office_of_a_period_is_the_one_valid_at_its_cutoff(session):
    set_up_office(session.db, "01969", dt.date(2025, 7, 1))
    names = {p: office_for(session.db, parse_period(p)).name
             for p in ("2023-H1", "2025-H1", "2025-H2", "2025", "2026-H1")}
    assert names == {"2023-H1": "Huyện Bạch Thông", "2025-H1": "Huyện Bạch Thông",
                     "2025-H2": "Xã Phủ Thông", "2025": "Xã Phủ Thông",
                     "2026-H1": "Xã Phủ Thông"}


def test_an_open_predecessor_ends_the_day_before(new_session):
    set_up_office(new_session.db, "01969", dt.date(2025, 7, 1))
    done = set_up_office(new_session.db, "19", dt.date(2026, 1, 1))
    assert done.ended.name == "Xã Phủ Thông" and done.ended.valid_to == "2025-12-31"
    assert office_for(new_session.db, parse_period("2025")).name == "Xã Phủ Thông"
    assert office_for(new_session.db, parse_period("2026-H1")).name == "Tỉnh Thái Nguyên"
    assert len(done.units) == 92


def test_a_reused_code_is_named_as_of_the_period(session):
    from bachthong_desktop.core.units import unit_as_of

    set_up_office(session.db, "01969", dt.date(2025, 7, 1))
    assert unit_as_of(session.db, "01969", D2023).name == "Thị trấn Phủ Thông"
    assert unit_as_of(session.db, "01969", dt.date(2026, 6, 14)).name == "Xã Phủ Thông"
    assert unit_as_of(session.db, "01969", dt.date(2019, 1, 1)).name == "Xã Phủ Thông"
