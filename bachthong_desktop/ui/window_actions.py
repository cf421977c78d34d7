"""Menus, keyboard shortcuts and what they do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ..core.errors import UserError
from .dialogs import ChecksDialog, show_about, show_guide
from .embedded import is_real
from .office_tools import file_tools
from .places import shown_path, suggested_file


def _action(window, menu, text: str, slot, keys=None) -> QAction:
    action = QAction(text, window)
    if keys is not None:
        action.setShortcuts(keys if isinstance(keys, list) else [keys])
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)
    return action


def _unique(keys: list) -> list[QKeySequence]:
    """Standard keys differ per platform; the same key twice would make it ambiguous."""
    out = []
    for key in keys:
        for seq in QKeySequence.keyBindings(key) if not isinstance(key, QKeySequence) else [key]:
            if seq not in out:
                out.append(seq)
    return out


def install_actions(window) -> None:
    """The menu bar of the main window."""
    file_menu, edit, view, help_menu = window.menus  # made with the frame, filled now
    window.save_action = _action(window, file_menu, "&Lưu tất cả", window.save_all,
                                 QKeySequence.Save)
    if window.mode.is_commune:
        _action(window, file_menu, "&Xuất tệp gửi cấp trên…", lambda: export_return(window))
    else:
        _action(window, file_menu, "&Kiểm tra trước khi in…", lambda: show_checks(window))
        window.print_action = _action(window, file_menu, "&In…", lambda: print_report(window),
                                      QKeySequence.Print)
    file_menu.addSeparator()
    for text, tool in file_tools(window.mode.is_commune):
        _action(window, file_menu, text, lambda checked=False, tool=tool: tool(window))
    file_menu.addSeparator()
    _action(window, file_menu, "&Thoát", window.close, QKeySequence.Quit)
    undo = _action(window, edit, "&Hoàn tác", window.undo_edit, QKeySequence.Undo)
    redo = _action(window, edit, "&Làm lại", window.redo_edit,
                   _unique([QKeySequence("Ctrl+Y"), QKeySequence.Redo,
                            QKeySequence("Ctrl+Shift+Z")]))
    undo.setEnabled(False)
    redo.setEnabled(False)
    window.undo.canUndoChanged.connect(undo.setEnabled)
    window.undo.canRedoChanged.connect(redo.setEnabled)
    window.undo_action, window.redo_action = undo, redo
    _action(window, view, "Thẻ &sau", lambda: step_tab(window, 1), QKeySequence.NextChild)
    _action(window, view, "Thẻ &trước", lambda: step_tab(window, -1),
            _unique([QKeySequence("Ctrl+Shift+Tab"), QKeySequence.PreviousChild]))
    _action(window, help_menu, "&Hướng dẫn sử dụng", lambda: show_guide(window),
            QKeySequence.HelpContents)
    _action(window, help_menu, "&Giới thiệu", lambda: show_about(window.session.db_path, window))


def step_tab(window, step: int) -> None:
    tabs = window.tabs
    tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())


def show_checks(window) -> bool:
    """The list of problems; True when the user still wants to print."""
    problems = window.problems()
    if not problems:
        window.statusBar().showMessage("Đã kiểm tra: không có lỗi nào.", 8000)
        return True
    dialog = ChecksDialog(problems, window)
    result = dialog.exec()
    if result == ChecksDialog.GO_TO or (result == QDialog.Rejected and dialog.chosen_field()):
        window.show_field(dialog.chosen_field())
    return result == QDialog.Accepted


def print_report(window) -> None:
    """Ctrl+P: checks first, then the preview tab's print, else open the preview tab."""
    window.save_all()
    if not show_checks(window):
        return
    if window.preview_holder is None:
        return
    window.tabs.setCurrentWidget(window.preview_holder)
    preview = window.preview_holder.ensure_built()
    if is_real(preview):
        preview.set_period(window.period)  # the document is rebuilt from what was just saved
        preview.print_()


def export_return(window) -> None:
    """Commune mode: write the return as the Excel file the compiling office imports."""
    window.save_all()
    from .commune_export import default_name, write_return

    path, _ = QFileDialog.getSaveFileName(window, "Lưu tệp gửi cấp trên",
                                          suggested_file(default_name(window)),
                                          "Tệp Excel (*.xlsx)")
    if path:
        path = shown_path(path)
        try:
            written = write_return(window.session, window.period, window.unit.code, path)
        except UserError as exc:
            QMessageBox.warning(window, "Xuất tệp gửi cấp trên", exc.message)
            return
        QMessageBox.information(window, "Xuất tệp gửi cấp trên",
                                f"Đã lưu tệp {written}. Hãy gửi tệp này cho cơ quan tổng hợp cấp trên "
                                "(thư điện tử, USB hoặc Zalo).")


def import_dropped(window, paths: list[Path]) -> bool:
    """Hand dropped returns to the returns tab's import; False when it has none."""
    if window.returns_holder is None:
        return False
    window.tabs.setCurrentWidget(window.returns_holder)
    returns = window.returns_holder.ensure_built()
    if not is_real(returns):
        return False
    returns.import_paths(paths)
    return True

