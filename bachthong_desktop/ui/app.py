"""Start the Qt application and show the main window (or only take its pictures)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.commune_mode import OFFICE, Mode, get_mode
from ..core.errors import UserError
from ..core.logs import setup_logging
from ..core.text import slug
from . import TITLE, crash
from .language import install_vietnamese
from .window_parser import WindowParser


def build_main_window(session, period_id: str, mode: Mode | None = None,
                      remember: bool = True):
    """The main window, built but not shown (tests, benchmarks, screenshots).

    `remember=False` leaves the window size and last period settings untouched.
    """
    from .main_window import MainWindow

    mode = mode or get_mode(session.db) or Mode(OFFICE)
    return MainWindow(session, period_id, mode, remember)



def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The window's options; without a console (the windowed .exe) errors show in a box."""
    parser = WindowParser(
        prog="bachthong-desktop",
        description="Mở cửa sổ lập báo cáo công tác thông tin đối ngoại.")
    parser.add_argument("--db", metavar="TỆP", help="tệp cơ sở dữ liệu")
    parser.add_argument("--period", metavar="KỲ", help="kỳ báo cáo, ví dụ 2023-H1")
    parser.add_argument("--screenshots", metavar="THƯ_MỤC",
                        help="lưu ảnh từng thẻ và các hộp thoại vào THƯ_MỤC rồi thoát")
    parser.add_argument("--screen", metavar="RỘNGxCAO", default="1366x768",
                        help="cỡ màn hình cho ảnh chụp (mặc định 1366x768)")
    parser.add_argument("--self-test", action="store_true",
                        help="tự kiểm tra trên dữ liệu mẫu tạm (Word, PDF, cửa sổ) rồi thoát")
    return parser.parse_known_args(argv)


def screen_size(text: str) -> tuple[int, int]:
    """"1366x768" -> (1366, 768); a UserError in Vietnamese otherwise."""
    width, sep, height = text.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit() and int(width) >= 640
            and int(height) >= 480):
        raise UserError(f"Cỡ màn hình “{text}” không đọc được. Hãy ghi RỘNGxCAO, ví dụ 1366x768.")
    return int(width), int(height)


def save_screenshots(window, folder: str | Path, screen: tuple[int, int] = (1366, 768)
                     ) -> list[Path]:
    """A PNG of every tab (and of the dialogs a clerk meets), no larger than `screen`."""
    from .main_window import FRAME_ALLOWANCE
    from .screenshots import save_dialogs

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    window.resize(screen[0] - FRAME_ALLOWANCE[0], screen[1] - FRAME_ALLOWANCE[1])
    window.show()
    saved = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        path = folder / f"{index + 1:02d}-{slug(window.tabs.tabText(index))}.png"
        window.grab().save(str(path))
        saved.append(path)
    return saved + save_dialogs(window, folder, screen)


def take_screenshots(args) -> int:
    """`--screenshots DIR`: open on the database as it is (never a question), save, exit."""
    from ..core.session import Session
    from ..core.integrity import window_words
    from .start import offer_restore, quiet_period

    while True:
        session = Session(args.db)
        try:
            mode = get_mode(session.db) or Mode(OFFICE)
            window = build_main_window(session, quiet_period(session, args), mode,
                                       remember=False)
            for path in save_screenshots(window, args.screenshots, screen_size(args.screen)):
                print(path)
            window.close()
            return 0
        except UserError as exc:
            if offer_restore(exc):
                continue
            QMessageBox.critical(None, TITLE, window_words(exc))
            return 1
        finally:
            session.close()


def set_window_icon(app) -> None:
    """The program's icon on every window and in the taskbar (Windows shows Python's otherwise)."""
    from .icon import program_icon

    app.setWindowIcon(program_icon())
    if sys.platform == "win32":  # group under our icon in the taskbar, not python.exe's
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("BachThong.TTDN")


def run(argv: list[str]) -> int:
    args, qt_args = parse_args(argv)
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    set_window_icon(app)
    install_vietnamese(app)  # the report's font is added by the first page drawn (qt_document)
    crash.install()
    if args.screenshots:
        setup_logging()
        return take_screenshots(args)
    try:
        from .start import Start

        start = Start(args)  # the frame on the screen; logging starts once it is painted
    except Exception:  # noqa: BLE001 - a windowed program has no console: say it, log it
        setup_logging()
        crash.excepthook(*sys.exc_info())
        return 1
    try:
        return app.exec()
    finally:
        start.close()
