"""An unexpected error: a Vietnamese message for the user, the traceback in the log file."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.errors import UserError
from ..core.logs import log_dir, log_uncaught

CRASH_TEXT = ("Chương trình gặp một lỗi không mong muốn. Những gì đã nhập trước đó đã được lưu. "
              "Hãy đóng cửa sổ này và làm tiếp; nếu lỗi lặp lại, hãy gửi tệp nhật ký trong "
              "thư mục {folder} cho người hỗ trợ.")
_showing = False


def message_for(exc_type, exc) -> str:
    if isinstance(exc, UserError):
        return exc.message
    return CRASH_TEXT.format(folder=log_dir())


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
        QMessageBox.critical(None, "Lỗi", message_for(exc_type, exc))
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = excepthook
