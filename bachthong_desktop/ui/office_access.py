"""The office of a period, checked before the window shows the period, and the Tệp menu's way
to the office window; the office window itself (its Qt widgets, the catalog) is imported only
when it opens, not while the main window starts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from ..core.periods import Period, parse_period
from ..core.units import current_office, no_office_text, office_on


def ensure_office(parent, session, period_id: str) -> bool:
    """A period without an office valid at its cut-off: say why and offer its successor."""
    period = parse_period(period_id)
    if office_on(session.db, period.cutoff_end) is not None:
        return True
    from .office_dialog import TITLE, OfficeDialog

    answer = QMessageBox.question(parent, TITLE, f"{no_office_text(session.db, period)}\n\n"
                                  "Chọn cơ quan kế nhiệm ngay bây giờ?")
    if answer != QMessageBox.Yes or not OfficeDialog.run(session, period.id, parent=parent):
        return False
    return office_on(session.db, period.cutoff_end) is not None


def fallback_period(session) -> str | None:
    """The latest period of the latest office (a window whose chosen period has no office)."""
    office = current_office(session.db)
    if office is None:
        return None
    last = dt.date.fromisoformat(office.valid_to) if office.valid_to else dt.date.today()
    candidates = [Period(y, k) for y in range(last.year, last.year - 3, -1) for k in ("Y", "H1")]
    valid = [p for p in candidates if office.valid_on(p.cutoff_end)]
    return valid[0].id if valid else None


def add_office_action(window) -> QAction:
    """“Thông tin cơ quan…” at the top of the Tệp menu."""
    action = QAction("Thông tin &cơ quan…", window)
    action.triggered.connect(lambda: open_office_window(window))
    menu = window.menus[0]
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, action)
    window.office_action = action
    return action


def open_office_window(window) -> None:
    """Open the office window from the main window; show the period again after a save."""
    from .office_dialog import OfficeDialog

    window.save_all()
    if OfficeDialog.run(window.session, window.period, parent=window,
                        units_changed=window.refresh_units):
        window.load_period(window.period)
