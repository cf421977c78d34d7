"""Backups, restore and import where Windows rules apply: held files, an antivirus that scans."""

import pytest

from bachthong_desktop.cli import main
from bachthong_desktop.core import backup as backup_module
from bachthong_desktop.core.backup import backup_now, list_backups
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.restore import restore

from core.test_backup import file_state, values_of
from core.test_integrity import corrupt

PERIOD = "2023-H1"


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    monkeypatch.setattr(backup_module, "RETRY_DELAYS", (0.001,) * 6)


def test_a_backup_scanned_by_an_antivirus_is_named_once_it_lets_go(demo_session, windows_fs):
    windows_fs.hold("*.sqlite3.part", times=4)
    saved = backup_now(demo_session, "start")
    assert [op for op, _ in windows_fs.refused] == ["replace"] * 4
    assert saved.exists() and not list(saved.parent.glob("*.part"))
    assert values_of(saved) == values_of(demo_session.db_path)


def test_an_antivirus_that_never_lets_go_gets_one_clear_sentence(demo_session, windows_fs):
    windows_fs.hold("*.sqlite3.part", times=100)
    with pytest.raises(UserError, match="phần mềm diệt virus") as caught:
        backup_now(demo_session, "start")
    assert "không bị thay đổi" in caught.value.message
    assert list_backups(demo_session.db_path) == []


def test_an_import_backs_up_first_even_while_the_backup_is_scanned(db_path, tmp_path, capsys,
                                                                   windows_fs):
    db, out = db_path, tmp_path
    assert main(["--db", str(db), "template", "--period", PERIOD, "--unit", "01975",
                 "-o", str(out / "vi-huong.xlsx")]) == 0
    windows_fs.hold("*.sqlite3.part", times=3)
    capsys.readouterr()
    code = main(["--db", str(db), "import", "--period", PERIOD, str(out / "vi-huong.xlsx")])
    text = capsys.readouterr()
    assert "diệt virus" not in text.err and "Traceback" not in text.err
    assert code == 1 and "chưa có số liệu nào" in text.out + text.err  # refused for its content
    assert len(list_backups(db)) == 1


def test_restore_over_a_damaged_database_while_windows_rules_apply(demo_session, windows_fs):
    path = demo_session.db_path
    saved = backup_now(demo_session, "manual")
    demo_session.close()
    corrupt(path)
    aside = restore(path, saved)
    assert aside.exists() and values_of(path) == values_of(saved)
    assert windows_fs.refused == []


def test_restore_while_another_program_holds_the_damaged_file(demo_session, windows_fs):
    path = demo_session.db_path
    saved = backup_now(demo_session, "manual")
    demo_session.close()
    corrupt(path)
    windows_fs.hold(path, times=100)
    before = path.read_bytes()
    with pytest.raises(UserError, match="chương trình khác .* đang giữ tệp"):
        restore(path, saved)
    assert path.read_bytes() == before


def test_restore_of_a_sound_database_under_windows_rules(demo_session, windows_fs):
    saved = backup_now(demo_session, "manual")
    demo_session.store.set(PERIOD, "063", "tv_news_programs", 5)
    demo_session.close()
    restore(demo_session.db_path, saved)
    assert values_of(demo_session.db_path) == values_of(saved)
    assert file_state(demo_session.db_path)


@pytest.mark.parametrize("platform, found", [("win32", True), ("linux", False)])
def test_a_db_named_in_another_case_finds_its_backups_where_names_ignore_case(
        demo_session, monkeypatch, platform, found):
    saved = backup_now(demo_session, "manual")
    other_case = demo_session.db_path.with_name(demo_session.db_path.name.upper())
    monkeypatch.setattr("sys.platform", platform)
    assert list_backups(other_case) == ([saved] if found else [])
    assert list_backups(demo_session.db_path) == [saved]
