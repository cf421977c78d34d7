"""Figures made from the reporting units' returns: the total, who gave what, and the office's
override."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ..core import wording
from ..core.aggregate import AGGREGATORS, Figure, gathered_lines
from ..core.definition import Field
from ..core.numbers import parse_count
from .editors import Editor, route_undo_keys
from .level_texts import LevelTexts, capitalised

OVERRIDE_STYLE = "background: #fff4d6;"
READ_ONLY_STYLE = "background: #eef1f4; color: #222;"


def breakdown_lines(fig: Figure | None, names: dict[str, str]) -> list[str]:
    """"Xã Vi Hương: 12" for every unit that reported, in the order of the units."""
    if fig is None:
        return []
    return [f"{names.get(code, code)}: {_shown(v)}" for code, v in fig.by_unit.items()]


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(r.get("name", "") if isinstance(r, dict) else str(r) for r in value)
    return wording.value("", value)


def units_total(field: Field, fig: Figure | None) -> int | None:
    """The communes' total by the core's own rule, whether or not the office overrode it."""
    if fig is None:
        return None
    return AGGREGATORS[field.aggregate](field, None, fig.by_unit, {})


class FigureCountEditor(Editor):
    """A count the office's units report: where it is the office's own work at its level (a
    commune's radio) the office types it, its units' total shown beside; elsewhere the units'
    sum, read-only unless "Sửa tay", its value the override."""

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.figure: Figure | None = None
        self.names: dict[str, str] = {}
        self.texts = LevelTexts()
        self.own = False  # the office's own work at its level: typed, no "Sửa tay"
        edit = self._add(QLineEdit())
        edit.setMaximumWidth(160)
        edit.textEdited.connect(self._changed)
        self.toggle = QCheckBox("Sửa tay")
        self.toggle.toggled.connect(self._toggled)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.layout_.addWidget(self.toggle)
        self.layout_.addWidget(self.info, 1)
        self._show(None)

    def set_figure(self, fig: Figure | None, names: dict[str, str],
                   texts: LevelTexts = LevelTexts()) -> None:
        self.figure, self.names, self.texts = fig, names, texts
        self.own = self.field.code in texts.own
        self.toggle.setVisible(not self.own)
        self._show(None)  # an override being typed stays as it is

    def _show(self, override: int | None) -> None:
        if self.own:
            self._show_own()
            return
        total = units_total(self.field, self.figure)
        lines = breakdown_lines(self.figure, self.names)
        on = override is not None or self.toggle.isChecked()
        self.main.setReadOnly(not on)
        self.main.setStyleSheet(OVERRIDE_STYLE if on else READ_ONLY_STYLE)
        if not on:
            self.main.setText("" if total is None else wording.number(total))
        shown = "—" if total is None else wording.number(total)
        members, member = self.texts.members, self.texts.member
        reported = (f"{wording.number(len(lines))} {member} đã báo cáo, tổng {shown} "
                    f"(để chuột lên ô số để xem từng {member})")
        self.info.setText(("ĐÃ SỬA TAY. " if on else f"Tổng của {members} báo cáo. ") + reported)
        self.main.setToolTip("\n".join(lines) or f"Chưa có {member} nào báo cáo số liệu này.")
        self.toggle.setToolTip(f"Đánh dấu để tự ghi số liệu thay cho tổng của {members} báo cáo; "
                               f"bỏ đánh dấu (Bỏ sửa tay) để dùng lại tổng của {members} báo cáo.")
        self.info.setToolTip(self.main.toolTip())

    def _show_own(self) -> None:
        """The office's own figure, typed; what its units reported is said beside, apart."""
        self.main.setReadOnly(False)
        self.main.setStyleSheet("")
        lines = breakdown_lines(self.figure, self.names)
        total = units_total(self.field, self.figure)
        members, member = self.texts.members, self.texts.member
        self.info.setText("" if not lines else
                          f"Số liệu của chính cơ quan. {capitalised(members)} báo cáo thêm: "
                          f"{wording.number(len(lines))} {member}, tổng "
                          f"{wording.number(total)} (in ở câu riêng và ở Phụ lục, không cộng "
                          "vào số của cơ quan)")
        self.main.setToolTip("\n".join(lines))
        self.info.setToolTip(self.main.toolTip())
        self.toggle.setToolTip("")  # hidden: nothing to override

    def _load(self, value):
        self.toggle.setChecked(value is not None)
        if value is not None or self.own:
            self.main.setText("" if value is None else wording.number(value))
        self._show(value)

    def _toggled(self, on: bool) -> None:
        if self._loading:
            return
        if not on:
            self.main.setText("")
        self._show(None)
        if on:
            self.main.setFocus()
            self.main.selectAll()
        self._changed()

    def typed_text(self) -> str:
        return self.main.text() if self.own or self.toggle.isChecked() else ""

    def value(self):
        return parse_count(self.main.text()) if self.own or self.toggle.isChecked() else None


class UnitsView(QWidget):
    """A read-only view of what the communes sent for a field (share, texts, projects); texts
    can be taken, with their sources, into the office's own field (`take`)."""

    take = Signal(list)  # the units' lines, "Thôn Nà Bản: …", for the office's own field

    def __init__(self, field: Field, parent=None):
        super().__init__(parent)
        self.field = field
        self.lines: list[str] = []
        self.take_button: QPushButton | None = None
        self.take_target = ""  # the office's field the texts are taken into
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        if field.aggregate == "gather_text":
            self.view = QPlainTextEdit()
            self.view.setReadOnly(True)
            self.view.setTabChangesFocus(True)
            self.view.setMinimumHeight(self.view.fontMetrics().lineSpacing() * 6 + 12)
            route_undo_keys(self.view)
        else:
            self.view = QLabel()
            self.view.setWordWrap(True)
        self.view.setStyleSheet(READ_ONLY_STYLE)
        column.addWidget(self.view)

    def offer_take(self, target_label: str) -> None:
        """A button that copies the units' texts into the office's own field (named)."""
        self.take_button = QPushButton(f"Chép các ý này vào “{target_label}”")
        self.take_button.clicked.connect(lambda: self.take.emit(list(self.lines)))
        self.take_button.setEnabled(bool(self.lines))
        self.layout().addWidget(self.take_button, 0, Qt.AlignLeft)

    def set_figure(self, fig: Figure | None, names: dict[str, str],
                   texts: LevelTexts = LevelTexts()) -> None:
        if self.field.aggregate == "gather_text":
            items = (fig.units_value if fig else None) or []
            self.lines = gathered_lines(items)
            if self.take_button is not None:
                self.take_button.setEnabled(bool(self.lines))
            text = "\n\n".join(f"[{i['unit_name']}] {i['text']}" for i in items)
            self.view.setPlainText(text or f"Chưa có {texts.member} nào gửi nội dung này.")
            return
        self.view.setText(self._summary(fig, names, texts))

    def _summary(self, fig: Figure | None, names: dict[str, str], texts: LevelTexts) -> str:
        lines = breakdown_lines(fig, names)
        if not lines:
            return f"Chưa có {texts.member} nào báo cáo."
        count = wording.number(len(lines))
        if self.field.aggregate == "share_yes":
            yes = sum(1 for v in fig.by_unit.values() if v)
            head = (f"{wording.share(fig.value)} ({wording.number(yes)}/{count} {texts.member} "
                    f"trả lời “Có”), tính từ báo cáo của {texts.members}.")
        else:
            head = (f"{capitalised(texts.members)} báo cáo thêm ({count} {texts.member}), "
                    "được gộp vào báo cáo:")
            lines = [f"• {line}" for line in lines]
            return head + "\n" + "\n".join(lines)
        return head + "\n" + "; ".join(lines) + "."
