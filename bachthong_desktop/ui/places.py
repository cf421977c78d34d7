"""Where the window suggests saving files, and how it shows a path (Windows: backslashes)."""

from __future__ import annotations

from pathlib import Path, PurePath

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    """The user's Documents folder (Windows: "Tài liệu"), else the home folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def suggested_file(name: str) -> str:
    """Where a save dialog starts: every export is offered in Documents."""
    return str(documents_folder() / name)


def shown_path(chosen: str, flavour: type[PurePath] = Path) -> str:
    """A path as the user knows it: Qt's dialogs answer "C:/Users/…", Windows writes "C:\\Users\\…"."""
    return str(flavour(chosen))
