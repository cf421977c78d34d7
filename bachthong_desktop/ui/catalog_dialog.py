"""The national catalog's release of the office (a row of “Thông tin cơ quan…”) and the update to
a newer release: the list of changes for this office first, the user's answers, then one step."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QButtonGroup, QDateEdit, QDialog, QDialogButtonBox, QGroupBox,
                               QHBoxLayout, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
                               QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from ..core.catalog_changes import RENAME, UNSURE, Change, Plan, plan_update
from ..core.catalog_update import KEEP_NAME, apply_update
from ..core.errors import UserError
from ..core.units import current_office

TITLE = "Cập nhật danh mục đơn vị hành chính"


def changes_text(plan: Plan) -> str:
    """The changes for the office, grouped, one line each."""
    return "\n".join(plan.lines("•")) or "Không có thay đổi nào cho cơ quan này."


class RenameAnswer(QWidget):
    """One asked rename: from a day the user gives, or keep the stored name."""

    def __init__(self, change: Change, parent=None):
        super().__init__(parent)
        self.change = change
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(f"{change.unit.name} → {change.new.name}:"), 1)
        self.rename = QRadioButton("Đổi tên từ ngày")
        self.keep = QRadioButton("Giữ tên cũ")
        self.group = QButtonGroup(self)
        for button in (self.rename, self.keep):
            self.group.addButton(button)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        for widget in (self.rename, self.day, self.keep):
            row.addWidget(widget)

    def answer(self) -> tuple[bool, dt.date | None]:
        """(answered, the day or KEEP_NAME)."""
        if self.keep.isChecked():
            return True, KEEP_NAME
        day = self.day.date()
        return self.rename.isChecked(), dt.date(day.year(), day.month(), day.day())


class CatalogUpdateDialog(QDialog):
    """The list of changes and the asked answers; “Cập nhật” applies all in one step."""

    def __init__(self, session, plan: Plan, parent=None):
        super().__init__(parent)
        self.session, self.plan = session, plan
        self.setWindowTitle(TITLE)
        column = QVBoxLayout(self)
        intro = QLabel(
            f"{plan.office.name}: danh mục bản {plan.from_release} → bản {plan.to_release}, "
            f"{len(plan.changes)} thay đổi. Chương trình sao lưu dữ liệu trước khi cập nhật; "
            "số liệu, báo cáo đã nhận và bản phát hành giữ nguyên.")
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.list = QPlainTextEdit(changes_text(plan))
        self.list.setReadOnly(True)
        column.addWidget(self.list, 1)
        self.answers = [RenameAnswer(c) for c in plan.of(RENAME)]
        if self.answers:
            box = QGroupBox("Danh mục mới ghi tên khác cho các mã này: đổi tên từ ngày nào, hay "
                            "giữ tên cũ?")
            inner = QVBoxLayout(box)
            for answer in self.answers:
                inner.addWidget(answer)
            scroll = QScrollArea()
            scroll.setWidget(box)
            scroll.setWidgetResizable(True)
            column.addWidget(scroll)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton("Cập nhật", QDialogButtonBox.AcceptRole)
        self.apply_button.setEnabled(not plan.of(UNSURE))
        buttons.addButton("Đóng", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(860, 560)

    def given(self) -> dict:
        """The answers given so far, by unit code."""
        out = {}
        for widget in self.answers:
            answered, value = widget.answer()
            if answered:
                out[widget.change.unit.code] = value
        return out

    def apply(self) -> bool:
        """Apply with the answers; a refusal (an answer missing or wrong) changes nothing."""
        try:
            notes = apply_update(self.session.db, self.plan, self.given())
        except UserError as exc:
            QMessageBox.warning(self, TITLE, exc.message)
            return False
        QMessageBox.information(self, TITLE, f"Đã cập nhật danh mục lên bản {self.plan.to_release} "
                                             f"({len(notes)} ghi chú).")
        return True

    def _apply(self) -> None:
        if self.apply():
            self.accept()


class CatalogRow(QWidget):
    """“Danh mục: bản …” and the update button when a newer release has changes to offer."""

    def __init__(self, session, applied: Callable[[], None], parent=None):
        super().__init__(parent)
        self.session, self.applied = session, applied
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton("Cập nhật danh mục…")
        self.button.clicked.connect(self.open)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.load()

    def plan(self) -> Plan | None:
        office = current_office(self.session.db)
        return plan_update(self.session.db, office=office) if office is not None else None

    def load(self) -> None:
        plan = self.plan()
        self.button.setVisible(plan is not None and not plan.up_to_date)
        if plan is None or plan.before_catalog:
            self.label.setText("Danh mục đơn vị hành chính từ 01/7/2025: chưa dùng (chưa chọn "
                               "cơ quan, hoặc cơ quan trước ngày đó).")
        elif plan.up_to_date:
            self.label.setText(f"Danh mục đơn vị hành chính: bản {plan.from_release} (mới nhất).")
        else:
            self.label.setText(f"Danh mục đơn vị hành chính: bản {plan.from_release}; có bản "
                               f"{plan.to_release} ({len(plan.changes)} thay đổi cho cơ quan).")

    def open(self) -> None:
        plan = self.plan()
        if plan is not None and CatalogUpdateDialog(self.session, plan, self).exec():
            self.load()
            self.applied()
