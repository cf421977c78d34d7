"""Contract 4: the NGO table ends where the data ends; notes are notes; bad rows refused."""

import pytest
from xlsx_fixtures import VALUES, db_state, save, workbook

from bachthong_desktop.exchange.importer import import_file

P = "2023-H1"
PROJECT = {"name": "Dự án nước sạch", "donor": "KFHI", "country": "Hàn Quốc",
           "start": "01/01/2018", "end": "31/12/2025"}


def _ngo(session, tmp_path, rows: dict[int, dict[str, object]], projects=None):
    """A return whose NGO sheet also holds `rows` ({row: {column letter: value}})."""
    wb = workbook(session, values={**VALUES, "ngo_projects": projects or [PROJECT]})
    ws = wb["Dự án NGO"]
    for r, cells in rows.items():
        for col, value in cells.items():
            ws[f"{col}{r}"] = value
    return save(wb, tmp_path)


def _projects(session):
    return session.store.get(P, "01975", "ngo_projects") or []


@pytest.mark.parametrize("notes", [
    {8: {"A": "Tổng cộng: 1 dự án"}, 10: {"E": "Người lập biểu"}, 13: {"E": "Nguyễn Văn A"}},
    {8: {"A": "Tổng cộng: 1 dự án"}, 9: {"A": "Người lập biểu"}, 10: {"A": "Nguyễn Văn A"}},
    {8: {"C": 1}},
    {8: {"A": "Ghi chú: dự án đã kết thúc giai đoạn 1"}},
])  # fmt: skip
def test_lines_of_text_under_the_table_are_notes_listed_not_projects(session, tmp_path, notes):
    result = import_file(session.store, _ngo(session, tmp_path, notes), period=P)
    assert result.outcome == "stored", result.message
    assert [p["name"] for p in _projects(session)] == ["Dự án nước sạch"]
    listed = "\n".join(result.notes)
    assert all(str(r) in listed for r in notes) and "dòng" in listed


def test_whole_projects_after_empty_rows_are_data_and_partial_ones_are_listed(session,
                                                                           tmp_path):
    """Second wave: a blank row between two projects drops neither; after a blank row, a
    row without a project's name is not data (a signature block), and is listed."""
    later = {9: {"A": "Dự án sau dòng trống", "B": "X", "C": "Y"}, 15: {"A": "A", "B": "B"},
             18: {"B": "Người lập biểu", "E": "Thủ trưởng đơn vị"}, 20: {"B": "KOICA", "C": "Y"}}
    result = import_file(session.store, _ngo(session, tmp_path, later), period=P)
    assert [p["name"] for p in _projects(session)] == ["Dự án nước sạch",
                                                       "Dự án sau dòng trống", "A"]
    assert any("dòng 18" in n and "ghi chú" in n for n in result.notes), result.notes
    assert any("dòng 20 nằm sau dòng trống và không có tên dự án" in n for n in result.notes)


@pytest.mark.parametrize("row, says", [
    ({"B": "KOICA", "C": "Hàn Quốc"}, "thiếu “Tên dự án”"),
    ({"B": "KOICA", "F": "01/01/2020", "G": "31/12/2021"}, "thiếu “Tên dự án”"),
    ({"A": "Dự án B", "F": "01/01/2024", "G": "31/12/2020"}, "“Kết thúc” (31/12/2020) ở trước"),
    ({"A": "Dự án C", "F": "30/02/2020", "G": "31/12/2020"}, "không có thật"),
])  # fmt: skip
def test_a_row_that_looks_like_data_but_is_not_whole_is_refused_naming_it(session, tmp_path,
                                                                          row, says):
    before = db_state(session)
    result = import_file(session.store, _ngo(session, tmp_path, {8: row}), period=P)
    assert result.outcome == "refused" and says in result.message, result.message
    assert "Dự án NGO" in result.message and ("dòng 8" in result.message or "8" in result.cells[0])
    assert db_state(session) == before


def test_the_definition_bounds_the_number_of_rows(session, tmp_path):
    many = [{**PROJECT, "name": f"Dự án {i}"} for i in range(session.form.field(
        "ngo_projects").max_rows + 1)]
    result = import_file(session.store, _ngo(session, tmp_path, {}, projects=many), period=P)
    assert result.outcome == "refused" and "tối đa 200 dòng" in result.message


def test_ten_thousand_rows_are_refused_without_a_traceback(session, tmp_path):
    wb = workbook(session)
    ws = wb["Dự án NGO"]
    for r in range(8, 10_008):
        ws[f"A{r}"], ws[f"B{r}"] = f"Dự án {r}", "Nhà tài trợ"
    result = import_file(session.store, save(wb, tmp_path), period=P)
    assert result.outcome == "refused" and "10.001 dòng" in result.message
