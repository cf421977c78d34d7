"""The dialog that asks the number, date and format of an issued version (bản phát hành)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QLabel,
                               QLineEdit, QMessageBox, QVBoxLayout)

from ..core.errors import UserError
from ..core.issue_watch import date_question
from ..exchange.export import parse_doc_date
from .dialogs import ask, ok_cancel

TITLE = "Phát hành bản chính thức"


class IssueDialog(QDialog):
    """Number (optional), date dd/mm/yyyy (optional) and Word or PDF; a date that does not read
    is refused, one after today or after the deadline (`due`) asked, before the dialog closes."""

    def __init__(self, parent=None, due: dt.date | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.due, self.today = due, today
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(440)
        note = QLabel("Bản phát hành được lưu nguyên vẹn trong máy: sửa số liệu hay nhập báo "
                      "cáo về sau không làm thay đổi bản này, và dòng trên cùng sẽ ghi những "
                      "mục đã sửa. Phát hành lại là một bản mới.")
        note.setWordWrap(True)
        self.number = QLineEdit()
        self.number.setPlaceholderText("ví dụ 125 (để trống nếu văn thư ghi tay)")
        self.date = QLineEdit()
        self.date.setPlaceholderText("ngày/tháng/năm, ví dụ 05/6/2023")
        self.format = QComboBox()
        self.format.addItem("Word (.docx)", "docx")
        self.format.addItem("PDF (.pdf)", "pdf")
        form = QFormLayout()
        form.addRow("Số văn bản:", self.number)
        form.addRow("Ngày ban hành:", self.date)
        form.addRow("Định dạng:", self.format)
        buttons = ok_cancel(self, "Phát hành", self.try_accept)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def try_accept(self) -> bool:
        """Close with "Phát hành" once the date reads and, if doubtful, the clerk confirmed it."""
        try:
            day = parse_doc_date(self.date.text().strip())
        except UserError as exc:
            QMessageBox.warning(self, TITLE, exc.message)
            self.date.setFocus()
            return False
        question = day and date_question(day, self.today or dt.date.today(), self.due)
        if question and not ask(self, TITLE, question, "Vẫn phát hành", "Sửa lại ngày"):
            self.date.setFocus()
            self.date.selectAll()
            return False
        self.accept()
        return True

    def values(self) -> tuple[str, str, str]:
        return self.number.text().strip(), self.date.text().strip(), self.format.currentData()

    @classmethod
    def ask(cls, parent=None, due: dt.date | None = None) -> tuple[str, str, str] | None:
        """(number, date text, format), or None when cancelled."""
        dialog = cls(parent, due)
        return dialog.values() if dialog.exec() == QDialog.Accepted else None
