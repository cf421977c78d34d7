"""Contract 10: imports at once, restore during an import, a full disk, a read-only database,
and the WAL folded back after a batch."""

import shutil
import sqlite3
import subprocess
import sys

import pytest
from field_files import set_saved_time
from xlsx_fixtures import VALUES, save, workbook

from bachthong_desktop.core.backup import backup_now
from bachthong_desktop.core.demo import demo_returns
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.import_marker import importing, restoring
from bachthong_desktop.core.restore import restore
from bachthong_desktop.exchange.importer import import_files, summary_lines

P = "2023-H1"


def _cli(db, *args):
    return subprocess.Popen([sys.executable, "-m", "bachthong_desktop.cli", "--db", str(db),
                             *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_two_imports_at_once_both_finish_with_right_versions(session, tmp_path):
    folders = []
    for i, turns in enumerate((10, 20, 30, 40)):
        folder = tmp_path / f"in{i}"
        folder.mkdir()
        wb = workbook(session, "01993", values={**VALUES, "rebuttal_turns": turns})
        set_saved_time(save(wb, folder, f"tan-tu-{i}.xlsx"), None)
        for unit in ("01975", "01978", "01981"):  # more work in the same batch
            wb = workbook(session, unit, values={**VALUES, "rebuttal_turns": turns + 1})
            set_saved_time(save(wb, folder, f"{unit}.xlsx"), None)
        folders.append(folder)
    session.close()
    children = [_cli(session.db_path, "import", "--period", P, str(f)) for f in folders]
    outputs = [c.communicate(timeout=120)[0] for c in children]
    assert [c.returncode for c in children] == [0, 0, 0, 0], outputs
    assert not any("IntegrityError" in o or "bận" in o for o in outputs)
    conn = sqlite3.connect(session.db_path)
    for unit in ("01993", "01975"):
        versions = [r[0] for r in conn.execute(
            "select version from returns where unit_code = ? order by version", [unit])]
        assert versions == [1, 2, 3, 4]
        assert conn.execute("select count(*) from returns where unit_code = ? and status = "
                            "'current'", [unit]).fetchone()[0] == 1


def test_restore_refuses_while_an_import_runs_and_the_import_while_a_restore(session,
                                                                             tmp_path):
    backup = backup_now(session.db, "manual")
    with importing(session.db_path):
        with pytest.raises(UserError, match="đang có một lần nhập|Đang có một lần nhập"):
            restore(session.db_path, backup)
    path = save(workbook(session), tmp_path)
    with restoring(session.db_path):
        results = import_files(session.store, [path], period=P)
    assert [r.outcome for r in results] == ["refused"]
    assert "đang được khôi phục" in results[0].message
    assert session.db["returns"].count == 0
    assert import_files(session.store, [path], period=P)[0].outcome == "stored"


def test_restore_refuses_an_import_held_by_another_process(session, tmp_path):
    code = ("import sys, time; from bachthong_desktop.core.import_marker import importing\n"
            f"with importing({str(session.db_path)!r}):\n"
            "    print('ready', flush=True); time.sleep(30)")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        backup = backup_now(session.db, "manual")
        with pytest.raises(UserError, match="nhập xong rồi khôi phục"):
            restore(session.db_path, backup)
    finally:
        child.kill()
        child.wait()
    restore(session.db_path, backup)  # the importer gone, its lock went with it


def _returns_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in demo_returns(P):
        shutil.copy(path, folder)
    return folder


def test_a_full_disk_stops_the_batch_naming_it_and_what_was_stored(session, tmp_path):
    folder = _returns_folder(tmp_path)
    pages = session.db.execute("pragma page_count").fetchone()[0]
    session.db.execute(f"pragma max_page_count = {pages + 6}")
    results = import_files(session.store, [folder], period=P)
    stored = [r.file_name for r in results if r.outcome == "stored"]
    last = results[-1]
    assert last.outcome == "refused" and "ổ đĩa đã đầy" in last.message, summary_lines(results)
    assert all(name in last.message for name in stored)
    assert session.db["returns"].count == len(stored) < 14
    assert "bận" not in last.message


def test_a_read_only_database_is_named_as_such(session, tmp_path):
    folder = _returns_folder(tmp_path)
    session.db.execute("pragma query_only = 1")
    results = import_files(session.store, [folder], period=P)
    assert results[-1].outcome == "refused"
    assert "tệp dữ liệu chỉ đọc" in results[-1].message
    assert "Chưa tệp nào được lưu" in results[-1].message and "bận" not in results[-1].message


def test_the_wal_is_folded_back_after_a_batch(session, tmp_path):
    import_files(session.store, [_returns_folder(tmp_path)], period=P)
    copy = tmp_path / "main-file-only.sqlite3"
    shutil.copy(session.db_path, copy)  # what a plain copy of the one file would hold
    conn = sqlite3.connect(copy)
    assert conn.execute("select count(*) from returns").fetchone()[0] == 14
