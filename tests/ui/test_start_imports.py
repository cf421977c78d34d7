"""What the window leaves unloaded until a clerk asks for it: the office window (catalog and
all) and openpyxl, whose imports used to hold up the start and the returns tab's first click."""

import json
import os
import subprocess
import sys

CODE = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from bachthong_desktop.core.session import Session
from bachthong_desktop.ui.app import build_main_window
window = build_main_window(Session(sys.argv[1]), "2023-H1", remember=False)
window.show(); app.processEvents()
started = sorted(m for m in ("openpyxl", "bachthong_desktop.ui.office_dialog") if m in sys.modules)
window.tabs.setCurrentWidget(window.returns_holder); app.processEvents()
board = window.returns_tab.board_table
shown = [board.item(row, 2).text() for row in range(board.rowCount())]
print(json.dumps({"at start": started, "openpyxl with the tab": "openpyxl" in sys.modules,
                  "board": shown}))
window.close()
"""


def test_the_start_and_the_returns_tab_load_neither_the_office_window_nor_openpyxl(demo_db, tmp_path):
    done = subprocess.run([sys.executable, "-c", CODE, str(demo_db)], capture_output=True,
                          text=True, check=True, cwd=tmp_path,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["at start"] == [] and not found["openpyxl with the tab"]
    assert found["board"] == ["Đã nhận"] * 14  # the board itself is all there
