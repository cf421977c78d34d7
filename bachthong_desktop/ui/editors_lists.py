"""Editors of structured kinds: numbered items with sub-bullets, and tables of records."""

from __future__ import annotations

import re

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QBoxLayout, QHBoxLayout, QLabel, QHeaderView, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.definition import Field
from ..core.numbers import NumberError, parse_date
from ..core.wording import format_date_d30
from ..core.text import clean
from .editors import Editor, PlainEditor, route_undo_keys
from .marked_cells import MarkedCellDelegate, cell_text, set_cell_text

_CHILD = re.compile(r"^\s*[-+•*]\s*")
WIDTHS = {"name": 260, "donor": 180, "purpose": 260, "status": 180, "description": 320,
          "start": 95, "end": 95}
_NUMBER = re.compile(r"^\s*\d+\s*[.)]\s+")
BAD_CELL = "#fdecea"  # the background of a cell that does not read, as a red box's


def _unreadable(text: str) -> bool:
    try:
        parse_date(text)
    except NumberError:
        return True
    return False


def parse_nested(text: str) -> list[dict]:
    """Lines are numbered items; a line starting with "- " is a sub-bullet of the item above."""
    items: list[dict] = []
    for line in text.splitlines():
        if not clean(line):
            continue
        if _CHILD.match(line):
            child = clean(_CHILD.sub("", line, count=1))
            if not items:
                items.append({"text": "", "children": []})
            items[-1]["children"].append(child)
        else:
            items.append({"text": clean(_NUMBER.sub("", line, count=1)), "children": []})
    return items


def nested_text(items: list[dict] | None) -> str:
    lines = []
    for item in items or []:
        lines.append(item.get("text", ""))
        lines += [f"- {c}" for c in item.get("children", [])]
    return "\n".join(lines)


HINT = ("Mỗi dòng là một mục, khi in tự đánh số 1, 2, 3...\n"
        "Dòng bắt đầu bằng “- ” là ý nhỏ của mục ngay trên nó.")


class NestedListEditor(PlainEditor):
    """Numbered items with sub-bullets written as lines starting with "- ", as in the report."""

    ROWS = 10

    def __init__(self, field: Field, parent=None):
        super().__init__(field, parent)
        self.main.setPlaceholderText(HINT)
        hint = QLabel(HINT.replace("\n", " "))
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        self.layout_.setDirection(QBoxLayout.TopToBottom)
        self.layout_.insertWidget(0, hint)

    def _load(self, value):
        self.main.set_marked(nested_text(value))

    def value(self):
        return parse_nested(self.marked())


class TableEditor(Editor):
    """Rows of records (the NGO projects) with add, remove and move buttons."""

    def __init__(self, field: Field, parent=None, reporter: str = "office"):
        super().__init__(field, parent)
        self.columns = [c for c in field.columns if reporter in c.reporters]
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        table = QTableWidget(0, len(self.columns))
        table.setHorizontalHeaderLabels([c.label for c in self.columns])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        table.horizontalHeader().setDefaultSectionSize(150)
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setMinimumHeight(240)
        lines = table.fontMetrics().lineSpacing()
        table.verticalHeader().setDefaultSectionSize(lines * 3 + 8)
        table.verticalHeader().setSectionResizeMode(QHeaderView.Interactive)
        for col, c in enumerate(self.columns):
            table.setColumnWidth(col, WIDTHS.get(c.code, 130))
            if c.role == "description":  # the row's own wording takes Ctrl+B / Ctrl+I
                table.setItemDelegateForColumn(col, MarkedCellDelegate(table))
        table.itemChanged.connect(self._changed)
        self.table = table
        route_undo_keys(table)
        column.addWidget(table)
        column.addLayout(self._buttons())
        self.main = box
        self.layout_.addWidget(box)
        self.setFocusProxy(table)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (("Thêm dòng", self.add_row), ("Xóa dòng", self.remove_row),
                           ("Lên trên", lambda: self.move_row(-1)),
                           ("Xuống dưới", lambda: self.move_row(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def focus_widget(self):
        return self.table

    def set_problem(self, message):
        self.table.setStyleSheet("QTableWidget { border: 2px solid #c0392b; }" if message else "")
        self.table.setToolTip(message or "")
        self._loading = True  # colouring a cell is no edit
        try:
            for row, c, text in self._date_cells(empty=True):
                item = self.table.item(row, self.columns.index(c))
                item.setBackground(QColor(BAD_CELL) if _unreadable(text) else QBrush())
        finally:
            self._loading = False

    def _set_row(self, row: int, record: dict) -> None:
        for col, c in enumerate(self.columns):
            cell = record.get(c.code)
            if c.kind == "date" and cell:
                cell = format_date_d30(parse_date(cell))
            item = QTableWidgetItem()
            set_cell_text(item, "" if cell is None else str(cell))
            item.setToolTip(item.text() if len(item.text()) > 30 else "")
            self.table.setItem(row, col, item)

    def _load(self, value):
        self.table.setRowCount(0)
        for record in value or []:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._set_row(row, record)

    def _record(self, row: int) -> dict:
        out = {}
        for col, c in enumerate(self.columns):
            item = self.table.item(row, col)
            out[c.code] = cell_text(item) if item else ""
        return out

    def _date_cells(self, empty: bool = False):
        """(row, column, text) of every date cell with something typed in it (or any)."""
        for row in range(self.table.rowCount()):
            for col, c in enumerate(self.columns):
                item = self.table.item(row, col)
                if c.kind == "date" and item is not None and (empty or clean(item.text())):
                    yield row, c, item.text()

    def typed_text(self) -> str | None:
        """The first date cell that does not read, with where it is; None when all read."""
        for row, c, text in self._date_cells():
            if _unreadable(text):
                return f"{clean(text)} ở dòng {row + 1}, cột “{c.label}”"
        return None

    def value(self):
        rows = [self._record(r) for r in range(self.table.rowCount())]
        for row, c, text in self._date_cells():
            try:
                day = parse_date(text)
            except NumberError as exc:
                raise NumberError(f"Dòng {row + 1}, cột “{c.label}”: {exc.message}") from None
            rows[row][c.code] = day.isoformat() if day else ""
        return rows

    def add_row(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCurrentCell(row, 0)
        self._changed()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._changed()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        upper, lower = self._record(row), self._record(target)
        self._loading = True
        try:
            self._set_row(row, lower)
            self._set_row(target, upper)
        finally:
            self._loading = False
        self.table.setCurrentCell(target, self.table.currentColumn())
        self._changed()
