"""`bachthong backup` and `bachthong restore` as an office user would run them."""

import sqlite3

from bachthong_desktop import __version__
from bachthong_desktop.cli import main

from cli_helpers import run


def test_version(capsys):
    import pytest

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"bachthong {__version__}"


def test_backup_to_a_file_then_restore_it(capsys, db_path, tmp_path):
    assert run(capsys, "--db", str(db_path), "demo")[0] == 0
    target = tmp_path / "sao-luu.sqlite3"
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "-o", str(target))
    assert code == 0 and str(target) in out
    assert sqlite3.connect(target).execute("select count(*) from report_values").fetchone()[0] > 0
    code, out, _ = run(capsys, "--db", str(db_path), "restore", str(target))
    assert code == 0 and "Đã khôi phục" in out and "truoc-khoi-phuc" in out


def test_backup_never_overwrites_a_file(capsys, db_path, tmp_path):
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"PK not mine")
    code, _, err = run(capsys, "--db", str(db_path), "backup", "-o", str(target))
    assert code == 1 and "đã có" in err
    assert target.read_bytes() == b"PK not mine"


def test_backup_into_the_backups_folder(capsys, db_path):
    code, out, _ = run(capsys, "--db", str(db_path), "backup")
    assert code == 0
    assert list((db_path.parent / "backups").glob("ttdn-*-thu-cong.sqlite3"))


def test_restore_of_a_word_file_is_refused_and_changes_nothing(capsys, db_path, tmp_path):
    run(capsys, "--db", str(db_path), "demo")
    before = db_path.read_bytes()
    wrong = tmp_path / "bao-cao.docx"
    wrong.write_bytes(b"PK\x03\x04")
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(wrong))
    assert code == 1
    assert err.startswith("Lỗi: Tệp") and "không phải là bản sao lưu" in err
    assert "Traceback" not in err
    assert db_path.read_bytes() == before


def test_restore_of_a_missing_file(capsys, db_path, tmp_path):
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(tmp_path / "nope.sqlite3"))
    assert code == 1 and "Không tìm thấy tệp sao lưu" in err


def test_help_lists_the_commands(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "backup" in out and "restore" in out
