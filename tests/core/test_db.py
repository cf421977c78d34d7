"""Opening the database: bad files get one Vietnamese sentence and stay untouched."""

import sqlite3

import pytest
from sqlite_utils import Database

from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.schema import MIGRATIONS


def test_new_database_is_migrated_and_in_wal_mode(db_path):
    db = open_db(db_path)
    assert db.journal_mode == "wal"
    assert {"units", "settings", "report_values", "value_history"} <= set(db.table_names())
    assert db["units"].count == 15


def test_reopening_changes_nothing(db_path):
    open_db(db_path).conn.close()
    db = open_db(db_path)
    assert len(MIGRATIONS.applied(db)) == len(MIGRATIONS.pending(Database(memory=True)))
    assert list(db_path.parent.glob("*truoc-nang-cap*")) == []


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(UserError, match="không phải là cơ sở dữ liệu của chương trình"):
        open_db(path)
    assert path.read_bytes() == b"PK\x03\x04 not a database"


def test_a_database_from_a_newer_version(db_path):
    db = open_db(db_path)
    db["_sqlite_migrations"].insert({"migration_set": "bachthong", "name": "m999_future",
                                     "applied_at": "2030-01-01"})
    db.conn.close()
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="phiên bản mới hơn"):
        open_db(db_path)
    assert db_path.read_bytes() == before


def test_a_locked_database(db_path, monkeypatch):
    open_db(db_path).conn.close()
    monkeypatch.setattr("bachthong_desktop.core.db.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(db_path)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(UserError, match="đang được một chương trình khác dùng"):
            open_db(db_path)
    finally:
        holder.rollback()
        holder.close()


def test_a_folder_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Không ghi được vào thư mục"):
        open_db(blocker / "ttdn.sqlite3")


def test_a_folder_path_instead_of_a_file(tmp_path):
    with pytest.raises(UserError, match="là một thư mục"):
        open_db(tmp_path)


def test_an_older_schema_is_migrated_after_a_backup(new_db_path):
    db_path = new_db_path
    old = Database(db_path)
    MIGRATIONS.apply(old, stop_before="m002_seed_units")
    old["settings"].insert({"key": "mode", "value": "office"})
    old.conn.close()
    db = open_db(db_path)
    assert db["units"].count == 15
    backups = list(db_path.parent.glob(f"{db_path.stem}.truoc-nang-cap-*.sqlite3"))
    assert len(backups) == 1
    copy = Database(backups[0])
    assert copy["settings"].get("mode")["value"] == "office"
    assert copy["units"].count == 0


def test_opening_reads_no_installed_package_for_plugins(db_path):
    """sqlite-utils would scan every installed package for plugins at each first open (~12 ms
    of the window's start); the program uses none."""
    import subprocess
    import sys

    code = ("import sys; from bachthong_desktop.core.db import open_db; "
            "open_db(sys.argv[1]).execute('select 1'); "
            "import sqlite_utils.plugins as p; print(p._plugins_loaded)")
    done = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "False"
