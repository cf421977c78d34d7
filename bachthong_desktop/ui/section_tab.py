"""One tab of the window: the fields of one section, built from the definition."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget)

from ..core.definition import Field
from .editors import (CountEditor, DateEditor, Editor, ListEditor, LongTextEditor, TextEditor,
                      YesNoEditor)
from .editors_lists import NestedListEditor, TableEditor
from .figures import FigureCountEditor, UnitsView
from .level_texts import LevelTexts

EDITORS = {"count": CountEditor, "yesno": YesNoEditor, "date": DateEditor, "text": TextEditor,
           "longtext": LongTextEditor, "list": ListEditor, "nested_list": NestedListEditor,
           "table": TableEditor}
WIDE_KINDS = {"longtext", "list", "nested_list", "table"}
RESERVED_KINDS = {"count", "date", "text", "yesno"}  # one-line editors, checked as typed
NOTE_STYLE = "color: #555;"
PROBLEM_STYLE = "color: #c0392b;"
WARNING_STYLE = "color: #9a6700;"


def make_editor(field: Field, commune: bool) -> tuple[Editor | None, UnitsView | None]:
    """The editor of a field (None when it is read-only) and its view of the communes' values."""
    if commune:
        if field.kind == "table":
            return TableEditor(field, reporter="units"), None
        return EDITORS[field.kind](field), None
    if field.from_units and not field.from_office:
        if field.kind == "count" and field.aggregate == "sum":
            return FigureCountEditor(field), None
        return None, UnitsView(field)
    view = UnitsView(field) if field.from_units else None
    return EDITORS[field.kind](field), view


class FieldRow(QWidget):
    """An editor (or a read-only view) with its note and its problem message under it."""

    def __init__(self, field: Field, editor: Editor | None, view: UnitsView | None):
        super().__init__()
        self.field, self.editor, self.view = field, editor, view
        self.label: QLabel | None = None  # its name in the tab, set by the tab
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        for widget in (editor, view):
            if widget is not None:
                column.addWidget(widget)
        self.note = self._small(column, NOTE_STYLE)
        self.problem = self._small(column, PROBLEM_STYLE)
        self.reserved = field.kind in RESERVED_KINDS and editor is not None
        if self.reserved:  # its message comes and goes while typing: keep its place
            self.problem.setMinimumHeight(self.problem.fontMetrics().lineSpacing() * 2)
            self.problem.show()

    def _small(self, column: QVBoxLayout, style: str) -> QLabel:
        label = QLabel()
        label.setStyleSheet(style)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        label.hide()
        column.addWidget(label)
        return label

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def set_problem(self, text: str, warning: bool = False) -> None:
        self.problem.setStyleSheet(WARNING_STYLE if warning else PROBLEM_STYLE)
        self.problem.setText(text)
        self.problem.setVisible(bool(text) or self.reserved)


def append_lines(editor: Editor, lines: list[str]) -> None:
    """Lines added at the end of a multi-line editor, as if typed there (undo takes them back)."""
    box = editor.main
    cursor = box.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    start = "\n" if box.toPlainText().strip() else ""
    cursor.insertText(start + "\n".join(lines))
    box.setTextCursor(cursor)
    box.setFocus()


def field_label(field: Field, commune: bool = False, texts: LevelTexts = LevelTexts()) -> str:
    if field.aggregate == "gather_text" and not commune:
        return (f"{field.label}: {texts.members} báo cáo gửi lên, kèm tên từng nơi (chép ý "
                "cần dùng vào ô trên; khi ô trên để trống, báo cáo in các ý này)")
    unit = f" ({field.unit})" if field.unit and field.kind == "count" else ""
    return field.label + unit + (" *" if field.required else "")


class SectionTab(QScrollArea):
    """The fields of one section, each with its editor; the window's saver loads and saves them.

    The widgets are made when the tab is first shown (or first asked for): the window opens
    fast, and `on_built(tab)` lets the window load values into them then.
    """

    def __init__(self, title: str, fields: list[Field], commune: bool = False, parent=None,
                 on_built=None):
        super().__init__(parent)
        self.title, self.fields, self.commune, self.on_built = title, fields, commune, on_built
        self.codes = {f.code for f in fields}
        self.texts = LevelTexts()  # the words for the office's units, handed with the figures
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self._rows: dict[str, FieldRow] | None = None

    @property
    def built(self) -> bool:
        return self._rows is not None

    @property
    def rows(self) -> dict[str, FieldRow]:
        self.ensure_built()
        return self._rows

    def ensure_built(self) -> None:
        if self._rows is not None:
            return
        self._rows = {}
        body = QWidget()
        form = QFormLayout(body)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignLeft | Qt.AlignTop)
        form.setContentsMargins(16, 12, 16, 12)
        form.setVerticalSpacing(10)
        for f in self.fields:
            self._add_row(form, f, self.commune, *make_editor(f, self.commune))
        self.setWidget(body)
        if self.on_built is not None:
            self.on_built(self)

    def showEvent(self, event) -> None:
        self.ensure_built()
        super().showEvent(event)

    def _add_row(self, form: QFormLayout, f: Field, commune: bool, editor, view) -> None:
        row = FieldRow(f, editor, view)
        label = row.label = QLabel(field_label(f, commune, self.texts))
        label.setWordWrap(True)
        if f.kind in WIDE_KINDS or view is not None and editor is None:
            label.setStyleSheet("font-weight: bold;")
            form.addRow(label)
            form.addRow(row)
        else:
            label.setMinimumWidth(300)
            label.setMaximumWidth(380)
            form.addRow(label, row)
        if editor is not None:
            label.setBuddy(editor.focus_widget())
        self._rows[f.code] = row

    def link_take(self, gathered: str, target: str) -> None:
        """The units' texts of `gathered` can be copied into the office's field `target`."""
        rows = self.rows
        if gathered not in rows or target not in rows or rows[gathered].view is None:
            return
        editor = rows[target].editor
        rows[gathered].view.offer_take(rows[target].field.label.split(" (")[0])
        rows[gathered].view.take_target = target
        rows[gathered].view.take.connect(lambda lines: append_lines(editor, lines))

    @property
    def editors(self) -> dict[str, Editor]:
        return {c: r.editor for c, r in self.rows.items() if r.editor is not None}

    def set_figures(self, figures: dict, names: dict[str, str],
                    texts: LevelTexts = LevelTexts()) -> None:
        """The office's figures, its units' names and the words for them ("các xã" ...)."""
        renamed, self.texts = texts != self.texts, texts
        for code, row in self.rows.items():
            if renamed:
                row.label.setText(field_label(row.field, self.commune, texts))
            for widget in (row.editor, row.view):
                if isinstance(widget, (FigureCountEditor, UnitsView)):
                    widget.set_figure(figures.get(code), names, texts)
            self._show_row(row, code not in texts.hidden)
            take = getattr(row.view, "take_button", None)
            if take is not None:  # never into a field the level lacks (2023: no proposals)
                take.setVisible(row.view.take_target not in texts.hidden)

    def _show_row(self, row: FieldRow, shown: bool) -> None:
        """A field of a body the office's level does not have is not asked for."""
        form = self.widget().layout()
        for widget in (row.label, row):
            form.setRowVisible(widget, shown)
