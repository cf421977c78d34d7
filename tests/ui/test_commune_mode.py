"""Commune mode: the tabs are the commune's return, stored under the commune's code."""


from bachthong_desktop.core.commune_mode import COMMUNE, OFFICE, Mode, get_mode, set_mode
from bachthong_desktop.core.session import Session
from bachthong_desktop.ui.dialogs import ModeDialog

from ui_helpers import editor_of, type_text

PHU_THONG = "01969"


def test_the_first_start_dialog_chooses_office_or_one_commune(qtbot, session):
    units = session.units("2023-H1")
    dialog = ModeDialog(session.office.name, units)
    qtbot.addWidget(dialog)
    assert dialog.mode() == Mode(OFFICE)
    dialog.commune.setChecked(True)
    dialog.units.setCurrentIndex(dialog.units.findData(PHU_THONG))
    assert dialog.mode() == Mode(COMMUNE, PHU_THONG)
    set_mode(session.db, dialog.mode())
    assert get_mode(session.db) == Mode(COMMUNE, PHU_THONG)


def test_commune_mode_shows_the_return_and_stores_under_the_commune(opener):
    mode = Mode(COMMUNE, PHU_THONG)
    window = opener.open(mode=mode)
    codes = {c for tab in window.section_tabs for c in tab.editors}
    assert codes == {f.code for f in window.session.form.unit_fields()}
    assert window.tabs.count() == len(window.section_tabs)  # no returns or preview tab
    assert "Phủ Thông" in window.windowTitle()
    type_text(editor_of(window, "rebuttal_turns").main, "12")
    type_text(editor_of(window, "unit_difficulties").main, "Thiếu cán bộ phụ trách")
    editor_of(window, "plan_issued").main.setCurrentIndex(1)
    window.close()

    session = Session(opener.db_path)
    try:
        values = session.store.values("2023-H1", PHU_THONG)
        assert values == {"rebuttal_turns": 12, "unit_difficulties": "Thiếu cán bộ phụ trách",
                          "plan_issued": True}
        assert session.store.values("2023-H1", session.office.code) == {}
        assert session.compile("2023-H1")["rebuttal_turns"].by_unit == {PHU_THONG: 12}
    finally:
        session.close()


def test_the_table_of_a_commune_has_no_office_only_column(opener):
    window = opener.open(mode=Mode(COMMUNE, PHU_THONG))
    table = editor_of(window, "ngo_projects")
    assert "description" not in [c.code for c in table.columns]


def test_commune_modes_file_is_accepted_by_the_offices_import(opener, tmp_path):
    from bachthong_desktop.ui.commune_export import write_return

    from bachthong_desktop.exchange.importer import import_file
    from PySide6.QtWidgets import QTableWidgetItem

    window = opener.open(mode=Mode(COMMUNE, PHU_THONG))  # the commune's own computer
    type_text(editor_of(window, "rebuttal_turns").main, "1.086")
    type_text(editor_of(window, "unit_difficulties").main, "Đài truyền thanh xã xuống cấp")
    editor_of(window, "plan_issued").main.setCurrentIndex(1)
    projects = editor_of(window, "ngo_projects")
    projects.add_row()
    projects.table.setItem(0, 0, QTableWidgetItem("Phát triển trẻ em - CDP"))
    projects.table.setItem(0, 5, QTableWidgetItem("01/01/2018"))
    window.save_all()
    sent = write_return(window.session, window.period, PHU_THONG, tmp_path / "gui-huyen.xlsx")
    opener.close()

    from bachthong_desktop.core.units import install_history

    office = Session(tmp_path / "huyen.sqlite3")  # the district's computer
    try:
        install_history(office.db)
        result = import_file(office.store, sent)
        assert result.ok, result.message
        assert (result.unit_code, result.period) == (PHU_THONG, "2023-H1")
        values = office.store.values("2023-H1", PHU_THONG)
        assert values["rebuttal_turns"] == 1086 and values["plan_issued"] is True
        assert values["unit_difficulties"] == "Đài truyền thanh xã xuống cấp"
        assert values["ngo_projects"][0]["name"] == "Phát triển trẻ em - CDP"
        assert values["ngo_projects"][0]["start"] == "2018-01-01"
        assert office.compile("2023-H1")["rebuttal_turns"].by_unit == {PHU_THONG: 1086}
    finally:
        office.close()


def test_the_export_action_writes_the_file_the_user_chose(opener, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from bachthong_desktop.ui import window_actions

    target = tmp_path / "bao-cao.xlsx"
    offered, told = [], []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a: (offered.append(a[2]) or str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    window = opener.open(mode=Mode(COMMUNE, PHU_THONG))
    window_actions.export_return(window)
    assert target.exists()
    assert offered[0].endswith("bao-cao-ttdn_2023-H1_01969_thi-tran-phu-thong.xlsx")
    assert "Hãy gửi tệp này cho cơ quan tổng hợp cấp trên" in told[0]


def test_no_level_the_office_may_not_have_is_named_in_the_window(opener):
    """Since 2025 a commune sends to its province: the window never says 'huyện' by itself."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from bachthong_desktop.ui.dialogs import ModeDialog

    for mode in (Mode(COMMUNE, PHU_THONG), Mode(OFFICE)):
        window = opener.open(mode=mode)
        for tab in window.section_tabs:
            tab.ensure_built()
        texts = [a.text() for menu in window.menus for a in menu.actions()]
        texts += [w.text() for w in window.findChildren(QAbstractButton)]
        texts += [w.text() for w in window.findChildren(QLabel)]
        texts += [w.toolTip() for w in window.findChildren(QAbstractButton)]
        named = [t for t in texts if "huyện" in t.lower() and "bạch thông" not in t.lower()]
        assert named == [], mode
        window.close()
    dialog = ModeDialog("UBND tỉnh Thái Nguyên", [])
    assert "huyện" not in dialog.office.text() + dialog.commune.text()
    dialog.deleteLater()
