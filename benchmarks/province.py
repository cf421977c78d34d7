"""A province at its real size: 92 communes and wards, ten years of periods, 92 returns imported;
then the board, the report with its 92-row appendix and the window, each against its floor.

The 92 units are built directly in the benchmark's database (the office's 14 communes of the
demo plus 78 synthetic ones); the real catalog of units is another part of the program.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from cli_parts import RETURNS, import_returns, report_docx, report_pdf
from parts import window_start
from processes import (PERIOD, Result, alternate, bachthong, compare, python, run_process)
from returns_parts import generate_returns, synthetic_units

UNITS = 92
YEARS = range(2014, 2024)  # ten years of half-year periods; 2023-H1 comes from the 92 returns


def province_db(folder: Path) -> tuple[Path, list[Path]]:
    """The prepared database (values of every other period) and the 92 returns of 2023-H1."""
    from bachthong_desktop.core.commune_mode import OFFICE, Mode, set_mode
    from bachthong_desktop.core.demo import demo_dir
    from bachthong_desktop.core.periods import parse_period
    from bachthong_desktop.core.session import Session

    path = folder / "province.sqlite3"
    demo = sorted(RETURNS.glob("*.xlsx"))
    files = demo + generate_returns(UNITS - len(demo))
    if path.exists():
        return path, files
    session = Session(path)
    set_mode(session.db, Mode(OFFICE))
    synthetic_units(session.db, UNITS - len(demo))
    office = tomllib.loads((demo_dir() / "office.toml").read_text("utf-8"))["values"]
    samples = list(tomllib.loads((demo_dir() / "units.toml").read_text("utf-8"))["units"].values())
    with session.db.atomic():
        for period in (f"{year}-{half}" for year in YEARS for half in ("H1", "H2")):
            session.store.set_many(period, session.office.code, office)
            if period == PERIOD:  # the communes' figures of this one come from their returns
                continue
            for i, unit in enumerate(session.units(parse_period(period))):
                session.store.set_many(period, unit.code, samples[i % len(samples)])
    session.close()
    return path, files


def province(folder: Path, runs: int) -> list[Result]:
    """Each figure of a province at its real size against its floor."""
    prepared, files = province_db(folder)
    label = f" ({UNITS} units, ten years)"
    results = import_returns(folder, runs, files=files, prepared=prepared, label=label)
    db = folder / "province-2023.sqlite3"
    shutil.copyfile(prepared, db)
    run_process(bachthong("--db", str(db), "import", *map(str, files)))
    shown = alternate(
        lambda i: run_process(bachthong("--db", str(db), "status", "--period", PERIOD)),
        lambda i: run_process(python("-c", "import sqlite_utils")), runs)
    results.append(compare(f"the board of {UNITS} returns (`bachthong status`){label}", *shown,
                           "`python -c \"import sqlite_utils\"`"))
    results += report_docx(folder, runs, db=db, label=f", {UNITS}-row appendix{label}")
    results += report_pdf(folder, runs, db=db, label=f", {UNITS}-row appendix{label}")
    results += window_start(folder, runs, db=db, label=label)
    return results
