"""The preview tab: the report as it will print, printing, exports and issued versions."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from ..core.checks import ERROR, Problem, failing_checks
from ..core.report_checks import report_problems
from ..core.errors import UserError
from ..core.periods import parse_period
from ..core.deadlines import deadline
from ..core.issued import IssuedVersion, list_issued, open_issued
from ..core.report_state import ReportState
from ..exchange.document import Document, document_for
from ..exchange.export import export, issue_report, parse_doc_date
from . import TITLE
from .dialogs import ChecksDialog, ask
from .issue_dialog import IssueDialog
from .places import shown_path, suggested_file
from .printing import NO_PRINTER, find_printer, pdf_bytes, preview_dialog
from .qt_document import paint_document

DEBOUNCE_MS = 400
ISSUED = "issued"  # the source of the number and date written into the form on issuing


class PreviewTab(QWidget):
    """Shows the pages of the report; refresh() after edits (debounced)."""

    issued = Signal(str)  # a version of this period was issued (its number and date stored)
    go_to = Signal(str)   # the clerk went back from the checks to fix a field ("" for none)

    def __init__(self, session, period_id: str, parent=None):
        super().__init__(parent)
        self.session, self.period_id = session, period_id
        self._doc: Document | None = None
        self.state: ReportState | None = None  # the window's compiled period, when it has one
        self.checks = None  # the window's check of the report (a callable), when in a window
        self._dirty = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._rebuild)
        self.printer = QPrinter(QPrinter.HighResolution)  # the widget does not own it
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(self._paint)
        self.preview.setZoomMode(QPrintPreviewWidget.FitToWidth)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.status = QLabel()
        self.versions = QListWidget()
        self.versions.setWordWrap(True)
        self.versions.itemActivated.connect(
            lambda item: self.open_version(item.data(Qt.ItemDataRole.UserRole)))
        self._build_layout()
        self.reload_versions()

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        for text, slot in (("Xem trước khi in", self.show_print_preview), ("In…", self.print_),
                           ("Xuất Word…", lambda: self.ask_export("docx")),
                           ("Xuất PDF…", lambda: self.ask_export("pdf")),
                           ("Phát hành bản chính thức…", self.ask_issue)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("Các bản đã phát hành (bấm đúp để mở):"))
        side_layout.addWidget(self.versions)
        copy = QPushButton("Lưu bản sao…")
        copy.setToolTip("Lưu bản đã phát hành đang chọn thành một tệp (để gửi hoặc mở ở máy khác)")
        copy.clicked.connect(self.ask_copy)
        side_layout.addWidget(copy)
        splitter = QSplitter()
        splitter.addWidget(self.preview)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def document(self) -> Document:
        """The document as the data stands now (built once per refresh)."""
        if self._doc is None:
            state = self.state if self.state and self.state.period.id == self.period_id else None
            state = state or self.session.state(self.period_id)
            self._doc = dataclasses.replace(document_for(self.session, self.period_id, state),
                                            draft=bool(failing_checks(state)))
        return self._doc

    def set_state(self, state: ReportState) -> None:
        """The window's compiled period: the document is built from it, not compiled again."""
        self.state = state
        self.refresh()

    def set_period(self, period_id: str) -> None:
        self.period_id = period_id
        self._doc = None
        self.reload_versions()
        self.refresh()

    def refresh(self) -> None:
        """Redraw the pages soon; many calls in a row redraw once; a hidden tab waits."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def _rebuild(self) -> None:
        self._doc, self._dirty = None, False
        self.preview.updatePreview()

    def _paint(self, printer) -> None:
        try:
            paint_document(self.document(), printer)
            self.message.hide()
        except UserError as exc:
            self.message.setText(exc.message)
            self.message.show()

    def page_count(self) -> int:
        return self.preview.pageCount()

    def show_print_preview(self) -> None:
        preview_dialog(self.document, self).exec()

    def print_(self) -> None:
        try:
            info = find_printer()
        except UserError:
            QMessageBox.warning(self, TITLE, NO_PRINTER)
            return
        printer = QPrinter(info, QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In báo cáo")
        if dialog.exec() == QPrintDialog.Accepted:
            if self._guard(lambda: paint_document(self.document(), printer)):
                self.status.setText(printed_to(printer))

    def ask_export(self, fmt: str) -> None:
        kind = "Tệp Word (*.docx)" if fmt == "docx" else "Tệp PDF (*.pdf)"
        name = f"bao-cao-ttdn-{self.period_id}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, "Xuất báo cáo", suggested_file(name), kind)
        if path:
            path = shown_path(path)
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
            self._guard(lambda: self.export_to(path))

    def export_to(self, path: str | Path) -> Path:
        """Write the report to a .docx or .pdf file."""
        export(self.session, self.period_id, path, pdf=pdf_bytes)
        self.status.setText(f"Đã ghi báo cáo vào {path}.")
        return Path(path)

    def problems(self) -> list[Problem]:
        """The report's checks now: the window's (with values typed but unsaved), else the core's."""
        if self.checks is not None:
            return self.checks()
        earlier = parse_period(self.period_id).year_earlier()
        return report_problems(self.session.state(self.period_id, earlier))

    def ask_issue(self) -> None:
        """Phát hành: the checks first (never issued silently over an error), then the dialog."""
        problems = self.problems()
        if any(p.level == ERROR for p in problems):
            dialog = ChecksDialog(problems, self, doing="phát hành", anyway=False)
            dialog.exec()  # an issued copy is refused while a check fails: back to fix it
            self.go_to.emit(dialog.chosen_field() or "")
            return
        due = deadline(self.session.db, parse_period(self.period_id), "office")
        answer = IssueDialog.ask(self, due)
        if answer:
            self._guard(lambda: self.issue_version(*answer))

    def issue_version(self, number: str, date_text: str, fmt: str) -> IssuedVersion:
        """Freeze the report as it stands now, with its number and date."""
        day = parse_doc_date(date_text)
        version = issue_report(self.session, self.period_id, fmt, number or None, day,
                               pdf=pdf_bytes)
        given = {"doc_number": number, "doc_date": day.isoformat() if day else None}
        self.session.store.set_many(self.period_id, self.session.office_for(self.period_id).code,
                                    {code: value for code, value in given.items() if value},
                                    ISSUED)
        self.reload_versions()
        self.status.setText(f"Đã lưu bản phát hành: {version.label}.")
        self.issued.emit(self.period_id)
        return version

    def reload_versions(self) -> None:
        self.versions.clear()
        for version in list_issued(self.session.db, self.period_id):
            item = QListWidgetItem(version.label.replace(" (", "\n(", 1))
            item.setToolTip(version.label)
            item.setData(Qt.ItemDataRole.UserRole, version.id)
            self.versions.addItem(item)

    def open_version(self, version_id: int) -> Path:
        """Write an issued version to a temporary file and open it with the PC's viewer;
        where the PC has none, say so and offer to save a copy."""
        version = open_issued(self.session.db, version_id)
        folder = Path(tempfile.mkdtemp(prefix="bachthong-"))
        path = folder / copy_name(version)
        path.write_bytes(version.content)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            kind = "Word" if version.format == "docx" else "PDF"
            if ask(self, TITLE, f"Máy này chưa có chương trình mở tệp {kind}, nên không mở được "
                               f"bản {version.label}. Lưu một bản sao để mở ở máy khác "
                               "hoặc gửi đi?", "Lưu bản sao…", "Đóng"):
                self.ask_copy(version_id)
        return path

    def ask_copy(self, version_id: int | None = None) -> Path | None:
        """Lưu bản sao…: the chosen issued version saved as a file where the clerk says."""
        if version_id is None:
            item = self.versions.currentItem() or self.versions.item(0)
            if item is None:
                QMessageBox.information(self, TITLE, "Kỳ này chưa có bản phát hành nào.")
                return None
            version_id = item.data(Qt.ItemDataRole.UserRole)
        version = open_issued(self.session.db, version_id)
        kind = "Tệp Word (*.docx)" if version.format == "docx" else "Tệp PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(self, "Lưu bản sao bản phát hành",
                                              suggested_file(copy_name(version)), kind)
        return self.save_copy(version_id, path) if path else None

    def save_copy(self, version_id: int, path: str | Path) -> Path | None:
        """Write the issued version's bytes, exactly as issued, to `path`."""
        version = open_issued(self.session.db, version_id)
        path = Path(path)
        try:
            path.write_bytes(version.content)
        except OSError as exc:
            QMessageBox.warning(self, TITLE, f"Không ghi được tệp “{path}”: {exc.strerror}. "
                                             "Hãy chọn thư mục khác.")
            return None
        self.status.setText(f"Đã lưu bản sao vào {shown_path(str(path))}.")
        return path

    def _guard(self, action) -> bool:
        """Run an action; a problem of the user's data or files is shown, not raised."""
        try:
            action()
            return True
        except UserError as exc:
            QMessageBox.warning(self, TITLE, exc.message)
            return False


def copy_name(version: IssuedVersion) -> str:
    return version.file_name or f"ban-phat-hanh-{version.id}.{version.format}"


def printed_to(printer: QPrinter) -> str:
    """Where the print dialog sent the report: a printer, or the PDF file chosen in it."""
    if printer.outputFormat() == QPrinter.PdfFormat and printer.outputFileName():
        return f"Đã ghi báo cáo vào tệp {printer.outputFileName()}."
    return f"Đã gửi báo cáo tới máy in “{printer.printerName()}”."
