"""Every office set up from the catalog records its release, and every template and return says
from which release its unit code is (none said: 2025.10.1, the release pinned before)."""

import openpyxl
from cli_helpers import run

from bachthong_desktop.core import catalog
from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.units import versions


def _meta(path) -> dict:
    return dict(openpyxl.load_workbook(path)["_meta"].iter_rows(values_only=True))


def test_an_office_set_up_today_records_the_release_and_its_templates_carry_it(
        capsys, new_db_path, tmp_path):
    assert run(capsys, "--db", str(new_db_path), "units", "office", "19")[0] == 0
    db = open_db(new_db_path)
    rows = list(db["units"].rows_where("code = '19' or parent_code = '19'"))
    assert len(rows) == 93 and {r["catalog_release"] for r in rows} == {"2026.9.0"}
    assert versions(db, "05788")[0].name == "Xã Phú Lạc"  # 05794 in 2025.10.1
    out = tmp_path / "phu-lac.xlsx"
    code, _, err = run(capsys, "--db", str(new_db_path), "template", "--period", "2026-H1",
                       "--unit", "05788", "-o", str(out))
    assert code == 0, err
    assert _meta(out)["catalog_release"] == "2026.9.0"
    sent = tmp_path / "gui.xlsx"
    code, _, err = run(capsys, "--db", str(new_db_path), "send", "--period", "2026-H1",
                       "-o", str(sent))
    assert code == 0, err
    assert _meta(sent)["catalog_release"] == "2026.9.0"


def test_an_office_set_up_before_writes_the_release_pinned_before(capsys, demo_db, tmp_path):
    out = tmp_path / "vi-huong.xlsx"
    code, _, err = run(capsys, "--db", demo_db, "template", "--period", "2023-H1",
                       "--unit", "01975", "-o", str(out))
    assert code == 0, err
    assert _meta(out)["catalog_release"] == catalog.PREVIOUS_RELEASE
