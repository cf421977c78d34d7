"""The main window: office and period at the top, one tab per section, saved as you type."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QVBoxLayout, QWidget

from ..core.checks import WARNING, Problem, check_values, far_problem, required_problem
from ..core.commune_mode import OFFICE, Mode
from ..core.definition import Field, Form
from ..core.periods import parse_period
from ..core.settings import get_setting, set_setting
from ..core.start_view import GEOMETRY_KEY, StartView
from ..core.units import get_unit
from .embedded import LazyTab, is_real, optional_tab
from .opening_view import OpeningView, tab_widget

if TYPE_CHECKING:
    from .section_tab import SectionTab

# The editors, the top bar, the saver and the menus' actions are imported by `open`, after the
# frame is painted: with Qt's enums they cost the first paint some 30 ms (see ui/start.py).

PERIOD_KEY = "last_period"
RETURNS_TAB = "Các xã gửi báo cáo"
PREVIEW_TAB = "Xem trước, in"
MENUS = ("&Tệp", "&Sửa", "&Xem", "Trợ &giúp")
DEFAULT_SIZE = (1280, 820)


def tab_titles(form: Form, commune: bool) -> list[str]:
    """The tabs of the window, in order (a commune's copy has no returns or preview tab)."""
    titles = [section.tab for section, _ in form.tab_sections(commune)]
    return titles if commune else [*titles, RETURNS_TAB, PREVIEW_TAB]


class MainWindow(QMainWindow):
    """Data entry for one report (the office's, or one commune's in commune mode)."""

    period_changed = Signal(str)
    opened = Signal()  # the database is open and its values are in the tabs

    def __init__(self, session=None, period_id: str | None = None, mode: Mode | None = None,
                 remember: bool = True):
        """Opened on `session` at once, or (no session) a frame to `show_frame` and `open` later."""
        super().__init__()
        self.remember = remember  # False: leave the size and last period settings alone
        self.session = None
        self._opened = self._sized = False
        self.menus = [self.menuBar().addMenu(title) for title in MENUS]
        if session is not None:
            self.open(session, period_id, mode)

    @property
    def is_open(self) -> bool:
        return self._opened

    def show_frame(self, form: Form, view: StartView) -> None:
        """Before the database is open: the title, menus, tab names and size, painted at once."""
        self.setWindowTitle(form.title)
        commune = view.mode is not None and view.mode.is_commune
        self.setCentralWidget(OpeningView(tab_titles(form, commune)))
        self._apply_geometry(view.geometry)
        self._sized = view.geometry is not None
        self.show()

    def open(self, session, period_id: str, mode: Mode | None = None) -> None:
        """Fill the window from the database: one tab per section, the period's values."""
        from .saver import EditSaver
        from .window_actions import install_actions

        self.session, self.mode = session, mode or Mode(OFFICE)
        self.period = parse_period(period_id).id
        self.unit = get_unit(session.db, self.mode.unit_code) if self.mode.is_commune \
            else session.office
        self.figures: dict = {}
        self.earlier: dict[str, Any] = {}
        self.names: dict[str, str] = {}
        self.undo = QUndoStack(self)
        self.saver = EditSaver(session.store, self.undo, self)
        self._build()
        install_actions(self)
        self.setAcceptDrops(not self.mode.is_commune)
        self.saver.saved.connect(self._after_save)
        self.saver.problem.connect(self._show_typing_problem)
        self.saver.reloaded.connect(self.show_field)
        self.load_period(self.period)
        if not self._sized:  # a frame shown with its saved size keeps it (it may have moved)
            self._apply_geometry(get_setting(session.db, GEOMETRY_KEY))
        self.top.periods.setFocus()  # the frame's widgets, focus included, are gone
        self._opened = True
        self.opened.emit()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        from .section_tab import SectionTab
        from .top_bar import TopBar

        self.setWindowTitle(f"{self.session.form.title} – {self.unit.name}")
        self.top = TopBar(self)
        self.tabs = tab_widget()
        self.section_tabs: list[SectionTab] = []
        for section, fields in self.session.form.tab_sections(self.mode.is_commune):
            tab = SectionTab(section.tab, fields, self.mode.is_commune, on_built=self._tab_built)
            self.section_tabs.append(tab)
            self.tabs.addTab(tab, section.tab)
        self.returns_holder = self.preview_holder = None
        if not self.mode.is_commune:
            self._add_optional_tabs()
        self.tabs.currentChanged.connect(self._tab_changed)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.top)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _add_optional_tabs(self) -> None:
        self.returns_holder = LazyTab(lambda: optional_tab(self._make_returns_tab),
                                      self._returns_built)
        self.tabs.addTab(self.returns_holder, RETURNS_TAB)
        self.preview_holder = LazyTab(lambda: optional_tab(self._make_preview_tab))
        self.tabs.addTab(self.preview_holder, PREVIEW_TAB)

    def _make_returns_tab(self):
        from .returns_tab import ReturnsTab  # imported when first shown, openpyxl with it

        return ReturnsTab(self.session, self.period)

    def _make_preview_tab(self):
        from .preview_tab import PreviewTab

        return PreviewTab(self.session, self.period)

    def _returns_built(self, widget) -> None:
        if hasattr(widget, "returns_changed"):
            widget.returns_changed.connect(self.reload_figures)

    @property
    def returns_tab(self):
        return self.returns_holder.content if self.returns_holder else None

    @property
    def preview_tab(self):
        return self.preview_holder.content if self.preview_holder else None

    def _tab_built(self, tab: SectionTab) -> None:
        """Load the values, totals and notes into a tab made just now."""
        for code, editor in tab.editors.items():
            self.saver.watch(editor)
            editor.load(self.saver.stored.get(code))
            default = getattr(self.unit, editor.field.default_from or "", None)
            if default and hasattr(editor.main, "setPlaceholderText"):
                editor.main.setPlaceholderText(f"để trống sẽ dùng: {default}")
        tab.set_figures(self.figures, self.names)
        for code in tab.rows:
            self._refresh_field(code)

    # -- periods and figures ----------------------------------------------------------
    def load_period(self, period_id: str) -> None:
        """Show the values of another period (pending edits of this one are saved first)."""
        self.saver.flush()
        self.period = parse_period(period_id).id
        self.saver.start(self.period, self.unit.code)
        for widget in (self.returns_tab, self.preview_tab):
            if widget is not None and is_real(widget):
                widget.set_period(self.period)
        self.top.show_period(self.period)
        self.reload_figures()
        if self.remember:
            set_setting(self.session.db, PERIOD_KEY, self.period)
        self.period_changed.emit(self.period)

    def reload_figures(self) -> None:
        """Totals from the communes and last year's values, then notes and checks."""
        earlier = parse_period(self.period).year_earlier().id
        if self.mode.is_commune:
            self.figures = {}
            self.earlier = self.session.store.values(earlier, self.unit.code)
        else:
            self.earlier = {c: f.value for c, f in self.session.compile(earlier).items()}
            self.names = {u.code: u.name for u in self.session.units(self.period)}
            self._recompile()
        for code in self._rows():
            self._refresh_field(code)
        self._mark_preview_stale()

    def current(self, code: str) -> Any:
        """The value the report will use: the office's own (or override), else the total."""
        own = self.saver.stored.get(code)
        if own is not None or self.mode.is_commune:
            return own
        fig = self.figures.get(code)
        return fig.value if fig is not None else None

    def _rows(self) -> dict:
        """The rows of the tabs made so far."""
        return {code: row for tab in self.section_tabs if tab.built
                for code, row in tab.rows.items()}

    def _refresh_field(self, code: str) -> None:
        row = self._rows().get(code)
        if row is None:
            return
        f = row.field
        if f.kind == "count":
            row.set_note(self._earlier_note(code))
        problem = self._field_problem(f)
        row.set_problem(problem.message if problem else "", problem and problem.level == WARNING)

    def _earlier_note(self, code: str) -> str:
        year = parse_period(self.period).year - 1
        before, now = self.earlier.get(code), self.current(code)
        if before is None:
            return f"Cùng kỳ {year}: chưa có số liệu"
        change = f" ({now - before:+d})" if isinstance(now, int) else ""
        return f"Cùng kỳ {year}: {before}{change}"

    def _field_problem(self, f: Field) -> Problem | None:
        value = self.current(f.code)
        return required_problem(f, value) or far_problem(
            f, value, self.earlier.get(f.code), str(parse_period(self.period).year - 1))

    # -- saving -----------------------------------------------------------------------
    def _after_save(self, codes: list[str]) -> None:
        form = self.session.form
        if not self.mode.is_commune and any(form.field(c).from_units for c in codes):
            self._recompile()  # an override set or cleared changes the total shown
        for code in codes:
            self._refresh_field(code)
        self._mark_preview_stale()

    def _recompile(self) -> None:
        self.figures = self.session.compile(self.period)
        for tab in self.section_tabs:
            if tab.built:
                tab.set_figures(self.figures, self.names)

    def _show_typing_problem(self, code: str, message: str) -> None:
        if message and code in self._rows():
            self._rows()[code].set_problem(message)
        else:
            self._refresh_field(code)

    def _mark_preview_stale(self) -> None:
        """Any saved edit: the preview redraws (it waits by itself while hidden)."""
        preview = self.preview_tab
        if preview is not None and is_real(preview):
            preview.refresh()

    def _tab_changed(self, index: int) -> None:
        self.saver.flush()

    def undo_edit(self) -> None:
        """Ctrl+Z: save what is being typed, then take back the last saved change."""
        self.saver.flush()
        self.undo.undo()

    def redo_edit(self) -> None:
        self.saver.flush()
        self.undo.redo()

    def save_all(self) -> str:
        """Ctrl+S: save what is pending and say so."""
        self.saver.flush()
        message = f"Đã lưu tất cả lúc {dt.datetime.now():%H:%M:%S}"
        self.statusBar().showMessage(message, 10000)
        return message

    # -- checks -----------------------------------------------------------------------
    def problems(self) -> list[Problem]:
        """Every check of the report, as listed before printing."""
        self.saver.flush()
        fields = [f for tab in self.section_tabs for f in tab.fields]
        values = {f.code: self.current(f.code) for f in fields}
        year = str(parse_period(self.period).year - 1)
        return check_values(fields, values, self.earlier, year, self.saver.pending_texts())

    def show_field(self, code: str) -> None:
        for tab in self.section_tabs:
            if code in tab.codes:
                self.tabs.setCurrentWidget(tab)
                row = tab.rows[code]
                tab.ensureWidgetVisible(row)
                if row.editor is not None:
                    row.editor.focus_widget().setFocus()

    def _close_anyway(self, pending: dict[str, str]) -> bool:
        """A number typed that could not be read is not saved: ask before losing it."""
        code, text = next(iter(pending.items()))
        label = self.session.form.field(code).label
        answer = QMessageBox.question(
            self, "Còn số liệu chưa lưu",
            f"Ô “{label}” ghi “{text}”, chương trình chưa đọc được nên chưa lưu. "
            "Đóng cửa sổ và bỏ số này? Chọn No để quay lại sửa.",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            self.show_field(code)
            return False
        return True

    # -- files dropped onto the window: communes' returns ---------------------------------
    def dragEnterEvent(self, event) -> None:
        from .window_actions import dropped_files

        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        from .window_actions import dropped_files, import_dropped

        paths = dropped_files(event.mimeData())
        if paths and import_dropped(self, paths):
            event.acceptProposedAction()

    # -- window state -----------------------------------------------------------------
    def _apply_geometry(self, saved: str | None) -> None:
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode())):
            self.resize(*DEFAULT_SIZE)

    def closeEvent(self, event) -> None:
        if not self.is_open:  # closed while opening: there is nothing to save yet
            super().closeEvent(event)
            return
        self.saver.flush()
        pending = self.saver.pending_texts()
        if pending and not self._close_anyway(pending):
            event.ignore()
            return
        if self.remember:
            data = bytes(self.saveGeometry().toBase64()).decode()
            set_setting(self.session.db, GEOMETRY_KEY, data)
        super().closeEvent(event)
