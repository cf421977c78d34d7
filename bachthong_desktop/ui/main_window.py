"""The main window: office and period at the top, one tab per section, saved as you type."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QVBoxLayout, QWidget

from ..core import wording
from ..core.checks import (ERROR, WARNING, Problem, check_values, date_order_problem,
                           far_problem, required_problem)
from ..core.commune_mode import OFFICE, Mode
from ..core.definition import Field, Form
from ..core.periods import Period, parse_period
from ..core.report_checks import report_problems
from ..core.report_state import ReportState, compile_state
from ..core.settings import get_setting, set_setting
from ..core.start_view import GEOMETRY_KEY, RETURNS_TITLE_KEY, StartView
from ..core.units import unit_as_of
from .embedded import LazyTab, is_real, optional_tab
from .level_texts import LevelTexts
from .opening_view import OpeningView, beside, section_list, tab_widget

if TYPE_CHECKING:
    from .section_tab import SectionTab

# The editors, the top bar, the saver and the menus' actions are imported by `open`, after the
# frame is painted: with Qt's enums they cost the first paint some 30 ms (see ui/start.py).

PERIOD_KEY = "last_period"
# The returns tab's name in the frame painted before the database (and its office) is known;
# once open, the tab is named by the office's level: `returns_tab_title`.
RETURNS_TAB = LevelTexts().returns_tab  # "Các đơn vị gửi báo cáo", until the office is known
PREVIEW_TAB = "Xem trước, in"
MENUS = ("&Tệp", "&Sửa", "&Xem", "Trợ &giúp")
DEFAULT_SIZE = (1280, 820)


FRAME_ALLOWANCE = (16, 48)  # the title bar and borders the system adds around the window


def fitted_size(wanted: QSize, available: QSize) -> QSize:
    """`wanted`, made small enough that the window with its frame fits the free screen."""
    return QSize(min(wanted.width(), available.width() - FRAME_ALLOWANCE[0]),
                 min(wanted.height(), available.height() - FRAME_ALLOWANCE[1]))


def unsaved_text(form: Form, unreadable: dict[str, tuple[str, str]]) -> str:
    """The status bar's warning: which boxes hold a value that is not saved."""
    labels = ", ".join(f"“{form.field(code).label}” ({typed})"
                       for code, (typed, _) in unreadable.items())
    return (f"CHƯA LƯU {wording.number(len(unreadable))} ô (viền đỏ, chưa đọc được): {labels}. "
            "Hãy sửa lại.")


def returns_tab_title(form: Form, office) -> str:
    """The returns tab of an office: "Các xã gửi báo cáo", "Các xã, phường gửi báo cáo" ..."""
    return LevelTexts.of(form, office).returns_tab


def lines_within(text: str, names: QListWidget) -> str:
    """`text` broken where a reader pauses (after a comma, before "gửi") so that each line fits
    the list of sections, whose width is set once from the standard names."""
    names.ensurePolished()
    metrics, room = names.fontMetrics(), names.maximumWidth() - 16  # the items' padding, frame
    lines = [""]
    for phrase in re.split(r"(?<=,) | (?=gửi )", text):
        joined = f"{lines[-1]} {phrase}".strip()
        if lines[-1] and metrics.horizontalAdvance(joined) > room:
            lines.append(phrase)
        else:
            lines[-1] = joined
    return "\n".join(lines)


def tab_titles(form: Form, commune: bool, returns_title: str = RETURNS_TAB) -> list[str]:
    """The tabs of the window, in order (a commune's copy has no returns or preview tab)."""
    titles = [section.tab for section, _ in form.tab_sections(commune)]
    return titles if commune else [*titles, returns_title, PREVIEW_TAB]


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
        self.own_session = False  # True: the window closes its session when it closes
        self.undo = QUndoStack(self)
        self._actions = False
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
        returns = view.returns_title or LevelTexts.of(form, view.office).returns_tab
        self.setCentralWidget(OpeningView(tab_titles(form, commune, returns)))
        self._apply_geometry(view.geometry)
        self._sized = view.geometry is not None
        self.show()

    def open(self, session, period_id: str, mode: Mode | None = None) -> None:
        """Fill the window from the database: one tab per section, the period's values."""
        from .saver import EditSaver
        from .office_access import add_office_action
        from .upward_export import add_upward_action
        from .window_actions import install_actions

        self.session, self.mode = session, mode or Mode(OFFICE)
        self.period = parse_period(period_id).id
        self.unit = unit_as_of(session.db, self.mode.unit_code,
                               parse_period(self.period).cutoff_end) if self.mode.is_commune \
            else session.office_for(self.period)
        self.state: ReportState | None = None  # the period compiled once (office mode)
        self.level_texts = LevelTexts.of(session.form, self.unit)
        self.earlier: dict[str, Any] = {}
        self.names: dict[str, str] = {}
        self.checked = False  # required fields are marked once the report was checked
        self.touched: set[str] = set()  # fields edited in this period
        self.undo.clear()
        self.saver = EditSaver(session.store, self.undo, self)
        self._build()
        if not self._actions:  # the menus and the status bar are made once, kept on reopening
            self.save_state = QLabel()
            self.statusBar().addPermanentWidget(self.save_state)
            install_actions(self)
            add_office_action(self)
            if not self.mode.is_commune:
                add_upward_action(self)
            self._actions = True
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

    def reopen(self, session) -> None:
        """Open again on `session` (after a restore): the same period, mode and menus."""
        self.saver.timer.stop()
        self.saver.deleteLater()
        self._opened = False
        self.own_session = True
        self.open(session, self.period, self.mode)

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
        column.addWidget(self.top.changed)  # what changed since issuing, a line of its own
        self.section_names = section_list(self.tabs)
        column.addLayout(beside(self.section_names, self.tabs), 1)
        before = self.centralWidget()  # the opening view, or the tabs of the data before a restore
        self.setCentralWidget(central)
        if before is not None:
            before.setParent(None)  # gone at once, not when Qt's deferred delete runs
            before.deleteLater()

    def _add_optional_tabs(self) -> None:
        self.returns_holder = LazyTab(lambda: optional_tab(self._make_returns_tab),
                                      self._returns_built)
        self.tabs.addTab(self.returns_holder, RETURNS_TAB)  # named by level in `_office_of`
        self.preview_holder = LazyTab(lambda: optional_tab(self._make_preview_tab),
                                      self._preview_built)
        self.tabs.addTab(self.preview_holder, PREVIEW_TAB)

    def _make_returns_tab(self):
        from .returns_tab import ReturnsTab  # imported when first shown

        return ReturnsTab(self.session, self.state)

    def _make_preview_tab(self):
        from .preview_tab import PreviewTab

        return PreviewTab(self.session, self.period)

    def _returns_built(self, widget) -> None:
        from .returns_tab import ReturnsTab

        if isinstance(widget, ReturnsTab):
            widget.returns_changed.connect(self.refresh_state)  # last year's did not change

    def _preview_built(self, widget) -> None:
        from .preview_tab import PreviewTab

        if isinstance(widget, PreviewTab):
            widget.issued.connect(self.after_issue)
            widget.go_to.connect(lambda code: code and self.show_field(code))
            widget.checks = self.problems
            if self.state is not None:
                widget.set_state(self.state)

    def after_issue(self, period_id: str) -> None:
        """An issued version: the form shows its number and date, the top bar says so."""
        if period_id == self.period:
            self.saver.start(self.period, self.unit.code)
            self.refresh_state()  # the top bar shows the new version

    @property
    def returns_tab(self):
        return self.returns_holder.content if self.returns_holder else None

    @property
    def preview_tab(self):
        return self.preview_holder.content if self.preview_holder else None

    def _tab_built(self, tab: SectionTab) -> None:
        """Load the values, totals and notes into a tab made just now."""
        from .editors import DateEditor, TextEditor

        for code, editor in tab.editors.items():
            self.saver.watch(editor)
            editor.load(self.saver.stored.get(code))
            default = getattr(self.unit, editor.field.default_from or "", None)
            if default and isinstance(editor, TextEditor):
                editor.main.setPlaceholderText(f"để trống sẽ dùng: {default}")
            if isinstance(editor, DateEditor):
                editor.set_period(parse_period(self.period))
        for target, gathered in self.session.form.fallbacks().items():
            tab.link_take(gathered, target)
        tab.set_figures(self.figures, self.names, self.level_texts)
        for code in tab.rows:
            self._refresh_field(code)

    # -- periods and figures ----------------------------------------------------------
    def load_period(self, period_id: str) -> bool:
        """Show the values of another period (pending edits of this one are saved first).

        False when a value typed that does not read is kept and the period stays."""
        self.saver.flush()
        from .editors import DateEditor

        if self.is_open and not self.leave_unreadable("Chuyển sang kỳ khác"):
            return False
        if not self.mode.is_commune and not self._office_of(period_id):
            self.top.show_period(self.period)  # no office then: stay where we were
            return False
        self.period = parse_period(period_id).id
        self.checked, self.touched = False, set()
        self.saver.start(self.period, self.unit.code)
        for editor in self.saver.editors.values():
            if isinstance(editor, DateEditor):
                editor.set_period(parse_period(self.period))
        for widget in (self.returns_tab, self.preview_tab):
            if is_real(widget):
                widget.set_period(self.period)
        self.top.show_period(self.period)
        self.reload_figures()  # the top bar's issued words too
        if self.remember:
            set_setting(self.session.db, PERIOD_KEY, self.period)
        self.period_changed.emit(self.period)
        return True

    def _office_of(self, period_id: str) -> bool:
        """Each period is its own office's (the 2023 district's, today's commune's)."""
        from .office_access import ensure_office

        if not ensure_office(self, self.session, period_id):
            return False
        self.unit = self.session.office_for(period_id)
        self.level_texts = LevelTexts.of(self.session.form, self.unit)
        self._name_returns_tab()
        self.setWindowTitle(f"{self.session.form.title} – {self.unit.name}")
        self.top.show_office(self.unit)
        return True

    def _name_returns_tab(self) -> None:
        """The returns tab (and its name in the list beside the tabs) speaks of the office's level."""
        index = self.tabs.indexOf(self.returns_holder) if self.returns_holder else -1
        if index >= 0:
            self.tabs.setTabText(index, self.level_texts.returns_tab)
            self.section_names.item(index).setText(
                lines_within(self.level_texts.returns_tab, self.section_names))

    def reload_figures(self) -> None:
        """Last year's values and the period compiled anew, then notes and checks."""
        earlier = parse_period(self.period).year_earlier().id
        if self.mode.is_commune:
            self.earlier = self.session.store.values(earlier, self.unit.code)
        else:
            self.earlier = self.session.earlier_values(earlier)
        self.refresh_state()

    def refresh_state(self) -> None:
        """Compile the period once (office mode) and hand it to every tab, then re-check."""
        if not self.mode.is_commune:
            period = parse_period(self.period)
            units = self.session.units(period)
            self.names = {u.code: u.name for u in units}
            self.state = compile_state(self.session.store, period, self.unit, units,
                                       self.earlier, self.earlier_label)
            for tab in self.section_tabs:
                if tab.built:
                    tab.set_figures(self.figures, self.names, self.level_texts)
            if is_real(self.returns_tab):
                self.returns_tab.set_state(self.state)
        self._refresh_all()
        self._mark_preview_stale()
        self.top.show_issued(self.period, self.figures if self.state is not None else None)

    def refresh_units(self) -> None:
        """Units added, renamed or ended: the board, templates and checks follow at once."""
        self.refresh_state()
        if is_real(self.returns_tab):
            self.returns_tab.refresh()

    @property
    def figures(self) -> dict:
        return self.state.figures if self.state is not None else {}

    @property
    def earlier_label(self) -> str:
        return str(parse_period(self.period).year - 1)

    def current(self, code: str) -> Any:
        """The value the report will use, as the core compiled it (commune: the stored one)."""
        if self.state is None:
            return self.saver.stored.get(code)
        fig = self.state.figures.get(code)
        return fig.value if fig is not None else None

    def _refresh_all(self) -> None:
        unreadable = self.saver.unreadable()
        for code in self._rows():
            self._refresh_field(code, unreadable)
        self._show_save_state(unreadable)

    def _rows(self) -> dict:
        """The rows of the tabs made so far."""
        return {code: row for tab in self.section_tabs if tab.built
                for code, row in tab.rows.items()}

    def _refresh_field(self, code: str, unreadable: dict | None = None) -> None:
        row = self._rows().get(code)
        if row is None:
            return
        f = row.field
        if f.kind == "count":
            row.set_note(self._earlier_note(code))
        unreadable = self.saver.unreadable() if unreadable is None else unreadable
        if code in unreadable:
            row.set_problem(unreadable[code][1])
            return
        problem = self._field_problem(f)
        row.set_problem(problem.message if problem else "", problem and problem.level == WARNING)

    def _earlier_note(self, code: str) -> str:
        year = self.earlier_label
        before, now = self.earlier.get(code), self.current(code)
        if not isinstance(before, int):
            return f"Cùng kỳ {year}: chưa có số liệu"
        change = ""
        if isinstance(now, int) and now != before:
            change = f" ({'+' if now > before else '-'}{wording.number(abs(now - before))})"
        return f"Cùng kỳ {year}: {wording.number(before)}{change}"

    def _field_problem(self, f: Field) -> Problem | None:
        value = self.current(f.code)
        required = required_problem(f, value) if self.checked or f.code in self.touched else None
        return (required or self._date_order_problem(f)
                or far_problem(f, value, self.earlier.get(f.code), self.earlier_label))

    def _date_order_problem(self, f: Field) -> Problem | None:
        """Under the issue date, once checked: the date before the letter asking the report."""
        form = self.session.form
        if not self.checked or f.code != form.role("date"):
            return None
        request = form.role("request_date")
        return date_order_problem(form, {f.code: self.current(f.code),
                                         request: self.current(request)})

    # -- saving -----------------------------------------------------------------------
    def _after_save(self, codes: list[str]) -> None:
        self.touched.update(codes)
        self.refresh_state()

    def _show_typing_problem(self, code: str, message: str) -> None:
        self.touched.add(code)
        if message and code in self._rows():
            self._rows()[code].set_problem(message)
        else:
            self._refresh_field(code)
        self._show_save_state()

    def _show_save_state(self, unreadable: dict | None = None) -> None:
        """The status bar's lasting word: all saved, or which box still holds an unsaved value."""
        unreadable = self.saver.unreadable() if unreadable is None else unreadable
        self.save_state.setText(unsaved_text(self.session.form, unreadable) if unreadable
                                else "Mọi thay đổi đã được lưu.")
        self.save_state.setStyleSheet("color: #c0392b;" if unreadable else "")

    def _mark_preview_stale(self) -> None:
        """Any saved edit: the preview gets the new state and redraws (it waits while hidden)."""
        preview = self.preview_tab
        if is_real(preview):
            if self.state is not None:
                preview.set_state(self.state)
            else:
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
        """Ctrl+S: save what is pending and say so (never "all saved" while a box is red)."""
        self.saver.flush()
        unreadable = self.saver.unreadable()
        message = (unsaved_text(self.session.form, unreadable) if unreadable
                   else f"Đã lưu tất cả lúc {dt.datetime.now():%H:%M:%S}")
        self.statusBar().showMessage(message, 10000)
        self._show_save_state(unreadable)
        return message

    # -- checks -----------------------------------------------------------------------
    def problems(self) -> list[Problem]:
        """Every check of the report, as listed before printing; marks the fields from now on."""
        self.saver.flush()
        self.checked = True
        unreadable = self.saver.unreadable()
        if self.state is not None:
            self.refresh_state()  # what was just saved, compiled, then the core's checks
            shown = {f.code for tab in self.section_tabs for f in tab.fields}
            found = [p for p in report_problems(self.state) if p.field in shown]
        else:
            fields = [f for tab in self.section_tabs for f in tab.fields]
            values = {f.code: self.current(f.code) for f in fields}
            found = check_values(fields, values, self.earlier, self.earlier_label)
            self._refresh_all()
        typed = [Problem(code, self.session.form.field(code).label, ERROR, why)
                 for code, (_, why) in unreadable.items()]
        return typed + [p for p in found if p.field not in unreadable]

    def show_field(self, code: str) -> None:
        for tab in self.section_tabs:
            if code in tab.codes:
                self.tabs.setCurrentWidget(tab)
                row = tab.rows[code]
                tab.ensureWidgetVisible(row)
                if row.editor is not None:
                    row.editor.focus_widget().setFocus()

    def leave_unreadable(self, doing: str) -> bool:
        """A value typed that does not read is not saved: ask before dropping it."""
        pending = self.saver.pending_texts()
        if not pending:
            return True
        code, text = next(iter(pending.items()))
        label = self.session.form.field(code).label
        from .dialogs import ask

        drop = ask(self, "Còn số liệu chưa lưu",
                   f"Ô “{label}” ghi “{text}”, chương trình chưa đọc được nên chưa lưu. "
                   f"{doing} và bỏ giá trị này, hay quay lại sửa?",
                   f"{doing}, bỏ giá trị này", "Quay lại sửa")
        if not drop:
            self.show_field(code)
        return drop

    # -- files dropped onto the window: communes' returns ---------------------------------
    def dragEnterEvent(self, event) -> None:
        from .drops import dropped_files, not_files

        if dropped_files(event.mimeData()) or not_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        from .drops import dropped_files, refuse_not_files
        from .window_actions import import_dropped

        paths = dropped_files(event.mimeData())
        if paths and import_dropped(self, paths):
            event.acceptProposedAction()
        elif not paths:
            refuse_not_files(self, event.mimeData())

    # -- window state -----------------------------------------------------------------
    def _apply_geometry(self, saved: str | None) -> None:
        """The saved size and place; else (or if it no longer fits) a size the screen holds."""
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode())):
            self.resize(*DEFAULT_SIZE)
        self.resize(fitted_size(self.size(), self.screen().availableGeometry().size()))

    def closeEvent(self, event) -> None:
        if not self.is_open:  # closed while opening: there is nothing to save yet
            super().closeEvent(event)
            return
        self.saver.flush()
        if not self.leave_unreadable("Đóng cửa sổ"):
            event.ignore()
            return
        if self.remember:
            data = bytes(self.saveGeometry().toBase64()).decode()
            set_setting(self.session.db, GEOMETRY_KEY, data)
            set_setting(self.session.db, RETURNS_TITLE_KEY, self.level_texts.returns_tab)
        if self.own_session:
            self.session.close()
        super().closeEvent(event)
