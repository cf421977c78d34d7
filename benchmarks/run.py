"""Benchmarks as the user feels them: `python benchmarks/run.py`, a Markdown table of ratios.

Each figure is a whole process (the `bachthong` command, the window as started) measured
against a floor doing the least the same work needs (`python -c pass`, python-docx writing the
same text plainly, LibreOffice converting the .docx, openpyxl reading the same workbooks, a bare
QMainWindow), program and floor alternated, medians. A few in-process figures stand beside them,
named as such. A part whose dependency is missing says so and is skipped. Nothing here is a
test: no timing ever fails a build.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cli_parts import bundle, import_returns, report_docx, report_pdf, start_up  # noqa: E402
from parts import docx_build, edit_save, window_start  # noqa: E402
from processes import Result, Skip, load  # noqa: E402
from province import province  # noqa: E402
from returns_parts import SIZES, import_scale  # noqa: E402

PARTS = [
    ("cli", start_up),
    ("docx", report_docx),
    ("pdf", report_pdf),
    ("import", import_returns),
    ("window", window_start),
    ("province", province),
    ("scale", import_scale),
    ("bundle", bundle),
    ("writer", docx_build),
    ("save", edit_save),
]


def machine() -> str:
    cores = os.cpu_count()
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        pass
    return (f"{platform.processor() or platform.machine()} {platform.platform()}, "
            f"{cores} cores{memory}, Python {platform.python_version()}")


def table(results: list[Result]) -> str:
    """A Markdown table for the README."""
    lines = ["| what | ours | baseline | ratio | target |", "| --- | --- | --- | --- | --- |"]
    for r in results:
        lines.append(f"| {r.name} | {r.ours} | {r.baseline} | {r.ratio} | {r.target} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7,
                        help="processes of each kind per figure (median)")
    parser.add_argument("--only", nargs="*", help="names of parts to run: " +
                        ", ".join(name for name, _ in PARTS))
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        help="numbers of returns the scale part imports (the first is the base)")
    args = parser.parse_args(argv)
    parts = dict(PARTS) | {"scale": lambda folder, runs: import_scale(folder, runs, args.sizes)}
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Installed programs (and the PyInstaller bundle) start from compiled bytecode: so do we,
    # even where PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(str(ROOT / "bachthong_desktop"), quiet=1)
    compileall.compile_dir(str(Path(__file__).resolve().parent), quiet=1)
    print(f"Machine: {machine()}; {dt.date.today():%d/%m/%Y}; at the start: {load()}")
    results = []
    with tempfile.TemporaryDirectory(prefix="bachthong-bench-") as folder:
        os.environ["BACHTHONG_DATA_DIR"] = folder
        for name, part in parts.items():
            if args.only and name not in args.only:
                continue
            started = time.perf_counter()
            try:
                found = part(Path(folder), args.runs)
            except Skip as note:
                print(f"- {name}: skipped ({note})")
                continue
            except Exception as exc:  # noqa: BLE001 - one broken part never hides the others
                print(f"- {name}: failed ({type(exc).__name__}: {exc})")
                continue
            for result in found:
                print(f"- {result.name}: ours {result.ours}, baseline {result.baseline} "
                      f"-> {result.ratio}")
            print(f"  ({time.perf_counter() - started:.1f} s, {load()})")
            results.extend(found)
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
