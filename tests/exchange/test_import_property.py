"""Contract 12: whatever a generated return holds, the command line answers 0 or 1, never a
traceback, and a refused file leaves the database exactly as it was."""

import contextlib
import datetime as dt
import io
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from xlsx_fixtures import save, workbook

from bachthong_desktop.cli import main

SHEETS = ["Báo cáo", "Dự án NGO", "Khó khăn, đề xuất"]
ODD = ["#VALUE!", "#REF!", "#DIV/0!", "-", "—", "12 tin", "5 buổi", "2 nghìn", "15k", "8o",
       "=1+1", "=cmd|' /C calc'!A0", "_x000D_", "1.086", "1,5", "01/02/2023", "31/02/2023",
       "Tổng cộng: 1 dự án", "Người lập biểu", "§µi truyÒn thanh", "Có", "Không", "x" * 5000]

values = st.one_of(
    st.none(), st.booleans(), st.integers(-10**25, 10**25),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(ODD),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.text(max_size=200).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t)),
)
cells = st.lists(st.tuples(st.sampled_from(SHEETS), st.integers(1, 45), st.integers(1, 10),
                           values), max_size=25)
spans = st.lists(st.tuples(st.sampled_from(SHEETS), st.integers(1, 40), st.integers(1, 8),
                           st.integers(0, 2), st.integers(0, 2)), max_size=2)
hidden = st.lists(st.tuples(st.sampled_from(SHEETS), st.booleans(), st.integers(1, 40)),
                  max_size=3)


def _state(db_path) -> tuple:
    conn = sqlite3.connect(db_path)
    try:
        return tuple(list(conn.execute(f"select * from {t} order by 1, 2, 3")) for t in
                     ("report_values", "returns", "value_history"))
    finally:
        conn.close()


def _generated(session, unit, cells, spans, hidden):
    wb = workbook(session, unit)
    for sheet, row, col, value in cells:
        wb[sheet].cell(row=row, column=col).value = value
    used = set()
    for sheet, row, col, down, across in spans:
        if (sheet, row) in used or (down, across) == (0, 0):
            continue
        used.update((sheet, r) for r in range(row, row + down + 1))
        wb[sheet].merge_cells(start_row=row, start_column=col, end_row=row + down,
                              end_column=col + across)
    for sheet, is_row, index in hidden:
        if is_row:
            wb[sheet].row_dimensions[index].hidden = True
        else:
            wb[sheet].column_dimensions[chr(64 + min(index, 26))].hidden = True
    return wb


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(unit=st.sampled_from(["01975", "01993"]), cells=cells, spans=spans, hidden=hidden)
def test_any_generated_return_is_answered_never_crashed(session, tmp_path_factory, unit, cells,
                                                        spans, hidden):
    path = save(_generated(session, unit, cells, spans, hidden), tmp_path_factory.mktemp("g"),
                "bao-cao.xlsx")
    before = _state(session.db_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["--db", str(session.db_path), "import", "--period", "2023-H1", str(path)])
    assert code in (0, 1), out.getvalue()
    assert "Traceback" not in out.getvalue()
    if code == 1:
        assert "TỪ CHỐI" in out.getvalue(), out.getvalue()
        assert _state(session.db_path) == before
