"""Starting the window in two steps: the frame is painted first, then the database fills it.

Opening the database (sqlite-utils, checks, migrations) and building the tabs takes a few
hundred milliseconds on an office PC; the frame, from the definition and a read-only look at
two settings, is on the screen before that starts.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.commune_mode import OFFICE, Mode, get_mode, set_mode
from ..core.definition import load_form
from ..core.errors import UserError
from ..core.integrity import window_words
from ..core.logs import setup_logging
from ..core.paths import default_db_path
from ..core.periods import current_period, parse_period
from ..core.settings import get_setting
from ..core.start_view import look
from ..core.units import current_office, office_on, reporting_units
from . import TITLE, crash
from .main_window import PERIOD_KEY, MainWindow

NO_PAINT_MS = 300  # open anyway when no paint comes (a window started minimised)
BACKUP_AFTER_MS = 1000  # the start backup waits until the data is on the screen
log = logging.getLogger(__name__)


def start_period(session, args) -> str:
    """--period, else the last period used, else the current one."""
    if args.period:
        return parse_period(args.period).id
    last = get_setting(session.db, PERIOD_KEY)
    return parse_period(last).id if last else current_period().id


def first_start_mode(session, parent=None) -> Mode:
    """The chosen mode; asked once, at the first start of a window (a new database: which office
    from the national catalog; one with offices: the office or one of its communes)."""
    mode = get_mode(session.db)
    if mode is None and current_office(session.db) is None:
        from .office_dialog import OfficeDialog

        if not OfficeDialog.run(session, first_start=True, parent=parent):
            raise UserError("Chưa chọn cơ quan nên chưa mở được chương trình. Hãy mở lại và chọn "
                            "xã, phường hoặc tỉnh của mình.")
        set_mode(session.db, Mode(OFFICE))
        return Mode(OFFICE)
    if mode is None:
        from .dialogs import ModeDialog
        from .level_texts import LevelTexts

        # every unit ever reporting: a copy may serve a commune of an earlier period too
        units = reporting_units(session.db, session.office.code, None)
        mode = ModeDialog.ask(session.office.name, units, parent,
                              LevelTexts.of(session.form, session.office))
        set_mode(session.db, mode)
    return mode


def quiet_period(session, args) -> str:
    """The start period, or (no office valid then) the latest period of the latest office:
    for a window that must not ask (screenshots)."""
    from .office_access import fallback_period

    period = start_period(session, args)
    if office_on(session.db, parse_period(period).cutoff_end) is None:
        return fallback_period(session) or period
    return period


def office_period(session, period: str, parent=None) -> str:
    """The period to open: a period without an office says why and offers its successor; if
    none is set up, the latest period of the latest office opens instead."""
    from .office_access import ensure_office, fallback_period

    if ensure_office(parent, session, period):
        return period
    fallback = fallback_period(session)
    if fallback is None:
        raise UserError("Chưa có cơ quan tổng hợp báo cáo. Hãy mở lại chương trình và chọn cơ quan.")
    return fallback


def offer_restore(exc: UserError, parent=None) -> bool:
    """A damaged database: offer the newest good backup; True once it has been restored."""
    from ..core.integrity import DamagedDatabase
    from ..core.restore import restore

    if not isinstance(exc, DamagedDatabase) or not exc.good_backups:
        return False
    newest = exc.good_backups[0]
    answer = QMessageBox.question(
        parent, TITLE, f"{exc.window_message}\n\nKhôi phục ngay từ bản sao lưu “{newest.name}”? "
        "Dữ liệu hỏng được giữ lại bên cạnh, không bị xóa.")
    if answer != QMessageBox.Yes:
        return False
    try:
        restore(exc.db_path, newest)
    except UserError as failed:
        QMessageBox.critical(parent, TITLE, failed.message)
        return False
    return True


def start_backup(session) -> None:
    """A backup at start; never stops the window from opening."""
    try:
        from ..core.backup import backup_now

        backup_now(session, "start")
    except Exception:  # noqa: BLE001 - a failed backup is logged, the office keeps working
        log.exception("backup at start failed")


class Start:
    """The window of `run`: its frame now, its data once the frame has been painted."""

    def __init__(self, args):
        self.args = args
        self.session = self.lock = None
        self._begun = False
        self.window = MainWindow()
        self.window.show_frame(load_form(), look(default_db_path(args.db)))
        self.window.centralWidget().painted.connect(self._soon)
        QTimer.singleShot(NO_PAINT_MS, self._open)

    def _soon(self) -> None:
        QTimer.singleShot(0, self._open)  # after the paint has reached the screen

    def _open(self) -> None:
        if self._begun or not self.window.isVisible():  # once; not after the user closed it
            return
        self._begun = True
        setup_logging()
        if not self._try_open():
            self.window.hide()
            QApplication.instance().exit(1)

    def _try_open(self) -> bool:
        """Fill the window; on a problem say what it is (offering a backup) and give False."""
        try:
            self._open_database()
            return True
        except UserError as exc:
            self.close()
            if offer_restore(exc, self.window):
                return self._try_open()
            QMessageBox.critical(self.window, TITLE, window_words(exc))
        except Exception:  # noqa: BLE001 - a windowed program has no console: say it, log it
            self.close()
            crash.excepthook(*sys.exc_info())
        return False

    def _open_database(self) -> None:
        from ..core.lock import acquire
        from ..core.session import Session

        self.session = Session(self.args.db)
        self.lock = acquire(self.session.db_path, "window")
        mode = first_start_mode(self.session, self.window)
        period = start_period(self.session, self.args)
        if not mode.is_commune:
            period = office_period(self.session, period, self.window)
        self.window.open(self.session, period, mode)
        QTimer.singleShot(BACKUP_AFTER_MS, self._backup)

    def _backup(self) -> None:
        if self.session is not None:
            start_backup(self.session)

    def close(self) -> None:
        """Give back the database and its lock (at exit, or after a failed opening)."""
        if self.session is not None:
            self.session.close()
        if self.lock is not None:
            self.lock.release()
        self.session = self.lock = None
