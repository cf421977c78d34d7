"""Returns made the ways the second wave (issue 24) found communes and programs make them,
shared by the exchange, command-line and window tests: each case builds its own files."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from field_files import set_saved_time

from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.units import get_unit
from bachthong_desktop.exchange.importer import import_files
from bachthong_desktop.exchange.xlsx_fill import fill_return
from bachthong_desktop.exchange.xlsx_template import TemplateInfo, build_template

P = "2023-H1"
UNIT = "01993"  # Xã Tân Tú
PROJECT = {"name": "Dự án nước sạch", "donor": "KFHI", "country": "Hàn Quốc",
           "start": "01/01/2018", "end": "31/12/2025"}
BASE = {"plan_issued": True, "rebuttal_turns": 12, "rebuttal_accounts": 2,
        "unit_difficulties": "Đài truyền thanh xã xuống cấp.", "ngo_projects": [PROJECT]}
CP1258_NAME = b"B\xe1o c\xe1o T\xe2n T\xfa 6 th\xe1ng.xlsx"  # "Báo cáo Tân Tú 6 tháng" in CP1258
SHOWN_CP1258 = os.fsencode(os.fsdecode(CP1258_NAME)).decode("utf-8", "replace")
_LIBREOFFICE_MADE: dict[tuple[str, str], bytes] = {}


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def template(session, unit: str = UNIT, **values):
    """The unit's 2023-H1 template filled with BASE and `values`, in memory."""
    wb = build_template(TemplateInfo(get_unit(session.db, unit), parse_period(P), session.form))
    fill_return(wb, session.form, {**BASE, **values})
    return wb


def saved(wb, folder: Path, name: str = "tan-tu.xlsx", moment: dt.datetime | None = None
          ) -> Path:
    """The workbook in `folder`, recording `moment` (default: a minute ago) as its saved time."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    wb.save(path)
    return set_saved_time(path, moment or now() - dt.timedelta(minutes=1))


def row_of(ws, code: str) -> int:
    return next(c.row for row in ws.iter_rows() for c in row if c.value == code)


def libreoffice(paths: list[Path], kind: str = "xlsx", work: Path | None = None) -> list[Path]:
    """Each file as LibreOffice Calc saves it (`kind`: xlsx, xlsm, xls, ods), in place of the
    original with that extension; one conversion per content, kept for the test session."""
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is needed: install libreoffice-calc-nogui.")
    out = []
    for path in paths:
        key = (hashlib.sha256(path.read_bytes()).hexdigest(), kind)
        if key not in _LIBREOFFICE_MADE:
            work_dir = (work or path.parent) / "lo-work"
            target = {"xlsm": "xlsm:Calc MS Excel 2007 VBA XML"}.get(kind, kind)
            subprocess.run(["soffice", f"-env:UserInstallation={(work_dir / 'p').as_uri()}",
                            "--headless", "--convert-to", target, "--outdir", str(work_dir),
                            str(path)], check=True, capture_output=True, timeout=240)
            _LIBREOFFICE_MADE[key] = (work_dir / f"{path.stem}.{kind}").read_bytes()
        made = path.with_suffix(f".{kind}")
        made.write_bytes(_LIBREOFFICE_MADE[key])
        if made != path and kind == "xlsx":
            path.unlink()
        out.append(made)
    return out


def xlsb(path: Path) -> Path:
    """A binary workbook's zip as Excel writes one (xl/workbook.bin, no workbook.xml)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return path


# -- the classes -------------------------------------------------------------------------
def _setup(session, folder: Path, *turns: int) -> None:
    """Earlier versions imported (one per figure, each saved a day after the last)."""
    start = now() - dt.timedelta(days=len(turns) + 1)
    paths = [saved(template(session, rebuttal_turns=n), folder / "truoc", f"ban-{i}.xlsx",
                   start + dt.timedelta(days=i)) for i, n in enumerate(turns, start=1)]
    for path in paths:
        import_files(session.store, [path], period=P)


def back_to_earlier(session, folder):
    _setup(session, folder, 12, 20)
    return [saved(template(session, rebuttal_turns=12), folder, "tan-tu-gui-lai.xlsx")]


def same_as_current(session, folder):
    _setup(session, folder, 12, 20)
    return [saved(template(session, rebuttal_turns=20), folder, "tan-tu-ban-sao.xlsx")]


def copied_value_column(session, folder):
    wb = template(session)
    ws = wb["Báo cáo"]
    ws["F6"] = "Số liệu"  # last period's figures kept beside this period's
    ws[f"F{row_of(ws, 'rebuttal_turns')}"] = 40
    return [saved(wb, folder)]


def retitled_value_column(session, folder):
    wb = template(session)
    wb["Báo cáo"]["E6"] = "Số liệu 6 tháng cuối năm"
    return [saved(wb, folder)]


def none_row(session, folder):
    wb = template(session)
    ws = wb["Dự án NGO"]
    ws["A8"] = "Không có"
    for col in "BCDEFGH":
        ws[f"{col}8"] = "-"
    return [saved(wb, folder)]


def projects_apart(session, folder):
    wb = template(session)
    ws = wb["Dự án NGO"]
    ws["A9"], ws["B9"], ws["F9"] = "Dự án trường học", "Plan", "01/03/2022"
    return [saved(wb, folder)]


def name_only(session, folder):
    wb = template(session)
    wb["Dự án NGO"]["A8"] = "Dự án trồng rừng"
    return [saved(wb, folder)]


def saved_in_future(session, folder):
    return [saved(template(session), folder, moment=now() + dt.timedelta(days=365))]


def after_a_future_current(session, folder):
    """A version accepted before this rule with a clock a year ahead; then a correction."""
    _setup(session, folder, 20)
    session.db.execute("update returns set saved_at = ?", [(now() + dt.timedelta(days=365))
                                                           .isoformat()])
    session.db.conn.commit()
    return [saved(template(session, rebuttal_turns=12), folder, "tan-tu-sua.xlsx")]


def uncomputed_table_formula(session, folder):
    wb = template(session)
    wb["Dự án NGO"]["F7"] = "=DATE(2018,1,1)"  # openpyxl stores no result
    return [saved(wb, folder)]


def empty_text_formula(session, folder):
    """'=IF(X="";"";X)' computed to an empty text by LibreOffice: an empty value."""
    wb = template(session)
    ws = wb["Báo cáo"]
    ws[f"E{row_of(ws, 'rebuttal_accounts')}"] = '=IF(A60="","",A60)'
    wb["Dự án NGO"]["G7"] = '=IF(A60="","",A60)'
    return libreoffice([saved(wb, folder)], work=folder.parent)


def far_cell(session, folder):
    wb = template(session)
    wb["Báo cáo"]["A1048576"] = "x"
    return [saved(wb, folder)]


def folder_of_kinds(session, folder):
    """.xlsm imported; .xls, .ods, .xlsb refused as when named alone; others skipped."""
    inbox = folder / "nhan"
    source = saved(template(session, "01990"), folder / "lo", "luc-binh.xlsx")
    inbox.mkdir()
    for kind in ("xlsm", "xls", "ods"):
        shutil.move(libreoffice([source], kind, work=folder)[0], inbox / f"bao-cao.{kind}")
    shutil.move(inbox / "bao-cao.xlsm", inbox / "luc-binh.xlsm")
    xlsb(inbox / "bao-cao.xlsb")
    (inbox / "cong-van.pdf").write_bytes(b"%PDF-1.4\n")
    (inbox / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (inbox / "ghi-chu.docx").write_bytes(b"PK\x03\x04")
    return [inbox]


def cp1258_name(session, folder):
    """A name from a Windows zip unpacked here: its bytes are not UTF-8."""
    path = saved(template(session), folder)
    target = Path(os.fsdecode(os.fsencode(folder) + b"/" + CP1258_NAME))
    path.rename(target)
    return [target]


def cp1258_name_refused(session, folder):
    wb = template(session)
    ws = wb["Báo cáo"]
    ws[f"E{row_of(ws, 'rebuttal_turns')}"] = "2 nghìn"
    path = saved(wb, folder)
    target = Path(os.fsdecode(os.fsencode(folder) + b"/" + CP1258_NAME))
    path.rename(target)
    return [target]


@dataclass(frozen=True)
class Case:
    """One class: its files, whether the import succeeds, the words the summary must hold,
    and what the database holds after for Tân Tú ({field: value})."""

    build: Callable
    ok: bool
    says: tuple[str, ...]
    holds: dict = field(default_factory=dict)


CASES = {
    "back_to_earlier": Case(back_to_earlier, True, ("bản 3 thay bản 2, trở lại số liệu của "
                                                    "bản 1",), {"rebuttal_turns": 12}),
    "same_as_current": Case(same_as_current, True, ("Không thay đổi", "(bản 2)"),
                            {"rebuttal_turns": 20}),
    "copied_value_column": Case(copied_value_column, False, (
        "trang “Báo cáo”, ô E6", "cột E (tiêu đề “Số liệu”) và cột F (tiêu đề “Số liệu”)")),
    "retitled_value_column": Case(retitled_value_column, False, (
        "trang “Báo cáo”, ô E6", "cột E (tiêu đề “Số liệu 6 tháng cuối năm”)")),
    "none_row": Case(none_row, True, ("dòng 8 chỉ ghi “không có”",),
                     {"ngo_projects": [PROJECT["name"]]}),
    "projects_apart": Case(projects_apart, True, ("đã lưu",),
                           {"ngo_projects": [PROJECT["name"], "Dự án trường học"]}),
    "name_only": Case(name_only, False, ("trang “Dự án NGO”, dòng 8",
                                         "chỉ ghi tên “Dự án trồng rừng”")),
    "saved_in_future": Case(saved_in_future, False, ("ghi thời điểm lưu là", "bây giờ là",
                                                     "bản lưu sau bản đang dùng luôn được")),
    "after_a_future_current": Case(after_a_future_current, True, ("bản 2 thay bản 1",),
                                   {"rebuttal_turns": 12}),
    "uncomputed_table_formula": Case(uncomputed_table_formula, False, (
        "trang “Dự án NGO”, ô F7", "=DATE(2018,1,1) nhưng chưa có kết quả")),
    "empty_text_formula": Case(empty_text_formula, True, ("đã lưu",),
                               {"rebuttal_accounts": None, "rebuttal_turns": 12}),
    "far_cell": Case(far_cell, True, ("Trang “Báo cáo”: ô A1048576 (“x”) nằm rất xa",),
                     {"rebuttal_turns": 12}),
    "folder_of_kinds": Case(folder_of_kinds, False, (
        "luc-binh.xlsm: Lưu", "bao-cao.xls: TỪ CHỐI", "kiểu cũ (.xls)", "(.ods)", "(.xlsb)",
        "cong-van.pdf: không phải tệp Excel", "anh.png: không phải tệp Excel",
        "ghi-chu.docx: không phải tệp Excel")),
    "cp1258_name": Case(cp1258_name, True, (f"{SHOWN_CP1258}: Lưu",), {"rebuttal_turns": 12}),
    "cp1258_name_refused": Case(cp1258_name_refused, False, (
        f"Tệp “{SHOWN_CP1258}”, trang “Báo cáo”", "nghìn")),
}


def holds(session, case: Case) -> None:
    """The database holds what the case says, for Tân Tú."""
    for code, want in case.holds.items():
        got = session.store.get(P, UNIT, code)
        if code == "ngo_projects":
            got = [p["name"] for p in got or []]
        assert got == want, (code, got)
