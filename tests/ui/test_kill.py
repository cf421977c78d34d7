"""An edit survives the process being killed right after it was typed."""

import os
import subprocess
import sys
import textwrap

from bachthong_desktop.core.session import Session

CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {helpers!r})
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    from bachthong_desktop.core.session import Session
    from bachthong_desktop.ui.app import build_main_window
    from ui_helpers import editor_of, type_text

    app = QApplication([])
    window = build_main_window(Session({db!r}), "2023-H1")
    window.show()
    type_text(editor_of(window, "general_situation").main, "Tình hình ổn định, Sĩ Bình")
    type_text(editor_of(window, "local_news").main, "1.086")
    QTest.qWait({wait})  # past the debounce: nothing else, no close, no Ctrl+S
    print("typed", flush=True)
    time.sleep(60)  # killed meanwhile, by Popen.kill(): SIGKILL here, TerminateProcess on Windows
""")


def test_an_edit_survives_a_kill_right_after_the_debounce(db_path, tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(helpers=os.path.dirname(__file__), db=str(db_path), wait=700),
                      encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert child.stdout.readline().strip() == "typed", child.stderr.read()
    finally:
        child.kill()
        child.communicate(timeout=60)
    assert child.returncode != 0
    session = Session(db_path)
    try:
        office = session.office.code
        assert session.store.get("2023-H1", office, "general_situation") == \
            "Tình hình ổn định, Sĩ Bình"
        assert session.store.get("2023-H1", office, "local_news") == 1086
        assert session.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        session.close()
