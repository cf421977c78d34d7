"""Pictures of the standard dialogs a clerk meets, for the user guide (`--screenshots`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def save_dialogs(window, folder: Path, screen: tuple[int, int]) -> list[Path]:
    """Each dialog opened on the window, pictured, closed; none larger than `screen`."""
    return []


def picture(widget: QWidget, path: Path, screen: tuple[int, int]) -> Path:
    """Show a dialog at a size the screen holds, save its picture, close it."""
    widget.resize(min(widget.width(), screen[0] - 40), min(widget.height(), screen[1] - 60))
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    widget.close()
    return path
