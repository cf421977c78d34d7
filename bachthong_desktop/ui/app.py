"""Start the Qt application and show the main window (or only take its pictures)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.commune_mode import OFFICE, Mode, get_mode, set_mode
from ..core.errors import UserError
from ..core.periods import current_period, parse_period
from ..core.session import Session
from ..core.settings import get_setting
from ..core.text import slug
from . import crash

TITLE = "Báo cáo TTĐN"
log = logging.getLogger(__name__)


def build_main_window(session: Session, period_id: str, mode: Mode | None = None,
                      remember: bool = True):
    """The main window, built but not shown (tests, benchmarks, screenshots).

    `remember=False` leaves the window size and last period settings untouched.
    """
    from .main_window import MainWindow

    mode = mode or get_mode(session.db) or Mode(OFFICE)
    return MainWindow(session, period_id, mode, remember)


build_window = build_main_window  # the name the self-test uses


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="bachthong-desktop")
    parser.add_argument("--db", help="tệp cơ sở dữ liệu")
    parser.add_argument("--period", help="kỳ báo cáo, ví dụ 2023-H1")
    parser.add_argument("--screenshots", metavar="DIR", help="lưu ảnh từng thẻ vào DIR rồi thoát")
    parser.add_argument("--self-test", action="store_true",
                        help="tự kiểm tra trên dữ liệu mẫu tạm (Word, PDF, cửa sổ) rồi thoát")
    return parser.parse_known_args(argv)


def start_period(session: Session, args) -> str:
    """--period, else the last period used, else the current one."""
    if args.period:
        return parse_period(args.period).id
    last = get_setting(session.db, "last_period")
    return parse_period(last).id if last else current_period().id


def first_start_mode(session: Session) -> Mode:
    """The chosen mode; asked once, at the first start of a window."""
    mode = get_mode(session.db)
    if mode is None:
        from .dialogs import ModeDialog

        from ..core.units import reporting_units

        # every unit ever reporting: a copy may serve a commune of an earlier period too
        units = reporting_units(session.db, session.office.code, None)
        mode = ModeDialog.ask(session.office.name, units)
        set_mode(session.db, mode)
    return mode


def save_screenshots(window, folder: str | Path) -> list[Path]:
    """A PNG of every tab, named by its position and title."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    window.resize(1280, 820)
    window.show()
    saved = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        path = folder / f"{index + 1:02d}-{slug(window.tabs.tabText(index))}.png"
        window.grab().save(str(path))
        saved.append(path)
    return saved


def _start_chores(session: Session) -> None:
    """A backup at start; never stops the window from opening."""
    try:
        from ..core.backup import backup_now

        backup_now(session, "start")
    except Exception:  # noqa: BLE001 - a failed backup is logged, the office keeps working
        log.exception("backup at start failed")


def offer_restore(exc: UserError) -> bool:
    """A damaged database: offer the newest good backup; True once it has been restored."""
    from ..core.integrity import DamagedDatabase
    from ..core.restore import restore

    if not isinstance(exc, DamagedDatabase) or not exc.good_backups:
        return False
    newest = exc.good_backups[0]
    answer = QMessageBox.question(
        None, TITLE, f"{exc.message}\n\nKhôi phục ngay từ bản sao lưu “{newest.name}”? "
        "Dữ liệu hỏng được giữ lại bên cạnh, không bị xóa.")
    if answer != QMessageBox.Yes:
        return False
    try:
        restore(exc.db_path, newest)
    except UserError as failed:
        QMessageBox.critical(None, TITLE, failed.message)
        return False
    return True


def run(argv: list[str]) -> int:
    args, qt_args = parse_args(argv)
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    from ..core.logs import setup_logging

    setup_logging()
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    crash.install()
    session = Session(args.db)
    lock = None
    try:
        if not args.screenshots:
            from ..core.lock import acquire

            lock = acquire(session.db_path, "window")
            _start_chores(session)
        if args.screenshots:
            mode = get_mode(session.db) or Mode(OFFICE)  # never a question in this mode
        else:
            mode = first_start_mode(session)
        window = build_main_window(session, start_period(session, args), mode,
                                   remember=not args.screenshots)
    except UserError as exc:
        session.close()
        if lock is not None:
            lock.release()
        if offer_restore(exc):
            return run(argv)
        QMessageBox.critical(None, TITLE, exc.message)
        return 1
    except Exception:  # noqa: BLE001 - a windowed program has no console: say it, log it
        crash.excepthook(*sys.exc_info())
        return 1
    try:
        if args.screenshots:
            for path in save_screenshots(window, args.screenshots):
                print(path)
            window.close()
            return 0
        window.show()
        return app.exec()
    finally:
        session.close()
        if lock is not None:
            lock.release()
