"""“Thông tin cơ quan…”: the compiling office chosen from the national catalog, its header, place,
signer, own reporting units, page margins and deadlines; also the first start's window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QVBoxLayout)

from ..core import catalog
from ..core.deadlines import deadline, set_deadline
from ..core.errors import UserError
from ..core.office_setup import (department_defaults, office_defaults, office_unit, set_header,
                                 set_up_office)
from ..core.periods import parse_period
from ..core.units import current_office
from ..core.wording import date
from ..exchange.page import MARGINS, get_margins, set_margin
from .catalog_dialog import CatalogRow
from .level_texts import LevelTexts
from .place_offer import PlaceOffer
from .units_box import UnitsBox

TITLE = "Thông tin cơ quan"
SHOWN = 12  # matches listed; more ask for another word
HEADER_LABELS = (  # Unit field, label
    ("parent_body", "Cơ quan cấp trên (dòng trên, nếu có):"),
    ("header_name", "Tên cơ quan trên văn bản:"),
    ("short_name", "Tên ngắn dùng trong câu:"),
    ("place", "Địa danh ghi ngày tháng:"),
    ("doc_issuer_code", "Ký hiệu trong số văn bản:"),
    ("signer_authority", "Thẩm quyền ký (TM.):"),
    ("signer_deputy", "Ký thay (KT.):"),
    ("signer_title", "Chức vụ người ký:"),
    ("signer_name", "Họ tên người ký:"),
)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


class OfficeDialog(QDialog):
    """One window for everything about the office; `save()` writes it, checked first."""

    units_changed = Signal()  # a unit added, renamed or ended (written at once, not on "Lưu")

    def __init__(self, session, period_id: str | None = None, first_start: bool = False,
                 parent=None):
        super().__init__(parent)
        self.session, self.first_start = session, first_start
        self.period = parse_period(period_id) if period_id else None
        self.office = current_office(session.db)
        self.chosen: catalog.CatalogUnit | None = None
        self.setWindowTitle("Chọn cơ quan – bắt đầu" if first_start else TITLE)
        grid = QGridLayout(self)
        grid.addWidget(self._choice_box(), 0, 0)
        grid.addWidget(self._header_box(), 0, 1)
        grid.addWidget(self._units_box(), 1, 0)
        grid.addWidget(self._page_box(), 1, 1)
        grid.addWidget(self._buttons(), 2, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._load()
        self.resize(1120, 660)  # fits a 1366×768 screen with the taskbar

    # -- building ---------------------------------------------------------------------
    def _choice_box(self) -> QGroupBox:
        box = QGroupBox("Cơ quan tổng hợp báo cáo")
        column = QVBoxLayout(box)
        self.current = QLabel()
        self.current.setWordWrap(True)
        column.addWidget(self.current)
        column.addWidget(CatalogRow(self.session, self._catalog_updated))  # its release, update
        self.search = QLineEdit()
        self.search.setPlaceholderText("Gõ tên xã, phường hoặc tỉnh (có dấu hoặc không), "
                                       "ví dụ: phu thong")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._find)
        column.addWidget(QLabel("Tìm trong danh mục đơn vị hành chính (từ 01/7/2025):"))
        column.addWidget(self.search)
        self.matches = QListWidget()
        self.matches.setMinimumHeight(120)
        self.matches.currentItemChanged.connect(self._picked)
        column.addWidget(self.matches, 1)
        self.more = QLabel()
        column.addWidget(self.more)
        row = QHBoxLayout()
        row.addWidget(QLabel("Làm cơ quan tổng hợp từ ngày:"))
        self.start = _date_edit(catalog.VALID_FROM)
        row.addWidget(self.start)
        row.addStretch(1)
        column.addLayout(row)
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        self.meaning.setMinimumHeight(self.meaning.fontMetrics().lineSpacing() * 3)
        column.addWidget(self.meaning)
        return box

    def _header_box(self) -> QGroupBox:
        box = QGroupBox("Tiêu đề văn bản và người ký")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.header: dict[str, QLineEdit] = {}
        for code, label in HEADER_LABELS:
            self.header[code] = QLineEdit()
            form.addRow(label, self.header[code])
            if code == "place":  # the full form offered for a name after a person or event
                self.place_offer = PlaceOffer(self.header[code], self._shown_unit)
                form.addRow(self.place_offer)
        self.header["parent_body"].setPlaceholderText("ví dụ: UBND TỈNH THÁI NGUYÊN (để trống "
                                                      "nếu là Ủy ban nhân dân)")
        self.department = QPushButton("Sở Văn hóa, Thể thao và Du lịch lập báo cáo")
        self.department.setToolTip("Điền tiêu đề và khối chữ ký của Sở (dưới dòng UBND tỉnh)")
        self.department.clicked.connect(self._as_department)
        form.addRow(self.department)
        return box

    def _shown_unit(self) -> tuple[str, str] | None:
        """(kind, name) of the office chosen or shown, whose place the date line writes."""
        unit = self.chosen or self.office
        return (unit.kind, unit.name) if unit is not None else None

    def _province_name(self) -> str | None:
        """The province of the office chosen or shown, when it is a province's."""
        if self.chosen is not None:
            return self.chosen.name if self.chosen.is_province else None
        if self.office is not None and self.office.kind in ("tỉnh", "thành phố"):
            return self.office.name
        return None

    def _as_department(self) -> None:
        for code, value in department_defaults(self._province_name() or "").items():
            self.header[code].setText(value)

    def _units_box(self) -> QGroupBox:
        box = self.units_box = UnitsBox(self.session, "Đơn vị báo cáo cho cơ quan", self)
        self.own_units, self.new_unit, self.add_unit = box.list, box.name, box.add_button
        box.changed.connect(self.units_changed)
        return box

    def _page_box(self) -> QGroupBox:
        box = QGroupBox("Lề trang in (mm) và hạn gửi báo cáo")
        form = QFormLayout(box)
        self.margins: dict[str, QDoubleSpinBox] = {}
        for side, (_, _, low, high, name) in MARGINS.items():
            spin = QDoubleSpinBox()
            spin.setRange(low, high)
            spin.setDecimals(0)
            spin.setSuffix(" mm")
            self.margins[side] = spin
            form.addRow(f"{name.capitalize()}:", spin)
        self.deadline_units = _date_edit(dt.date.today())
        self.deadline_office = _date_edit(dt.date.today())
        self.deadline_label = QLabel()
        form.addRow(self.deadline_label)
        self.units_deadline_label, self.office_deadline_label = QLabel(), QLabel()
        form.addRow(self.units_deadline_label, self.deadline_units)
        form.addRow(self.office_deadline_label, self.deadline_office)
        return box

    def _show_level(self, office) -> None:
        """The office's own words: "Hạn các xã, phường gửi", "Hạn gửi Bộ" (generic: no office)."""
        texts = LevelTexts.of(self.session.form, office)
        self.units_deadline_label.setText(f"Hạn {texts.members} gửi:")
        self.office_deadline_label.setText(f"Hạn gửi {texts.parent}:")
        self.units_box.setTitle("Đơn vị báo cáo cho cơ quan"
                                + (f" ({texts.member})" if office is not None else ""))

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Lưu" if not self.first_start else "Bắt đầu",
                                             QDialogButtonBox.AcceptRole)
        buttons.addButton("Đóng" if not self.first_start else "Thoát", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self._save_and_close)
        buttons.rejected.connect(self.reject)
        return buttons

    # -- showing ----------------------------------------------------------------------
    def _load(self) -> None:
        office = self.office
        if office is None:
            self.current.setText("Chưa có cơ quan. Hãy tìm và chọn xã, phường hoặc tỉnh của "
                                 "mình trong danh mục dưới đây.")
        else:
            end = f" đến {date(dt.date.fromisoformat(office.valid_to))}" if office.valid_to else ""
            self.current.setText(f"Hiện tại: <b>{office.name}</b> (từ "
                                 f"{date(dt.date.fromisoformat(office.valid_from))}{end}). Chọn "
                                 "cơ quan khác chỉ khi cơ quan kế nhiệm bắt đầu làm báo cáo.")
            for code, edit in self.header.items():
                edit.setText(getattr(office, code) or "")
        self.current.setTextFormat(Qt.RichText)
        margins = get_margins(self.session.db)
        for side, spin in self.margins.items():
            spin.setValue(getattr(margins, side))
        self._load_deadlines()
        self._load_units()
        self._show_level(office)
        self.department.setEnabled(self._province_name() is not None)

    def _load_deadlines(self) -> None:
        period = self.period
        enabled = period is not None
        for edit in (self.deadline_units, self.deadline_office):
            edit.setEnabled(enabled)
        if not enabled:
            self.deadline_label.setText("Hạn gửi: chọn một kỳ báo cáo trong cửa sổ chính.")
            return
        self.deadline_label.setText(f"Kỳ {period.label}:")
        self.deadline_units.setDate(_qdate(deadline(self.session.db, period, "unit")))
        self.deadline_office.setDate(_qdate(deadline(self.session.db, period, "office")))

    def _load_units(self) -> None:
        self.units_box.show_units(self.office if self.chosen is None else None)

    def _find(self, text: str) -> None:
        self.matches.clear()
        found = catalog.search(text) if len(text.strip()) >= 2 else []
        for unit in found[:SHOWN]:
            item = QListWidgetItem(f"{unit.label}  ({unit.code})")
            item.setData(Qt.UserRole, unit.code)
            self.matches.addItem(item)
        extra = len(found) - SHOWN
        self.more.setText(f"… và {extra} đơn vị khác: gõ thêm một từ (ví dụ tên tỉnh)."
                          if extra > 0 else ("Không thấy tên nào như vậy; hãy gõ lại."
                                             if text.strip() and not found else ""))

    def _picked(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self.chosen = catalog.get(item.data(Qt.UserRole))
        for code, value in office_defaults(self.chosen).items():
            if code in self.header:
                self.header[code].setText(value)
        self.meaning.setText(self._meaning(self.chosen))
        self._load_units()
        self._show_level(office_unit(self.chosen, catalog.VALID_FROM))
        self.department.setEnabled(self._province_name() is not None)

    def _meaning(self, unit: catalog.CatalogUnit) -> str:
        texts = LevelTexts.of(self.session.form, office_unit(unit, catalog.VALID_FROM))
        if unit.is_province:
            count = len(catalog.communes_of(unit.code))
            return (f"{unit.name} tổng hợp báo cáo từ {count} {texts.member} (tự thêm làm "
                    "đơn vị báo cáo). Một sở viết tên mình ở ô “Tên cơ quan” và “UBND TỈNH …” ở "
                    "ô “Cơ quan cấp trên”.")
        return (f"{unit.name} ({unit.province_name}) lập báo cáo của mình; {texts.members} báo "
                f"cáo cho {unit.kind} (nếu có) thêm được sau khi lưu.")

    # -- saving -----------------------------------------------------------------------
    def save(self) -> bool:
        """Write every part; a refused value is said in one sentence and nothing half-written."""
        db = self.session.db
        try:
            with db.atomic():
                if self.chosen is not None and (self.office is None
                                                or self.chosen.code != self.office.code):
                    self.office = set_up_office(db, self.chosen.code,
                                                _pydate(self.start.date())).office
                if self.office is None:
                    raise UserError("Chưa chọn cơ quan. Hãy gõ tên xã, phường hoặc tỉnh rồi "
                                    "chọn một dòng trong danh sách.")
                changes = {code: edit.text() for code, edit in self.header.items()}
                self.office = set_header(db, changes, self.office)
                for side, spin in self.margins.items():
                    set_margin(db, side, spin.value())
                if self.period is not None:
                    set_deadline(db, self.period, "unit", _pydate(self.deadline_units.date()))
                    set_deadline(db, self.period, "office", _pydate(self.deadline_office.date()))
        except UserError as exc:
            QMessageBox.warning(self, TITLE, exc.message)
            return False
        return True

    def _catalog_updated(self) -> None:
        self.catalog_updated = True  # the window refreshes even if this dialog is then closed
        self.office = current_office(self.session.db)
        self._load()

    def _save_and_close(self) -> None:
        if self.save():
            self.accept()

    @classmethod
    def run(cls, session, period_id: str | None = None, first_start: bool = False,
            parent=None, units_changed=None) -> bool:
        """Show the window; True once the user has saved (`units_changed` is called after
        each change of the units, while the window is open)."""
        dialog = cls(session, period_id, first_start, parent)
        if units_changed is not None:
            dialog.units_changed.connect(units_changed)
        return dialog.exec() == QDialog.Accepted or getattr(dialog, "catalog_updated", False)
