"""Qt speaks Vietnamese: the program's own translation and the Vietnamese locale."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel, QMessageBox

from bachthong_desktop.ui.language import install_vietnamese, translation_file


@pytest.fixture
def vietnamese(qapp):
    translator = install_vietnamese(qapp)
    assert translator is not None, f"{translation_file()} could not be loaded"
    yield translator
    qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


def texts(widget, kind=QLabel) -> set[str]:
    return {w.text() if kind is QLabel else w.title() for w in widget.findChildren(kind)}


def test_the_compiled_translation_is_the_one_of_the_source_file(tmp_path):
    ts = translation_file().with_suffix(".ts")
    fresh = tmp_path / "qt_vi.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True,
                   capture_output=True)
    assert fresh.read_bytes() == translation_file().read_bytes()


def test_message_box_buttons_say_co_and_khong(vietnamese, qtbot):
    box = QMessageBox(QMessageBox.Question, "Hỏi", "Tiếp tục?", QMessageBox.Yes | QMessageBox.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.Yes).text().replace("&", "") == "Có"
    assert box.button(QMessageBox.No).text().replace("&", "") == "Không"
    ok = QMessageBox(QMessageBox.Information, "Báo", "Xong", QMessageBox.Ok | QMessageBox.Cancel)
    qtbot.addWidget(ok)
    assert ok.button(QMessageBox.Ok).text() == "Đồng ý"
    assert ok.button(QMessageBox.Cancel).text() == "Hủy"


def test_the_file_dialog_speaks_vietnamese(vietnamese, qtbot):
    dialog = QFileDialog(None, "Nhập báo cáo của xã", "", "Tệp Excel (*.xlsx)")
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = {t.replace("&", "") for t in texts(dialog)}
    assert {"Tìm trong:", "Loại tệp:", "Tên tệp:"} <= shown
    assert not {"Look in:", "Files of type:", "File name:"} & shown


def test_print_and_print_preview_dialogs_speak_vietnamese(vietnamese, qtbot):
    printer = QPrinter(QPrinter.HighResolution)
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "Xem trước khi in"
    actions = {a.text() for a in preview.findChildren(QAction) if isinstance(a, QAction)}
    assert {"Trang sau", "Phóng to", "In"} <= actions
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "In"
    assert "Máy in" in texts(dialog, QGroupBox)


def test_key_names_in_menus_are_vietnamese(vietnamese):
    keys = QKeySequence("Ctrl+Shift+Backtab").toString(QKeySequence.NativeText)
    assert keys == "Ctrl+Shift+Tab"


def test_the_calendar_names_months_and_days_in_vietnamese(vietnamese):
    from PySide6.QtWidgets import QCalendarWidget

    calendar = QCalendarWidget()
    assert calendar.locale().language() == QLocale.Language.Vietnamese
    assert calendar.locale().monthName(6) == "tháng 6"


def test_help_of_the_window_program_is_vietnamese(capsys):
    from bachthong_desktop.ui.app import parse_args

    with pytest.raises(SystemExit):
        parse_args(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: bachthong-desktop")
    assert "Tùy chọn:" in out and "usage" not in out and "options:" not in out
