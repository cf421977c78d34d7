"""A return made from another catalog release than the office's: by code only where both
releases give the code to the same unit, else by name within the province (said so), else
refused naming both releases and the unit."""

from __future__ import annotations

import pytest

from bachthong_desktop.core import catalog
from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.returns import REFUSED
from bachthong_desktop.core.session import Session
from bachthong_desktop.core.units import Unit
from bachthong_desktop.exchange.return_file import import_file
from bachthong_desktop.exchange.xlsx_fill import fill_return
from bachthong_desktop.exchange.xlsx_template import (TemplateInfo, build_template,
                                                      template_file_name)

PERIOD = "2025-H2"
OLD, NEW = catalog.PREVIOUS_RELEASE, catalog.CURRENT_RELEASE


def office_session(path, code: str, release: str) -> Session:
    session = Session(path)
    set_up_office(session.db, code, release=release)
    return session


def sent(session, folder, code: str, release: str, value: int, *, stamp: str | None = "same",
         name: str | None = None):
    """A return as a unit set up from `release` sends it (its template's code and name)."""
    found = catalog.get(code, release)
    unit = Unit(code=code, name=name or found.name, kind=found.kind, valid_from="2025-07-01",
                province_code=found.province_code, catalog_release=release)
    wb = build_template(TemplateInfo(unit, parse_period(PERIOD), session.form))
    fill_return(wb, session.form, {"propaganda_sessions": value})
    meta = wb["_meta"]
    for row in meta.iter_rows():
        if row[0].value == "catalog_release":
            if stamp is None:
                meta.delete_rows(row[0].row)
            elif stamp != "same":
                row[1].value = stamp
    path = folder / template_file_name(parse_period(PERIOD), unit, session.form)
    wb.save(path)
    return path


@pytest.fixture
def cao_bang(new_db_path):
    session = office_session(new_db_path, "04", NEW)
    yield session
    session.close()


def test_the_cao_bang_rotation_is_read_by_name_and_said_so(cao_bang, tmp_path):
    for code, value in (("01537", 1), ("01558", 20), ("01561", 300)):
        result = import_file(cao_bang.store, sent(cao_bang, tmp_path, code, OLD, value),
                             period=PERIOD)
        assert result.ok, result.message
        assert any("bản 2025.10.1" in n and "bản 2026.9.0" in n and "theo tên" in n
                   for n in result.notes)
    by_unit = cao_bang.compile(PERIOD)["propaganda_sessions"].by_unit
    # Vinh Quý (01537 then, 01561 now), Lý Quốc (01558 → 01537), Hạ Lang (01561 → 01558)
    assert (by_unit["01561"], by_unit["01537"], by_unit["01558"]) == (1, 20, 300)


def test_a_code_both_releases_give_to_one_unit_is_read_by_code(cao_bang, tmp_path):
    result = import_file(cao_bang.store, sent(cao_bang, tmp_path, "01501", OLD, 5), period=PERIOD)
    assert result.ok and result.unit_code == "01501"  # Xã Đàm Thuỷ / Xã Đàm Thủy
    assert not any("danh mục" in n for n in result.notes)


def test_a_file_without_a_stamp_is_of_the_release_pinned_before(cao_bang, tmp_path):
    result = import_file(cao_bang.store, sent(cao_bang, tmp_path, "01537", OLD, 7, stamp=None),
                         period=PERIOD)
    assert result.ok and result.unit_code == "01561"


@pytest.mark.parametrize("office_release, file_release, file_code, stored", [
    (NEW, OLD, "00167", "00166"), (OLD, NEW, "00166", "00167")])
def test_a_rekeyed_ward_either_way(new_db_path, tmp_path, office_release, file_release,
                                   file_code, stored):
    session = office_session(new_db_path, "01", office_release)  # Hà Nội
    try:
        result = import_file(session.store, sent(session, tmp_path, file_code, file_release, 3),
                             period=PERIOD)
        assert result.ok, result.message
        assert result.unit_code == stored
        assert any("Phường Cầu Giấy" in n and f"mã {file_code}" in n for n in result.notes)
    finally:
        session.close()


def test_a_code_neither_release_makes_certain_is_refused_naming_both(cao_bang, tmp_path):
    path = sent(cao_bang, tmp_path, "01561", NEW, 9)  # a 2026.9.0 code ...
    import openpyxl

    wb = openpyxl.load_workbook(path)
    for row in wb["_meta"].iter_rows():
        if row[0].value == "catalog_release":
            row[1].value = OLD  # ... stamped 2025.10.1, where 01561 is Xã Hạ Lang
        if row[0].value == "unit_code":
            row[1].value = "01999"  # a code 2025.10.1 does not have
    wb.save(path)
    result = import_file(cao_bang.store, path, period=PERIOD)
    assert result.outcome == REFUSED
    assert "bản 2025.10.1" in result.message and "bản 2026.9.0" in result.message
    assert "mã 01999" in result.message and "Không nhập" in result.message
    assert not cao_bang.db["returns"].count


def test_a_release_the_program_lacks_needs_the_same_name(cao_bang, tmp_path):
    same = sent(cao_bang, tmp_path, "01561", NEW, 4, stamp="2027.1.0")
    result = import_file(cao_bang.store, same, period=PERIOD)
    assert result.ok and result.unit_code == "01561"
    assert any("2027.1.0" in n for n in result.notes)
    other = sent(cao_bang, tmp_path / "..", "01537", NEW, 4, stamp="2027.1.0",
                 name="Xã Vinh Quý")
    result = import_file(cao_bang.store, other, period=PERIOD)
    assert result.outcome == REFUSED and "2027.1.0" in result.message
    assert "Xã Vinh Quý (mã 01537)" in result.message
