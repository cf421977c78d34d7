"""Opening the window on a damaged database offers the newest good backup, then opens on it."""

import pytest
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


@pytest.fixture
def answer_boxes(qtbot):
    """Answer every real message box that appears while the test runs: its text goes into the
    list returned, then the question gets "Không" and any other box its only button."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    said = []

    def look():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and box.text() not in said:
            said.append(box.text())
            box.button(QMessageBox.No if box.button(QMessageBox.No) else QMessageBox.Ok).click()
    watcher = QTimer()
    watcher.timeout.connect(look)
    watcher.start(20)
    yield said
    watcher.stop()  # never answer the boxes of a later test


def test_the_window_says_what_to_do_in_the_window_never_a_command(qtbot, tmp_path, answer_boxes):
    path = tmp_path / "ttdn.sqlite3"
    damaged_db_with_backup(path)
    said = answer_boxes
    assert app.run(["--db", str(path), "--screenshots", str(tmp_path / "s")]) == 1
    question, refusal = said
    for text in said:
        assert "bị hỏng" in text and "Bản sao lưu tốt gần nhất" in text
        assert "restore" not in text and "lệnh" not in text and "--db" not in text
    assert "Khôi phục ngay từ bản sao lưu" in question
    assert "lần sau mở chương trình" in refusal


def test_without_a_good_backup_the_window_says_where_to_put_one(qtbot, tmp_path, answer_boxes):
    path = tmp_path / "ttdn.sqlite3"
    damaged_db_with_backup(path)
    for backup in (tmp_path / "backups").iterdir():
        backup.unlink()
    said = answer_boxes
    assert app.run(["--db", str(path), "--screenshots", str(tmp_path / "s")]) == 1
    assert len(said) == 1
    assert "không có bản sao lưu tốt nào" in said[0] and "chép tệp đó vào thư mục" in said[0]
    assert "restore" not in said[0] and "lệnh" not in said[0]


def test_a_damaged_database_met_while_the_window_runs_is_worded_for_the_window(qtbot, tmp_path,
                                                                             answer_boxes):
    from bachthong_desktop.core.integrity import DamagedDatabase
    from bachthong_desktop.core.restore import with_good_backups
    from bachthong_desktop.ui import crash

    path = tmp_path / "ttdn.sqlite3"
    damaged_db_with_backup(path)
    error = with_good_backups(DamagedDatabase(path))
    assert "restore" in error.message  # the command line's wording keeps its command
    said = answer_boxes
    crash.excepthook(type(error), error, None)
    assert len(said) == 1 and "bị hỏng" in said[0] and "restore" not in said[0]
