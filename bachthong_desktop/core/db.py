"""Open the one SQLite file safely: checks, journal mode, schema migrations with a backup first.

WAL on a local disk; on a network share (where SQLite's WAL does not work: it needs shared
memory between the machines) and in a cloud-synced folder (OneDrive, Dropbox, Google Drive: the
client may upload the database and its -wal file at different moments, a copy that never was)
the rollback journal, said once in the log.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .errors import UserError
from .integrity import DamagedDatabase, check_on_open
from .paths import cloud_synced, is_network_path, too_long
from .schema import MIGRATION_NAMES, MIGRATIONS
from .writer_db import WriterDatabase

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000
log = logging.getLogger(__name__)
# NO_PLUGINS: sqlite-utils plugins could change every connection; none belongs to this program,
# and looking them up reads the metadata of every installed package (~30 ms at each start).
_said_network: set[Path] = set()


def open_db(path: str | os.PathLike, *, create: bool = True) -> Database:
    """Open (or create) the database at `path`, migrated to the current schema."""
    path = Path(path)
    try:
        _check_file(path, create)
    except OSError as exc:  # a name too long for the system (ENAMETOOLONG), a vanished drive
        raise _folder_error(path) from exc
    conn = None
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = WriterDatabase(conn, execute_plugins=False)  # see NO_PLUGINS
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        check_on_open(conn, path)
        _migrate(db, path)
        _set_journal(db, path)
    except BaseException as exc:
        if conn is not None:  # Windows cannot rename or restore a file a connection holds
            conn.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise _explain(exc, path) from exc
        raise
    return db


def journal_mode_for(path: Path) -> str:
    """WAL, except on a network share or in a cloud-synced folder: the rollback journal."""
    return "delete" if _no_wal_because(path) else "wal"


def _no_wal_because(path: Path) -> str | None:
    """Why this file must not keep WAL (words for the log), or None."""
    if is_network_path(path.absolute()):
        return "on a network drive"
    service = cloud_synced(path.absolute())
    return f"in a folder {service} synchronises" if service else None


def _set_journal(db: Database, path: Path) -> None:
    reason = _no_wal_because(path)
    wanted = "delete" if reason else "wal"
    if reason and path not in _said_network:
        _said_network.add(path)
        log.info("database %s is %s: rollback journal instead of WAL", path, reason)
    if db.journal_mode != wanted:
        db.execute(f"PRAGMA journal_mode = {wanted}")


def memory_db() -> Database:
    """A migrated in-memory database, for tests and dry runs."""
    db = Database(memory=True, execute_plugins=False)
    MIGRATIONS.apply(db)
    return db


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise UserError(f"“{path}” là một thư mục, không phải tệp cơ sở dữ liệu. "
                        "Hãy chỉ đến một tệp .sqlite3.")
    if path.exists():
        if not _looks_like_sqlite(path):
            raise UserError(f"Tệp “{path}” không phải là cơ sở dữ liệu của chương trình. "
                            "Hãy chọn đúng tệp dữ liệu hoặc một tệp mới.")
        return
    if not create:
        raise UserError(f"Không tìm thấy cơ sở dữ liệu “{path}”. Hãy kiểm tra lại đường dẫn.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(path) from exc
    if not os.access(path.parent, os.W_OK):
        raise _folder_error(path)


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise UserError(too_long(path) or f"Không đọc được tệp “{path}”: {exc.strerror}. "
                        "Hãy kiểm tra quyền truy cập tệp.") from exc
    return head == SQLITE_MAGIC or head == b""


def _folder_error(path: Path) -> UserError:
    return UserError(too_long(path) or too_long(path.parent, folder=True)
                     or f"Không ghi được vào thư mục “{path.parent}”. Hãy chọn thư mục khác "
                     "(dùng --db hoặc biến BACHTHONG_DB) hoặc cấp quyền ghi cho thư mục này.")


def _migrate(db: Database, path: Path) -> None:
    applied = {m.name for m in MIGRATIONS.applied(db)}
    if applied - MIGRATION_NAMES:
        raise UserError(f"Cơ sở dữ liệu “{path}” được tạo bởi phiên bản mới hơn của chương trình. "
                        "Hãy cài phiên bản mới nhất rồi mở lại; dữ liệu không bị thay đổi.")
    pending = MIGRATIONS.pending(db)
    if pending and applied:
        backup_before_migration(db, path)
    if pending:
        MIGRATIONS.apply(db)


def backup_before_migration(db: Database, path: Path) -> Path:
    """Copy the database with SQLite's backup API before its schema is changed."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.truoc-nang-cap-{stamp}{path.suffix}")
    with sqlite3.connect(str(target)) as copy:
        db.conn.backup(copy)
    copy.close()
    return target


def _explain(exc: sqlite3.DatabaseError, path: Path) -> UserError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return UserError(f"Cơ sở dữ liệu “{path}” đang được một chương trình khác dùng. "
                         "Hãy đóng cửa sổ kia (hoặc chờ nó xong) rồi thử lại.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return _folder_error(path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DamagedDatabase(path)
    return UserError(f"Không mở được cơ sở dữ liệu “{path}”: {exc}. "
                     "Hãy thử lại; nếu vẫn lỗi, hãy khôi phục từ bản sao lưu.")
