"""The office's safety tools in the Tệp menu: back up, restore, and the demo data beside."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QVBoxLayout)

from ..core.backup import backup_now, backups_dir
from ..core.backup_view import BackupSummary, backup_summaries, issued_lost
from ..core.errors import UserError
from .dialogs import ask

DEMO_SUFFIX = "-du-lieu-mau"


def back_up(window) -> Path | None:
    """Tệp > Sao lưu…: a copy of the data now, and where it went."""
    window.saver.flush()
    try:
        path = backup_now(window.session.db, "manual")
    except UserError as exc:
        QMessageBox.warning(window, "Sao lưu", exc.message)
        return None
    QMessageBox.information(window, "Sao lưu", f"Đã sao lưu dữ liệu vào tệp:\n{path}")
    return path


class RestoreDialog(QDialog):
    """The backups, newest first, each with its date and what it holds."""

    def __init__(self, summaries: list[BackupSummary], folder: Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Khôi phục dữ liệu từ bản sao lưu")
        self.resize(760, 420)
        column = QVBoxLayout(self)
        intro = QLabel(f"Chọn bản sao lưu cần khôi phục (thư mục {folder}). Dữ liệu hiện tại "
                       "được sao lưu trước, nên việc khôi phục có thể làm lại.")
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for summary in summaries:
            item = QListWidgetItem(summary.label)
            item.setData(Qt.ItemDataRole.UserRole, summary)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda item: self.accept())
        column.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Khôi phục bản này")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def chosen(self) -> BackupSummary | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


def restore_from(window, summary: BackupSummary) -> bool:
    """Restore one backup: ask about issued versions it lacks; close, restore, reopen."""
    from ..core.restore import restore
    from ..core.session import Session

    lost = issued_lost(window.session.db_path, summary)
    if lost and not ask(window, "Khôi phục sẽ mất bản đã phát hành",
                        "Bản sao lưu này không có các bản đã phát hành sau:\n"
                        + "\n".join(f"• {ref.label}" for ref in lost)
                        + "\nKhôi phục thì các bản này bị bỏ (vẫn còn trong bản sao lưu của "
                          "dữ liệu hiện tại). Vẫn khôi phục?",
                        "Vẫn khôi phục", "Không khôi phục"):
        return False
    db_path = window.session.db_path
    window.saver.flush()
    window.session.close()  # the window's own connection, so the file can be replaced
    try:
        before = restore(db_path, summary.path)
    except UserError as exc:
        window.reopen(Session(db_path))
        QMessageBox.warning(window, "Khôi phục", exc.message)
        return False
    window.reopen(Session(db_path))
    QMessageBox.information(window, "Khôi phục",
                            f"Đã khôi phục dữ liệu của bản sao lưu {summary.path.name}. "
                            f"Dữ liệu trước khi khôi phục được giữ trong {before}.")
    return True


def choose_and_restore(window) -> bool:
    """Tệp > Khôi phục…"""
    if not window.leave_unreadable("Khôi phục"):
        return False
    summaries = backup_summaries(window.session.db_path)
    if not summaries:
        QMessageBox.information(window, "Khôi phục", "Chưa có bản sao lưu nào của dữ liệu này.")
        return False
    dialog = RestoreDialog(summaries, backups_dir(window.session.db_path), window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return False
    return restore_from(window, dialog.chosen())


def demo_path(db_path: Path) -> Path:
    """The demo's own file, beside the real data (never the real data itself); the demo's own."""
    from ..core.paths import names_ignore_case

    stem = db_path.stem.lower() if names_ignore_case() else db_path.stem
    if stem.endswith(DEMO_SUFFIX):
        return db_path
    return db_path.with_name(f"{db_path.stem}{DEMO_SUFFIX}{db_path.suffix}")


def open_demo(window):
    """Tệp > Mở dữ liệu mẫu…: the demo made afresh in its own file, in a second window.

    A window already on the demo file is brought to the front instead: Windows refuses to
    delete a database a connection holds (WinError 32).
    """
    path = demo_path(Path(window.session.db_path))
    shown = window_on(path)
    if shown is None:
        shown = _new_demo_window(window, path)
    else:
        shown.showNormal()
        shown.raise_()
        shown.activateWindow()
    if shown is not None:
        window.demo_window = shown
    return shown


def window_on(path: Path):
    """The open main window whose database is the file `path`, if any."""
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        session = getattr(widget, "session", None)
        if getattr(widget, "is_open", False) and widget.isVisible() and session is not None \
                and same_file(Path(session.db_path), path):
            return widget
    return None


def same_file(one: Path, other: Path) -> bool:
    """Two names of one file (on Windows, names differing only in case are one file)."""
    import os

    return os.path.normcase(os.path.abspath(one)) == os.path.normcase(os.path.abspath(other))


def _new_demo_window(window, path: Path):
    from ..core.demo import DEMO_PERIOD
    from ..core.session import Session
    from ..exchange.demo_returns import load_demo

    try:
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + extra).unlink(missing_ok=True)
    except OSError:  # another program (a second copy of this one) has the demo open
        QMessageBox.warning(window, "Dữ liệu mẫu",
                            f"Tệp dữ liệu mẫu “{path}” đang được mở trong một cửa sổ chương "
                            "trình khác. Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại dữ liệu mẫu.")
        return None
    session = Session(path)
    load_demo(session.store)
    demo = type(window)(session, DEMO_PERIOD, remember=False)  # the window's own class: no import upward
    demo.own_session = True
    demo.setWindowTitle(f"DỮ LIỆU MẪU (không phải số liệu thật) – {demo.windowTitle()}")
    demo.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    demo.show()
    return demo


def file_tools(commune: bool) -> list[tuple[str, object]]:
    """The Tệp menu's tools, in order (one more is one more line here)."""
    tools = [("Sao &lưu…", back_up), ("&Khôi phục…", choose_and_restore)]
    return tools if commune else [*tools, ("Mở &dữ liệu mẫu…", open_demo)]
