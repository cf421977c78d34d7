"""What the window does before showing itself: log file, writer lock, open, check, back up."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from .backup import backup_now
from .errors import UserError
from .lock import WriterLock, acquire
from .logs import setup_logging
from .paths import default_db_path
from .session import Session

log = logging.getLogger(__name__)


@dataclass
class Opened:
    """A window's session with its lock; `close()` releases both."""

    session: Session
    lock: WriterLock
    backup_problem: str | None = None  # a message for the status bar when the backup failed

    def close(self) -> None:
        self.session.close()
        self.lock.release()


def open_for_window(db_path: str | os.PathLike | None = None) -> Opened:
    """Take the writer lock, open and check the database, back it up; UserError when it can't.

    Raises lock.DatabaseInUse (another window has it) or integrity.DamagedDatabase (offer
    `exc.good_backups[0]` to `restore.restore`), both UserErrors with a Vietnamese message.
    A backup that fails (full disk) does not stop the window: its message is in
    `backup_problem`, for the window to show.
    """
    setup_logging()
    path = default_db_path(db_path)
    lock = acquire(path, app="window")
    session = Session(path)
    try:
        session.db  # noqa: B018 - opens, migrates and checks the database now
    except BaseException:
        session.close()
        lock.release()
        raise
    try:
        backup_now(session, "start")
    except UserError as exc:
        log.warning("start backup failed: %s", exc.message)
        return Opened(session, lock, exc.message)
    return Opened(session, lock)
