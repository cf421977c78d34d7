"""The log file: in the data folder, rotating, and never a reason to fail."""

import logging

from bachthong_desktop.core.backup import backup_now
from bachthong_desktop.core.logs import setup_logging


def test_the_log_file_is_in_the_data_folder_and_records_backups(demo_session, tmp_path,
                                                                monkeypatch):
    monkeypatch.setenv("BACHTHONG_DATA_DIR", str(tmp_path / "data"))
    path = setup_logging()
    try:
        assert path == tmp_path / "data" / "logs" / "bachthong.log"
        backup_now(demo_session, "start")
        text = path.read_text(encoding="utf-8")
        assert "start bachthong" in text and "backup" in text
    finally:
        _remove_handlers()


def test_an_unwritable_log_folder_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert setup_logging(folder=blocker / "logs") is None


def _remove_handlers():
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_bachthong", False):
            root.removeHandler(handler)
            handler.close()


def test_a_large_log_is_rotated_when_a_program_starts(tmp_path):
    log = tmp_path / "bachthong.log"
    log.write_text("cũ\n" * 400_000, encoding="utf-8")
    (tmp_path / "bachthong.log.1").write_text("cũ hơn\n", encoding="utf-8")
    try:
        assert setup_logging(folder=tmp_path) == log
        logging.getLogger("test").info("mới")
    finally:
        _remove_handlers()
    assert "mới" in log.read_text(encoding="utf-8") and log.stat().st_size < 1000
    assert (tmp_path / "bachthong.log.1").read_text(encoding="utf-8").startswith("cũ\n")
    assert (tmp_path / "bachthong.log.2").read_text(encoding="utf-8") == "cũ hơn\n"


def test_two_programs_share_one_log_past_its_size_under_windows_rules(tmp_path, windows_fs,
                                                                       capsys):
    """The window holds the log open; the command line starts and writes past 1 MB: no record
    is lost and no "--- Logging error ---" is printed (Windows refuses the renames)."""
    window = logging.FileHandler(tmp_path / "bachthong.log", encoding="utf-8")
    try:
        window.emit(logging.makeLogRecord({"msg": "cửa sổ " + "x" * 1_100_000}))
        assert setup_logging(folder=tmp_path) == tmp_path / "bachthong.log"
        for number in range(3000):
            logging.getLogger("cli").info("dòng %d %s", number, "y" * 400)
        window.emit(logging.makeLogRecord({"msg": "cửa sổ vẫn ghi"}))
    finally:
        _remove_handlers()
        window.close()
    text = (tmp_path / "bachthong.log").read_text(encoding="utf-8")
    assert "dòng 0 " in text and "dòng 2999 " in text and "cửa sổ vẫn ghi" in text
    assert "Logging error" not in capsys.readouterr().err
    assert windows_fs.refused  # Windows did refuse the rotation, and nothing was lost
