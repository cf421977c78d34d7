"""The report as a PDF, painted with QtGui alone: a QGuiApplication and a QPdfWriter.

The command line's `report -o x.pdf` loads only this: no widgets, no print support (QPrinter
pulls in QtWidgets and looks for the system's printers). The window's print path and preview
stay in printing.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QPdfWriter

from ..core.errors import UserError
from ..exchange.document import Document
from .qt_document import paint_document

RESOLUTION = 1200  # dpi: what QPrinter.HighResolution gives a PDF, so the pages are the same


def ensure_gui_app() -> QGuiApplication:
    """A Qt application for painting; offscreen without a display. A process that has loaded
    widgets (the window, the self-test, the tests) gets a QApplication: its widgets need one,
    and Qt allows one application per process (a widget after a QGuiApplication aborts)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    argv = [sys.argv[0] if sys.argv else "bachthong"]
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        return QApplication(argv)
    return QGuiApplication(argv)


def pdf_bytes(doc: Document) -> bytes:
    """The report's PDF as bytes (for a file, and for issued versions)."""
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setCreator("bachthong")
    writer.setTitle(doc.trich_yeu)
    paint_document(doc, writer)
    del writer  # the PDF is complete in the buffer once the painter has ended
    buffer.close()
    return bytes(data.data())


def write_pdf(doc: Document, path) -> None:
    """The report as a PDF file, painted by Qt (no office suite needed)."""
    content = pdf_bytes(doc)
    try:
        Path(path).write_bytes(content)
    except OSError:
        raise UserError(f"Không ghi được tệp PDF “{path}”. Hãy chọn thư mục khác, hoặc đóng "
                        "tệp nếu nó đang mở trong chương trình đọc PDF.") from None
