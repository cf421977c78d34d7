"""Tệp > “Xuất tệp gửi cấp trên…”: the office's own figures as the return the level above imports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..core.errors import UserError
from ..core.periods import parse_period
from .places import shown_path, suggested_file

TITLE = "Xuất tệp gửi cấp trên"


def add_upward_action(window) -> QAction:
    """The action, after “Thông tin cơ quan…” in the Tệp menu (office mode only)."""
    action = QAction("Xuất tệp gửi &cấp trên…", window)
    action.triggered.connect(lambda: export_upward(window))
    menu = window.menus[0]
    actions = menu.actions()
    menu.insertAction(actions[1] if len(actions) > 1 else None, action)
    window.upward_action = action
    return action


def export_upward(window) -> Path | None:
    """Ask where, write the office's return of the period shown, say where it went."""
    from ..exchange.upward import write_upward
    from ..exchange.xlsx_template import template_file_name

    window.save_all()
    period = parse_period(window.period)
    name = template_file_name(period, window.unit, window.session.form)
    path, _ = QFileDialog.getSaveFileName(window, TITLE, suggested_file(name),
                                          "Sổ làm việc Excel (*.xlsx)")
    if not path:
        return None
    try:
        written = write_upward(window.session, period.id, path)
    except UserError as exc:
        QMessageBox.warning(window, TITLE, exc.message)
        return None
    QMessageBox.information(window, TITLE, f"Đã lưu tệp {shown_path(str(written))}. Hãy gửi tệp này cho cơ quan "
                                           "cấp trên; cơ quan đó nhập như báo cáo của một đơn vị báo cáo.")
    return written
