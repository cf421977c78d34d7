"""Issue 24 (returns from the field, second wave), each class with more than its example:
versions, value columns, NGO rows, clocks ahead, formulas, far cells, folders, file names."""

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from return_cases import (PROJECT, P, UNIT, libreoffice, now, row_of, saved, template)
from xlsx_fixtures import db_state

from bachthong_desktop.exchange.importer import import_file, import_files, summary_lines

DAY = dt.timedelta(days=1)


def _turns(session):
    return session.store.get(P, UNIT, "rebuttal_turns")


def _versions(session):
    return [(r["version"], r["status"]) for r in
            session.db.query("select version, status from returns order by version")]


def _refused(session, path, *words):
    before = db_state(session)
    result = import_file(session.store, path, period=P)
    assert result.outcome == "refused", result.message
    assert all(w in result.message for w in words), result.message
    assert db_state(session) == before
    return result


def _stored(session, path):
    result = import_file(session.store, path, period=P)
    assert result.outcome in ("stored", "replaced"), result.message
    return result


# -- 1. the current version is the latest saved ------------------------------------------
def _sent(session, folder, turns, when, name=None):
    return saved(template(session, rebuttal_turns=turns), folder, name or f"ban-{turns}-"
                 f"{when:%d%H%M}.xlsx", when)


@pytest.mark.parametrize("figures, back_to", [
    ([12, 20, 12], 1), ([12, 20, 12, 20], 2), ([5, 6, 7, 5], 1), ([5, 6, 5, 6, 5], 3),
])  # fmt: skip
def test_a_return_going_back_to_earlier_figures_becomes_current(session, tmp_path, figures,
                                                                back_to):
    start = now() - 10 * DAY
    for i, turns in enumerate(figures):
        result = _stored(session, _sent(session, tmp_path, turns, start + i * DAY))
    assert _turns(session) == figures[-1]
    assert f"trở lại số liệu của bản {back_to}" in result.message
    assert _versions(session)[-1] == (len(figures), "current")


def test_a_batch_holding_every_version_ends_on_the_last_saved(session, tmp_path):
    start = now() - 5 * DAY
    for i, turns in enumerate([12, 20, 12]):
        _sent(session, tmp_path / "in", turns, start + i * DAY, f"tan-tu-{'cba'[i]}.xlsx")
    results = import_files(session.store, [tmp_path / "in"], period=P)
    assert _turns(session) == 12 and _versions(session)[-1] == (3, "current")
    assert "trở lại số liệu của bản 1" in "\n".join(summary_lines(results))


def test_a_copy_of_a_replaced_version_saved_before_the_current_changes_nothing(session,
                                                                              tmp_path):
    start = now() - 5 * DAY
    _stored(session, _sent(session, tmp_path, 12, start))
    _stored(session, _sent(session, tmp_path, 20, start + 2 * DAY))
    before = db_state(session)
    result = import_file(session.store, _sent(session, tmp_path, 12, start + DAY), period=P)
    assert result.outcome == "unchanged" and "vẫn dùng bản 2" in result.message
    assert db_state(session) == before and _turns(session) == 20


@pytest.mark.parametrize("again", ["same file", "same figures"])
def test_a_return_equal_to_the_current_one_is_unchanged(session, tmp_path, again):
    first = _sent(session, tmp_path, 12, now() - 2 * DAY)
    _stored(session, first)
    _stored(session, _sent(session, tmp_path, 20, now() - DAY))
    path = (_sent(session, tmp_path, 20, now() - dt.timedelta(hours=1)) if again ==
            "same figures" else first)
    result = import_file(session.store, path, period=P)
    assert result.outcome == "unchanged" and _turns(session) == 20, result.message


# -- 2. value columns ------------------------------------------------------------------------
def _columns(session, folder, heads: dict, figures: dict, clear_e=False):
    wb = template(session)
    ws = wb["Báo cáo"]
    for col, title in heads.items():
        ws[f"{col}6"] = title
    codes = [c.value for c in ws["A"] if isinstance(c.value, str) and "_" in c.value]
    for code in codes if clear_e else []:
        ws[f"E{row_of(ws, code)}"] = None
    for (col, code), value in figures.items():
        ws[f"{col}{row_of(ws, code)}"] = value
    return saved(wb, folder)


@pytest.mark.parametrize("heads, figures", [
    ({"F": "Số liệu"}, {("F", "rebuttal_turns"): 40}),
    ({"F": "SỐ LIỆU "}, {("F", "rebuttal_accounts"): 9}),
    ({"B": "Số liệu"}, {("B", "rebuttal_turns"): 7}),
    ({"F": "Số liệu", "G": "Số liệu"}, {("G", "rebuttal_turns"): 1}),
])  # fmt: skip
def test_two_columns_titled_as_the_value_column_with_other_figures_are_refused(
        session, tmp_path, heads, figures):
    path = _columns(session, tmp_path, heads, figures)
    result = _refused(session, path, "trang “Báo cáo”", "cùng là cột số liệu của mẫu")
    assert all(f"cột {col} (tiêu đề" in result.message for col in [*heads, "E"])


@pytest.mark.parametrize("heads, figures, clear_e, turns", [
    ({"F": "Số liệu"}, {}, False, 12),                              # an empty copy
    ({"F": "Số liệu"}, {("F", "rebuttal_turns"): 12, ("F", "rebuttal_accounts"): 2,
                        ("F", "plan_issued"): "Có"}, False, 12),    # the same figures
    ({"F": "Số liệu"}, {("F", "rebuttal_turns"): 33}, True, 33),    # typed in the copy only
    ({"F": "Số liệu kỳ trước"}, {("F", "rebuttal_turns"): 99}, False, 12),  # titled otherwise
])  # fmt: skip
def test_the_value_column_is_taken_when_which_one_is_certain(session, tmp_path, heads,
                                                             figures, clear_e, turns):
    result = _stored(session, _columns(session, tmp_path, heads, figures, clear_e))
    assert _turns(session) == turns, result.message


@pytest.mark.parametrize("sheet, cell, title", [
    ("Báo cáo", "E6", "Số liệu 6 tháng cuối năm"), ("Báo cáo", "E6", "Số liệu năm 2022"),
    ("Khó khăn, đề xuất", "C6", "Nội dung (bổ sung)"), ("Báo cáo", "E6", "Kết quả"),
])  # fmt: skip
def test_a_retitled_value_column_is_refused_naming_sheet_and_column(session, tmp_path, sheet,
                                                                    cell, title):
    wb = template(session)
    wb[sheet][cell] = title
    says = f"cột {cell[0]} (tiêu đề “{title}”)" if "ố" in title or "ội" in title else \
        "không có cột “Số liệu”"
    _refused(session, saved(wb, tmp_path), f"trang “{sheet}”", says)


def test_a_copied_value_column_saved_by_libreoffice_is_still_refused(session, tmp_path):
    path = _columns(session, tmp_path, {"F": "Số liệu"}, {("F", "rebuttal_turns"): 40})
    _refused(session, libreoffice([path])[0], "cột E (tiêu đề “Số liệu”) và cột F")


# -- 3. NGO rows ------------------------------------------------------------------------------
def _ngo(session, folder, rows: dict):
    wb = template(session)
    ws = wb["Dự án NGO"]
    for r, cells in rows.items():
        for col, value in cells.items():
            ws[f"{col}{r}"] = value
    return saved(wb, folder)


def _names(session):
    return [p["name"] for p in session.store.get(P, UNIT, "ngo_projects") or []]


@pytest.mark.parametrize("rows", [
    {8: {"A": "Không có", **{c: "-" for c in "BCDEFGH"}}},
    {8: {"A": "-", "B": "-", "F": "-"}},
    {8: {"A": "x", "C": "x"}, 9: {"A": "không", "B": "không"}},
    {8: {"A": "Không có dự án nào."}},
    {8: {"A": "—", "B": "–", "C": "n/a", "D": "chưa có"}},
])  # fmt: skip
def test_rows_saying_none_are_no_project(session, tmp_path, rows):
    result = _stored(session, _ngo(session, tmp_path, rows))
    assert _names(session) == [PROJECT["name"]]
    assert any("không phải một dự án" in n or "ghi chú" in n for n in result.notes)


@pytest.mark.parametrize("rows, names", [
    ({9: {"A": "Dự án B", "B": "Plan"}}, ["Dự án B"]),
    ({10: {"A": "Dự án B", "F": "01/02/2020"}, 14: {"A": "Dự án C", "C": "Úc"}},
     ["Dự án B", "Dự án C"]),
    ({8: {"A": "Dự án B", "B": "-", "C": "Nhật Bản"}, 11: {"A": "Dự án C", "B": "JICA"}},
     ["Dự án B", "Dự án C"]),
])  # fmt: skip
def test_whole_projects_are_data_wherever_blank_rows_stand(session, tmp_path, rows, names):
    _stored(session, _ngo(session, tmp_path, rows))
    assert _names(session) == [PROJECT["name"], *names]


@pytest.mark.parametrize("rows", [
    {8: {"A": "Người lập biểu"}}, {8: {"E": "Nguyễn Thị Hoa"}}, {8: {"A": "Ma Văn Sơn"}},
    {9: {"B": "Người lập biểu", "E": "Chủ tịch UBND xã"}},
    {8: {"A": "Tổng cộng", "C": 1}}, {12: {"D": "Tổng cộng: 1 dự án"}},
])  # fmt: skip
def test_one_text_or_a_signature_line_is_a_note_wherever_it_stands(session, tmp_path, rows):
    result = _stored(session, _ngo(session, tmp_path, rows))
    assert _names(session) == [PROJECT["name"]]
    assert any(f"dòng {next(iter(rows))}" in n and "ghi chú" in n for n in result.notes)


@pytest.mark.parametrize("rows, row", [
    ({8: {"A": "Dự án trồng rừng"}}, 8), ({12: {"A": "Dự án trường học"}}, 12),
    ({8: {"A": "Chương trình nước sạch", "B": "-"}}, 8),
])  # fmt: skip
def test_a_projects_name_alone_is_refused_naming_the_row(session, tmp_path, rows, row):
    _refused(session, _ngo(session, tmp_path, rows), "trang “Dự án NGO”", f"dòng {row}",
             "chỉ ghi tên")


def test_the_help_sheet_says_the_rule_for_rows(session):
    help_lines = " ".join(str(c.value) for c in template(session)["Hướng dẫn"]["A"])
    assert "“Không có”, “-” hoặc “x” không tính là dự án" in help_lines
    assert "một ô chữ (tổng cộng, người lập biểu, họ tên) là ghi chú" in help_lines
    assert "chỉ có tên dự án" in help_lines and "bị từ chối" in help_lines


# -- 4. clocks ahead ----------------------------------------------------------------------------
@pytest.mark.parametrize("ahead", [dt.timedelta(days=365), DAY, dt.timedelta(minutes=30)])
def test_a_return_saved_in_the_future_is_refused_and_a_correction_gets_in(session, tmp_path,
                                                                         ahead):
    wb = template(session, rebuttal_turns=50)
    moment = now() + ahead
    result = _refused(session, saved(wb, tmp_path, "tuong-lai.xlsx", moment),
                      "ghi thời điểm lưu là", "bây giờ là", "chỉnh đồng hồ")
    assert moment.astimezone().strftime("%H:%M:%S") in result.message
    _stored(session, _sent(session, tmp_path, 13, now()))
    assert _turns(session) == 13


def test_a_clock_a_few_minutes_ahead_is_no_future(session, tmp_path):
    _stored(session, _sent(session, tmp_path, 13, now() + dt.timedelta(minutes=5)))


def test_a_current_version_saved_in_the_future_never_holds_a_correction_back(session,
                                                                            tmp_path):
    _stored(session, _sent(session, tmp_path, 20, now() - DAY))
    session.db.execute("update returns set saved_at = ?", [(now() + 300 * DAY).isoformat()])
    result = _stored(session, _sent(session, tmp_path, 12, now()))
    assert result.outcome == "replaced" and _turns(session) == 12


# -- 5. formulas --------------------------------------------------------------------------------
@pytest.mark.parametrize("sheet, cell, formula", [
    ("Dự án NGO", "F7", "=DATE(2018,1,1)"), ("Dự án NGO", "B7", "=A7"),
    ("Khó khăn, đề xuất", "C7", '="Đài "&"hỏng"'), ("Báo cáo", "E12", "=60+5"),
])  # fmt: skip
def test_a_formula_without_a_result_is_refused_naming_its_cell(session, tmp_path, sheet,
                                                               cell, formula):
    wb = template(session)
    wb[sheet][cell] = formula
    _refused(session, saved(wb, tmp_path), f"trang “{sheet}”, ô {cell}",
             f"{formula} nhưng chưa có kết quả")


def test_every_uncomputed_formula_is_named_at_once(session, tmp_path):
    wb = template(session)
    wb["Dự án NGO"]["F7"], wb["Dự án NGO"]["G7"] = "=DATE(2018,1,1)", "=F7+1"
    wb["Báo cáo"]["E12"] = "=1+1"
    result = _refused(session, saved(wb, tmp_path), "3 chỗ")
    assert all(c in result.message for c in ("ô F7", "ô G7", "ô E12"))


def test_formulas_computed_by_libreoffice_empty_text_is_an_empty_value(session, tmp_path):
    wb = template(session)
    ws = wb["Báo cáo"]
    ws[f"E{row_of(ws, 'rebuttal_accounts')}"] = '=IF(A60="","",A60)'
    ws[f"E{row_of(ws, 'rebuttal_turns')}"] = "=60+5"
    ngo = wb["Dự án NGO"]
    ngo["G7"], ngo["C7"] = '=IF(A60="","",A60)', '=IF(A60="","","Hàn Quốc")'
    wb["Khó khăn, đề xuất"]["C7"] = '=IF(A60="","",A60)'
    _stored(session, libreoffice([saved(wb, tmp_path)])[0])
    got = session.store.get(P, UNIT, "ngo_projects")[0]
    assert session.store.get(P, UNIT, "rebuttal_accounts") is None and _turns(session) == 65
    assert got["name"] == PROJECT["name"] and not got.get("end") and not got.get("country")


# -- 6. far cells -------------------------------------------------------------------------------
@pytest.mark.parametrize("sheet, cell", [
    ("Báo cáo", "A1048576"), ("Dự án NGO", "XFD10"), ("Khó khăn, đề xuất", "B30000"),
    ("Dự án NGO", "A1048576"),
])  # fmt: skip
def test_a_stray_value_far_outside_the_template_is_noted_never_too_large(session, tmp_path,
                                                                         sheet, cell):
    wb = template(session)
    wb[sheet][cell] = "x"
    result = _stored(session, saved(wb, tmp_path))
    assert any(f"Trang “{sheet}”: ô {cell} (“x”) nằm rất xa" in n for n in result.notes)
    assert _turns(session) == 12 and _names(session) == [PROJECT["name"]]


def test_a_stray_value_saved_by_libreoffice_is_noted(session, tmp_path):
    wb = template(session)
    wb["Báo cáo"]["C1048576"] = "ghi nhầm"
    result = _stored(session, libreoffice([saved(wb, tmp_path)])[0])
    assert any("ô C1048576 (“ghi nhầm”)" in n for n in result.notes), result.notes


# -- 7. folders ---------------------------------------------------------------------------------
def test_a_folder_refuses_old_kinds_with_the_sentence_they_get_alone(session, tmp_path):
    source = saved(template(session), tmp_path / "src", "tan-tu.xlsx")
    inbox = tmp_path / "nhan"
    inbox.mkdir()
    for kind in ("xls", "ods", "xlsm"):
        shutil.move(libreoffice([source], kind, work=tmp_path)[0], inbox / f"tan-tu.{kind}")
    (inbox / "tan-tu.xlsm").rename(inbox / "TAN TU.XLSM")
    alone = {k: import_file(session.store, inbox / f"tan-tu.{k}", period=P, dry_run=True)
             for k in ("xls", "ods")}
    results = {r.file_name: r for r in import_files(session.store, [inbox], period=P)}
    for kind, result in alone.items():
        assert results[f"tan-tu.{kind}"].message == result.message
        assert results[f"tan-tu.{kind}"].outcome == "refused"
    assert results["TAN TU.XLSM"].outcome == "stored" and _turns(session) == 12


# -- 8. file names ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", [
    b"B\xe1o c\xe1o T\xe2n T\xfa.xlsx", b"caf\xe9.xlsx", b"\xff\xfe.xlsx",
    "Báo cáo Tân Tú".encode("utf-8") + b"\x80.xlsx",
])  # fmt: skip
def test_any_file_name_is_shown_and_recorded_with_replacement_characters(session, tmp_path,
                                                                         name):
    path = saved(template(session), tmp_path)
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + name))
    path.rename(odd)
    for dry_run in (True, False):
        results = import_files(session.store, [odd if dry_run else tmp_path], period=P,
                               dry_run=dry_run)
        text = "\n".join(summary_lines(results, dry_run))
        assert "\ufffd" in text and text.encode("utf-8")
    shown = name.decode("utf-8", "replace")
    assert [r["file_name"] for r in session.db.query("select file_name from returns")] == [shown]
    assert shown in [r["file_name"] for r in session.db.query("select file_name from import_log")]


@pytest.mark.parametrize("copy, refused", [
    ({"I5": "ngo_projects.name", "I6": "Tên dự án", "I7": "Dự án kỳ trước"}, True),
    ({"I5": "ngo_projects.start", "I6": "Bắt đầu", "I7": "01/01/2018"}, False),  # the same
    ({"I5": "ngo_projects.donor", "I6": "Tổ chức tài trợ"}, False),  # an empty copy
])  # fmt: skip
def test_a_table_column_copied_beside_itself_is_refused_unless_certain(session, tmp_path,
                                                                       copy, refused):
    path = _ngo(session, tmp_path, {int(k[1:]): {k[0]: v} for k, v in copy.items()})
    if refused:
        _refused(session, path, "trang “Dự án NGO”", "cột A và cột I cùng là cột “Tên dự án”")
    else:
        _stored(session, path)
        assert _names(session) == [PROJECT["name"]]
