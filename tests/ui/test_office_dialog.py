"""The office window (“Thông tin cơ quan…”) and the first start of a new commune officer, driven
with real widgets at 1366×768, as far as a printed 2026 report."""

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from bachthong_desktop.core.deadlines import deadline
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.units import office, office_for, reporting_units
from bachthong_desktop.exchange.page import get_margins
from bachthong_desktop.ui.app import parse_args
from bachthong_desktop.ui.office_dialog import OfficeDialog
from bachthong_desktop.ui.screenshots import save_small
from bachthong_desktop.ui.start import Start

from ui.test_printing_cups import cups_queue  # noqa: F401 - the CUPS queue "PDF", a fixture
from ui_helpers import type_text

DOCS = Path(__file__).resolve().parents[2] / "docs" / "img"


def shot(widget, name: str) -> None:
    """Keep a picture for the user guide when asked (SAVE_DOC_SCREENSHOTS=1)."""
    if os.environ.get("SAVE_DOC_SCREENSHOTS"):
        save_small(widget, DOCS / name)


def choose(dialog, typed: str, row: int = 0) -> None:
    type_text(dialog.search, typed)
    dialog.matches.setCurrentRow(row)


def test_search_without_diacritics_shows_the_province_beside_each_match(qtbot, new_session):
    dialog = OfficeDialog(new_session, "2026-H1", first_start=True)
    qtbot.addWidget(dialog)
    type_text(dialog.search, "vinh thong")
    shown = [dialog.matches.item(i).text() for i in range(dialog.matches.count())]
    assert shown == ["Xã Vĩnh Thông, Tỉnh Thái Nguyên  (01981)",
                     "Phường Vĩnh Thông, Tỉnh An Giang  (30760)"]
    dialog.search.clear()
    type_text(dialog.search, "vinh")
    assert dialog.matches.count() == 12 and "gõ thêm" in dialog.more.text()


def test_a_commune_with_its_signer_villages_margins_and_deadlines(qtbot, new_session):
    dialog = OfficeDialog(new_session, "2026-H1", first_start=True)
    qtbot.addWidget(dialog)
    choose(dialog, "phủ thông")
    assert not dialog.department.isEnabled()
    assert dialog.header["header_name"].text() == "ỦY BAN NHÂN DÂN XÃ PHỦ THÔNG"
    assert dialog.header["place"].text() == "Phủ Thông"
    dialog.header["signer_name"].clear()
    type_text(dialog.header["signer_name"], "Hoàng Thị Lan")
    dialog.margins["left"].setValue(32)
    dialog.deadline_units.setDate(dialog.deadline_units.date().addDays(2))
    assert dialog.save()
    saved = office(new_session.db)
    assert (saved.code, saved.signer_name, saved.valid_from) == ("01969", "Hoàng Thị Lan",
                                                                 "2025-07-01")
    assert get_margins(new_session.db).left == 32
    assert deadline(new_session.db, parse_period("2026-H1"), "unit") == \
        dialog.deadline_units.date().toPython()

    again = OfficeDialog(new_session, "2026-H1")
    qtbot.addWidget(again)
    type_text(again.new_unit, "Thôn Nà Pài")
    again.add_unit.click()
    units = reporting_units(new_session.db, "01969", dt.date(2026, 6, 14))
    assert [(u.code, u.name) for u in units] == [("01969-01", "Thôn Nà Pài")]


def test_a_department_writes_its_parent_above_its_name(qtbot, new_session):
    dialog = OfficeDialog(new_session, "2026-H1", first_start=True)
    qtbot.addWidget(dialog)
    choose(dialog, "thai nguyen")
    assert dialog.chosen.code == "19" and "92 xã, phường" in dialog.meaning.text()
    assert dialog.department.isEnabled()
    dialog.department.click()
    assert dialog.header["parent_body"].text() == "UBND TỈNH THÁI NGUYÊN"
    assert dialog.header["header_name"].text() == "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    assert dialog.save()
    saved = office_for(new_session.db, parse_period("2026-H1"))
    assert (saved.parent_body, saved.signer_deputy, saved.signer_authority) == (
        "UBND TỈNH THÁI NGUYÊN", "KT. GIÁM ĐỐC", "")
    from bachthong_desktop.exchange.document import document_for

    doc = document_for(new_session, "2026-H1")
    assert doc.header.parent_body == "UBND TỈNH THÁI NGUYÊN"
    assert doc.header.issuer_lines == ["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]
    assert doc.signature.lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert doc.number.endswith("/BC-SVHTTDL")
    assert len(reporting_units(new_session.db, "19", dt.date(2026, 6, 14))) == 92


def test_an_empty_header_name_is_refused_and_nothing_is_written(qtbot, new_session, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    dialog = OfficeDialog(new_session, "2026-H1", first_start=True)
    qtbot.addWidget(dialog)
    choose(dialog, "phu thong")
    dialog.header["header_name"].clear()
    assert not dialog.save()
    assert "Tên cơ quan trên văn bản không được để trống" in told[0]
    assert new_session.db["units"].count == 0


def test_first_start_of_a_commune_officer_reaches_a_printed_2026_report(
        qtbot, new_db_path, tmp_path, monkeypatch, cups_queue):
    """At 1366×768: the office from the catalog, the window on 2026, its preview, the office
    window, the file for the province, and Ctrl+P through the CUPS queue "PDF"."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox

    from ui.test_print_shortcut import DialogAnswers, click_button, click_role
    from ui.test_printing_cups import (cups_pdf_files, difference, gray_page, page_count,
                                       wait_for_new_pdf)

    from bachthong_desktop.ui.dialogs import ChecksDialog
    from bachthong_desktop.ui.main_window import FRAME_ALLOWANCE
    from bachthong_desktop.ui.printing import write_pdf

    def fill_first_start():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OfficeDialog):
            QTimer.singleShot(50, fill_first_start)
            return
        choose(dialog, "phu thong")
        dialog.header["signer_name"].setText("Hoàng Thị Lan")
        shot(dialog, "chon-co-quan.png")
        dialog.save_button.click()

    QTimer.singleShot(50, fill_first_start)
    begun = Start(parse_args(["--db", str(new_db_path), "--period", "2026-H1"])[0])
    qtbot.addWidget(begun.window)
    try:
        qtbot.waitUntil(lambda: begun.window.is_open, timeout=20000)
        window = begun.window
        window.resize(1366 - FRAME_ALLOWANCE[0], 768 - FRAME_ALLOWANCE[1])  # a 1366×768 screen
        assert "XÃ PHỦ THÔNG" in window.top.who.text() and window.unit.code == "01969"
        assert window.period == "2026-H1" and "2026" in window.top.periods.currentText()
        window.tabs.setCurrentIndex(0)
        qtbot.wait(50)
        shot(window, "lan-dau-cua-so-ky-2026.png")
        window.tabs.setCurrentWidget(window.preview_holder)
        preview = window.preview_holder.ensure_built()
        preview.set_period(window.period)
        qtbot.waitUntil(lambda: preview.page_count() >= 1, timeout=10000)
        shot(window, "lan-dau-xem-truoc-ky-2026.png")
        doc = preview.document()
        assert doc.header.issuer_lines == ["ỦY BAN NHÂN DÂN", "XÃ PHỦ THÔNG"]
        assert doc.header.date_line.startswith("Phủ Thông, ngày")
        assert doc.signature.name == "Hoàng Thị Lan"
        from bachthong_desktop.ui.printing import pdf_bytes

        pdf = pdf_bytes(doc)
        assert pdf.startswith(b"%PDF") and len(pdf) > 5000

        def look_at_office_window():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, OfficeDialog):
                QTimer.singleShot(50, look_at_office_window)
                return
            assert "Xã Phủ Thông" in dialog.current.text()
            shot(dialog, "thong-tin-co-quan.png")
            dialog.reject()

        QTimer.singleShot(50, look_at_office_window)
        window.office_action.trigger()
        assert [a.text() for a in window.menus[0].actions()[:2]] == [
            "Thông tin &cơ quan…", "Xuất tệp gửi &cấp trên…"]

        target = tmp_path / "gui-tinh.xlsx"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
        told = []
        monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
        window.upward_action.trigger()
        assert target.exists()
        assert "cơ quan đó nhập như báo cáo của một đơn vị báo cáo" in told[0]

        def print_anyway(dialog):  # a new report has required fields still empty
            click_button(qtbot, dialog, "Vẫn in")

        def print_on_the_queue(dialog):
            printers = dialog.findChild(QComboBox, "printers")
            printers.setCurrentIndex(printers.findText(cups_queue))
            click_role(qtbot, dialog, QDialogButtonBox.AcceptRole)

        before = cups_pdf_files()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        with DialogAnswers({ChecksDialog: print_anyway, QPrintDialog: print_on_the_queue}) \
                as answers:
            window.print_action.trigger()
        assert [kind for kind, _ in answers.seen][-1] == "QPrintDialog"
        assert preview.status.text() == f"Đã gửi báo cáo tới máy in “{cups_queue}”."
        printed = wait_for_new_pdf(before)
        ours = tmp_path / "ours.pdf"
        write_pdf(preview.document(), ours)  # what the window shows, as our own PDF
        assert page_count(printed) == page_count(ours)
        # cups-pdf re-renders the text without its mapping: compare what a reader sees, the
        # printed first page against ours and against a blank sheet
        seen = gray_page(printed, 1)
        blank = bytes([255]) * len(seen)
        assert difference(seen, gray_page(ours, 1)) < difference(seen, blank) * 0.75
    finally:
        begun.window.close()
        begun.close()


def test_a_period_without_an_office_says_which_ended_and_offers_its_successor(
        demo_db, opener, monkeypatch):
    from bachthong_desktop.ui import office_dialog

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.No)
    window = opener.open("2023-H1")
    window.load_period("2026-H1")
    assert "Huyện Bạch Thông đã kết thúc ngày 30/6/2025" in asked[0]
    assert window.period == "2023-H1" and "HUYỆN BẠCH THÔNG" in window.top.who.text()

    def set_up(session_, period_id, parent=None):
        from bachthong_desktop.core.office_setup import set_up_office

        set_up_office(session_.db, "01969")
        return True

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.Yes)
    monkeypatch.setattr(office_dialog.OfficeDialog, "run", staticmethod(set_up))
    window.load_period("2026-H1")
    assert window.period == "2026-H1" and window.unit.name == "Xã Phủ Thông"
    assert "XÃ PHỦ THÔNG" in window.top.who.text()
    window.load_period("2023-H1")  # the district's period is still the district's
    assert window.unit.code == "063" and window.saver.stored


def test_a_new_communes_2026_report_comes_out_of_the_printer(qtbot, new_session, tmp_path):
    from ui.test_printing_cups import QUEUE, cups_pdf_files, wait_for_new_pdf

    from bachthong_desktop.exchange.document import document_for
    from bachthong_desktop.ui.printing import print_document, printer_names

    assert QUEUE in printer_names(), "the CUPS printer PDF (bash scripts/start-printer.sh)"
    dialog = OfficeDialog(new_session, "2026-H1", first_start=True)
    qtbot.addWidget(dialog)
    choose(dialog, "phu thong")
    assert dialog.save()
    before = cups_pdf_files()
    assert print_document(document_for(new_session, "2026-H1"), QUEUE) == QUEUE
    printed = wait_for_new_pdf(before)
    assert printed.stat().st_size > 5000
