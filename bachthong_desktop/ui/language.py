"""Qt in Vietnamese: the program's own translation of Qt's dialogs and the Vietnamese locale.

PySide6 ships no Vietnamese translation of Qt, so the program carries its own
(`resources/i18n/qt_vi.ts`, compiled to `qt_vi.qm` with pyside6-lrelease) for the dialogs a
clerk meets: file, print, print preview, message and button boxes, the edit menus and the
names of keys. The locale gives the calendar its Vietnamese months and days.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ..core.paths import resources_dir

VIETNAMESE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def translation_file() -> Path:
    return resources_dir() / "i18n" / "qt_vi.qm"


def install_vietnamese(app: QApplication) -> QTranslator | None:
    """Speak Vietnamese wherever Qt speaks; the translator installed (None if its file is gone)."""
    QLocale.setDefault(VIETNAMESE)
    translator = QTranslator(app)
    if not translator.load(str(translation_file())):
        return None
    app.installTranslator(translator)
    return translator
