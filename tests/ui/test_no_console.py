"""The windowed program (bachthong-desktop.exe) has no console: sys.stdout and sys.stderr are
None. What it would print is shown in a box; its icon is set on every window."""

import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from bachthong_desktop.ui import app


def no_console(monkeypatch):
    """Inside the test itself: pytest sets its own capture streams again when a test starts."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(("warning", a[2])))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(("info", a[2])))
    return shown


def test_a_wrong_option_is_shown_in_a_box(qapp, monkeypatch, boxes):
    no_console(monkeypatch)
    with pytest.raises(SystemExit) as caught:
        app.parse_args(["--period"])
    assert caught.value.code == 2
    assert len(boxes) == 1 and boxes[0][0] == "warning"
    assert "Lỗi cách dùng" in boxes[0][1] and "--period" in boxes[0][1]
    assert "bachthong-desktop --help" in boxes[0][1]


def test_help_is_shown_in_a_box(qapp, monkeypatch, boxes):
    no_console(monkeypatch)
    with pytest.raises(SystemExit) as caught:
        app.run(["--help"])
    assert caught.value.code == 0
    assert boxes[0][0] == "info" and "Cách dùng: bachthong-desktop" in boxes[0][1]


def test_with_a_console_errors_go_to_stderr(qapp, boxes, capsys):
    with pytest.raises(SystemExit):
        app.parse_args(["--db"])
    assert "Lỗi cách dùng" in capsys.readouterr().err and boxes == []


def test_the_window_has_the_program_icon(qtbot, demo_db, tmp_path):
    assert app.run(["--db", str(demo_db), "--screenshots", str(tmp_path / "s")]) == 0
    icon = QApplication.instance().windowIcon()
    sizes = [s.width() for s in icon.availableSizes()]
    assert not icon.isNull() and max(sizes) >= 256 and 16 in sizes  # crisp in the title bar too
