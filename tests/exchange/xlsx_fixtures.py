"""Shared builders for the Excel return tests: templates filled like a commune fills them."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.units import get_unit
from bachthong_desktop.exchange.xlsx_fill import fill_return
from bachthong_desktop.exchange.xlsx_template import TemplateInfo, build_template

VALUES = {"plan_issued": True, "foreign_visitors": 0, "unit_radio_news": 22,
          "unit_page_posts": 12, "propaganda_sessions": 3, "rebuttal_turns": 65,
          "rebuttal_accounts": 2, "unit_difficulties": "Đài truyền thanh xã xuống cấp.",
          "ngo_projects": [{"name": "Dự án nước sạch", "donor": "KFHI", "country": "Hàn Quốc",
                            "start": "01/01/2018", "end": "31/12/2025"}]}


def workbook(session, unit_code="01975", period="2023-H1", values=None):
    """A template for the unit, filled with `values` (VALUES by default)."""
    unit = get_unit(session.db, unit_code)
    wb = build_template(TemplateInfo(unit, parse_period(period), session.form))
    fill_return(wb, session.form, VALUES if values is None else values)
    return wb


def save(wb, folder: Path, name="xa-vi-huong.xlsx") -> Path:
    path = Path(folder) / name
    wb.save(path)
    return path


def value_cell(ws, code: str, value_col: int = 5):
    """The value cell of the row holding `code` (wherever the row now is)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == code:
                return ws.cell(row=cell.row, column=value_col)
    raise KeyError(code)


def db_state(session) -> tuple:
    """Everything an import may change, to compare before and after."""
    db = session.db
    return (list(db.query("select * from report_values order by period, unit_code, field")),
            list(db.query("select * from returns order by id")),
            db["value_history"].count)


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
