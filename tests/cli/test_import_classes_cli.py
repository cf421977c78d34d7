"""Each class of issue 13 through `bachthong import`, as the district clerk runs it."""

import openpyxl
import pytest
from openpyxl.styles import Font

from bachthong_desktop.cli import main
from bachthong_desktop.core.legacy_encodings import unicode_to_tcvn3
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.session import Session
from bachthong_desktop.core.units import get_unit
from bachthong_desktop.exchange.xlsx_fill import fill_return
from bachthong_desktop.exchange.xlsx_template import TemplateInfo, build_template

VALUES = {"plan_issued": True, "rebuttal_turns": 65, "rebuttal_accounts": 2,
          "ngo_projects": [{"name": "Dự án nước sạch", "start": "01/01/2018"}]}


def _row(ws, code):
    return next(c.row for row in ws.iter_rows() for c in row if c.value == code)


def _error_value(wb):
    wb["Báo cáo"][f"E{_row(wb['Báo cáo'], 'rebuttal_turns')}"] = "#VALUE!"


def _merged(wb):
    r = _row(wb["Báo cáo"], "rebuttal_turns")
    wb["Báo cáo"].merge_cells(f"D{r}:E{r}")


def _hidden(wb):
    wb["Báo cáo"].row_dimensions[_row(wb["Báo cáo"], "rebuttal_turns")].hidden = True


def _word(wb):
    wb["Báo cáo"][f"E{_row(wb['Báo cáo'], 'rebuttal_turns')}"] = "2 nghìn"


def _no_name(wb):
    wb["Dự án NGO"]["B8"], wb["Dự án NGO"]["C8"] = "KOICA", "Hàn Quốc"


def _period(wb):
    wb["Báo cáo"]["A3"] = "Kỳ báo cáo: 6 tháng cuối năm 2023 (2023-H2)"


def _whose(wb):
    wb["Báo cáo"]["A2"] = "Đơn vị: Xã Lục Bình (mã 01990)"


def _tan_tu_return(db):
    """Tân Tú's 2023-H1 template filled with VALUES, in memory."""
    session = Session(db)
    try:
        wb = build_template(TemplateInfo(get_unit(session.db, "01993"), parse_period("2023-H1"),
                                         session.form))
        fill_return(wb, session.form, VALUES)
    finally:
        session.close()
    return wb


@pytest.mark.parametrize("spoil, says", [
    (_error_value, "#VALUE!"), (_merged, "ô gộp"), (_hidden, "dòng bị ẩn"), (_word, "nghìn"),
    (_no_name, "thiếu “Tên dự án”"), (_period, "phần ẩn"), (_whose, "Xã Lục Bình (01990)"),
])  # fmt: skip
def test_each_class_is_refused_with_exit_1_and_nothing_stored(db_path, tmp_path, capsys, spoil,
                                                              says):
    db = db_path  # the 2023 district and its communes
    wb = _tan_tu_return(db)
    spoil(wb)
    path = tmp_path / "tan-tu.xlsx"
    wb.save(path)
    code = main(["--db", str(db), "import", str(path)])
    text = capsys.readouterr().out
    assert code == 1 and "TỪ CHỐI" in text and says in text, text
    session = Session(db)
    assert session.db["returns"].count == 0 and session.db["report_values"].count == 0
    session.close()


def test_notes_legacy_text_and_a_second_import_through_the_command_line(db_path, tmp_path,
                                                                        capsys):
    db = db_path  # the 2023 district and its communes
    wb = _tan_tu_return(db)
    wb["Dự án NGO"]["A8"] = "Tổng cộng: 1 dự án"
    cell = wb["Khó khăn, đề xuất"]["C8"]
    cell.value, cell.font = unicode_to_tcvn3("Đài truyền thanh hỏng"), Font(name="Arial")
    path = tmp_path / "tan-tu.xlsx"
    wb.save(path)
    assert main(["--db", str(db), "import", str(path)]) == 0
    text = capsys.readouterr().out
    assert "“Tổng cộng: 1 dự án” là ghi chú" in text and "TCVN3" in text
    assert main(["--db", str(db), "import", str(tmp_path)]) == 0  # the folder: the same file
    assert "Không thay đổi" in capsys.readouterr().out
    session = Session(db)
    assert session.store.get("2023-H1", "01993", "unit_proposals") == "Đài truyền thanh hỏng"
    assert len(session.store.get("2023-H1", "01993", "ngo_projects")) == 1
    session.close()
    assert openpyxl.load_workbook(path)  # the received file is left as it came
