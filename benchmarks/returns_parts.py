"""Benchmark parts about commune returns: importing the demo returns, and 100 against 1,000."""

from __future__ import annotations

from pathlib import Path

from parts import PERIOD, ROOT, Result, Skip, child, ratio, seconds

RETURNS = ROOT / "resources" / "demo" / PERIOD / "returns"


def import_demo_returns(folder: Path, runs: int) -> list[Result]:
    """Importing the 14 demo returns against openpyxl alone loading the same files."""
    files = sorted(RETURNS.glob("*.xlsx"))
    if not files:
        raise Skip(f"no demo returns in {RETURNS.relative_to(ROOT)} yet (issue 4)")
    raise Skip("importer API not wired into the benchmark yet")


def returns_100_vs_1000(folder: Path, runs: int) -> list[Result]:
    """Storing and compiling 100 against 1,000 returns: time and peak memory, fresh processes."""
    results = {}
    for count in (100, 1000):
        code = f"""
            import json, time, tracemalloc
            from bachthong_desktop.core.demo import demo_dir, _read
            from bachthong_desktop.core.periods import periods_of_year
            from bachthong_desktop.core.session import Session
            s = Session({str(folder / f"returns-{count}.sqlite3")!r})
            units = _read(demo_dir() / "units.toml")["units"]
            pairs = [(p.id, code) for year in range(2001, 2100)
                     for p in periods_of_year(year) for code in units][:{count}]
            tracemalloc.start()
            started = time.perf_counter()
            for period, code in pairs:
                s.store.set_many(period, code, units[code], "demo")
            for period in sorted({{p for p, _ in pairs}}):
                s.compile(period)
            wall = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            print(json.dumps({{"wall": wall, "peak": peak, "periods": len({{p for p, _ in pairs}})}}))
        """
        _, results[count] = child(code)
    small, large = results[100], results[1000]
    return [Result("1,000 returns stored + compiled, against 100 (time)",
                   seconds(large["wall"]), seconds(small["wall"]) + " for 100",
                   ratio(large["wall"], small["wall"]) + " (10x = linear)"),
            Result("1,000 returns against 100 (peak Python memory)", f"{large['peak']:.1f} MB",
                   f"{small['peak']:.1f} MB for 100", ratio(large["peak"], small["peak"]))]
