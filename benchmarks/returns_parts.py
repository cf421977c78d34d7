"""Benchmark parts about commune returns: importing the demo returns, and 100 against 1,000."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from parts import PERIOD, ROOT, Result, Skip, child, ratio, seconds

RETURNS = ROOT / "resources" / "demo" / PERIOD / "returns"


def _importer():
    try:
        from bachthong_desktop.exchange.importer import import_files
    except ImportError as exc:
        raise Skip(f"the returns importer is not there yet (issue 4): {exc}") from exc
    return import_files


def import_demo_returns(folder: Path, runs: int) -> list[Result]:
    """Importing the 14 demo returns (fresh database each run) against openpyxl loading them."""
    files = sorted(RETURNS.glob("*.xlsx"))
    if not files:
        raise Skip(f"no demo returns in {RETURNS.relative_to(ROOT)} yet (issue 4)")
    import_files = _importer()
    from openpyxl import load_workbook

    from bachthong_desktop.core.session import Session

    def ours(run: int) -> float:
        session = Session(folder / f"import-{run}.sqlite3")
        session.db  # noqa: B018 - the database is created before the clock starts
        started = time.perf_counter()
        results = import_files(session.store, files)
        took = time.perf_counter() - started
        session.close()
        if not all(r.ok for r in results):
            raise RuntimeError("a demo return was refused")
        return took

    def bare() -> float:
        started = time.perf_counter()
        for path in files:
            load_workbook(path, data_only=True).close()
        return time.perf_counter() - started

    ours(-1), bare()  # warm-up
    mine = statistics.median(ours(i) for i in range(runs))
    base = statistics.median(bare() for _ in range(runs))
    return [Result(f"import the {len(files)} demo returns (median of {runs})", seconds(mine),
                   seconds(base) + " openpyxl load_workbook alone", ratio(mine, base))]


def synthetic_units(db, count: int) -> list:
    """`count` extra communes of the demo office (a whole province's worth), added to `db`."""
    from bachthong_desktop.core.units import Unit, office, save_unit

    parent = office(db).code
    return [save_unit(db, Unit(code=f"B{i:04}", name=f"Xã Thử Nghiệm {i}", kind="commune",
                               valid_from="1900-01-01", parent_code=parent))
            for i in range(1, count + 1)]


def generate_returns(count: int) -> list[Path]:
    """Filled returns of `count` synthetic communes for the demo period (made once, kept)."""
    import tomllib

    from bachthong_desktop.core.db import memory_db
    from bachthong_desktop.core.definition import load_form
    from bachthong_desktop.core.demo import demo_dir
    from bachthong_desktop.core.periods import parse_period
    from bachthong_desktop.exchange.xlsx_fill import fill_return
    from bachthong_desktop.exchange.xlsx_template import (TemplateInfo, build_template,
                                                          template_file_name)

    out = Path(tempfile.gettempdir()) / "bachthong-bench-returns"  # kept: slow to make
    out.mkdir(exist_ok=True)
    data = tomllib.loads((demo_dir() / "units.toml").read_text("utf-8"))["units"]
    samples = list(data.values())
    db, form, period = memory_db(), load_form("ttdn"), parse_period(PERIOD)
    paths = []
    for i, unit in enumerate(synthetic_units(db, count)):
        path = out / template_file_name(period, unit)
        if not path.exists():
            wb = build_template(TemplateInfo(unit, period, form))
            fill_return(wb, form, samples[i % len(samples)])
            wb.save(path)
        paths.append(path)
    return paths


def returns_100_vs_1000(folder: Path, runs: int) -> list[Result]:
    """Importing 100 against 1,000 returns of as many communes, fresh processes: time, peak RSS."""
    _importer()
    results = {}
    for count in (100, 1000):
        files = generate_returns(count)
        listing = folder / f"returns-{count}.txt"
        listing.write_text("\n".join(map(str, files)), encoding="utf-8")
        code = f"""
            import json, resource, sys, time
            from pathlib import Path
            from bachthong_desktop.core.session import Session
            from bachthong_desktop.exchange.importer import import_files
            from returns_parts import synthetic_units
            files = Path({str(listing)!r}).read_text(encoding="utf-8").splitlines()
            s = Session({str(folder / f"scale-{count}.sqlite3")!r})
            synthetic_units(s.db, {count})
            started = time.perf_counter()
            results = import_files(s.store, files)
            wall = time.perf_counter() - started
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            refused = [r.message for r in results if not r.ok][:1]
            print(json.dumps({{"wall": wall, "rss": rss, "refused": refused}}))
        """
        _, results[count] = child(code)
        if results[count]["refused"]:
            raise RuntimeError(f"refused: {results[count]['refused'][0]}")
    small, large = results[100], results[1000]
    return [Result("import 1,000 returns against 100 (time)", seconds(large["wall"]),
                   seconds(small["wall"]) + " for 100",
                   ratio(large["wall"], small["wall"]) + " (10x = linear)"),
            Result("import 1,000 returns against 100 (peak RSS of the process)",
                   f"{large['rss']:.0f} MB", f"{small['rss']:.0f} MB for 100",
                   ratio(large["rss"], small["rss"]))]
