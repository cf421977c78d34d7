"""A filled template reads like a person typed it, and imports back to the same values."""

from bachthong_desktop.exchange.xlsx_import import read_return
from bachthong_desktop.exchange.xlsx_template import NGO_SHEET, RETURN_SHEET, TEXT_SHEET

from exchange.xlsx_fixtures import save, value_cell, workbook

STORED = {"plan_issued": False, "rebuttal_turns": 1086,
          "unit_difficulties": "Thiếu kinh phí.\nSóng điện thoại yếu.",
          "ngo_projects": [{"name": "Trường mầm non", "donor": "Plan", "country": "Úc",
                            "start": "2019-03-05", "end": "2023-12-31"}]}


def test_values_are_written_as_people_type_them(session):
    wb = workbook(session, values=STORED)
    assert value_cell(wb[RETURN_SHEET], "plan_issued").value == "Không"
    assert value_cell(wb[RETURN_SHEET], "rebuttal_turns").value == 1086
    assert value_cell(wb[TEXT_SHEET], "unit_difficulties", 3).value == STORED["unit_difficulties"]
    row = [c.value for c in wb[NGO_SHEET][7]]
    assert row[:3] == ["Trường mầm non", "Plan", "Úc"]
    assert "05/3/2019" in row and "31/12/2023" in row


def test_a_date_that_is_not_one_stays_as_typed(session):
    wb = workbook(session, values={"ngo_projects": [{"name": "Dự án", "start": "đầu năm"}]})
    assert "đầu năm" in [c.value for c in wb[NGO_SHEET][7]]


def test_the_filled_file_imports_back_to_the_same_values(session, tmp_path):
    read = read_return(save(workbook(session, values=STORED), tmp_path), session.form)
    assert read.values["plan_issued"] is False and read.values["rebuttal_turns"] == 1086
    assert read.values["unit_difficulties"] == STORED["unit_difficulties"]
    project = read.values["ngo_projects"][0]
    assert (project["name"], project["start"], project["end"]) == (
        "Trường mầm non", "2019-03-05", "2023-12-31")
