"""Pictures of the standard dialogs a clerk meets, for the user guide (`--screenshots`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..core.backup import backup_now, backups_dir
from ..core.backup_view import backup_summaries


def save_dialogs(window, folder: Path, screen: tuple[int, int]) -> list[Path]:
    """Each dialog opened on the window, pictured, closed; none larger than `screen`."""
    office = window.preview_holder is not None  # a commune's copy neither imports nor prints
    shots = [("hop-thoai-mo-tep-nhap-bao-cao-cua-xa", lambda: _open_files(window), office),
             ("hop-thoai-luu-tep-xuat-word", lambda: _save_file(window), office),
             ("hop-thoai-luu-tep-gui-huyen", lambda: _save_return(window), not office),
             ("hop-thoai-in", lambda: _print(window), office),
             ("hop-thoai-xem-truoc-khi-in", lambda: _print_preview(window), office),
             ("cau-hoi-co-khong", lambda: _question(window), True),
             ("hop-thoai-sao-luu", lambda: _backup(window), True),
             ("hop-thoai-khoi-phuc", lambda: _restore(window), True)]
    saved = [picture(make(), folder / f"{name}.png", screen) for name, make, shown in shots
             if shown]
    calendar = _calendar(window, folder / "chon-ngay-tren-lich.png")
    return [*saved, calendar] if calendar else saved


def picture(widget: QWidget, path: Path, screen: tuple[int, int]) -> Path:
    """Show a dialog at a size the screen holds, save its picture, close it."""
    widget.show()
    QApplication.processEvents()
    widget.resize(min(widget.width(), screen[0] - 40), min(widget.height(), screen[1] - 80))
    QApplication.processEvents()
    widget.grab().save(str(path))
    widget.close()
    return path


def save_small(widget: QWidget, path: Path) -> Path:
    """A picture of `widget` in at most 256 colours, without dithering: the text stays sharp
    and the file is about a quarter of a full-colour one (the bundle carries docs/)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format_Indexed8,
                                                     Qt.ThresholdDither | Qt.AvoidDither)
    image.save(str(path))
    return path


def _file_dialog(window, title: str, kind: str) -> QFileDialog:
    dialog = QFileDialog(window, title, str(Path(window.session.db_path).parent), kind)
    dialog.setOption(QFileDialog.DontUseNativeDialog)  # the picture shows Qt's own, translated
    dialog.resize(820, 500)
    return dialog


def _open_files(window) -> QFileDialog:
    dialog = _file_dialog(window, window.level_texts.import_button.rstrip("…"),
                          "Tệp Excel (*.xlsx)")
    dialog.setFileMode(QFileDialog.ExistingFiles)
    return dialog


def _save_file(window) -> QFileDialog:
    dialog = _file_dialog(window, "Xuất báo cáo", "Tệp Word (*.docx)")
    dialog.setAcceptMode(QFileDialog.AcceptSave)
    dialog.selectFile(f"bao-cao-ttdn-{window.period}.docx")
    return dialog


def _save_return(window) -> QFileDialog:
    dialog = _file_dialog(window, "Lưu tệp gửi cấp trên", "Tệp Excel (*.xlsx)")
    dialog.setAcceptMode(QFileDialog.AcceptSave)
    dialog.selectFile(f"bao-cao-ttdn-{window.unit.code}-{window.period}.xlsx")
    return dialog


def _print(window) -> QPrintDialog:
    printer = QPrinter(QPrinter.HighResolution)
    dialog = QPrintDialog(printer, window)
    dialog.printer_ref = printer
    dialog.setWindowTitle("In báo cáo")
    return dialog


def _print_preview(window) -> QWidget:
    from .printing import preview_dialog

    preview = window.preview_holder.ensure_built()
    dialog = preview_dialog(preview.document, window)
    dialog.resize(1000, 700)
    return dialog


def _question(window) -> QMessageBox:
    from .dialogs import question_box

    label = next(e.field.label for t in window.section_tabs for e in t.editors.values()
                 if e.field.kind == "count")
    return question_box(window, "Còn số liệu chưa lưu",
                        f"Ô “{label}” ghi “8o”, chương trình chưa đọc được nên chưa lưu. "
                        "Chuyển sang kỳ khác và bỏ giá trị này, hay quay lại sửa?",
                        "Chuyển sang kỳ khác, bỏ giá trị này", "Quay lại sửa")


def _backup(window) -> QMessageBox:
    path = backup_now(window.session.db, "manual")
    return QMessageBox(QMessageBox.Information, "Sao lưu",
                       f"Đã sao lưu dữ liệu vào tệp:\n{path}", QMessageBox.Ok, window)


def _restore(window) -> QWidget:
    from .office_tools import RestoreDialog

    return RestoreDialog(backup_summaries(window.session.db_path),
                         backups_dir(window.session.db_path), window)


def _calendar(window, path: Path) -> Path | None:
    """The window with a date's calendar open on it (a popup is a window of its own)."""
    from .editors import DateEditor

    found = [(t, e) for t in window.section_tabs for e in t.editors.values()
             if isinstance(e, DateEditor)]
    if not found:  # a commune's report has no date to pick
        return None
    tab, editor = found[0]
    window.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    calendar = editor.open_calendar()
    QApplication.processEvents()
    picture_ = QPixmap(window.grab())
    where = window.mapFromGlobal(calendar.mapToGlobal(QPoint(0, 0)))
    painter = QPainter(picture_)
    painter.drawPixmap(where, calendar.grab())
    painter.end()
    calendar.close()
    picture_.save(str(path))
    return path
