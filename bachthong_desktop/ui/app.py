"""Start the Qt application and show the main window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget

from ..core.errors import UserError
from ..core.periods import current_period, parse_period
from ..core.session import Session


def build_window(session: Session, period_id: str) -> QMainWindow:
    """A window with one tab per section of the report definition."""
    window = QMainWindow()
    window.setWindowTitle(f"{session.form.title} – {session.office.name} – {period_id}")
    tabs = QTabWidget()
    for section in session.form.sections:
        tabs.addTab(QLabel("\n".join(f.label for f in section.fields)), section.tab)
    window.setCentralWidget(tabs)
    window.resize(1100, 760)
    return window


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bachthong-desktop")
    parser.add_argument("--db")
    parser.add_argument("--period")
    args, qt_args = parser.parse_known_args(argv)
    app = QApplication([sys.argv[0], *qt_args])
    session = Session(args.db)
    try:
        period = parse_period(args.period) if args.period else current_period()
        window = build_window(session, period.id)
    except UserError as exc:
        QMessageBox.critical(None, "Báo cáo TTĐN", exc.message)
        return 1
    window.show()
    return app.exec()
