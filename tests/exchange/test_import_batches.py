"""Contracts 1, 2 and 11: a unit's files in the order they were saved; whose file it is;
what a folder or a pattern holds."""

import datetime as dt
import os

import pytest
from field_files import at, set_saved_time
from xlsx_fixtures import VALUES, db_state, save, value_cell, workbook

from bachthong_desktop.cli import main
from bachthong_desktop.exchange.importer import import_file, import_files, summary_lines

P = "2023-H1"


def _version(session, unit_code, turns, folder, name, saved):
    """A return of the unit saved at `saved`, in `folder`/in (the database lives in folder)."""
    wb = workbook(session, unit_code, values={**VALUES, "rebuttal_turns": turns})
    (folder / "in").mkdir(exist_ok=True)
    return set_saved_time(save(wb, folder / "in", name), saved)


def _turns(session, unit="01993"):
    return session.store.get(P, unit, "rebuttal_turns")


@pytest.mark.parametrize("original, resent", [
    ("Tan Tu.xlsx", "Tan Tu (gửi lại).xlsx"),      # name order puts the resent file first
    ("b-tan-tu.xlsx", "a-tan-tu-moi.xlsx"),
    ("Tan Tu (gửi lại).xlsx", "Tan Tu.xlsx"),      # the resent file kept the old name
])  # fmt: skip
def test_the_file_saved_last_is_current_whatever_the_names(session, tmp_path, original, resent):
    _version(session, "01993", 10, tmp_path, original, at(10))
    _version(session, "01993", 12, tmp_path, resent, at(11))
    results = import_files(session.store, [tmp_path / "in"], period=P)
    assert _turns(session) == 12
    text = "\n".join(summary_lines(results))
    current = next(r for r in results if r.file_name == resent)
    assert "bản đang dùng" in current.notes[0] and original in current.notes[0]
    assert current.version == 2 and "bản 2 thay bản 1" in text


def test_importing_the_same_folder_again_changes_nothing(session, tmp_path):
    _version(session, "01993", 10, tmp_path, "Tan Tu.xlsx", at(10))
    _version(session, "01993", 12, tmp_path, "Tan Tu (gửi lại).xlsx", at(11))
    _version(session, "01990", 7, tmp_path, "Luc Binh.xlsx", at(9))
    import_files(session.store, [tmp_path / "in"], period=P)
    before = db_state(session)
    again = import_files(session.store, [tmp_path / "in"], period=P)
    assert db_state(session) == before
    assert {r.outcome for r in again} == {"unchanged"}
    assert sorted(r.message[-8:] for r in again if r.unit_code == "01993") == ["(bản 1).", "(bản 2)."]


def test_a_resaved_copy_with_the_same_values_is_unchanged(session, tmp_path):
    first = _version(session, "01993", 10, tmp_path, "a.xlsx", at(10))
    import_file(session.store, first, period=P)
    copy = _version(session, "01993", 10, tmp_path, "a - Copy.xlsx", at(12))
    assert copy.read_bytes() != first.read_bytes()
    result = import_file(session.store, copy, period=P)
    assert result.outcome == "unchanged" and "(bản 1)" in result.message


@pytest.mark.parametrize("second_time, says", [
    (at(10), "cùng một thời điểm lưu"),
    (None, "ở tương lai"),  # no workbook times, and a file's own time in the future
])  # fmt: skip
def test_times_that_cannot_decide_refuse_both_files_naming_each_other(session, tmp_path,
                                                                      second_time, says):
    _version(session, "01993", 10, tmp_path, "x.xlsx", at(10))
    y = _version(session, "01993", 12, tmp_path, "y.xlsx", second_time or at(11))
    if second_time is None:  # a workbook saved in the future is refused alone (second wave)
        set_saved_time(set_saved_time(tmp_path / "in" / "x.xlsx", None) and y, None)
        ahead = (dt.datetime.now() + dt.timedelta(days=3)).timestamp()
        os.utime(y, (ahead, ahead))
    before = db_state(session)
    results = import_files(session.store, [tmp_path / "in"], period=P)
    assert [r.outcome for r in results] == ["refused", "refused"]
    assert "“y.xlsx”" in results[0].message and "“x.xlsx”" in results[1].message
    assert all(says in r.message for r in results)
    assert db_state(session) == before


def test_without_workbook_times_the_files_own_times_decide(session, tmp_path):
    old = set_saved_time(_version(session, "01993", 10, tmp_path, "z.xlsx", at(10)), None)
    new = set_saved_time(_version(session, "01993", 12, tmp_path, "a.xlsx", at(11)), None)
    os.utime(old, (1_686_000_000, 1_686_000_000))
    os.utime(new, (1_686_100_000, 1_686_100_000))
    results = import_files(session.store, [tmp_path / "in"], period=P)
    assert _turns(session) == 12
    assert "thời điểm sửa tệp" in next(r for r in results if r.file_name == "a.xlsx").notes[0]


def test_an_older_file_in_a_later_batch_does_not_replace_the_newer(session, tmp_path):
    new = _version(session, "01993", 12, tmp_path, "moi.xlsx", at(11))
    old = _version(session, "01993", 10, tmp_path, "cu.xlsx", at(10))
    import_file(session.store, new, period=P)
    before = db_state(session)
    result = import_file(session.store, old, period=P)
    assert result.outcome == "refused" and "lưu trước bản đang dùng" in result.message
    assert "moi.xlsx" in result.message and db_state(session) == before


# -- whose file ----------------------------------------------------------------------------
def _tan_tu_template_with(session, folder, name):
    wb = workbook(session, "01993", values={**VALUES, "rebuttal_turns": 99})
    return save(wb, folder, name)


@pytest.mark.parametrize("name", ["bao-cao-ttdn_2023-H1_01990_xa-luc-binh.xlsx",
                                  "Luc Binh 6 thang.xlsx", "BC xa Lục Bình.xlsx", "01990.xlsx"])
def test_a_file_named_for_another_unit_is_refused_naming_both(session, tmp_path, name):
    before = db_state(session)
    result = import_file(session.store, _tan_tu_template_with(session, tmp_path, name), period=P)
    assert result.outcome == "refused"
    assert "Xã Tân Tú (01993)" in result.message and "Xã Lục Bình (01990)" in result.message
    assert db_state(session) == before


@pytest.mark.parametrize("header", ["Đơn vị: Xã Lục Bình (mã 01990)", "Đơn vị: Xã Lục Bình",
                                    "Đơn vị: xã LỤC BÌNH", "Đơn vị: Tân Tú (mã 01990)"])
def test_a_visible_header_naming_another_unit_is_refused(session, tmp_path, header):
    wb = workbook(session, "01993", values={**VALUES, "rebuttal_turns": 99})
    wb["Báo cáo"]["A2"] = header
    result = import_file(session.store, save(wb, tmp_path, "tan-tu.xlsx"), period=P)
    assert result.outcome == "refused" and "Xã Lục Bình (01990)" in result.message
    assert "“Báo cáo”" in result.message


@pytest.mark.parametrize("name", ["bao-cao-ttdn_2023-H1_01993_xa-tan-tu.xlsx", "Tan Tu.xlsx",
                                  "bao cao.xlsx", "Tân Tú gửi Lục Bình xem.xlsx"])
def test_the_units_own_file_names_are_accepted(session, tmp_path, name):
    result = import_file(session.store, _tan_tu_template_with(session, tmp_path, name), period=P)
    assert result.outcome == "stored", result.message


# -- folders and patterns --------------------------------------------------------------------
def _run(capsys, db, *args):
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_folder_lists_everything_it_skips_and_lock_files_are_no_error(session, tmp_path,
                                                                        capsys):
    folder = tmp_path / "nhan"
    folder.mkdir()
    save(workbook(session, "01993"), folder, "TAN TU.XLSX")
    save(workbook(session, "01990"), folder, "Luc Binh.Xlsx")
    (folder / "~$TAN TU.XLSX").write_bytes(b"\x00lock")
    (folder / "ghi chu.txt").write_text("xin gửi", encoding="utf-8")
    (folder / "cu").mkdir()
    session.close()
    code, text = _run(capsys, session.db_path, "import", "--period", P, str(folder))
    assert code == 0, text
    assert "2 tệp đã lưu" in text and "3 tệp bỏ qua" in text
    assert "~$TAN TU.XLSX: tệp khóa tạm của Excel" in text
    assert "ghi chu.txt: không phải tệp Excel" in text and "cu: thư mục con" in text


def test_a_pattern_is_expanded_as_windows_shells_do_not(session, tmp_path, capsys):
    save(workbook(session, "01993"), tmp_path, "tan-tu.xlsx")
    save(workbook(session, "01990"), tmp_path, "luc-binh.XLSX")
    session.close()
    code, text = _run(capsys, session.db_path, "import", str(tmp_path / "*.xlsx"))
    assert code == 0 and "1 tệp đã lưu" in text  # *.xlsx matches case-sensitively here
    code, text = _run(capsys, session.db_path, "import", str(tmp_path / "*.[xX][lL]*"))
    assert code == 0 and "1 tệp đã lưu, 1 tệp không thay đổi" in text
    code, text = _run(capsys, session.db_path, "import", str(tmp_path / "khong-co-*.xlsx"))
    assert code == 1 and "không có tệp nào khớp" in text
