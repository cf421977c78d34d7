"""Backups and restore: real SQLite files, real failures, the current database left untouched."""

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from bachthong_desktop.core.backup import backup_now, backups_dir, list_backups, rotate
from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.restore import restore
from bachthong_desktop.core.settings import set_setting
from bachthong_desktop.core.start_view import read_only_uri

PERIOD = "2023-H1"


def values_of(path, unit="063"):
    """The stored values of a unit, read without opening (and so changing) the file."""
    conn = sqlite3.connect(read_only_uri(path.absolute()), uri=True)
    rows = conn.execute("select field, value from report_values where period = ? and "
                        "unit_code = ?", [PERIOD, unit]).fetchall()
    conn.close()
    return dict(rows)


def file_state(path):
    """The database's content as a reader sees it, plus its bytes, to prove it is untouched."""
    conn = sqlite3.connect(path)
    rows = conn.execute("select * from report_values order by 1, 2, 3").fetchall()
    conn.close()
    return rows


def test_backup_is_a_sound_copy_in_the_backups_folder(demo_session):
    target = backup_now(demo_session, "start")
    assert target.parent == demo_session.db_path.parent / "backups"
    assert target.name.startswith("ttdn-") and target.name.endswith("-khoi-dong.sqlite3")
    assert values_of(target) == values_of(demo_session.db_path)
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert list(target.parent.glob("*.part")) == []


def test_backup_from_a_path_a_database_or_nothing(demo_session, tmp_path):
    assert backup_now(demo_session.db, "import").name.endswith("-truoc-nhap.sqlite3")
    assert backup_now(demo_session.db_path, "final").name.endswith("-truoc-ban-chinh-thuc.sqlite3")
    assert backup_now(tmp_path / "missing.sqlite3") is None
    assert len(list_backups(demo_session.db_path)) == 2
    assert len(list(backups_dir(demo_session.db_path).iterdir())) == 2


def test_rotation_keeps_the_last_n_and_one_per_month(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    names = [f"ttdn-2026{m:02}{d:02}-120000-khoi-dong.sqlite3" for m in (1, 2, 3) for d in
             range(1, 9)]
    for name in names:
        (folder / name).write_bytes(b"")
    (folder / "other-20260101-120000-khoi-dong.sqlite3").write_bytes(b"")
    rotate(folder, "ttdn", keep=5)
    left = sorted(p.name for p in folder.iterdir())
    march = [n for n in names if n.startswith("ttdn-202603")][-5:]
    assert left == sorted(["ttdn-20260108-120000-khoi-dong.sqlite3",
                           "ttdn-20260208-120000-khoi-dong.sqlite3", *march,
                           "other-20260101-120000-khoi-dong.sqlite3"])


def test_keep_count_comes_from_the_setting(demo_session):
    set_setting(demo_session.db, "backup_keep", "2")
    for _ in range(4):
        backup_now(demo_session, "manual")
    assert len(list_backups(demo_session.db_path)) == 2


def test_restore_brings_back_the_old_values_and_keeps_the_current_ones(demo_session):
    path = demo_session.db_path
    saved = backup_now(demo_session, "manual")
    demo_session.store.set(PERIOD, "063", "tv_news_programs", 999)
    demo_session.close()
    before = restore(path, saved)
    assert values_of(path) == values_of(saved)
    assert values_of(before)["tv_news_programs"] == "999"


@pytest.mark.parametrize("content, message", [
    (b"PK\x03\x04 a word file", "không phải là bản sao lưu cơ sở dữ liệu"),
    (b"", "không phải là bản sao lưu cơ sở dữ liệu"),
])
def test_restore_refuses_a_file_that_is_not_a_database(demo_session, tmp_path, content, message):
    bad = tmp_path / "backup.sqlite3"
    bad.write_bytes(content)
    demo_session.close()
    before = file_state(demo_session.db_path)
    with pytest.raises(UserError, match=message):
        restore(demo_session.db_path, bad)
    assert file_state(demo_session.db_path) == before
    assert list_backups(demo_session.db_path) == []


def test_restore_refuses_a_foreign_sqlite_database(demo_session, tmp_path):
    foreign = tmp_path / "khac.sqlite3"
    sqlite3.connect(foreign).execute("create table t (x)").connection.close()
    with pytest.raises(UserError, match="không phải của chương trình này"):
        restore(demo_session.db_path, foreign)


def test_restore_refuses_a_backup_from_a_newer_version(demo_session):
    saved = backup_now(demo_session, "manual")
    conn = sqlite3.connect(saved)
    conn.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                 "values ('bachthong', 'm999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    demo_session.close()
    before = file_state(demo_session.db_path)
    with pytest.raises(UserError, match="phiên bản mới hơn"):
        restore(demo_session.db_path, saved)
    assert file_state(demo_session.db_path) == before


def corrupt(path):
    """Overwrite the start of page 3, as a failing disk would."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xff" * 200)


def test_restore_refuses_a_damaged_backup(demo_session):
    saved = backup_now(demo_session, "manual")
    corrupt(saved)
    with pytest.raises(UserError, match="bị hỏng"):
        restore(demo_session.db_path, saved)


def test_restore_over_a_damaged_database_moves_it_aside(demo_session):
    path = demo_session.db_path
    saved = backup_now(demo_session, "manual")
    demo_session.close()
    corrupt(path)
    aside = restore(path, saved)
    assert ".hong-" in aside.name and aside.exists()
    assert values_of(path) == values_of(saved)


def test_an_older_backup_is_migrated_after_restore(db_path, tmp_path):
    from sqlite_utils import Database

    from bachthong_desktop.core.schema import MIGRATIONS

    old_file = tmp_path / "old.sqlite3"
    old = Database(old_file)
    MIGRATIONS.apply(old, stop_before="m002_seed_units")
    old.conn.close()
    open_db(db_path).conn.close()
    restore(db_path, old_file)
    migrated = open_db(db_path)
    assert migrated["units"].pks == ["id"]  # the latest schema: units as dated versions
    assert "m041_history_with_the_demo" in {m.name for m in MIGRATIONS.applied(migrated)}


def test_a_backups_folder_that_cannot_be_created(demo_session):
    (demo_session.db_path.parent / "backups").write_text("not a folder")
    before = file_state(demo_session.db_path)
    with pytest.raises(UserError, match="Không ghi được vào thư mục sao lưu"):
        backup_now(demo_session, "start")
    assert file_state(demo_session.db_path) == before


def grow_and_close(session):
    """Make the database about 1 MB on disk, close it, and return its state."""
    session.db["settings"].insert({"key": "big", "value": "x" * 1_000_000})
    session.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.close()
    return file_state(session.db_path)


def cli_with_small_disk(db_path, *args, windows=False):
    """Run `bachthong --db db_path args` in a child that may write files of at most 200 KB.

    (RLIMIT_FSIZE is POSIX; on Windows the child's disk is full when a file is renamed.)
    """
    no_resource = "sys.modules['resource'] = None  # as on Windows" if windows else ""
    script = textwrap.dedent(f"""
        import errno, os, sys
        {no_resource}
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
        except ImportError:  # Windows has no file-size limit: the disk is full at the rename
            def full(*args, **kwargs):
                raise OSError(errno.ENOSPC, "There is not enough space on the disk")
            os.replace = full
        from bachthong_desktop.cli import main
        sys.exit(main(["--db", {str(db_path)!r}, *{list(args)!r}]))
    """)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.mark.parametrize("windows", [False, True], ids=["posix", "windows"])
def test_a_disk_that_fills_during_a_backup(demo_session, tmp_path, windows):
    """A child process may write files of at most 200 KB: the backup (about 1 MB) fails."""
    before = grow_and_close(demo_session)
    done = cli_with_small_disk(demo_session.db_path, "backup", windows=windows)
    assert done.returncode == 1, done.stderr
    assert "đã đầy" in done.stderr and "không bị thay đổi" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(backups_dir(demo_session.db_path).iterdir()) == []
    assert file_state(demo_session.db_path) == before


def test_a_disk_that_fills_during_a_restore_leaves_the_database(demo_session, tmp_path):
    """The backup of the current data comes first; when it cannot be written, nothing changes."""
    saved = backup_now(demo_session, "manual")
    demo_session.store.set(PERIOD, "063", "tv_news_programs", 5)
    before = grow_and_close(demo_session)
    done = cli_with_small_disk(demo_session.db_path, "restore", str(saved))
    assert done.returncode == 1, done.stderr
    assert "đã đầy" in done.stderr and "Traceback" not in done.stderr
    assert file_state(demo_session.db_path) == before
    assert list_backups(demo_session.db_path) == [saved]


def test_an_in_memory_database_needs_no_backup():
    from bachthong_desktop.core.db import memory_db

    assert backup_now(memory_db(), "import") is None
