"""Ctrl+P in the main window, driven for real: the checks, the print dialog, the printed pages.

The dialogs are modal (`exec()`), so they are answered from a timer, the way a user would:
click a button of the checks list, pick "print to file" in Qt's print dialog, press Print.
"""

from __future__ import annotations

import subprocess
import unicodedata
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
)
from ui_helpers import editor_of, type_text

from bachthong_desktop.ui.dialogs import ChecksDialog
from bachthong_desktop.ui.printing import NO_PRINTER

PERIOD = "2023-H1"


class DialogAnswers:
    """Answers each modal dialog as it opens; `answers` maps a dialog class to a function."""

    def __init__(self, answers: dict):
        self.answers = answers
        self.seen: list[tuple[str, str]] = []  # (class name, window title), in order
        self.texts: dict[str, str] = {}  # what a message box said, by class name
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._answer_open_dialog)

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()

    def _answer_open_dialog(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        self.seen.append((type(dialog).__name__, dialog.windowTitle()))
        if isinstance(dialog, QMessageBox):
            self.texts[type(dialog).__name__] = dialog.text()
        for kind, answer in self.answers.items():
            if isinstance(dialog, kind):
                try:
                    answer(dialog)
                finally:
                    if dialog.isVisible():  # the answer failed: never leave the test hanging
                        dialog.reject()
                return
        dialog.reject()  # a dialog the test did not expect: close it; `seen` tells the assert


def click_button(qtbot, dialog: QDialog, text: str) -> None:
    [box] = dialog.findChildren(QDialogButtonBox)
    [button] = [b for b in box.buttons() if b.text() == text]
    qtbot.mouseClick(button, Qt.LeftButton)


def click_role(qtbot, dialog: QDialog, role) -> None:
    """Qt's own dialogs: the button by its role (its text may be translated)."""
    [box] = dialog.findChildren(QDialogButtonBox)
    [button] = [b for b in box.buttons() if box.buttonRole(b) == role]
    qtbot.mouseClick(button, Qt.LeftButton)


def print_to_file(qtbot, path):
    """Qt's print dialog: choose "Print to File (PDF)" (the last printer), type the name, Print."""
    def answer(dialog: QPrintDialog) -> None:
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)
        name = dialog.findChild(QLineEdit, "filename")
        assert name.isEnabled()
        name.clear()
        qtbot.keyClicks(name, str(path))  # the path is ASCII (tmp_path)
        click_role(qtbot, dialog, QDialogButtonBox.AcceptRole)  # "Print"
    return answer


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return unicodedata.normalize("NFC", " ".join(out.split()))


@pytest.fixture
def printer_queue(qapp, require_tool, tool_missing):
    """Printing starts from a printer queue (see printing.find_printer): CI has "PDF"."""
    require_tool("pdftotext", "poppler-utils")  # the printed file is read back
    require_tool("lpstat", "cups")
    listed = subprocess.run(["lpstat", "-p"], capture_output=True, text=True, check=False)
    if not any(line.startswith("printer ") for line in listed.stdout.splitlines()):
        tool_missing("lpstat reports no printer: install cups and printer-driver-cups-pdf, "
                     "then run bash scripts/start-printer.sh.")


@pytest.fixture
def window(opener, demo_db, qtbot):
    window = opener.open(PERIOD)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@contextmanager
def a_negative_count(window):
    """A mistake the checks list before printing: a count typed as -5 (not saved).

    Afterwards the count is typed right again, so closing the window has nothing to ask."""
    editor = editor_of(window, "local_news")
    window.show_field("local_news")
    editor.main.clear()
    type_text(editor.main, "-5")
    try:
        yield editor
    finally:
        editor.main.clear()
        type_text(editor.main, "430")
        window.save_all()


def press_ctrl_p(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key_P, Qt.ControlModifier)


def test_ctrl_p_lists_the_problems_then_print_anyway_prints_the_report(
        window, qtbot, tmp_path, printer_queue):
    signer = editor_of(window, "signer_name")
    signer.main.clear()
    type_text(signer.main, "Trần Thị Bích Ngọc")  # typed just now: printed without saving first
    listed = []

    def print_anyway(dialog: ChecksDialog) -> None:
        listed.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        click_button(qtbot, dialog, "Vẫn in")

    pdf = tmp_path / "bao-cao.pdf"
    with a_negative_count(window), DialogAnswers({ChecksDialog: print_anyway,
                                                  QPrintDialog: print_to_file(qtbot, pdf)}) \
            as answers:
        press_ctrl_p(qtbot, window)

    assert answers.seen == [("ChecksDialog", "Kiểm tra trước khi in"),
                            ("QPrintDialog", "In báo cáo")]
    assert any(t.startswith("[Cần sửa]") and "không được âm" in t for t in listed)
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert window.tabs.currentWidget() is window.preview_holder
    assert window.preview_tab.status.text() == f"Đã ghi báo cáo vào tệp {pdf}."
    text = pdf_text(pdf)
    assert "BÁO CÁO" in text and "thông tin đối ngoại" in text
    assert "Trần Thị Bích Ngọc" in text


def test_ctrl_p_without_problems_sends_the_report_to_the_default_printer(
        window, qtbot, printer_queue):
    from PySide6.QtPrintSupport import QPrinterInfo

    def print_as_offered(dialog: QPrintDialog) -> None:
        click_role(qtbot, dialog, QDialogButtonBox.AcceptRole)

    with DialogAnswers({QPrintDialog: print_as_offered}) as answers:
        press_ctrl_p(qtbot, window)

    assert answers.seen == [("QPrintDialog", "In báo cáo")]  # no checks list: nothing to fix
    assert window.statusBar().currentMessage() == "Đã kiểm tra: không có lỗi nào."
    default = QPrinterInfo.defaultPrinter().printerName()
    assert default and window.preview_tab.status.text() == (
        f"Đã gửi báo cáo tới máy in “{default}”.")


@pytest.mark.parametrize("how", ["button", "double-click"])
def test_going_back_from_the_checks_prints_nothing_and_shows_the_field(
        window, qtbot, tmp_path, how):
    def go_back(dialog: ChecksDialog) -> None:
        [row] = [i for i in range(dialog.list.count())
                 if "không được âm" in dialog.list.item(i).text()]
        place = dialog.list.visualItemRect(dialog.list.item(row)).center()
        if how == "double-click":
            qtbot.mouseDClick(dialog.list.viewport(), Qt.LeftButton, pos=place)
        else:
            qtbot.mouseClick(dialog.list.viewport(), Qt.LeftButton, pos=place)
            click_button(qtbot, dialog, "Quay lại sửa")

    with a_negative_count(window) as editor:
        window.tabs.setCurrentIndex(0)  # the user has moved on to another tab
        with DialogAnswers({ChecksDialog: go_back}) as answers:
            press_ctrl_p(qtbot, window)

        assert answers.seen == [("ChecksDialog", "Kiểm tra trước khi in")]  # no print dialog
        assert window.tabs.currentWidget() is window.section_tabs[5]
        assert editor.main.text() == "-5"
        # the cursor waits in the field (offscreen Qt leaves no window active after a dialog)
        assert window.focusWidget() is editor.focus_widget()
    assert window.preview_tab is None or window.preview_tab.status.text() == ""
    assert list(tmp_path.glob("*.pdf")) == []


def test_cancelling_the_print_dialog_prints_nothing(window, qtbot, tmp_path, printer_queue):
    def cancel(dialog: QPrintDialog) -> None:
        click_role(qtbot, dialog, QDialogButtonBox.RejectRole)

    with DialogAnswers({QPrintDialog: cancel}) as answers:
        press_ctrl_p(qtbot, window)

    assert answers.seen == [("QPrintDialog", "In báo cáo")]
    assert window.preview_tab.status.text() == ""
    assert list(tmp_path.glob("*.pdf")) == []


def test_without_any_printer_ctrl_p_says_how_to_print_anyway(window, qtbot, monkeypatch):
    """A computer with no printer installed: Qt lists none, the user is told what to do."""
    from bachthong_desktop.ui import printing

    class NoPrinters(printing.QPrinterInfo):
        @staticmethod
        def availablePrinters():
            return []

    monkeypatch.setattr(printing, "QPrinterInfo", NoPrinters)
    def read_and_close(box: QMessageBox) -> None:
        qtbot.mouseClick(box.button(QMessageBox.Ok), Qt.LeftButton)

    with DialogAnswers({QMessageBox: read_and_close}) as answers:
        press_ctrl_p(qtbot, window)

    assert [kind for kind, _ in answers.seen] == ["QMessageBox"]
    assert answers.texts["QMessageBox"] == NO_PRINTER
    assert window.preview_tab.status.text() == ""
