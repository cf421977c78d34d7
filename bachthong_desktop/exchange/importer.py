"""Import commune return files: the one entry point for the command line and the window.

Each file is checked, identified, read and validated (return_file.py); a batch applies each
unit's files in the order they were saved (batch.py); nothing half-written, every attempt logged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..core import wording
from ..core.returns import REFUSED, REPLACED, STORED, UNCHANGED
from .batch import import_files
from .files import SKIPPED, gather
from .return_file import ImportResult, import_file

__all__ = ["ImportResult", "expand_paths", "import_file", "import_files", "summary_lines"]


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """The files to import: folders stand for the spreadsheets in them, patterns are expanded."""
    return gather(paths)[0]


OUTCOME_WORDS = {STORED: "đã lưu", REPLACED: "đã thay thế", UNCHANGED: "không thay đổi",
                 REFUSED: "bị từ chối", SKIPPED: "bỏ qua"}
DRY_RUN_WORDS = {**OUTCOME_WORDS, STORED: "sẽ được lưu", REPLACED: "sẽ thay bản đã có"}


def summary_lines(results: list[ImportResult], dry_run: bool = False) -> list[str]:
    """The summary a user reads: one block per file, then the counts."""
    lines = []
    for r in results:
        head = f"• {r.file_name}: " + (f"TỪ CHỐI. {r.message}" if not r.ok else r.message)
        lines.append(head)
        lines += [f"  Ghi chú: {note}" for note in r.notes]
    counts = {o: sum(1 for r in results if r.outcome == o) for o in OUTCOME_WORDS}
    words = DRY_RUN_WORDS if dry_run else OUTCOME_WORDS  # nothing is stored by a dry run
    tail = ", ".join(f"{wording.number(n)} tệp {words[o]}" for o, n in counts.items() if n)
    prefix = "Chạy thử, chưa lưu gì: " if dry_run else "Tổng cộng: "
    lines.append(prefix + (tail or "không có tệp nào") + ".")
    return lines

