"""Contract 8: the form version and the period, as the hidden sheet and the header say them."""

import pytest
from xlsx_fixtures import db_state, save, workbook

from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.exchange.importer import import_file

P = "2023-H1"


def _meta(wb, key, value):
    ws = wb["_meta"]
    for row in ws.iter_rows():
        if row[0].value == key:
            row[1].value = value
            return
    raise KeyError(key)


def _try(session, tmp_path, wb, period=P):
    before = db_state(session)
    result = import_file(session.store, save(wb, tmp_path), period=period)
    if not result.ok:
        assert db_state(session) == before
    return result


@pytest.mark.parametrize("version", ["2", "17"])
def test_a_newer_form_version_is_refused(session, tmp_path, version):
    wb = workbook(session)
    _meta(wb, "form_version", version)
    for sheet in wb.worksheets:
        if sheet["A4"].value and "phiên bản" in str(sheet["A4"].value):
            sheet["A4"] = f"Mẫu báo cáo: ttdn, phiên bản {version}"
    result = _try(session, tmp_path, wb)
    assert result.outcome == "refused" and f"phiên bản {version}, mới hơn" in result.message


def test_an_older_form_version_is_read_by_code_with_a_note(session, tmp_path, monkeypatch):
    wb = workbook(session)
    _meta(wb, "form_version", "0")
    for sheet in wb.worksheets:
        if sheet["A4"].value and "phiên bản" in str(sheet["A4"].value):
            sheet["A4"] = "Mẫu báo cáo: ttdn, phiên bản 0"
    result = _try(session, tmp_path, wb)
    assert result.outcome == "stored", result.message
    assert any("mẫu cũ (phiên bản 0" in n for n in result.notes)


@pytest.mark.parametrize("hidden, shown", [("2", "1"), ("1", "3")])
def test_a_hidden_form_version_other_than_the_header_is_refused(session, tmp_path, hidden,
                                                                 shown):
    wb = workbook(session)
    _meta(wb, "form_version", hidden)
    wb["Báo cáo"]["A4"] = f"Mẫu báo cáo: ttdn, phiên bản {shown}"
    result = _try(session, tmp_path, wb)
    assert result.outcome == "refused"
    assert f"phiên bản {shown}" in result.message and f"phiên bản {hidden}" in result.message


@pytest.mark.parametrize("hidden", ["2022-H2", "2023", "2022-H1"])
def test_a_hidden_period_other_than_the_header_is_refused(session, tmp_path, hidden):
    wb = workbook(session)
    _meta(wb, "period", hidden)
    result = _try(session, tmp_path, wb, period=None)
    assert result.outcome == "refused"
    said = parse_period(hidden).label  # as a clerk says it, not the code
    assert "6 tháng đầu năm 2023" in result.message and f"ghi kỳ {said}." in result.message
    assert "phần ẩn" in result.message and f"({hidden})" not in result.message


def test_a_header_edited_to_another_period_is_refused(session, tmp_path):
    wb = workbook(session)
    wb["Báo cáo"]["A3"] = "Kỳ báo cáo: 6 tháng cuối năm 2023"
    result = _try(session, tmp_path, wb, period=None)
    assert result.outcome == "refused" and "6 tháng cuối năm 2023" in result.message


def test_another_form_is_refused(session, tmp_path):
    wb = workbook(session)
    _meta(wb, "form", "khac")
    result = _try(session, tmp_path, wb)
    assert result.outcome == "refused" and "(khac)" in result.message
