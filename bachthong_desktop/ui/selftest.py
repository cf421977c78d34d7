"""`bachthong-desktop --self-test`: the check after building or installing the program.

On a temporary database with the demo data: back it up, build the report as .docx and as PDF
and read them back, open the main window (on Windows on its real platform, qwindows) and the
user guide of Help, then exit 0
(1 when a step fails). Nothing
touches the user's data: the data folder is pointed at a temporary folder for the whole run.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
from pathlib import Path

from ..core import wording

log = logging.getLogger(__name__)


def run_self_test(argv: list[str] | None = None) -> int:
    """Run every step; print one line per step; 0 when all pass."""
    from ..core.console import setup_streams
    from ..core.logs import log_dir

    setup_streams()  # the windowed program's pipe too: not in the ANSI code page
    choose_platform(os.environ, sys.platform)
    logs = log_dir()  # the real log folder: a windowed build shows no output, the log does
    with tempfile.TemporaryDirectory(prefix="bachthong-selftest-") as folder:
        saved = os.environ.get("BACHTHONG_DATA_DIR")
        os.environ["BACHTHONG_DATA_DIR"] = folder
        try:
            return _run(Path(folder), logs)
        finally:
            if saved is None:
                os.environ.pop("BACHTHONG_DATA_DIR", None)
            else:
                os.environ["BACHTHONG_DATA_DIR"] = saved


def _run(folder: Path, logs: Path) -> int:
    from .. import __version__
    from ..core.logs import setup_logging

    if setup_logging(folder=logs) is None:
        setup_logging(folder=folder / "logs")
    _say(f"bachthong {__version__} tự kiểm tra (Python {sys.version.split()[0]}, {sys.platform})")
    state: dict = {"folder": folder}
    failed = 0
    for name, step in STEPS:
        try:
            detail = step(state)
            _say(f"  ĐẠT   {name}{': ' + detail if detail else ''}")
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none escapes
            failed += 1
            log.error("self-test step %s failed", name, exc_info=True)
            _say(f"  LỖI   {name}: {type(exc).__name__}: {exc}")
    session = state.get("session")
    if session is not None:
        session.close()
    _say("Kết quả: ĐẠT" if not failed else f"Kết quả: {failed} bước LỖI")
    return 0 if not failed else 1


def choose_platform(environ, platform: str) -> str | None:
    """Qt's real platform where the system always has one (Windows, macOS), else offscreen.

    On Windows the check is then that qwindows.dll loads; QT_QPA_PLATFORM set by the caller wins.
    """
    if platform not in ("win32", "darwin"):
        environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return environ.get("QT_QPA_PLATFORM")


def _database(state: dict) -> str:
    from ..core.demo import DEMO_PERIOD
    from ..exchange.demo_returns import load_demo
    from ..core.session import Session

    session = Session(state["folder"] / "selftest.sqlite3")
    state["session"], state["period"] = session, DEMO_PERIOD
    changed = load_demo(session.store)
    values = wording.number(sum(changed.values()))
    return f"{values} giá trị mẫu của {wording.number(len(changed))} đơn vị"


def _catalog(state: dict) -> str:
    """The national catalog's data file is there (the built program carries it in resources/)."""
    from ..core import catalog

    units = catalog.all_units()
    provinces = sum(u.is_province for u in units)
    communes = wording.number(len(units) - provinces)
    return f"{wording.number(provinces)} tỉnh, thành phố; {communes} xã, phường, đặc khu"


def _backup(state: dict) -> str:
    import sqlite3

    from ..core.backup import backup_now

    target = backup_now(state["session"], "start")
    conn = sqlite3.connect(target)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if result != "ok":
        raise RuntimeError(f"bản sao lưu không toàn vẹn: {result}")
    return target.name


def _document(state: dict) -> str:
    from ..exchange.document import document_for

    state["doc"] = document_for(state["session"], state["period"])
    return state["doc"].trich_yeu


def _docx(state: dict) -> str:
    import docx

    from ..exchange.docx_writer import write_docx

    path = state["folder"] / "bao-cao.docx"
    write_docx(state["doc"], path)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if "BÁO CÁO" not in text:
        raise RuntimeError("tệp .docx không có dòng “BÁO CÁO”")
    return f"{path.stat().st_size // 1024} KB"


def _pdf(state: dict) -> str:
    from .printing import ensure_app, write_pdf

    ensure_app()  # a QApplication, not the PDF's QGuiApplication: the window check follows
    path = state["folder"] / "bao-cao.pdf"
    write_pdf(state["doc"], path)
    data = path.read_bytes()
    pages = pdf_page_count(data)
    if not data.startswith(b"%PDF") or pages < 1:
        raise RuntimeError("tệp PDF không hợp lệ")
    return f"{wording.number(pages)} trang, {wording.number(len(data) // 1024)} KB"


def _window(state: dict) -> str:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bachthong"])
    window = open_main_window(state["session"], state["period"])
    window.show()
    app.processEvents()
    image = window.grab()
    tabs = tab_count(window)
    broken = _broken_tabs(window)
    window.close()
    app.processEvents()
    if image.isNull() or image.width() < 200:
        raise RuntimeError("cửa sổ không vẽ được")
    if broken:
        raise RuntimeError(f"không mở được thẻ {', '.join(broken)} (chi tiết trong tệp nhật ký)")
    return f"nền tảng Qt “{app.platformName()}”, {image.width()}x{image.height()}, {tabs} thẻ"


def _icon(state: dict) -> str:
    """The title bar's and taskbar's icon loads (a blank one there is a missing file or plugin)."""
    from PySide6.QtWidgets import QApplication

    from .icon import program_icon

    QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bachthong"])
    icon = program_icon()
    sizes = sorted(s.width() for s in icon.availableSizes())
    if icon.isNull() or not sizes or icon.pixmap(32, 32).isNull():
        raise RuntimeError("biểu tượng của chương trình không nạp được (thiếu tệp trong icons/)")
    return ", ".join(f"{w}" for w in sizes) + " điểm ảnh"


def _guide(state: dict) -> str:
    """Help opens the user guide with its pictures (the bundle must carry docs/)."""
    from PySide6.QtWidgets import QApplication

    from .dialogs import guide_path, show_guide

    QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bachthong"])
    path = guide_path()
    if not path.is_file():
        raise RuntimeError(f"thiếu tệp hướng dẫn {path}")
    dialog = show_guide()
    text = dialog.browser.toPlainText()
    dialog.close()
    if "Không tìm thấy" in text or "Hướng dẫn sử dụng" not in text:
        raise RuntimeError(f"cửa sổ Trợ giúp không hiện được hướng dẫn {path}")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)\s]+)", path.read_text(encoding="utf-8"))
    missing = [p for p in pictures if not (path.parent / p).is_file()]
    if missing:
        raise RuntimeError(f"thiếu {wording.number(len(missing))} hình của hướng dẫn, ví dụ {missing[0]}")
    return f"{path.name}, {wording.number(len(pictures))} hình"


def _broken_tabs(window) -> list[str]:
    """The tabs built by other parts (returns, preview) that show the "cannot open" text."""
    from .embedded import is_real

    holders = [h for h in (window.returns_holder, window.preview_holder) if h is not None]
    return [f"“{window.tabs.tabText(window.tabs.indexOf(h))}”" for h in holders
            if not is_real(h.ensure_built())]


def open_main_window(session, period: str):
    """The main window on an open session and period (not shown yet)."""
    from ..core.commune_mode import OFFICE, Mode, get_mode
    from .main_window import MainWindow  # the window itself: the self-test needs not ui/app

    return MainWindow(session, period, get_mode(session.db) or Mode(OFFICE), remember=False)


def tab_count(window) -> int:
    from PySide6.QtWidgets import QTabWidget

    tabs = window.findChildren(QTabWidget)
    return max((t.count() for t in tabs), default=0)


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF by its page objects (enough for our own files)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def _say(line: str) -> None:
    from ..core.console import say

    log.info(line)
    say(line)  # in the pipe's code page (cp1258 on a Vietnamese Windows); none without console


def _vietnamese(state: dict) -> str:
    """Qt's own dialogs in Vietnamese: the program's translation file loads and is used."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .language import install_vietnamese, translation_file

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bachthong"])
    locale = QLocale()
    translator = install_vietnamese(app)
    if translator is None:
        raise RuntimeError(f"không nạp được tệp dịch {translation_file()}")
    box = QMessageBox(QMessageBox.Question, "", "", QMessageBox.Yes | QMessageBox.No)
    yes = box.button(QMessageBox.Yes).text().replace("&", "")
    app.removeTranslator(translator)  # a check only: leave the application as it was
    QLocale.setDefault(locale)
    if yes != "Có":
        raise RuntimeError(f"nút Yes vẫn ghi “{yes}”")
    return f"{translation_file().name}, nút “{yes}”"


STEPS = [
    ("cơ sở dữ liệu và dữ liệu mẫu", _database),
    ("danh mục đơn vị hành chính", _catalog),
    ("sao lưu bằng SQLite backup API", _backup),
    ("nội dung báo cáo", _document),
    ("tệp Word (.docx)", _docx),
    ("tệp PDF", _pdf),
    ("cửa sổ chính", _window),
    ("biểu tượng của cửa sổ", _icon),
    ("hướng dẫn sử dụng (Trợ giúp)", _guide),
    ("tiếng Việt trong hộp thoại của Qt", _vietnamese),
]

if __name__ == "__main__":
    sys.exit(run_self_test())
