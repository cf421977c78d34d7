"""Commune mode: the tabs are the commune's return, stored under the commune's code."""

import pytest

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


def test_export_without_the_excel_template_module_says_so(opener, monkeypatch):
    from bachthong_desktop.ui.commune_export import find_writer

    if find_writer() is not None:
        pytest.skip("the Excel return writer exists: the real export is tested instead")
    from PySide6.QtWidgets import QMessageBox

    from bachthong_desktop.ui import window_actions

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    window = opener.open(mode=Mode(COMMUNE, PHU_THONG))
    window_actions.export_return(window)
    assert shown == [window_actions.EXPORT_MISSING]
