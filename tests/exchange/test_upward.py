"""Up the chain with the same exchange file: a commune's (or the 2023 district's) own figures,
exported as a return, are imported by the office above with the same importer."""


from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.session import Session
from bachthong_desktop.core.units import Unit, save_unit
from bachthong_desktop.exchange.importer import import_file
from bachthong_desktop.exchange.upward import write_upward

PROJECT = {"name": "Nước sạch cho trẻ em", "donor": "Plan", "country": "Anh",
           "start": "2026-01-01"}


def test_a_communes_return_is_imported_by_its_province(new_session, tmp_path):
    set_up_office(new_session.db, "01969")
    store = new_session.store
    store.set_many("2026-H1", "01969", {"rebuttal_turns": 35, "foreign_visitors": 4,
                                        "plan_number": "12/KH-UBND",
                                        "unit_difficulties": "Thiếu loa truyền thanh",
                                        "ngo_projects": [PROJECT]}, "office")
    sent = write_upward(new_session, "2026-H1", tmp_path)
    assert sent.name == "bao-cao-ttdn_2026-H1_01969_xa-phu-thong.xlsx"

    province = Session(tmp_path / "tinh.sqlite3")
    try:
        set_up_office(province.db, "19")
        result = import_file(province.store, sent)
        assert result.ok, result.message
        assert (result.unit_code, result.period) == ("01969", "2026-H1")
        figures = province.compile("2026-H1")
        assert figures["rebuttal_turns"].by_unit == {"01969": 35}
        assert figures["plan_issued"].by_unit == {"01969": True}
        assert figures["unit_difficulties"].by_unit == {"01969": "Thiếu loa truyền thanh"}
        assert figures["ngo_projects"].value[0]["name"] == "Nước sạch cho trẻ em"
    finally:
        province.close()


def test_the_2023_district_sends_its_totals_to_its_province(demo_session, tmp_path):
    totals = demo_session.compile("2023-H1")
    sent = write_upward(demo_session, "2023-H1", tmp_path / "bach-thong.xlsx")

    bac_kan = Session(tmp_path / "bac-kan.sqlite3")
    try:
        save_unit(bac_kan.db, Unit(code="06", name="Tỉnh Bắc Kạn", kind="tỉnh", is_office=1,
                                   header_name="ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
                                   valid_from="1997-01-01", valid_to="2025-06-30"))
        save_unit(bac_kan.db, Unit(code="063", name="Huyện Bạch Thông", kind="huyện",
                                   parent_code="06", valid_from="1997-01-01",
                                   valid_to="2025-06-30"))
        result = import_file(bac_kan.store, sent)
        assert result.ok, result.message
        got = bac_kan.compile("2023-H1")
        for code in ("rebuttal_turns", "rebuttal_accounts", "foreign_visitors"):
            assert got[code].units_value == totals[code].value  # the units' total
        assert got["rebuttal_turns"].units_value == 1086
        assert len(got["ngo_projects"].value) == len(totals["ngo_projects"].value)
        assert got["plan_issued"].by_unit == {"063": True}
    finally:
        bac_kan.close()


def test_send_from_the_command_line(capsys, new_db_path, tmp_path):
    from bachthong_desktop.cli import main

    assert main(["--db", str(new_db_path), "units", "office", "01969"]) == 0
    assert main(["--db", str(new_db_path), "send", "--period", "2026-H1", "-o",
                 str(tmp_path / "gui.xlsx")]) == 0
    assert "Đã ghi báo cáo của Xã Phủ Thông" in capsys.readouterr().out
    assert (tmp_path / "gui.xlsx").exists()


def test_the_2023_district_sends_up_no_proposals_its_report_did_not_print(demo_session):
    from bachthong_desktop.exchange.upward import upward_values

    sent = upward_values(demo_session.form, demo_session.compile("2023-H1"))
    assert demo_session.compile("2023-H1")["unit_proposals"].by_unit  # the communes proposed
    assert "unit_proposals" not in sent  # the reference report has no proposals part
    assert sent["unit_difficulties"].splitlines() == demo_session.compile(
        "2023-H1")["limitations"].value  # its "Tồn tại, hạn chế", as printed
