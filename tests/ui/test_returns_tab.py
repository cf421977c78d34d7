"""The tab "Các xã gửi báo cáo" driven as a user drives it: import, drop, board, chart, trace."""

import os

import openpyxl
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from bachthong_desktop.core.demo import DEMO_PERIOD
from bachthong_desktop.ui.returns_tab import ReturnsTab

from ui_helpers import filled_return


def _tab(qtbot, session, period=DEMO_PERIOD):
    tab = ReturnsTab(session, session.state(period))
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    return tab


def _column(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_demo_board_chart_and_trace(qtbot, demo_session, tmp_path):
    tab = _tab(qtbot, demo_session)
    assert tab.import_button.text() == "Nhập báo cáo của xã…"  # the 2023 district's words
    assert tab.board_table.rowCount() == 14
    assert set(_column(tab.board_table, 2)) == {"Đã nhận"}
    assert "14/14" in tab.heading.text() and "100 %" in tab.heading.text()
    tab.chart_choice.setCurrentIndex(tab.chart_choice.findData("rebuttal_turns"))
    assert sum(v for _, v in tab.chart.bars) == 1086
    tab.trace_choice.setCurrentIndex(tab.trace_choice.findData("rebuttal_turns"))
    assert "1086" in tab.trace_total.text()
    assert set(_column(tab.trace_table, 3)) == {"E12"}
    assert _column(tab.trace_table, 4)[0].startswith("bao-cao-ttdn_2023-H1_01969")
    tab.grab().save(os.environ.get("RETURNS_TAB_SHOT", str(tmp_path / "returns_tab.png")))


def test_import_updates_board_summary_and_signals(qtbot, session, tmp_path):
    tab = _tab(qtbot, session)
    assert "0/14" in tab.heading.text()
    good = filled_return(session, tmp_path, rebuttal_turns=65, plan_issued="Có")
    bad = filled_return(session, tmp_path, unit="01978", rebuttal_turns="12,5")
    with qtbot.waitSignal(tab.returns_changed, timeout=5000):
        results = tab.import_paths([good, bad])
    assert [r.outcome for r in results] == ["stored", "refused"]
    text = tab.summary.toPlainText()
    assert "Xã Vi Hương" in text and f"Tệp “{bad.name}”, trang “Báo cáo”, ô E12" in text
    assert "1/14" in tab.heading.text()
    assert session.store.get(DEMO_PERIOD, "01975", "rebuttal_turns") == 65


def test_dropping_files_imports_them_with_progress(qtbot, session, tmp_path):
    tab = _tab(qtbot, session)
    paths = [filled_return(session, tmp_path, unit=u, rebuttal_turns=n)
             for u, n in (("01969", 1), ("01975", 2), ("01978", 3), ("01981", 4))]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    with qtbot.waitSignal(tab.returns_changed, timeout=10000):
        tab.dropEvent(event)
    assert [r.outcome for r in tab.last_results] == ["stored"] * 4
    assert "4/14" in tab.heading.text()


def test_set_period_shows_another_period(qtbot, demo_session):
    tab = _tab(qtbot, demo_session)
    tab.set_period("2023-H2")
    assert "0/14" in tab.heading.text() and set(_column(tab.board_table, 2)) == {"Chưa nhận"}


def test_templates_for_every_unit(qtbot, session, tmp_path):
    tab = _tab(qtbot, session)
    written = tab.write_templates(tmp_path)
    assert len(written) == 14 and "14 mẫu" in tab.summary.toPlainText()


def _row_of(table, unit_code):
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == unit_code)


def test_a_refused_return_stays_on_the_board_and_every_attempt_in_the_log(qtbot, session,
                                                                          tmp_path):
    tab = _tab(qtbot, session)
    (tmp_path / "a").mkdir()
    bad = filled_return(session, tmp_path / "a", unit="01978", rebuttal_turns="2 nghìn",
                  rebuttal_accounts="#VALUE!")
    tab.import_paths([bad])
    row = _row_of(tab.board_table, "01978")
    assert tab.board_table.item(row, 2).text() == "Bị từ chối: ô E12, E13"
    assert tab.log_table.rowCount() == 1
    assert tab.log_table.item(0, 3).text() == "Bị từ chối"
    assert "ô E12, E13" in tab.log_table.item(0, 4).text()
    (tmp_path / "b").mkdir()
    good = filled_return(session, tmp_path / "b", unit="01978", rebuttal_turns=12)
    with qtbot.waitSignal(tab.returns_changed, timeout=5000):
        tab.import_paths([good])
    assert tab.board_table.item(row, 2).text() in ("Đã nhận", "Nộp muộn")
    tab.import_paths([good])
    assert _column(tab.log_table, 3) == ["Không thay đổi", "Đã lưu", "Bị từ chối"]
    assert session.store.get(DEMO_PERIOD, "01978", "rebuttal_turns") == 12
    tab.grab().save(str(tmp_path / "returns_tab_log.png"))


def test_a_folder_with_excel_lock_files_is_no_failure_in_the_window(qtbot, session, tmp_path):
    tab = _tab(qtbot, session)
    folder = tmp_path / "nhan"
    folder.mkdir()
    filled_return(session, folder, unit="01993", rebuttal_turns=3).rename(folder / "TAN TU.XLSX")
    (folder / "~$TAN TU.XLSX").write_bytes(b"lock")
    results = tab.import_paths([folder])
    assert sorted(r.outcome for r in results) == ["skipped", "stored"]
    assert "tệp khóa tạm của Excel" in tab.summary.toPlainText()


def test_spoilt_files_of_several_classes_are_each_refused_in_the_window(qtbot, session,
                                                                        tmp_path):
    tab = _tab(qtbot, session)
    spoil = {
        "01969": lambda ws, r: setattr(ws[f"E{r}"], "value", "#VALUE!"),
        "01975": lambda ws, r: ws.merge_cells(f"D{r}:E{r}"),
        "01978": lambda ws, r: setattr(ws.row_dimensions[r], "hidden", True),
        "01981": lambda ws, r: setattr(ws[f"E{r}"], "value", "15k"),
        "01984": lambda ws, r: setattr(ws["A2"], "value", "Đơn vị: Xã Tân Tú (mã 01993)"),
    }
    paths = []
    for unit, change in spoil.items():
        folder = tmp_path / unit
        folder.mkdir()
        path = filled_return(session, folder, unit=unit, rebuttal_turns=5)
        wb = openpyxl.load_workbook(path)
        ws = wb["Báo cáo"]
        change(ws, next(c.row for row in ws.iter_rows() for c in row
                        if c.value == "rebuttal_turns"))
        wb.save(path)
        paths.append(path)
    results = tab.import_paths(paths)
    assert [r.outcome for r in results] == ["refused"] * 5
    states = {tab.board_table.item(r, 0).text(): tab.board_table.item(r, 2).text()
              for r in range(tab.board_table.rowCount())}
    assert all(states[u].startswith("Bị từ chối") for u in list(spoil)[:4]), states
    assert states["01984"] == "Chưa nhận"  # whose file it is is in doubt: no unit is blamed
    assert states["01969"] == "Bị từ chối: ô E12"
    assert tab.log_table.rowCount() == 5 and "0/14" in tab.heading.text()
    text = tab.summary.toPlainText()
    assert "#VALUE!" in text and "ô gộp" in text and "dòng bị ẩn" in text and "“k”" in text
    assert "Xã Tân Tú (01993)" in text
    assert session.db["returns"].count == 0
