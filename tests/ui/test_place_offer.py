"""The office window offers the full place for a ward named after a person, with Decree 30's
rule beside it; the clerk takes it with one click, and the printed date line follows."""

from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.units import office
from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.ui.office_dialog import OfficeDialog
from bachthong_desktop.ui.screenshots import save_small


def test_a_ward_named_after_a_person_is_offered_its_full_name(qtbot, new_session, tmp_path):
    set_up_office(new_session.db, "05443")  # Phường Phan Đình Phùng, Thái Nguyên
    dialog = OfficeDialog(new_session, "2026-H1")
    qtbot.addWidget(dialog)
    dialog.show()
    offer = dialog.place_offer
    assert dialog.header["place"].text() == "Phan Đình Phùng"
    assert offer.isVisible() and "Nghị định 30" in offer.note.text()
    assert "tên một người" in offer.note.text()
    assert offer.use.text() == "Ghi “Phường Phan Đình Phùng”"
    save_small(dialog, tmp_path / "place-offer.png")
    offer.use.click()
    assert dialog.header["place"].text() == "Phường Phan Đình Phùng"
    assert not offer.isVisible()  # written: nothing more to offer
    assert dialog.save()
    assert office(new_session.db).place == "Phường Phan Đình Phùng"
    date_line = document_for(new_session, "2026-H1").header.date_line
    assert date_line.startswith("Phường Phan Đình Phùng, ngày"), date_line


def test_a_commune_with_a_plain_name_is_offered_nothing(qtbot, new_session):
    set_up_office(new_session.db, "01969")  # Xã Phủ Thông
    dialog = OfficeDialog(new_session, "2026-H1")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.header["place"].text() == "Phủ Thông"
    assert not dialog.place_offer.isVisible()
    assert "Nghị định 30" in dialog.header["place"].toolTip()  # the rule, where one looks
