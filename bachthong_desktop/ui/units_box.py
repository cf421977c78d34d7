"""The office window's list of the units reporting to a commune: add (Enter or “Thêm”), rename
and end with a date; every change is written at once and announced by `changed`."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (QDateEdit, QDialog, QGroupBox, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QVBoxLayout)

from ..core.errors import UserError
from ..core.office_setup import add_own_unit
from ..core.unit_names import SimilarName, rename_unit
from ..core.units import Unit, end_unit, reporting_units
from ..core.wording import date
from .dialogs import ask, ok_cancel

NONE_TEXT = "(không có: cơ quan tự lập báo cáo của mình)"


def unit_line(unit: Unit) -> str:
    """"01969-02  Thôn Khuổi Lừa", with "(đến 31/03/2026)" once it is ended."""
    end = f"  (đến {date(dt.date.fromisoformat(unit.valid_to))})" if unit.valid_to else ""
    return f"{unit.code}  {unit.name}{end}"


class EndDialog(QDialog):
    """The last day a unit exists (merged, split or abolished)."""

    def __init__(self, unit: Unit, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Kết thúc đơn vị")
        self.setMinimumWidth(440)
        first = dt.date.fromisoformat(unit.valid_from)
        note = QLabel(f"“{unit.name}” thôi báo cáo sau ngày nào (sáp nhập, giải thể)? Các kỳ "
                      "đến ngày đó vẫn giữ đơn vị này; các kỳ sau không còn chờ báo cáo của nó.")
        note.setWordWrap(True)
        today = dt.date.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setMinimumDate(QDate(first.year, first.month, first.day))
        buttons = ok_cancel(self, "Kết thúc", self.accept)
        column = QVBoxLayout(self)
        column.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(QLabel("Ngày cuối cùng:"))
        row.addWidget(self.day)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(buttons)

    def last_day(self) -> dt.date:
        return self.day.date().toPython()


class UnitsBox(QGroupBox):
    """The units of the office shown; `changed` fires after each add, rename or end."""

    changed = Signal()

    def __init__(self, session, title: str, parent=None):
        super().__init__(title, parent)
        self.session = session
        self.office: Unit | None = None
        column = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Tên mới, ví dụ Thôn Nà Pài")
        self.name.installEventFilter(self)  # Enter adds the unit, never closes the window
        self.add_button = QPushButton("Thêm")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton("Đổi tên…")
        self.rename_button.clicked.connect(lambda: self.rename())
        self.end_button = QPushButton("Kết thúc…")
        self.end_button.setToolTip("Ghi ngày đơn vị thôi báo cáo (sáp nhập, giải thể)")
        self.end_button.clicked.connect(lambda: self.end())
        row.addWidget(self.name, 1)
        for button in (self.add_button, self.rename_button, self.end_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        column.addLayout(row)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.name and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Return, Qt.Key_Enter)):
            self.add()
            return True
        return super().eventFilter(watched, event)

    # -- showing ----------------------------------------------------------------------
    def show_units(self, office: Unit | None) -> None:
        """The office's units, ended ones with their last day; editable for a commune's own."""
        self.office = office
        self.list.clear()
        units = reporting_units(self.session.db, office.code) if office else []
        for unit in units:
            item = QListWidgetItem(unit_line(unit))
            item.setData(Qt.UserRole, unit)
            self.list.addItem(item)
        if not units:
            self.list.addItem(NONE_TEXT)
        self.name.setEnabled(self.editable)
        self.add_button.setEnabled(self.editable)
        self._enable()

    @property
    def editable(self) -> bool:
        """A commune's (or ward's) own units; a province's units come from the catalog."""
        return self.office is not None and self.office.kind not in ("tỉnh", "thành phố", "huyện")

    def selected(self) -> Unit | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def _enable(self) -> None:
        chosen = self.editable and self.selected() is not None
        self.rename_button.setEnabled(chosen)
        self.end_button.setEnabled(chosen)

    def _select(self, code: str) -> None:
        for row in range(self.list.count()):
            unit = self.list.item(row).data(Qt.UserRole)
            if unit is not None and unit.code == code:
                self.list.setCurrentRow(row)
                self.list.scrollToItem(self.list.item(row))

    # -- changing ---------------------------------------------------------------------
    def _attempt(self, write) -> Unit | None:
        """Write; a lookalike name is asked first, a refused one said in one sentence."""
        try:
            try:
                return write(False)
            except SimilarName as similar:
                if not ask(self, self.title(), similar.message, "Là đơn vị khác, vẫn lưu",
                           "Quay lại sửa tên"):
                    return None
                return write(True)
        except UserError as exc:
            QMessageBox.warning(self, self.title(), exc.message)
            return None

    def _done(self, unit: Unit | None) -> Unit | None:
        if unit is not None:
            self.show_units(self.office)
            self._select(unit.code)
            self.changed.emit()
        return unit

    def add(self) -> Unit | None:
        """The unit typed, added to the office (Enter in the name does the same)."""
        if not self.editable:
            return None
        typed = self.name.text()
        unit = self._attempt(lambda ok: add_own_unit(self.session.db, typed, target=self.office,
                                                     similar_ok=ok))
        if unit is not None:
            self.name.clear()
        return self._done(unit)

    def rename(self, new_name: str | None = None) -> Unit | None:
        """The selected unit's new name (asked when not given)."""
        unit = self.selected()
        if unit is None:
            return None
        if new_name is None:
            new_name, ok = QInputDialog.getText(self, "Đổi tên đơn vị",
                                                f"Tên mới của “{unit.name}”:", text=unit.name)
            if not ok:
                return None
        return self._done(self._attempt(
            lambda ok: rename_unit(self.session.db, unit, new_name, similar_ok=ok)))

    def end(self, last_day: dt.date | None = None) -> Unit | None:
        """The selected unit ends after a day (asked when not given)."""
        unit = self.selected()
        if unit is None:
            return None
        if last_day is None:
            dialog = EndDialog(unit, self)
            if dialog.exec() != QDialog.Accepted:
                return None
            last_day = dialog.last_day()
        return self._done(self._attempt(lambda ok: end_unit(self.session.db, unit.code, last_day)))
