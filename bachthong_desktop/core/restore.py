"""Restore a backup: check the file, back up the current database, copy with the backup API."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from .backup import backup_now, backup_time, is_sqlite_file, list_backups, replace_file
from .db import open_db
from .errors import UserError
from .import_marker import restoring
from .integrity import DamagedDatabase
from .paths import command_line_program
from .schema import MIGRATION_NAMES
from .start_view import read_only_uri

log = logging.getLogger(__name__)

MIGRATION_SET = "bachthong"


def good_backups(db_path: str | os.PathLike, limit: int | None = None) -> list[Path]:
    """This database's backups that pass the restore checks, newest first."""
    good = []
    for path in list_backups(db_path):
        if is_good_backup(path):
            good.append(path)
            if limit and len(good) >= limit:
                break
    return good


def with_good_backups(damaged: DamagedDatabase) -> DamagedDatabase:
    """The damaged-database error with its good backups and how to restore the newest: by a
    command for the command line (`message`), in the window for the window (`window_message`)."""
    db_path = damaged.db_path
    good = good_backups(db_path)
    folder = db_path.parent / "backups"
    if not good:
        fact = (f"Cơ sở dữ liệu “{db_path}” bị hỏng và không có bản sao lưu tốt nào trong "
                f"“{folder}”.")
        return DamagedDatabase(
            db_path, f"{fact} Hãy khôi phục từ một bản sao lưu khác (lệnh "
            f"{command_line_program()} restore TỆP) hoặc liên hệ người hỗ trợ.",
            window_message=f"{fact} Nếu có bản sao lưu của dữ liệu này ở nơi khác (USB, máy "
            "khác), hãy chép tệp đó vào thư mục trên rồi mở lại chương trình: chương trình sẽ "
            "đề nghị khôi phục từ nó. Nếu không, hãy liên hệ người hỗ trợ.")
    when = backup_time(good[0])
    when_text = f" (lúc {when:%H:%M ngày %d/%m/%Y})" if when else ""
    fact = f"Cơ sở dữ liệu “{db_path}” bị hỏng. Bản sao lưu tốt gần nhất là “{good[0]}”{when_text}"
    return DamagedDatabase(
        db_path, f"{fact}; hãy khôi phục nó bằng lệnh: {command_line_program()} --db \"{db_path}\" "
        f"restore \"{good[0]}\"", good,
        window_message=f"{fact}. Chương trình khôi phục được từ bản này: ngay bây giờ, hoặc "
        "lần sau mở chương trình (câu hỏi này sẽ hiện lại).")


def open_or_explain(db_path: str | os.PathLike):
    """open_db; a damaged database raises DamagedDatabase naming its newest good backup."""
    try:
        return open_db(db_path)
    except DamagedDatabase as damaged:
        raise with_good_backups(damaged) from damaged


def check_backup_file(path: str | os.PathLike) -> None:
    """Raise a UserError unless `path` is a sound database of this program, not from a newer one."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp sao lưu “{path}”. Hãy kiểm tra lại đường dẫn.")
    if not is_sqlite_file(path):
        raise UserError(f"Tệp “{path}” không phải là bản sao lưu cơ sở dữ liệu của chương trình. "
                        "Hãy chọn một tệp .sqlite3 trong thư mục backups.")
    try:
        # absolute(), not resolve(): on Windows resolve() turns a mapped drive Z: into \\server
        conn = sqlite3.connect(read_only_uri(path.absolute()), uri=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
            names = _migration_names(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(path) from exc
    if problems != ["ok"]:
        raise _damaged(path)
    if names is None:
        raise UserError(f"Tệp “{path}” là một cơ sở dữ liệu SQLite nhưng không phải của chương "
                        "trình này. Hãy chọn một tệp trong thư mục backups.")
    if names - MIGRATION_NAMES:
        raise UserError(f"Bản sao lưu “{path}” được tạo bởi phiên bản mới hơn của chương trình. "
                        "Hãy cài phiên bản mới nhất rồi khôi phục lại; dữ liệu hiện tại không "
                        "bị thay đổi.")


def is_good_backup(path: Path) -> bool:
    """True when `check_backup_file` finds nothing wrong."""
    try:
        check_backup_file(path)
        return True
    except UserError:
        return False


def restore(db_path: str | os.PathLike, backup_file: str | os.PathLike) -> Path | None:
    """Replace the database's content with a backup; the backup made of the current data first.

    Refused while an import runs (see import_marker), which waits for it in turn."""
    with restoring(db_path):
        return _restore(Path(db_path), Path(backup_file))


def _restore(db_path: Path, backup_file: Path) -> Path | None:
    check_backup_file(backup_file)
    if db_path.exists() and db_path.resolve() == backup_file.resolve():
        raise UserError("Tệp sao lưu chính là cơ sở dữ liệu đang dùng. Hãy chọn một bản sao "
                        "lưu khác.")
    before = _save_current(db_path)
    source = sqlite3.connect(read_only_uri(backup_file.absolute()), uri=True)
    try:
        target = sqlite3.connect(str(db_path))
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise UserError(f"Không khôi phục được vào “{db_path}”: {exc}. Cơ sở dữ liệu hiện tại "
                        "không bị thay đổi; hãy giải phóng dung lượng ổ đĩa rồi thử lại.") from exc
    finally:
        source.close()
    _migrate(db_path)
    log.info("restored %s from %s (previous data in %s)", db_path, backup_file, before)
    return before


def _save_current(db_path: Path) -> Path | None:
    """Back up the current database; a damaged one is moved aside instead, untouched."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if is_sqlite_file(db_path) and _sound(db_path):
        return backup_now(db_path, "restore")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.hong-{stamp}{db_path.suffix}")
    try:
        for suffix in ("", "-wal", "-shm"):
            extra = Path(str(db_path) + suffix)
            if extra.exists():
                replace_file(extra, Path(str(aside) + suffix))
    except OSError as exc:
        raise UserError(f"Không đổi tên được tệp hỏng “{db_path}”: {exc.strerror}. Một chương "
                        "trình khác (cửa sổ chương trình trên máy khác, phần mềm diệt virus, "
                        "sao lưu đám mây) đang giữ tệp; hãy đóng nó hoặc chờ một lát rồi thử "
                        "lại.") from exc
    log.warning("damaged database %s moved aside to %s", db_path, aside)
    return aside


def _sound(db_path: Path) -> bool:
    try:
        conn = sqlite3.connect(str(db_path))
        try:
            return [r[0] for r in conn.execute("PRAGMA quick_check(1)")] == ["ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _migration_names(conn: sqlite3.Connection) -> set[str] | None:
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    if "_sqlite_migrations" not in tables:
        return None
    rows = conn.execute("select name from _sqlite_migrations where migration_set = ?",
                        [MIGRATION_SET])
    return {r[0] for r in rows}


def _migrate(db_path: Path) -> None:
    """An older backup is brought to the current schema (open_db backs it up first)."""
    open_db(db_path).conn.close()


def _damaged(path: Path) -> UserError:
    return UserError(f"Tệp sao lưu “{path}” bị hỏng (không qua được kiểm tra toàn vẹn). Hãy chọn "
                     "một bản sao lưu khác.")
