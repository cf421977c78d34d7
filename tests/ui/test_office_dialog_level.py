"""The office window names units and deadlines in the chosen office's own level words."""

from bachthong_desktop.ui.office_dialog import OfficeDialog

from ui_helpers import type_text


def _dialog(qtbot, session, typed=None):
    dialog = OfficeDialog(session, "2026-H1", first_start=True)
    qtbot.addWidget(dialog)
    if typed:
        type_text(dialog.search, typed)
        dialog.matches.setCurrentRow(0)
    return dialog


def test_a_province_with_special_zones(qtbot, new_session):
    dialog = _dialog(qtbot, new_session, "quang ninh")
    assert dialog.chosen.code == "22"
    assert "tổng hợp báo cáo từ 54 xã, phường, đặc khu" in dialog.meaning.text()
    assert dialog.units_deadline_label.text() == "Hạn các xã, phường, đặc khu gửi:"
    assert dialog.office_deadline_label.text() == "Hạn gửi Bộ:"


def test_a_commune_names_its_villages(qtbot, new_session):
    dialog = _dialog(qtbot, new_session, "phủ thông")
    assert "các thôn, tổ dân phố, bộ phận báo cáo cho xã" in dialog.meaning.text()
    assert dialog.units_deadline_label.text() == "Hạn các thôn, tổ dân phố, bộ phận gửi:"
    assert dialog.office_deadline_label.text() == "Hạn gửi cấp tỉnh:"
    assert dialog.units_box.title() == "Đơn vị báo cáo cho cơ quan (thôn, tổ dân phố, bộ phận)"


def test_before_any_office_the_words_are_generic(qtbot, new_session):
    dialog = _dialog(qtbot, new_session)
    assert dialog.units_deadline_label.text() == "Hạn các đơn vị gửi:"
    assert dialog.office_deadline_label.text() == "Hạn gửi cấp trên:"


def test_the_2023_district_s_deadlines(qtbot, demo_session):
    dialog = OfficeDialog(demo_session, "2023-H1")
    qtbot.addWidget(dialog)
    assert dialog.units_deadline_label.text() == "Hạn các xã gửi:"
    assert dialog.office_deadline_label.text() == "Hạn gửi tỉnh:"
