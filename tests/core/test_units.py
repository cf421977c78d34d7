"""Units as data: the seeded office, its 14 communes, validity dates, tolerant names."""

import datetime as dt

from bachthong_desktop.core.units import find_unit, office, reporting_units

CODES = ["01969", "01975", "01978", "01981", "01984", "01990", "01993", "01999", "02002",
         "02005", "02008", "02011", "02014", "02017"]


def test_seeded_office_and_communes(session):
    district = office(session.db)
    assert district.code == "063"
    assert district.header_name == "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG"
    assert district.place == "Bạch Thông" and district.signer_name == "Nguyễn Duy Luân"
    units = reporting_units(session.db, "063", dt.date(2023, 6, 14))
    assert [u.code for u in units] == CODES
    assert sum(u.kind == "thị trấn" for u in units) == 1


def test_units_are_valid_only_in_their_time(session):
    assert reporting_units(session.db, "063", dt.date(2019, 6, 1)) == []
    assert reporting_units(session.db, "063", dt.date(2026, 1, 1)) == []
    assert session.units("2023-H1") == reporting_units(session.db, "063", dt.date(2023, 6, 14))


def test_names_match_as_a_person_reads_them(session):
    on = dt.date(2023, 6, 1)
    for text in ("Sĩ Bình", "xã Sỹ Bình", "XÃ SỸ BÌNH", "01978", "  Xã  Sĩ   Bình "):
        assert find_unit(session.db, text, "063", on).code == "01978"
    assert find_unit(session.db, "Phủ Thông", "063", on).code == "01969"
    assert find_unit(session.db, "Thị trấn Phủ Thông", "063", on).code == "01969"
    assert find_unit(session.db, "Xã Tân Tư", "063", on) is None
