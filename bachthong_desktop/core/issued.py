"""Issued versions ("bản phát hành"): frozen copies of the report as it was sent out."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .backup import backup_now

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database

TABLE = "issued_versions"
AFTER_ISSUE = "sau-phat-hanh"  # the word in the name of the backup made after issuing
_LIST_COLUMNS = "id, period, unit_code, format, number, doc_date, created_at, file_name"


@dataclass(frozen=True)
class IssuedVersion:
    """One issued copy; `content` and `data` are only loaded by `open_issued`."""

    id: int
    period: str
    unit_code: str
    format: str
    number: str
    doc_date: str
    created_at: str
    file_name: str
    content: bytes | None = None
    data: Any = None

    @property
    def label(self) -> str:
        """How the window lists it: "125/BC-UBND, ngày 05 tháng 6 năm 2023 (Word), lưu lúc ..."."""
        kind = {"docx": "Word", "pdf": "PDF"}.get(self.format, self.format)
        number = self.number.strip() or "chưa có số"
        saved = dt.datetime.fromisoformat(self.created_at).strftime("%d/%m/%Y %H:%M")
        return f"{number}, {self.doc_date or 'chưa ghi ngày'} ({kind}), lưu lúc {saved}"


def issue(db: Database, period: str, unit_code: str, fmt: str, content: bytes, data: Any,
          number: str = "", doc_date: str = "", file_name: str = "") -> IssuedVersion:
    """Store a frozen copy: the document bytes and the data it was made from."""
    row = {"period": period, "unit_code": unit_code, "format": fmt, "number": number or "",
           "doc_date": doc_date or "", "created_at": dt.datetime.now().isoformat(timespec="seconds"),
           "file_name": file_name or "", "content": bytes(content),
           "data": json.dumps(data, ensure_ascii=False, default=str)}
    backup_now(db, "final")
    with db.atomic():
        new_id = db[TABLE].insert(row).last_pk
    backup_now(db, AFTER_ISSUE)  # a restore can always bring this version back
    return open_issued(db, new_id)


def list_issued(db: Database, period: str | None = None) -> list[IssuedVersion]:
    """The issued versions, newest first, without their content."""
    where, params = ("WHERE period = ?", [period]) if period else ("", [])
    rows = db.query(f"SELECT {_LIST_COLUMNS} FROM {TABLE} {where} ORDER BY id DESC", params)
    return [IssuedVersion(**row) for row in rows]


def open_issued(db: Database, version_id: int) -> IssuedVersion:
    """One issued version with its bytes and its data."""
    row = db[TABLE].get(version_id)
    row["data"] = json.loads(row["data"])
    return IssuedVersion(**row)
