"""A print that does not start (Cancel in the Save dialog of "Microsoft Print to PDF", a printer
that is off, a PDF that cannot be written) is one Vietnamese sentence, never a crash."""

import pytest
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinterInfo

from bachthong_desktop.cli import main
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.exchange.document import document_for
from bachthong_desktop.ui import preview_tab, printing
from bachthong_desktop.ui.printing import print_document, write_pdf


@pytest.fixture
def refusing_printer(monkeypatch):
    """Qt's begin() on the Windows print engine returns False when StartDoc is cancelled."""
    monkeypatch.setattr(printing, "find_printer", lambda name=None: QPrinterInfo())
    monkeypatch.setattr(preview_tab, "find_printer", lambda name=None: QPrinterInfo())
    monkeypatch.setattr(QPainter, "begin", lambda self, device: False)


def test_a_cancelled_print_is_a_user_error(qapp, demo_session, refusing_printer):
    with pytest.raises(UserError, match="Báo cáo chưa được in") as caught:
        print_document(document_for(demo_session, "2023-H1"))
    assert "in lại" in caught.value.message


def test_the_command_line_says_it_was_not_printed(qapp, demo_db, refusing_printer, capsys):
    code = main(["--db", str(demo_db), "print", "--period", "2023-H1"])
    err = capsys.readouterr().err
    assert code == 1 and "Lỗi: Báo cáo chưa được in" in err and "Traceback" not in err


def test_a_pdf_that_cannot_be_written(qapp, demo_session, tmp_path):
    target = tmp_path / "khong-co" / "bao-cao.pdf"
    with pytest.raises(UserError, match="Không ghi được tệp PDF"):
        write_pdf(document_for(demo_session, "2023-H1"), target)


def test_the_window_shows_the_sentence_and_no_crash_dialog(qtbot, demo_db, refusing_printer,
                                                           monkeypatch, opener):
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QMessageBox

    from bachthong_desktop.ui import crash

    said, crashed = [], []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QPrintDialog.Accepted)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    monkeypatch.setattr(crash, "excepthook", lambda *a: crashed.append(a))
    window = opener.open()
    window.preview_holder.ensure_built()
    window.preview_tab.print_()
    assert crashed == [] and "Báo cáo chưa được in" in said[0]
