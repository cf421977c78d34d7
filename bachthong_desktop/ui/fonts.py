"""The report's typeface, carried with the program so the page is the same on every machine.

Liberation Serif (resources/fonts/, SIL OFL) has Times New Roman's metrics and every Vietnamese
letter. Qt draws the PDF and the printed page with it everywhere, Windows included, so line and
page breaks never depend on the fonts a machine happens to have; the Word file still names Times
New Roman (Word on the office PC has it, LibreOffice maps it to Liberation Serif).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase, QGuiApplication

from ..core.paths import resources_dir

FAMILY = "Liberation Serif"
FILES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
         "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")

log = logging.getLogger(__name__)
_registered = False


def register_fonts() -> str:
    """Add the carried font files to Qt (once a QGuiApplication exists) and return the family."""
    global _registered
    if _registered or QGuiApplication.instance() is None:
        return FAMILY
    _registered = True
    for name in FILES:
        path = resources_dir() / "fonts" / name
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("font %s could not be loaded: the page falls back to a system font", path)
    return FAMILY
