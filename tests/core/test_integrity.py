"""A damaged database is never a traceback: the newest good backup is offered."""

import sqlite3

import pytest

from bachthong_desktop.cli import main
from bachthong_desktop.core.backup import backup_now
from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.integrity import DamagedDatabase, problems
from bachthong_desktop.core.restore import good_backups, open_or_explain, restore


def corrupt(path, page=3):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek(4096 * (page - 1))
        fh.write(b"\xff" * 200)


def test_a_sound_database_has_no_problems(demo_session):
    assert problems(demo_session.db.conn) == []
    assert problems(demo_session.db.conn, quick=False) == []


@pytest.mark.parametrize("page", [2, 3, 5])
def test_a_damaged_database_offers_the_newest_good_backup(demo_session, page):
    path = demo_session.db_path
    older = backup_now(demo_session, "start")
    newer = backup_now(demo_session, "import")
    newest_but_bad = backup_now(demo_session, "final")
    corrupt(newest_but_bad)
    demo_session.close()
    corrupt(path, page)
    with pytest.raises(DamagedDatabase) as caught:
        open_or_explain(path)
    assert caught.value.good_backups == [newer, older]
    assert f"Bản sao lưu tốt gần nhất là “{newer}”" in caught.value.message
    assert "bachthong --db" in caught.value.message and "restore" in caught.value.message


def test_no_good_backup_says_so(demo_session):
    demo_session.close()
    corrupt(demo_session.db_path)
    with pytest.raises(DamagedDatabase, match="không có bản sao lưu tốt nào"):
        open_or_explain(demo_session.db_path)
    assert good_backups(demo_session.db_path) == []


def test_the_command_line_names_the_backup_then_restores_it(demo_session, capsys):
    path = demo_session.db_path
    good = backup_now(demo_session, "start")
    demo_session.close()
    corrupt(path)
    assert main(["--db", str(path), "show", "--period", "2023-H1"]) == 1
    err = capsys.readouterr().err
    assert "bị hỏng" in err and str(good) in err and "Traceback" not in err
    assert f'restore "{good}"' in err  # the command line keeps its command
    assert main(["--db", str(path), "restore", str(good)]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
    assert main(["--db", str(path), "show", "--period", "2023-H1"]) == 0


def test_the_plain_check_knows_no_backups(demo_session):
    backup_now(demo_session, "start")
    demo_session.close()
    corrupt(demo_session.db_path)
    with pytest.raises(DamagedDatabase) as caught:
        open_db(demo_session.db_path)
    assert caught.value.good_backups == [] and "bị hỏng" in caught.value.message


def test_a_damaged_database_is_released_so_windows_can_move_it_aside(demo_session, windows_fs):
    """open_db closes its connection when the check fails: restoring renames the damaged file."""
    good = backup_now(demo_session, "start")
    demo_session.close()
    corrupt(demo_session.db_path)
    with pytest.raises(DamagedDatabase) as caught:
        open_or_explain(demo_session.db_path)
    aside = restore(caught.value.db_path, caught.value.good_backups[0])
    assert ".hong-" in aside.name and aside.exists()
    assert windows_fs.refused == []
    assert good == caught.value.good_backups[0]


def test_the_bundle_names_its_own_command_line(demo_session, monkeypatch, tmp_path):
    """bachthong.exe is not on PATH: the message names it by its full path in the bundle."""
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(tmp_path / "BachThong" / "bachthong-desktop.exe"))
    backup_now(demo_session, "start")
    demo_session.close()
    corrupt(demo_session.db_path)
    with pytest.raises(DamagedDatabase) as caught:
        open_or_explain(demo_session.db_path)
    assert str(tmp_path / "BachThong" / "bachthong") in caught.value.message
    assert "bachthong --db" not in caught.value.message
