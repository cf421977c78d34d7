"""The real program: first start asks office or commune once, then opens the right window."""

import os
import subprocess
import sys
import textwrap

from bachthong_desktop.core.commune_mode import COMMUNE, Mode, get_mode
from bachthong_desktop.core.session import Session

CHILD = textwrap.dedent("""
    import sys
    sys.stdout.reconfigure(encoding="utf-8")  # the parent reads UTF-8, whatever the code page
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])
    from bachthong_desktop.ui.app import run
    from bachthong_desktop.ui.dialogs import ModeDialog
    from bachthong_desktop.ui.main_window import MainWindow

    def step():
        for widget in app.topLevelWidgets():
            if isinstance(widget, ModeDialog) and widget.isVisible():
                print("ASKED", flush=True)
                widget.commune.setChecked(True)
                widget.units.setCurrentIndex(widget.units.findData("01969"))
                widget.accept()
            elif isinstance(widget, MainWindow) and widget.is_open and widget.isVisible():
                print("WINDOW", widget.windowTitle(), widget.tabs.count(), flush=True)
                widget.close()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(50)
    sys.exit(run(["--db", {db!r}, "--period", "2023-H1"]))
""")


def run_window(db_path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILD.format(db=str(db_path))],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_first_start_asks_once_and_commune_mode_sticks(db_path):
    first = run_window(db_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "ASKED" in first.stdout
    assert "WINDOW Báo cáo công tác thông tin đối ngoại – Thị trấn Phủ Thông 4" in first.stdout

    second = run_window(db_path)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "ASKED" not in second.stdout and "Thị trấn Phủ Thông" in second.stdout
    session = Session(db_path)
    try:
        assert get_mode(session.db) == Mode(COMMUNE, "01969")
    finally:
        session.close()
