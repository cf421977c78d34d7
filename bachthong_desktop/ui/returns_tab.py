"""The tab "Các xã gửi báo cáo" (named by the office's level): import returns, the submission
board, a chart and the trace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFileDialog,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
                               QProgressDialog, QPushButton, QScrollArea, QSizePolicy, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core import wording
from ..core.import_log import attempts
from ..core.periods import parse_period
from ..core.report_state import ReportState
from ..core.returns import board, trace, when_words
from ..core.units import NoOfficeError
from .level_texts import LevelTexts

# The importer (~27 ms to import) and the template writer (openpyxl with it, ~75 ms) are
# imported when the clerk imports or writes templates, not when the tab is first shown.

IMPORT_BUTTON = LevelTexts().import_button  # until the period's office is known
TEMPLATES_BUTTON = LevelTexts().templates_button
BOARD_HEADERS = ["Mã", "Đơn vị", "Tình trạng", "Thời điểm nhận", "Tệp"]
TRACE_HEADERS = ["Đơn vị", "Số liệu", "Trang", "Ô", "Tệp"]
LOG_HEADERS = ["Thời điểm", "Tệp", "Đơn vị", "Kết quả", "Chi tiết"]
LOG_WORDS = {"stored": "Đã lưu", "replaced": "Đã thay thế", "unchanged": "Không thay đổi",
             "refused": "Bị từ chối"}
PROGRESS_FROM = 4  # files; fewer import faster than a dialog can show
ROW_HEIGHT = 24
LABEL_WIDTH = 170
VALUE_WIDTH = 70
BAR_COLOR = QColor("#3b6ea8")
MISSING_COLOR = QColor("#888888")


def count_text(value: int) -> str:
    return wording.number(value)


class BarChart(QWidget):
    """One bar per unit; a unit that did not report says so instead of showing 0."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[tuple[str, int | None]] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_bars(self, bars: list[tuple[str, int | None]]) -> None:
        self.bars = bars
        self.setMinimumHeight(ROW_HEIGHT * max(len(bars), 1) + 8)
        self.setFixedHeight(self.minimumHeight())
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        top = max((v for _, v in self.bars if v is not None), default=0) or 1
        room = max(self.width() - LABEL_WIDTH - VALUE_WIDTH - 16, 10)
        for i, (label, value) in enumerate(self.bars):
            y = 4 + i * ROW_HEIGHT
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(4, y, LABEL_WIDTH - 8, ROW_HEIGHT),
                             Qt.AlignVCenter | Qt.AlignRight, label)
            if value is None:
                painter.setPen(MISSING_COLOR)
                painter.drawText(QRectF(LABEL_WIDTH, y, room + VALUE_WIDTH, ROW_HEIGHT),
                                 Qt.AlignVCenter | Qt.AlignLeft, "chưa báo cáo")
                continue
            width = room * value / top
            painter.fillRect(QRectF(LABEL_WIDTH, y + 4, max(width, 1), ROW_HEIGHT - 8), BAR_COLOR)
            painter.drawText(QRectF(LABEL_WIDTH + width + 6, y, VALUE_WIDTH, ROW_HEIGHT),
                             Qt.AlignVCenter | Qt.AlignLeft, count_text(value))
        painter.end()


STATE_COLORS = {"received": "#1b7a2f", "late": "#b35c00", "missing": "#b00020", "typed": "#444",
                "refused": "#b00020"}


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)  # read-only: the tables take no edits (NoEditTriggers)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _value_text(field, value) -> str:
    if field.kind == "table" and isinstance(value, list):
        return "; ".join(str(r.get(field.merge_key or "name") or "") for r in value)
    return wording.value(field.kind, value)


class ReturnsTab(QWidget):
    """What the communes sent for a period, and where every figure came from.

    The figures (chart, totals) are read from the window's compiled `ReportState`, handed in
    with `set_state` whenever the window compiles the period again; the tab never compiles."""

    returns_changed = Signal()

    def __init__(self, session, state: ReportState, parent=None):
        super().__init__(parent)
        self.session = session
        self.state = state
        self.period_id = state.period.id
        self.last_results = []
        self._units_changed = False  # True between set_period and the state compiled for it
        self.setAcceptDrops(True)
        self._build()
        self.refresh()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.import_button = QPushButton(IMPORT_BUTTON)
        self.import_button.clicked.connect(self.choose_files)
        self.templates_button = QPushButton(TEMPLATES_BUTTON)
        self.templates_button.clicked.connect(self.choose_template_folder)
        for button in (self.templates_button, self.import_button):
            button.setMinimumWidth(button.sizeHint().width())  # never cut, even at 1024×768
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.templates_button)
        buttons.addStretch(1)
        top = QVBoxLayout()  # the heading on its own line, the buttons under it: fits any width
        top.addWidget(self.heading)
        top.addLayout(buttons)
        self.board_table = _table(BOARD_HEADERS)
        self.summary = QPlainTextEdit(readOnly=True)
        self.log_table = _table(LOG_HEADERS)
        left = QSplitter(Qt.Vertical)
        left.addWidget(self._group("Tình hình gửi báo cáo", self.board_table))
        left.addWidget(self._group("Kết quả lần nhập gần nhất", self.summary))
        left.addWidget(self._group("Nhật ký nhập (mọi lần nhập, kể cả bị từ chối)",
                                   self.log_table))
        left.setSizes([420, 160, 160])
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._right_side())
        splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    @staticmethod
    def _group(title: str, *widgets) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        for widget in widgets:
            column.addWidget(widget)
        return box

    def _right_side(self) -> QWidget:
        fields = self.session.form.unit_fields()
        self.chart_choice = QComboBox()
        for f in fields:
            if f.kind == "count":
                self.chart_choice.addItem(f.label, f.code)
        self.chart_choice.setCurrentIndex(self._busiest_count())
        self.chart_choice.currentIndexChanged.connect(self.refresh_chart)
        self.chart = BarChart()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.chart)
        self.trace_choice = QComboBox()
        for f in fields:
            self.trace_choice.addItem(f.label, f.code)
        self.trace_choice.currentIndexChanged.connect(self.refresh_trace)
        self.trace_total = QLabel()
        self.trace_table = _table(TRACE_HEADERS)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self._group("Biểu đồ theo đơn vị", self.chart_choice, scroll))
        right.addWidget(self._group("Số liệu tổng hợp lấy từ đâu", self.trace_choice,
                                    self.trace_total, self.trace_table))
        right.setSizes([380, 380])
        return right

    def _busiest_count(self) -> int:
        """Open the chart on an indicator that has figures, not on a row of zeros."""
        codes = [self.chart_choice.itemData(i) for i in range(self.chart_choice.count())]
        totals = {c: sum(self.state.figures[c].by_unit.values()) for c in codes}
        best = max(codes, key=lambda c: totals.get(c, 0), default=None)
        return codes.index(best) if best in codes else 0

    # -- showing ----------------------------------------------------------------------
    def set_period(self, period_id: str) -> None:
        """Another period: its board and log now, its figures when the window hands its state."""
        self.period_id = parse_period(period_id).id
        self._units_changed = True
        self.summary.clear()
        self.refresh_board()
        self.refresh_log()

    def set_state(self, state: ReportState) -> None:
        """The window compiled the period again: the chart and the totals follow it."""
        self.state = state
        self._units_changed = False
        self.refresh_chart()
        self.refresh_trace()

    def _figures(self) -> dict | None:
        """The compiled figures of the period shown (None while the window has not handed them)."""
        return self.state.figures if self.state.period.id == self.period_id else None

    def refresh(self) -> None:
        self.refresh_board()
        self.refresh_log()
        self.refresh_chart()
        self.refresh_trace()

    def refresh_log(self) -> None:
        """Every import attempt of the period, newest first (a log, not report data)."""
        shown = attempts(self.session.db, self.period_id)
        names = {u.code: u.name for u in self._units()}
        self.log_table.setRowCount(len(shown))
        for i, attempt in enumerate(shown):
            detail = attempt.message.splitlines()[0] if attempt.message else ""
            if attempt.cells:
                detail = "ô " + ", ".join(attempt.cells) + ". " + detail
            cells = [when_words(attempt.attempted_at), attempt.file_name,
                     names.get(attempt.unit_code or "", attempt.unit_code or ""),
                     LOG_WORDS.get(attempt.outcome, attempt.outcome), detail]
            for col, text in enumerate(cells):
                item = _item(text)
                item.setToolTip(attempt.message)
                if col == 3 and attempt.outcome == "refused":
                    item.setForeground(QColor(STATE_COLORS["refused"]))
                self.log_table.setItem(i, col, item)

    def _compiled(self) -> bool:
        """The window's compiled state is of the period shown (not another period, nor the
        period shown again after the office window changed its units)."""
        return self.state.period.id == self.period_id and not self._units_changed

    def _units(self):
        """The units of the period shown: those the window compiled, else read anew."""
        return list(self.state.units) if self._compiled() else self.session.units(self.period_id)

    def level_texts(self) -> LevelTexts:
        """The words for the units of the period's office ("các xã", "các thôn, tổ dân phố, bộ phận"):
        of the office the window compiled, else the office read anew."""
        if self._compiled():
            return LevelTexts.of(self.session.form, self.state.office)
        try:
            return LevelTexts.of(self.session.form, self.session.office_for(self.period_id))
        except NoOfficeError:
            return LevelTexts()

    def show_level_texts(self, texts: LevelTexts) -> None:
        self.import_button.setText(texts.import_button)
        self.templates_button.setText(texts.templates_button)
        for button in (self.templates_button, self.import_button):
            button.setMinimumWidth(button.sizeHint().width())
        self.summary.setPlaceholderText(
            f"Kéo thả các tệp Excel (.xlsx) của {texts.members} vào đây, "
            f"hoặc bấm “{texts.import_button}”.")

    def refresh_board(self) -> None:
        result = board(self.session.store, self.period_id, self._units())
        period = parse_period(self.period_id)
        texts = self.level_texts()
        self.show_level_texts(texts)
        self.heading.setText(
            f"<b>Kỳ {period.label}</b> — hạn {texts.members} gửi: {wording.date(result.deadline)}. "
            f"Đã có báo cáo của <b>{wording.number(result.received)}/"
            f"{wording.number(len(result.rows))}</b> {texts.member} "
            f"(<b>{wording.share(result.rate)}</b>).")
        self.board_table.setRowCount(len(result.rows))
        for i, row in enumerate(result.rows):
            when = when_words(row.received_at)
            cells = [row.unit_code, row.unit_name, row.state_words, when, row.file_name or ""]
            for col, text in enumerate(cells):
                item = _item(text)
                if col == 2:
                    item.setForeground(QColor(STATE_COLORS[row.state]))
                self.board_table.setItem(i, col, item)

    def refresh_chart(self) -> None:
        code = self.chart_choice.currentData()
        figures = self._figures()
        if code is None or figures is None:
            return
        by_unit = figures[code].by_unit
        self.chart.set_bars([(u.name, by_unit.get(u.code)) for u in self._units()])

    def refresh_trace(self) -> None:
        code = self.trace_choice.currentData()
        figures = self._figures()
        if code is None or figures is None:
            return
        figure = figures[code]
        field = self.session.form.field(code)
        summed = figure.units_value if figure.own else figure.value  # the units' total
        total = "chưa có" if summed is None else _value_text(field, summed)
        if field.aggregate == "share_yes" and figure.value is not None:
            total = f"{wording.share(figure.value)} số {self.level_texts().member} trả lời “Có”"
        self.trace_total.setText(f"Tổng hợp: <b>{total}</b>")
        rows = trace(self.session.store, self.period_id, code, self._units())
        self.trace_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = [row.unit_name, _value_text(field, row.value), row.sheet or "", row.cell or "",
                     row.file_name or "nhập trực tiếp"]
            for col, text in enumerate(cells):
                self.trace_table.setItem(i, col, _item(text))

    # -- importing --------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, f"Chọn các tệp báo cáo của {self.level_texts().member}", "", "Bảng tính Excel (*.xlsx *.xlsm);;Mọi tệp (*)")
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> list:
        """Import files for the period shown; the summary goes to the panel."""
        from ..exchange.importer import expand_paths, import_files, summary_lines

        files = expand_paths(paths)
        progress = None
        if len(files) >= PROGRESS_FROM:
            progress = QProgressDialog("Đang nhập báo cáo…", "Dừng", 0, len(files), self)
            progress.setWindowTitle(self.level_texts().import_button.rstrip("…"))
            progress.setWindowModality(Qt.WindowModal)
            progress.setMinimumDuration(0)

        def step(i: int, name: str) -> bool:
            if progress is None:
                return True
            progress.setValue(i)
            progress.setLabelText(f"Đang nhập {name} ({wording.number(i + 1)}/{wording.number(len(files))})…")
            QApplication.processEvents()
            return not progress.wasCanceled()

        results = import_files(self.session.store, paths, period=self.period_id, progress=step)
        if progress is not None:
            progress.setValue(len(files))
        self.last_results = results
        self.summary.setPlainText("\n".join(summary_lines(results)))
        self.refresh_board()
        self.refresh_log()  # the figures follow when the window hands the state compiled anew
        if any(r.outcome in ("stored", "replaced") for r in results):
            self.returns_changed.emit()
        return results

    def choose_template_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu các mẫu báo cáo")
        if folder:
            self.write_templates(Path(folder))

    def write_templates(self, folder: Path) -> list[Path]:
        from ..exchange.xlsx_template import TemplateInfo, template_file_name, write_template

        period = parse_period(self.period_id)
        written = []
        try:
            for unit in self._units():
                info = TemplateInfo(unit, period, self.session.form)
                written.append(write_template(info, folder / template_file_name(period, unit, self.session.form)))
        except OSError as exc:
            self.summary.setPlainText(f"Không ghi được mẫu báo cáo vào {folder}: {exc.strerror}. "
                                      "Hãy chọn thư mục khác.")
            return written
        self.summary.setPlainText(f"Đã tạo {wording.number(len(written))} mẫu báo cáo kỳ {period.label} trong "
                                  f"{folder}. Gửi mỗi {self.level_texts().member} tệp có tên của mình.")
        return written

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        from .drops import dropped_files, not_files

        if dropped_files(event.mimeData()) or not_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        from .drops import dropped_files, refuse_not_files

        paths = dropped_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
        else:
            refuse_not_files(self, event.mimeData())

