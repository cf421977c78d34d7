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
