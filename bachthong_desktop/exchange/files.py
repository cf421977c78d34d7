"""Which files an import is given: folders, glob patterns, Excel's lock files, other files.

`bachthong import *.xlsx` in cmd or PowerShell passes the pattern unexpanded, so patterns
are expanded here. A folder stands for its spreadsheet files (whatever the case of the
extension), each tried as if named alone; everything else found in it is listed as skipped,
never dropped silently.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Iterable

SKIPPED = "skipped"
LOCK_PREFIX = "~$"  # Excel's lock file beside an open workbook
_PATTERN_CHARS = set("*?[")


# Spreadsheets a folder gives one by one, as if each were named: .xlsx and .xlsm are read,
# the others refused with the sentence each gets when named alone ("save it as .xlsx").
SPREADSHEETS = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".xlsb", ".ods",
                          ".fods", ".csv"})


def shown_name(path: Path | str) -> str:
    """A file's name (or a whole path given as text) as the user reads it and the log keeps
    it: bytes the system could not decode (a Windows zip's CP1258 name unpacked here) become
    "�", never a character no file, console or database can take."""
    name = path.name if isinstance(path, Path) else path
    return os.fsencode(name).decode("utf-8", "replace")


def _is_return(path: Path) -> bool:
    return path.suffix.casefold() in SPREADSHEETS and not path.name.startswith(LOCK_PREFIX)


def _why_skipped(path: Path) -> str:
    from ..core.paths import too_long

    if too_long(path):
        return too_long(path)
    if path.name.startswith(LOCK_PREFIX):
        return ("tệp khóa tạm của Excel (có khi bảng tính đang mở), không phải báo cáo: "
                "bỏ qua.")
    if path.is_dir():
        return "thư mục con: không nhập tệp trong thư mục con (hãy chọn riêng thư mục đó)."
    return "không phải tệp Excel (bảng tính): bỏ qua."


def _expanded(raw: Path | str) -> list[Path]:
    text = str(raw)
    if not Path(text).exists() and _PATTERN_CHARS & set(text):
        return sorted(map(Path, glob.glob(text)), key=lambda p: p.name.casefold()) or [Path(text)]
    return [Path(text)]


def gather(paths: Iterable[Path | str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(files to import, (path, why) skipped); a named file is always tried, a lock file not."""
    files, skipped = [], []
    for path in (p for raw in paths for p in _expanded(raw)):
        if path.is_dir():
            for entry in sorted(path.iterdir(), key=lambda p: p.name.casefold()):
                (files.append(entry) if entry.is_file() and _is_return(entry)
                 else skipped.append((entry, _why_skipped(entry))))
        elif path.name.startswith(LOCK_PREFIX):
            skipped.append((path, _why_skipped(path)))
        else:
            files.append(path)
    return files, skipped
