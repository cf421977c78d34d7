"""The dialog that asks the number, date and format of an issued version (bản phát hành)."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout)


class IssueDialog(QDialog):
    """Number (optional), date dd/mm/yyyy (optional) and Word or PDF."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Phát hành bản chính thức")
        note = QLabel("Bản phát hành được lưu nguyên vẹn trong máy: sửa số liệu về sau "
                      "không làm thay đổi bản này.")
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
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Phát hành")
        buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.number.text().strip(), self.date.text().strip(), self.format.currentData()

    @classmethod
    def ask(cls, parent=None) -> tuple[str, str, str] | None:
        """(number, date text, format), or None when cancelled."""
        dialog = cls(parent)
        return dialog.values() if dialog.exec() == QDialog.Accepted else None
