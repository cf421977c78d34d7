"""The program around the window: screenshots, errors, help, about, a new period."""

import logging
import os
import subprocess
import sys

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from bachthong_desktop.core.demo import DEMO_PERIOD
from bachthong_desktop.core.logs import log_dir, setup_logging
from bachthong_desktop.ui import crash
from bachthong_desktop.ui.dialogs import about_text, show_guide

from ui_helpers import editor_of, type_text


def test_screenshots_of_every_tab_and_exit_0(demo_db, tmp_path):
    folder = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "bachthong_desktop", "--db", str(demo_db),
                           "--period", DEMO_PERIOD, "--screenshots", str(folder)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    pictures = sorted(folder.glob("[0-9]*.png"))  # the tabs; the dialogs come after them
    assert len(pictures) == 10
    assert pictures[0].name == "01-thong-tin-van-ban.png"
    image = QImage(str(pictures[5]))
    assert 1000 <= image.width() <= 1366 and 600 <= image.height() <= 768


def test_an_unexpected_error_shows_a_vietnamese_message_and_is_logged(qtbot, tmp_path,
                                                                      monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QDesktopServices

    log_file = setup_logging(folder=tmp_path / "logs")
    shown, opened = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    def press_open_logs():
        box = QApplication.activeModalWidget()
        shown.append(box.text())
        box.open_logs.click()

    QTimer.singleShot(0, press_open_logs)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        crash.excepthook(*sys.exc_info())
    logging.getLogger().handlers[-1].flush()
    assert "không mong muốn" in shown[0] and "Mở thư mục nhật ký" in shown[0]
    assert [url.toLocalFile() for url in opened] == [str(log_dir())]
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "boom in a slot" in text


def test_help_shows_the_user_guide_and_about_shows_where_data_lives(qtbot, session):
    dialog = show_guide()
    qtbot.addWidget(dialog)
    assert "Hướng dẫn sử dụng" in dialog.browser.toPlainText()
    text = about_text(session.db_path)
    assert str(session.db_path) in text and "backups" in text and "Phiên bản" in text


def test_a_new_period_starts_from_the_previous_one_as_a_draft(opener):
    window = opener.open("2022-H1")
    editor = editor_of(window, "strengths")
    editor.main.setPlainText("Ưu điểm kỳ trước")
    window.save_all()
    copied = window.top.start_period("2023-H1", ask=False)
    assert "strengths" in copied
    assert window.period == "2023-H1"
    assert editor.main.toPlainText() == "Ưu điểm kỳ trước"
    assert window.top.periods.currentData() == "2023-H1"


def test_ctrl_tab_and_ctrl_shift_tab_move_between_tabs(opener, qtbot):
    from PySide6.QtCore import Qt

    window = opener.open()
    with qtbot.waitActive(window):
        window.activateWindow()
    editor = editor_of(window, "doc_number").main
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key_Tab, Qt.ControlModifier)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window.tabs.currentWidget(), Qt.Key_Backtab,
                   Qt.ControlModifier | Qt.ShiftModifier)
    assert window.tabs.currentIndex() == 0


def test_the_user_guide_pictures_fit_the_help_window(qtbot):
    from PySide6.QtGui import QTextDocument
    from PySide6.QtCore import QUrl

    dialog = show_guide()
    qtbot.addWidget(dialog)
    image = dialog.browser.loadResource(QTextDocument.ImageResource, QUrl("img/1366x768/09-cac-xa-gui-bao-cao.png"))
    assert 0 < image.width() <= dialog.browser.PICTURE_WIDTH


def test_an_edit_shows_in_the_preview_tab(opener, qtbot):
    window = opener.open()
    type_text(editor_of(window, "general_situation").main, "Tình hình Sĩ Bình ổn định")
    window.save_all()
    window.tabs.setCurrentWidget(window.preview_holder)
    preview = window.preview_tab
    qtbot.waitUntil(lambda: any("Tình hình Sĩ Bình ổn định" in p
                                for p in preview.document().paragraphs_text()), timeout=5000)
