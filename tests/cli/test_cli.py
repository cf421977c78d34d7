"""The command line: Vietnamese help, exit codes 0/1/2, demo and show."""

import io
import json
import subprocess
import sys

import pytest

from bachthong_desktop.cli import main

from cli_helpers import run


def test_help_is_in_vietnamese(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert "Cách dùng:" in out and "Tùy chọn:" in out and "Các lệnh" in out
    for command in ("units", "periods", "demo", "show"):
        assert command in out


def test_wrong_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as done:
        main(["show"])
    assert done.value.code == 2
    assert "thiếu tham số bắt buộc" in capsys.readouterr().err


def test_unknown_period_exits_1_with_one_sentence(capsys, db_path):
    code, out, err = run(capsys, "--db", str(db_path), "show", "--period", "2023-H7")
    assert code == 1
    assert err.startswith("Lỗi: Kỳ báo cáo “2023-H7” không hợp lệ.")
    assert "Traceback" not in err


def test_not_a_database_exits_1_and_leaves_the_file(capsys, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("ghi chú")
    code, _, err = run(capsys, "--db", str(path), "units")
    assert code == 1 and "không phải là cơ sở dữ liệu" in err
    assert path.read_text() == "ghi chú"


def test_units_and_periods(capsys, db_path):
    code, out, _ = run(capsys, "--db", str(db_path), "units")
    assert code == 0
    assert "01978  Xã Sĩ Bình (còn viết: Xã Sỹ Bình)" in out
    assert out.count("\n  0") == 14
    code, out, _ = run(capsys, "--db", str(db_path), "periods", "--nam", "2023")
    assert code == 0
    assert "2023-H1" in out and "15/12/2022" in out and "14/6/2023" in out


def test_demo_then_show_json_gives_the_reference_figures(capsys, db_path):
    assert run(capsys, "--db", str(db_path), "demo")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "show", "--period", "2023-H1", "--json")
    assert code == 0
    data = json.loads(out)["indicators"]
    assert data["local_news"]["value"] == 430
    assert data["portal_documents"]["value"] == 421
    assert data["rebuttal_turns"]["total"] == 1086
    assert len(data["rebuttal_turns"]["by_unit"]) == 14
    assert data["plan_issued"]["total"] == 100
    assert len(data["ngo_projects"]["value"]) == 2


def test_demo_makes_this_copy_the_compiling_office(capsys, db_path):
    from bachthong_desktop.core.commune_mode import get_mode
    from bachthong_desktop.core.session import Session

    run(capsys, "--db", str(db_path), "demo")
    session = Session(db_path)
    assert get_mode(session.db).kind == "office"
    session.close()


def test_show_as_text(capsys, db_path):
    run(capsys, "--db", str(db_path), "demo")
    code, out, _ = run(capsys, "--db", str(db_path), "show", "--period", "2023-H1")
    assert code == 0
    assert "Lượt đấu tranh phản bác thông tin sai lệch [rebuttal_turns]: 1086 lượt  (14/14" in out
    assert "[plan_issued]: 100 %" in out


def test_show_groups_thousands_from_ten_thousand(capsys, db_path):
    from bachthong_desktop.core.session import Session

    run(capsys, "--db", str(db_path), "demo")
    session = Session(db_path)
    session.store.set("2023-H1", "01969", "rebuttal_turns", 10120)  # was 120: 1086 -> 11086
    session.close()
    code, out, _ = run(capsys, "--db", str(db_path), "show", "--period", "2023-H1")
    assert "[rebuttal_turns]: 11.086 lượt  (14/14" in out


def test_environment_variable_chooses_the_database(capsys, db_path, monkeypatch):
    monkeypatch.setenv("BACHTHONG_DB", str(db_path))
    assert run(capsys, "demo")[0] == 0
    assert db_path.exists()


def test_installed_entry_point_runs(db_path):
    done = subprocess.run([sys.executable, "-m", "bachthong_desktop.cli", "--db", str(db_path),
                           "show", "--period", "2023"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "năm 2023" in done.stdout


def test_units_change_with_dates(capsys, db_path):
    db = ["--db", str(db_path)]
    code, out, _ = run(capsys, *db, "units", "add", "09999", "Xã Phủ Thông", "--tu-ngay", "01/07/2025")
    assert code == 0 and "Đã lưu đơn vị 09999 Xã Phủ Thông" in out
    assert run(capsys, *db, "units", "end", "01975", "--den-ngay", "30/06/2025")[0] == 0
    _, out, _ = run(capsys, *db, "units", "--ngay", "01/08/2025")
    assert "09999  Xã Phủ Thông" in out and "Xã Vi Hương" not in out
    _, out, _ = run(capsys, *db, "units", "--ngay", "01/06/2023")
    assert "Xã Vi Hương" in out and "09999" not in out


def test_a_unit_ending_before_it_starts_is_refused(capsys, db_path):
    code, _, err = run(capsys, "--db", str(db_path), "units", "end", "01975", "--den-ngay", "01/01/2019")
    assert code == 1 and "đứng trước ngày bắt đầu" in err


def test_an_unknown_unit_code(capsys, db_path):
    code, _, err = run(capsys, "--db", str(db_path), "units", "end", "99999", "--den-ngay", "01/01/2024")
    assert code == 1 and "Không có đơn vị mã “99999”" in err


def test_output_cut_short_by_a_pipe_is_not_a_crash(db_path, monkeypatch):
    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert main(["--db", str(db_path), "units"]) == 0


def test_a_database_busy_past_the_wait_is_one_sentence(capsys, db_path, monkeypatch):
    import sqlite3

    from bachthong_desktop.commands import units

    def busy(session, args):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(units, "run", busy)
    code, _, err = run(capsys, "--db", str(db_path), "units")
    assert code == 1 and err.startswith("Lỗi: Cơ sở dữ liệu") and "Traceback" not in err


def test_show_words_a_large_count_as_the_house_does(capsys, db_path):
    """`show` says 12345 as "12.345", like the window, trace and the document."""
    assert run(capsys, "--db", str(db_path), "demo")[0] == 0
    assert run(capsys, "--db", str(db_path), "set", "--period", "2023-H1", "local_news",
               "12345")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "show", "--period", "2023-H1")
    assert code == 0
    assert "[local_news]: 12.345 tin" in out
