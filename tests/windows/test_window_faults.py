"""Windows faults of the window (issue 22), with the Windows Qt: the demo opened twice, the
window's icon without Qt's image plugins, a drop that brings no file, the self-test on the
real windows platform (qwindows.dll, under the script's virtual display).

Not here, for the first real Windows PC: an attachment dragged out of a real Outlook (this
drop is built as Outlook builds it: FileGroupDescriptorW and FileContents, no file)."""

import os
import struct
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from bachthong_desktop.core.session import Session
from bachthong_desktop.ui.drops import WINDOWS_MIME, descriptor_names
from bachthong_desktop.ui.office_tools import demo_path, open_demo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, db_path):
    from bachthong_desktop.ui.app import build_main_window

    session = Session(db_path)
    shown = build_main_window(session, "2023-H1", remember=False)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()
    session.close()


@pytest.fixture
def said(monkeypatch):
    """The texts of the message boxes shown (none is left open on the screen)."""
    texts = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a: texts.append(text))
    return texts


def test_the_demo_opened_twice_brings_back_its_window_instead_of_deleting_its_file(window,
                                                                                   said):
    first = open_demo(window)  # Tệp > Mở dữ liệu mẫu…
    try:
        again = open_demo(window)  # the second time once deleted the file `first` holds open
        assert again is first and not said
        assert first.session.store.values("2023-H1", "063")
        with pytest.raises(PermissionError):  # the rule the demo runs into, on this system
            os.unlink(demo_path(Path(window.session.db_path)))
    finally:
        first.close()
    fresh = open_demo(window)  # closed, its file is free: made afresh
    try:
        assert fresh is not first and fresh.session.store.values("2023-H1", "063")
    finally:
        fresh.close()


def test_a_demo_file_another_program_holds_is_one_sentence(window, said):
    path = demo_path(Path(window.session.db_path))
    path.write_bytes(b"")
    handle = open(path, "rb")  # a second copy of the program has it open
    try:
        assert open_demo(window) is None
    finally:
        handle.close()
    assert len(said) == 1 and "đang được mở trong một cửa sổ chương trình khác" in said[0]


def descriptor(*names: str) -> bytes:
    """FILEGROUPDESCRIPTORW as Outlook writes it: a count, then 592 bytes per attachment."""
    records = b""
    for name in names:
        raw = name.encode("utf-16-le")
        records += b"\x41\x00\x00\x00" + b"\0" * 68 + raw + b"\0" * (520 - len(raw))
    return struct.pack("<I", len(names)) + records


def test_an_outlook_attachment_dropped_says_to_save_it_to_a_folder_first(window, said):
    mime = QMimeData()
    mime.setData(WINDOWS_MIME.format("FileGroupDescriptorW"),
                 QByteArray(descriptor("Báo cáo xã Sĩ Bình 6 tháng.xlsx")))
    mime.setData(WINDOWS_MIME.format("FileContents"), QByteArray(b"PK\x03\x04"))
    assert not mime.hasUrls()  # no path at all: a virtual file
    enter = QDragEnterEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPoint(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert len(said) == 1 and "“Báo cáo xã Sĩ Bình 6 tháng.xlsx” chưa phải là tệp" in said[0]
    assert "Hãy lưu tệp đính kèm vào một thư mục trước" in said[0]


def test_an_ansi_descriptor_is_read_in_the_ansi_code_page():
    raw = "bao cao.xlsx".encode("mbcs")
    data = struct.pack("<I", 1) + b"\0" * 72 + raw + b"\0" * (260 - len(raw))
    assert descriptor_names(data, 260, "mbcs") == ["bao cao.xlsx"]


ICON_WITHOUT_PLUGINS = """
from PySide6.QtCore import QCoreApplication
QCoreApplication.setLibraryPaths([])  # no imageformats\\ (qico.dll): as in the bundle
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
from bachthong_desktop.core.paths import resources_dir
from bachthong_desktop.ui.app import set_window_icon
set_window_icon(app)
widget = QWidget()
icon = widget.windowIcon()
print(QIcon(str(resources_dir() / "icons" / "app.ico")).isNull(), icon.isNull(),
      sorted(s.width() for s in icon.availableSizes()), app.platformName())
"""


def test_the_window_icon_is_not_blank_without_qts_image_plugins():
    platforms = Path(PySide6.__file__).parent / "plugins" / "platforms"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "QT_QPA_PLATFORM_PLUGIN_PATH": str(platforms)}
    done = subprocess.run([sys.executable, "-c", ICON_WITHOUT_PLUGINS], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    ico_blank, icon_blank, sizes = done.stdout.split(" ", 2)[:2] + [done.stdout]
    assert ico_blank == "True"  # QIcon("app.ico") is empty here: the old blank title bar
    assert icon_blank == "False" and "[16, 24, 32, 48, 64, 128, 256]" in sizes


def test_the_self_test_runs_the_window_on_the_real_windows_platform(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(BACHTHONG_DATA_DIR=str(tmp_path), PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-m", "bachthong_desktop.cli", "self-test"],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert "ĐẠT   cửa sổ chính: nền tảng Qt “windows”" in done.stdout
    assert "ĐẠT   biểu tượng của cửa sổ: 16, 24, 32, 48, 64, 128, 256 điểm ảnh" in done.stdout
    assert done.stdout.rstrip().endswith("Kết quả: ĐẠT")
