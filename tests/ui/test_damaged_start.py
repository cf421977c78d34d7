"""Opening the window on a damaged database offers the newest good backup, then opens on it."""

from PySide6.QtWidgets import QMessageBox

from bachthong_desktop.core.backup import backup_now
from bachthong_desktop.core.commune_mode import OFFICE, Mode, set_mode
from bachthong_desktop.exchange.demo_returns import load_demo
from bachthong_desktop.core.session import Session
from bachthong_desktop.ui import app

from core.test_integrity import corrupt


def damaged_db_with_backup(path):
    session = Session(path)
    load_demo(session.store)
    set_mode(session.db, Mode(OFFICE))
    backup_now(session, "manual")
    session.close()
    corrupt(path, 3)


def test_yes_restores_and_opens_the_window(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "ttdn.sqlite3"
    damaged_db_with_backup(path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: asked.append(("critical", a[2])))
    shots = tmp_path / "shots"
    assert app.run(["--db", str(path), "--period", "2023-H1", "--screenshots", str(shots)]) == 0
    assert "Khôi phục ngay từ bản sao lưu" in asked[0] and len(asked) == 1
    restored = Session(path)
    assert restored.compile("2023-H1")["rebuttal_turns"].value == 1086
    restored.close()


def test_no_keeps_the_file_and_explains(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "ttdn.sqlite3"
    damaged_db_with_backup(path)
    before = path.read_bytes()
    said = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.No)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: said.append(a[2]))
    assert app.run(["--db", str(path), "--screenshots", str(tmp_path / "s")]) == 1
    assert "bị hỏng" in said[0]
    assert path.read_bytes() == before
