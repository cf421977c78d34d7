"""One writer at a time: a second window is refused, the command line refuses writes, reads work."""

import os
import socket
import subprocess
import sys
import textwrap

import pytest

from bachthong_desktop.cli import main
from bachthong_desktop.core.backup import backup_now
from bachthong_desktop.core.lock import (CLI_REFUSAL, DatabaseInUse, acquire, holder, lock_path,
                                         read_holder, refuse_if_window_open)


@pytest.fixture
def window(db_path):
    """Another process holding the window's lock on db_path, as the window does."""
    script = textwrap.dedent(f"""
        import sys, time
        from bachthong_desktop.core.lock import acquire
        from bachthong_desktop.core.session import Session
        s = Session({str(db_path)!r}); s.db
        lock = acquire({str(db_path)!r}, app="window")
        print("ready", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    yield child
    if child.poll() is None:
        child.kill()
    child.wait()


def test_the_lock_names_its_holder_and_is_released(db_path):
    with acquire(db_path) as lock:
        found = read_holder(lock.path)
        assert (found.pid, found.host, found.app) == (os.getpid(), socket.gethostname(), "window")
        assert holder(db_path) is None  # our own lock is no obstacle to ourselves
    assert not lock_path(db_path).exists()


def test_a_second_window_is_refused_with_the_holder_named(window, db_path):
    with pytest.raises(DatabaseInUse) as caught:
        acquire(db_path)
    assert caught.value.holder.pid == window.pid
    assert "đang được mở trong một cửa sổ chương trình khác trên máy này" in caught.value.message
    assert f"tiến trình {window.pid}" in caught.value.message


def test_the_command_line_refuses_to_restore_while_the_window_is_open(window, db_path, capsys):
    from bachthong_desktop.core.session import Session

    s = Session(db_path)
    saved = backup_now(s, "manual")
    s.close()
    assert main(["--db", str(db_path), "restore", str(saved)]) == 1
    assert capsys.readouterr().err.strip() == f"Lỗi: {CLI_REFUSAL}"
    with pytest.raises(Exception, match="đóng cửa sổ rồi chạy lại lệnh"):
        refuse_if_window_open(db_path)


def test_the_command_line_reads_and_backs_up_while_the_window_is_open(window, db_path, capsys):
    assert main(["--db", str(db_path), "units"]) == 0
    assert main(["--db", str(db_path), "backup"]) == 0
    assert "Đã sao lưu" in capsys.readouterr().out


def test_the_lock_of_a_killed_window_is_taken_over(window, db_path):
    window.kill()  # SIGKILL here, TerminateProcess on Windows: no chance to clean up
    window.wait()
    assert lock_path(db_path).exists()  # left behind by the dead process
    assert holder(db_path) is None
    with acquire(db_path) as lock:
        assert read_holder(lock.path).pid == os.getpid()


def test_a_stale_lock_file_of_a_dead_process_is_taken_over(db_path):
    lock_path(db_path).write_text('{"pid": 999999, "host": "x", "app": "window", "since": "-"}')
    assert holder(db_path) is None
    with acquire(db_path) as lock:
        assert read_holder(lock.path).pid == os.getpid()


def test_writes_from_the_command_line_and_the_window_at_once_stay_sound(db_path, capsys):
    """Commands not refused (demo, import) write beside a window that is saving edits: SQLite's
    WAL mode and the atomic saves keep both complete."""
    import sqlite3

    script = textwrap.dedent(f"""
        from bachthong_desktop.core.lock import acquire
        from bachthong_desktop.core.session import Session
        s = Session({str(db_path)!r}); s.db
        lock = acquire({str(db_path)!r}, app="window")
        print("ready", flush=True)
        for n in range(1, 400):
            s.store.set_many("2023-H2", "063", {{"tv_news_programs": n, "music_programs": n}})
        print("done", flush=True)
    """)
    window = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert window.stdout.readline().strip() == "ready"
        assert main(["--db", str(db_path), "demo"]) == 0
        assert window.stdout.readline().strip() == "done"
    finally:
        window.kill()
        window.wait()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    units = conn.execute("select count(distinct unit_code) from report_values "
                         "where period = '2023-H1'").fetchone()[0]
    last = dict(conn.execute("select field, value from report_values where period = '2023-H2'"))
    conn.close()
    assert units == 15  # the demo data of the office and the 14 communes, all there
    assert last == {"tv_news_programs": "399", "music_programs": "399"}  # every save made
