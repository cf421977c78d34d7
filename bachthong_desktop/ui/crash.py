"""An unexpected error: a Vietnamese message for the user, the traceback in the log file.

The log folder sits in the hidden AppData folder on Windows: the message has a button that
opens it in Explorer, so the clerk can attach the file for whoever helps.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.errors import UserError
from ..core.integrity import window_words
from ..core.logs import log_dir, log_uncaught

CRASH_TEXT = ("Chương trình gặp một lỗi không mong muốn. Những gì đã nhập trước đó đã được lưu. "
              "Hãy đóng cửa sổ này và làm tiếp; nếu lỗi lặp lại, hãy bấm “Mở thư mục nhật ký” "
              "và gửi tệp bachthong.log trong thư mục {folder} cho người hỗ trợ.")
OPEN_LOGS = "Mở thư mục nhật ký"
_showing = False


def message_for(exc_type, exc) -> str:
    if isinstance(exc, UserError):
        return window_words(exc)
    return CRASH_TEXT.format(folder=log_dir())


def crash_box(text: str) -> QMessageBox:
    """The error message with a button that opens the log folder."""
    box = QMessageBox(QMessageBox.Critical, "Lỗi", text)
    box.open_logs = box.addButton(OPEN_LOGS, QMessageBox.ActionRole)
    box.addButton("Đóng", QMessageBox.AcceptRole)
    return box


def open_log_folder() -> bool:
    """Show the log folder in Explorer (or the desktop's file manager)."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def excepthook(exc_type, exc, tb) -> None:
    """Log, then tell the user; never a silent exit (Qt keeps running after this returns)."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if not isinstance(exc, UserError):
        log_uncaught(exc_type, exc, tb)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        if isinstance(exc, UserError):
            QMessageBox.critical(None, "Lỗi", window_words(exc))
        else:
            box = crash_box(message_for(exc_type, exc))
            box.exec()
            if box.clickedButton() is box.open_logs:
                open_log_folder()
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = excepthook
