"""`bachthong units catalog [--apply]`: a database set up from 2025.10.1 (made here, with returns,
typed values and an issued version) is updated to 2026.9.0; every unit keeps its history, returns
and figures under its corrected code, issued copies stay byte-identical, 2023 never changes."""

from __future__ import annotations

import hashlib
import json

import pytest
from cli_helpers import run

from bachthong_desktop.core import catalog
from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.session import Session
from bachthong_desktop.core.units import get_unit
from bachthong_desktop.exchange.xlsx_fill import fill_return
from bachthong_desktop.exchange.xlsx_template import TemplateInfo, build_template

PERIOD = "2025-H2"
OLD = catalog.PREVIOUS_RELEASE


def cli(capsys, db, *argv):
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 0, err
    return out


def send_return(capsys, db, folder, code: str, values: dict) -> None:
    """The unit fills the template its office made, and the office imports it."""
    session = Session(db)
    try:
        unit = get_unit(session.db, code)
        wb = build_template(TemplateInfo(unit, parse_period(PERIOD), session.form))
        fill_return(wb, session.form, values)
    finally:
        session.close()
    path = folder / f"{code}.xlsx"
    wb.save(path)
    cli(capsys, db, "import", "--period", PERIOD, str(path))


def set_up_before(capsys, db, folder, office: str, returns: dict[str, dict]) -> None:
    """A database as the program made it before 2026.9.0: the demo, then the office from 2025.10.1."""
    cli(capsys, db, "demo")
    set_up_office(open_db(db), office, release=OLD)
    for code, values in returns.items():
        send_return(capsys, db, folder, code, values)
    cli(capsys, db, "set", "--period", PERIOD, "foreign_visitors", "4")
    cli(capsys, db, "report", "--period", PERIOD, "-o", str(folder / "ban-nhap.docx"))
    issue_real_copy(db)


def issue_real_copy(db) -> None:
    """An issued Word copy as the program renders it (its required texts left empty: the
    checks that refuse issuing are not this test's subject)."""
    from bachthong_desktop.exchange.document import document_for
    from bachthong_desktop.exchange.export import issue_copy, render

    session = Session(db)
    try:
        period = parse_period(PERIOD)
        state = session.state(period)
        doc = document_for(session, period, state, "12", None)
        issue_copy(session, period.id, doc, "docx", render(doc, "docx"), state.figures)
    finally:
        session.close()


def picture(db, moved: dict[str, str]) -> dict:
    """Everything the update must keep, with the old codes read as their new ones."""
    session = Session(db)
    try:
        rename = lambda code: moved.get(code, code)  # noqa: E731
        rows = {}
        for table in ("report_values", "value_history", "returns"):
            got = [{**r, "unit_code": rename(r["unit_code"])}
                   for r in session.db[table].rows if r["period"] != "2023-H1"]
            rows[table] = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in got)
        rows["2023"] = {t: sorted(json.dumps(r, ensure_ascii=False, sort_keys=True)
                                  for r in session.db[t].rows_where("period = '2023-H1'"))
                        for t in ("report_values", "value_history", "returns")}
        rows["2023 units"] = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True)
                                    for r in session.db["units"].rows_where("valid_to < '2025-07-01'"))
        rows["issued"] = [(r["unit_code"], hashlib.sha256(r["content"]).hexdigest(), r["data"])
                          for r in session.db["issued_versions"].rows]
        figures = session.compile(PERIOD)
        rows["figures"] = {c: (f.value, {rename(k): v for k, v in (f.by_unit or {}).items()})
                           for c, f in figures.items()}
        rows["2023 figures"] = {c: (f.value, f.by_unit) for c, f in session.compile("2023-H1").items()}
        return rows
    finally:
        session.close()


@pytest.fixture
def thai_nguyen(capsys, db_path, tmp_path):
    set_up_before(capsys, db_path, tmp_path, "19", {
        "05794": {"propaganda_sessions": 7, "rebuttal_turns": 2},  # Xã Phú Lạc, 05788 in 2026.9.0
        "01969": {"propaganda_sessions": 3}})
    return db_path


def test_thai_nguyen_is_listed_then_updated_keeping_everything(capsys, thai_nguyen):
    before = picture(thai_nguyen, {"05794": "05788"})
    assert before != picture(thai_nguyen, {})  # Phú Lạc has figures, under 05794 until now
    out = cli(capsys, thai_nguyen, "units", "catalog")
    assert "danh mục bản 2025.10.1" in out and "Bản mới: 2026.9.0; 1 thay đổi" in out
    assert "Xã Phú Lạc: mã 05794 nay là 05788" in out and "Chưa thay đổi gì" in out
    assert get_unit(open_db(thai_nguyen), "05794").name == "Xã Phú Lạc"  # listing wrote nothing
    out = cli(capsys, thai_nguyen, "units", "catalog", "--apply")
    assert "Đã cập nhật danh mục lên bản 2026.9.0" in out
    db = open_db(thai_nguyen)
    assert get_unit(db, "05788").name == "Xã Phú Lạc"
    assert not db["units"].count_where("code = '05794'")
    assert {r["catalog_release"] for r in db["units"].rows_where("parent_code = '19'")} == {
        "2026.9.0"}
    assert picture(thai_nguyen, {}) == before
    note = next(db["catalog_changes"].rows)
    assert (note["old_code"], note["new_code"], note["valid_from"]) == ("05794", "05788",
                                                                        "2025-07-01")
    assert "Áp dụng từ ngày 01/07/2025" in note["note"]
    assert "Đã là bản mới nhất" in cli(capsys, thai_nguyen, "units", "catalog")


def test_cao_bang_rotates_three_codes_and_corrects_a_spelling(capsys, db_path, tmp_path):
    returns = {"01537": {"propaganda_sessions": 1}, "01558": {"propaganda_sessions": 20},
               "01561": {"propaganda_sessions": 300}, "01501": {"propaganda_sessions": 4000}}
    set_up_before(capsys, db_path, tmp_path, "04", returns)
    moved = {"01537": "01561", "01558": "01537", "01561": "01558"}
    before = picture(db_path, moved)
    assert before != picture(db_path, {})
    out = cli(capsys, db_path, "units", "catalog", "--apply")
    assert "Xã Vinh Quý: mã 01537 nay là 01561" in out
    assert "Xã Đàm Thuỷ (01501): tên nay viết “Xã Đàm Thủy”" in out
    assert picture(db_path, {}) == before
    db = open_db(db_path)
    named = {c: get_unit(db, c).name for c in ("01537", "01558", "01561")}
    assert named == {"01537": "Xã Lý Quốc", "01558": "Xã Hạ Lang", "01561": "Xã Vinh Quý"}
    figures = Session(db_path).compile(PERIOD)["propaganda_sessions"].by_unit
    assert (figures["01561"], figures["01537"], figures["01558"]) == (1, 20, 300)
    thuy = get_unit(db, "01501")
    assert thuy.name == "Xã Đàm Thủy" and thuy.alias_list == ["Xã Đàm Thuỷ"]


def test_a_rekeyed_commune_office_keeps_its_reports_own_units_and_issued_copies(
        capsys, db_path, tmp_path):
    cli(capsys, db_path, "demo")
    set_up_office(open_db(db_path), "00167", release=OLD)  # Phường Cầu Giấy, 00166 in 2026.9.0
    cli(capsys, db_path, "units", "own", "Tổ dân phố số 1")
    send_return(capsys, db_path, tmp_path, "00167-01", {"propaganda_sessions": 5})
    cli(capsys, db_path, "set", "--period", PERIOD, "foreign_visitors", "9")
    issue_real_copy(db_path)
    before = picture(db_path, {"00167": "00166"})
    cli(capsys, db_path, "units", "catalog", "--apply")
    after = picture(db_path, {})
    assert after == {**before, "issued": [("00167", *before["issued"][0][1:])]}  # frozen as issued
    session = Session(db_path)
    assert session.office.code == "00166" and session.office.name == "Phường Cầu Giấy"
    assert session.office.header_name == "ỦY BAN NHÂN DÂN PHƯỜNG CẦU GIẤY"
    own = get_unit(session.db, "00167-01")  # the ward's own numbering stays
    assert own.parent_code == "00166"
    assert session.store.get(PERIOD, "00166", "foreign_visitors") == 9
    cli(capsys, db_path, "report", "--period", PERIOD, "-o", str(tmp_path / "sau.docx"))


def test_a_template_sent_before_the_update_is_received_after_it(capsys, thai_nguyen, tmp_path):
    late = tmp_path / "late"
    late.mkdir()
    session = Session(thai_nguyen)
    try:
        unit = get_unit(session.db, "05794")
        wb = build_template(TemplateInfo(unit, parse_period(PERIOD), session.form))
        fill_return(wb, session.form, {"propaganda_sessions": 70, "rebuttal_turns": 2})
    finally:
        session.close()
    wb.save(late / "phu-lac-gui-lai.xlsx")  # stamped 2025.10.1, code 05794
    cli(capsys, thai_nguyen, "units", "catalog", "--apply")
    out = cli(capsys, thai_nguyen, "import", "--period", PERIOD, str(late / "phu-lac-gui-lai.xlsx"))
    assert "Xã Phú Lạc (05788)" in out and "bản 2 thay bản 1" in out
    assert Session(thai_nguyen).compile(PERIOD)["propaganda_sessions"].by_unit["05788"] == 70


def test_the_2023_district_is_never_touched(capsys, thai_nguyen):
    db = open_db(thai_nguyen)
    history = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False)
                     for r in db["units"].rows_where("valid_from < '2025-07-01'"))
    cli(capsys, thai_nguyen, "units", "catalog", "--apply")
    assert sorted(json.dumps(r, sort_keys=True, ensure_ascii=False)
                  for r in open_db(thai_nguyen)["units"].rows_where(
                      "valid_from < '2025-07-01'")) == history


def test_the_2023_district_alone_has_nothing_to_update(capsys, demo_db):
    out = cli(capsys, demo_db, "units", "catalog", "--apply")
    assert "trước ngày 01/07/2025" in out and "Đã cập nhật" not in out


def test_a_copy_serving_one_commune_follows_its_new_code(capsys, thai_nguyen):
    from bachthong_desktop.core.commune_mode import COMMUNE, Mode, get_mode, set_mode

    set_mode(open_db(thai_nguyen), Mode(COMMUNE, "05794"))
    cli(capsys, thai_nguyen, "units", "catalog", "--apply")
    assert get_mode(open_db(thai_nguyen)) == Mode(COMMUNE, "05788")
