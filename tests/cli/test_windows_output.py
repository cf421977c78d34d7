"""The command line as Windows runs it: a pipe in code page 1258, no console at all, a report
still open in Word."""

import os
import subprocess
import sys
import unicodedata

import pytest

from bachthong_desktop.cli import main


@pytest.fixture
def demo_db(demo_session):
    demo_session.close()
    return demo_session.db_path


def run_child(db_path, *args, encoding="cp1258"):
    return subprocess.run([sys.executable, "-m", "bachthong_desktop.cli", "--db", str(db_path),
                           *args], capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": encoding})


def test_output_and_errors_through_a_cp1258_pipe_are_whole_vietnamese(demo_db):
    done = run_child(demo_db, "units")
    assert done.returncode == 0
    assert "Xã Sĩ Bình" in unicodedata.normalize("NFC", done.stdout.decode("cp1258"))
    done = run_child(demo_db, "show", "--period", "2023-H9")
    err = unicodedata.normalize("NFC", done.stderr.decode("cp1258"))
    assert done.returncode in (1, 2) and err.startswith("Lỗi") and "Traceback" not in err


def test_no_console_at_all_is_no_error(demo_db, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--db", str(demo_db), "backup"]) == 0
    assert main(["--db", str(demo_db), "report", "--period", "2023-H1", "-o",
                 str(tmp_path / "khong-co" / "x.docx")]) == 1


def test_a_report_still_open_in_word_is_one_sentence(demo_db, tmp_path, windows_fs, capsys):
    target = tmp_path / "bao-cao.docx"
    assert main(["--db", str(demo_db), "report", "--period", "2023-H1", "-o", str(target)]) == 0
    before = target.read_bytes()
    windows_fs.open_in_word(target)
    capsys.readouterr()
    assert main(["--db", str(demo_db), "report", "--period", "2023-H1", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "Nếu tệp đang mở trong Word" in err and "Traceback" not in err
    assert target.read_bytes() == before
