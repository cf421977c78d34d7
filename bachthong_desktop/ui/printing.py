"""Printers and the print preview, painted from the one document model (PDF files: pdf_file.py)."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog

from ..core.errors import UserError
from ..exchange.document import Document
from .pdf_file import ensure_gui_app, pdf_bytes, write_pdf  # noqa: F401 - the PDF, for the window
from .qt_document import paint_document

NO_PRINTER = ("Máy tính này chưa có máy in nào. Hãy cài đặt máy in (hoặc bật máy in và kết nối), "
              "hoặc xuất ra tệp PDF rồi in từ máy khác.")


def ensure_app():
    """A QApplication for printers and the preview (the command line has none)."""
    import PySide6.QtWidgets  # noqa: F401 - loaded, ensure_gui_app makes a QApplication

    return ensure_gui_app()


def printer_names() -> list[str]:
    ensure_app()
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def find_printer(name: str | None = None) -> QPrinterInfo:
    """The named printer or the default one; a Vietnamese UserError when there is none."""
    ensure_app()
    printers = QPrinterInfo.availablePrinters()
    if not printers:
        raise UserError(NO_PRINTER)
    if name:
        for info in printers:
            if info.printerName() == name or info.printerName().lower() == name.lower():
                return info
        names = ", ".join(p.printerName() for p in printers)
        raise UserError(f"Không có máy in tên “{name}”. Các máy in đang có: {names}.")
    default = QPrinterInfo.defaultPrinter()
    return default if not default.isNull() else printers[0]


def print_document(doc: Document, printer_name: str | None = None) -> str:
    """Send the report to a printer; returns the printer's name."""
    info = find_printer(printer_name)
    printer = QPrinter(info, QPrinter.HighResolution)
    printer.setDocName(doc.trich_yeu)
    paint_document(doc, printer)
    return info.printerName()


def preview_dialog(doc_source, parent=None) -> QPrintPreviewDialog:
    """A print preview dialog; `doc_source()` gives the document each time it repaints."""
    printer = QPrinter(QPrinter.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ref = printer  # the dialog does not own its printer
    dialog.paintRequested.connect(lambda printer: paint_document(doc_source(), printer))
    return dialog
