"""Backups with SQLite's backup API: rotating copies beside the database, and restore.

The backups folder is `backups/` in the database's own folder: for the default database that is
the data folder's `backups/`; with `--db` or BACHTHONG_DB it sits next to that file. Backup file
names start with the database's name, so two databases in one folder rotate separately.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
import time
from pathlib import Path

from .errors import UserError
from .paths import names_ignore_case, too_long

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_KEEP = 10
KEEP_SETTING = "backup_keep"
REASONS = {  # why a backup was made -> the word in its file name
    "start": "khoi-dong", "import": "truoc-nhap", "final": "truoc-ban-chinh-thuc",
    "restore": "truoc-khoi-phuc", "manual": "thu-cong",
}
_STAMP = "%Y%m%d-%H%M%S"
WINERROR_SHARING_VIOLATION = 32
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.5)  # about 3 s for an antivirus to let go


def backups_dir(db_path: str | os.PathLike) -> Path:
    """Where the rotating backups of this database live."""
    return Path(db_path).parent / "backups"


def backup_now(source, reason: str = "manual", keep: int | None = None) -> Path | None:
    """Back up a database (Session, Database, connection or path) into its backups folder.

    Returns the new file, or None when there is no database file (not yet, or in memory), so
    callers need no special case for tests on memory_db(). Old backups are rotated:
    the newest `keep` (setting "backup_keep", default 10) plus the newest of each month stay.
    """
    conn, db_path, owned = _connection(source)
    if conn is None:
        return None
    try:
        folder = backups_dir(db_path)
        target = _new_name(folder, db_path.stem, REASONS.get(reason, _slug(reason)))
        write_backup(conn, target)
        keep = keep if keep is not None else _keep_setting(conn)
    finally:
        if owned:
            conn.close()
    rotate(folder, db_path.stem, keep)
    log.info("backup %s of %s (%s)", target, db_path, reason)
    return target


def write_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy a live database into `target` (a new file) via the backup API, all or nothing."""
    partial = target.with_name(f"{target.stem}.{os.getpid()}{target.suffix}.part")  # two at once
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
    except OSError as exc:
        raise _folder_error(target.parent) from exc
    try:
        copy = sqlite3.connect(str(partial))
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
        replace_file(partial, target)
    except (sqlite3.Error, OSError) as exc:
        _remove_quietly(partial)
        raise _write_error(target.parent, exc, partial) from exc
    return target


def replace_file(source: Path, target: Path) -> None:
    """os.replace, waiting a moment while another program holds the file.

    On Windows an antivirus or the search indexer opens a file just written to scan it;
    renaming it meanwhile fails with PermissionError (WinError 32) for a second or two.
    """
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if delay is None:
                raise
            log.info("%s is held by another program; trying again in %.2f s", source, delay)
            time.sleep(delay)


def _remove_quietly(path: Path) -> None:
    """Delete a leftover; one still held (by an antivirus) stays and is logged."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not delete %s (held by another program)", path)


def list_backups(db_path: str | os.PathLike) -> list[Path]:
    """This database's backups in its backups folder, newest first."""
    return _backups_in(backups_dir(db_path), Path(db_path).stem)


def _backups_in(folder: Path, stem: str) -> list[Path]:
    """On Windows "--db BachThong.sqlite3" is the file bachthong.sqlite3: its backups too."""
    pattern = re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:_(\d+))?-[a-z0-9-]+"
                         r"\.sqlite3$", re.IGNORECASE if names_ignore_case() else 0)
    found = []
    for path in folder.iterdir() if folder.is_dir() else ():
        match = pattern.match(path.name)
        if match:
            found.append(((match[1], int(match[2] or 1)), path))
    return [path for _, path in sorted(found, reverse=True)]


def backup_time(path: Path) -> dt.datetime | None:
    """When a backup was made, from its file name."""
    match = re.search(r"-(\d{8}-\d{6})(?:_\d+)?-", path.name)
    return dt.datetime.strptime(match[1], _STAMP) if match else None


def rotate(folder: Path, stem: str, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete old backups but the newest `keep` and the newest of each month; the deleted."""
    backups = _backups_in(folder, stem)
    months = set()
    deleted = []
    for index, path in enumerate(backups):
        month = path.name[len(stem) + 1:len(stem) + 7]
        newest_of_month = month not in months
        months.add(month)
        if index < max(keep, 1) or newest_of_month:
            continue
        try:
            path.unlink()
            deleted.append(path)
        except OSError:
            log.warning("could not delete old backup %s", path)
    return deleted


def is_sqlite_file(path: Path) -> bool:
    """True when the file starts with SQLite's magic header."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _connection(source) -> tuple[sqlite3.Connection | None, Path, bool]:
    """(connection, database file, whether we opened it) for anything that names a database."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file() or path.stat().st_size == 0:
            return None, path, False
        if not is_sqlite_file(path):
            raise UserError(f"Tệp “{path}” không phải là cơ sở dữ liệu của chương trình. "
                            "Hãy chọn đúng tệp dữ liệu.")
        return sqlite3.connect(str(path)), path, True
    db = getattr(source, "db", source)  # a Session has .db
    conn = getattr(db, "conn", db)  # a sqlite_utils Database has .conn
    path = main_file(conn)
    return (conn if path else None), path, False


def main_file(conn: sqlite3.Connection) -> Path | None:
    """The file behind a connection's main database (None for an in-memory one)."""
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main" and row[2]:
            return Path(row[2])
    return None


def _keep_setting(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("select value from settings where key = ?", [KEEP_SETTING]).fetchone()
        return max(int(row[0]), 1) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError):
        return DEFAULT_KEEP


def _new_name(folder: Path, stem: str, word: str) -> Path:
    stamp = dt.datetime.now().strftime(_STAMP)
    target = folder / f"{stem}-{stamp}-{word}.sqlite3"
    count = 1
    while target.exists():
        count += 1
        target = folder / f"{stem}-{stamp}_{count}-{word}.sqlite3"
    return target


def _slug(reason: str) -> str:
    from .text import slug

    return slug(reason) or "sao-luu"


def _folder_error(folder: Path) -> UserError:
    return UserError(too_long(folder, folder=True) or f"Không ghi được vào thư mục sao lưu "
                     f"“{folder}”. Hãy cấp quyền ghi cho thư mục này hoặc chọn nơi khác; cơ sở "
                     "dữ liệu hiện tại không bị thay đổi.")


def _write_error(folder: Path, exc: Exception, file: Path | None = None) -> UserError:
    text = str(exc).lower()
    if file is not None and too_long(file):
        return UserError(too_long(file))
    if getattr(exc, "winerror", None) == WINERROR_SHARING_VIOLATION:
        return UserError(f"Bản sao lưu mới trong “{folder}” đang bị một chương trình khác giữ "
                         "(thường là phần mềm diệt virus đang quét nó) nên chưa được đặt tên. Hãy "
                         "chờ một lát rồi thử lại; cơ sở dữ liệu hiện tại không bị thay đổi.")
    if "full" in text or "too large" in text or getattr(exc, "errno", None) in (28, 27) \
            or "disk i/o" in text:
        free = shutil.disk_usage(folder).free // (1024 * 1024) if folder.exists() else 0
        return UserError(f"Ổ đĩa chứa thư mục “{folder}” đã đầy (còn {free} MB) nên bản sao lưu "
                         "chưa được tạo. Hãy giải phóng dung lượng rồi thử lại; cơ sở dữ liệu "
                         "hiện tại không bị thay đổi.")
    if "readonly" in text or "read-only" in text or "unable to open" in text \
            or isinstance(exc, PermissionError):
        return _folder_error(folder)
    return UserError(f"Không tạo được bản sao lưu trong “{folder}”: {exc}. Hãy thử lại; cơ sở "
                     "dữ liệu hiện tại không bị thay đổi.")
