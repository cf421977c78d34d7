"""Files made the ways communes make them: saved times, renamed, re-saved, tampered with."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _rewrite(path: Path, part: str, change) -> None:
    """Replace one part of the xlsx zip by change(old bytes)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(data) if info.filename == part else data)
    shutil.move(tmp, path)


def set_saved_time(path: Path, moment: dt.datetime | None) -> Path:
    """Set (or with None remove) the saved time the workbook records of itself."""
    def change(xml: bytes) -> bytes:
        if moment is None:
            return _MODIFIED.sub(b"", xml)
        stamp = moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        return _MODIFIED.sub(lambda m: m.group(1) + stamp + m.group(2), xml)
    _rewrite(path, "docProps/core.xml", change)
    return path


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2023, 6, day, hour, 0, tzinfo=dt.timezone.utc)


def sheet_xml(path: Path, sheet_index: int = 1) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(f"xl/worksheets/sheet{sheet_index}.xml").decode()
