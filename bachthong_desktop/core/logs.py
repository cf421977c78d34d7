"""A rotating log file in the data folder: what happened, for whoever helps the office later.

The window and the command line write to the same file at the same time. A file is rotated
only when a program starts, never while it runs: on Windows renaming a file that the other
program holds open fails (its records would be lost, "--- Logging error ---" printed). When
even that start-time rename is refused, the program simply appends to the file.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from .paths import data_dir

LOG_NAME = "bachthong.log"
MAX_BYTES = 1_000_000
KEEP_FILES = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"


def log_dir() -> Path:
    return data_dir() / "logs"


def setup_logging(level: int = logging.INFO, folder: str | os.PathLike | None = None) -> Path | None:
    """Log to `logs/bachthong.log` in the data folder (about 1 MB x 5 files); the file, or None.

    Never fails: when the folder cannot be written the program runs without a log file.
    Calling it again replaces the previous file handler (tests point it at tmp folders).
    """
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_bachthong", False):
            root.removeHandler(handler)
            handler.close()
    path = Path(folder or log_dir()) / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        rotate_if_large(path)
        handler = logging.FileHandler(path, encoding="utf-8", delay=False)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._bachthong = True
    root.addHandler(handler)
    logging.getLogger(__name__).info("start %s (python %s, %s)", _program(), sys.version.split()[0],
                                     sys.platform)
    return path


def rotate_if_large(path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP_FILES) -> bool:
    """bachthong.log -> .1 -> .2 ... when it is past `max_bytes`; False when another program
    holds it (Windows refuses the rename) and it is appended to instead."""
    try:
        if path.stat().st_size <= max_bytes:
            return False
        for number in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{number}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
        return True
    except OSError:
        return False


def log_uncaught(exc_type, exc, tb) -> None:
    """For sys.excepthook: keep the traceback in the log file (the user sees a message)."""
    logging.getLogger("bachthong").error("uncaught error", exc_info=(exc_type, exc, tb))


def _program() -> str:
    from .. import __version__

    return f"bachthong {__version__}"
