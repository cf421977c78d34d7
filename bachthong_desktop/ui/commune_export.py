"""Commune mode: write the commune's return as the Excel file the compiling office imports."""

from __future__ import annotations

from pathlib import Path

from ..core.text import slug


def default_name(window) -> str:
    """A file name that says whose return and which period: bao-cao-ttdn-01969-thi-tran-...xlsx."""
    return f"bao-cao-ttdn-{window.period}-{window.unit.code}-{slug(window.unit.name)}.xlsx"


def find_writer():
    """The filled-return writer of the Excel template module, or None while it is missing."""
    try:
        from ..exchange import xlsx_template
    except ImportError:
        return None
    return getattr(xlsx_template, "write_filled_return", None)


def write_return(window, path: str | Path) -> Path:
    """Write the return of the window's commune and period to `path`."""
    writer = find_writer()
    return Path(writer(window.session, window.period, window.unit.code, Path(path)))
