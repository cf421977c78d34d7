"""Tệp > Thông tin cơ quan shows the office's catalog release and offers the update with the list
of changes for this office, answers asked renames, and applies it in one step."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from bachthong_desktop.core import catalog
from bachthong_desktop.core.catalog_changes import plan_update
from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.session import Session
from bachthong_desktop.core.units import get_unit, save_unit, versions
from bachthong_desktop.ui.catalog_dialog import CatalogRow, CatalogUpdateDialog
from bachthong_desktop.ui.office_dialog import OfficeDialog

SHOTS = Path(os.environ.get("CATALOG_SHOTS", "")) if os.environ.get("CATALOG_SHOTS") else None


@pytest.fixture
def before(tmp_path, monkeypatch):
    """Thái Nguyên set up from 2025.10.1; message boxes answered and remembered."""
    session = Session(tmp_path / "truoc.sqlite3")
    set_up_office(session.db, "19", release=catalog.PREVIOUS_RELEASE)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(("info", a[2])))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(("warning", a[2])))
    session.said = said
    yield session
    session.close()


def shot(widget, name: str) -> None:
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def test_the_office_window_shows_the_release_and_offers_the_update(qtbot, before):
    dialog = OfficeDialog(before, "2025-H2")
    qtbot.addWidget(dialog)
    row = dialog.findChild(CatalogRow)
    assert "bản 2025.10.1" in row.label.text() and "bản 2026.9.0 (1 thay đổi" in row.label.text()
    assert not row.button.isHidden()
    shot(dialog, "office-dialog-catalog.png")
    update = CatalogUpdateDialog(before, row.plan())
    qtbot.addWidget(update)
    assert "Xã Phú Lạc: mã 05794 nay là 05788" in update.list.toPlainText()
    shot(update, "catalog-update.png")
    assert update.apply()
    assert get_unit(before.db, "05788").name == "Xã Phú Lạc"
    assert before.said == [("info", "Đã cập nhật danh mục lên bản 2026.9.0 (1 ghi chú).")]
    row.load()
    assert "bản 2026.9.0 (mới nhất)" in row.label.text() and row.button.isHidden()


def test_an_asked_rename_needs_an_answer_and_takes_its_day(qtbot, before):
    save_unit(before.db, replace(get_unit(before.db, "01969"), name="Xã Phủ Thông Cũ"))
    update = CatalogUpdateDialog(before, plan_update(before.db))
    qtbot.addWidget(update)
    (answer,) = update.answers
    shot(update, "catalog-update-rename.png")
    assert not update.apply()
    assert before.said[0][0] == "warning" and "Cần xác nhận đổi tên" in before.said[0][1]
    assert get_unit(before.db, "05794").name == "Xã Phú Lạc"  # nothing applied
    answer.rename.setChecked(True)
    answer.day.setDate(QDate(2026, 1, 1))
    assert update.apply()
    assert [(v.name, v.valid_from) for v in versions(before.db, "01969")] == [
        ("Xã Phủ Thông Cũ", "2025-07-01"), ("Xã Phủ Thông", "2026-01-01")]


def test_an_office_of_today_is_said_to_be_up_to_date(qtbot, tmp_path):
    session = Session(tmp_path / "nay.sqlite3")
    try:
        set_up_office(session.db, "19")
        row = CatalogRow(session, lambda: None)
        qtbot.addWidget(row)
        assert row.label.text() == "Danh mục đơn vị hành chính: bản 2026.9.0 (mới nhất)."
        assert row.button.isHidden()
    finally:
        session.close()


def test_the_2023_district_has_no_catalog_to_update(qtbot, demo_db):
    session = Session(demo_db)
    try:
        row = CatalogRow(session, lambda: None)
        qtbot.addWidget(row)
        assert "chưa dùng" in row.label.text() and row.button.isHidden()
    finally:
        session.close()
