"""A second window on a database that a window already has open: a clear message, no harm."""

import os
import subprocess
import sys
import textwrap

CLOSE_BOXES = """
import sys
sys.stdout.reconfigure(encoding="utf-8")  # the parent reads UTF-8, whatever the code page
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([sys.argv[0]])
def close_boxes():
    for widget in app.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            print("BOX:", widget.text(), flush=True)
            widget.done(0)
timer = QTimer()
timer.timeout.connect(close_boxes)
timer.start(50)
"""


def test_a_second_window_gets_a_message_and_exits(db_path):
    holder_script = textwrap.dedent(f"""
        import time
        from bachthong_desktop.core.lock import acquire
        lock = acquire({str(db_path)!r}, app="window")
        print("ready", flush=True)
        time.sleep(60)
    """)
    first = subprocess.Popen([sys.executable, "-c", holder_script], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert first.stdout.readline().strip() == "ready"
        second = CLOSE_BOXES + textwrap.dedent(f"""
            from bachthong_desktop.ui.app import run
            sys.exit(run(["--db", {str(db_path)!r}]))
        """)
        done = subprocess.run([sys.executable, "-c", second], capture_output=True, text=True,
                              encoding="utf-8", timeout=120,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        first.kill()
        first.wait()
    assert done.returncode == 1, done.stdout + done.stderr
    assert "đang được mở trong một cửa sổ chương trình khác trên máy này" in done.stdout
    assert f"tiến trình {first.pid}" in done.stdout
    assert "Traceback" not in done.stderr
