"""Benchmarks, side by side in one run, printing ratios: `python benchmarks/run.py`.

Each part measures our program against a baseline on the same machine in the same run, so the
ratio means something on any PC. A part whose dependency is missing prints a note and is
skipped. Nothing here is a test: no timing ever fails a build.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from parts import Result, Skip, docx_build, edit_save, pdf_vs_libreoffice, window_start  # noqa: E402
from returns_parts import import_demo_returns, returns_100_vs_1000  # noqa: E402

PARTS = [
    ("window", window_start),
    ("import", import_demo_returns),
    ("scale", returns_100_vs_1000),
    ("docx", docx_build),
    ("pdf", pdf_vs_libreoffice),
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
    lines = ["| what | ours | baseline | ratio |", "| --- | --- | --- | --- |"]
    for r in results:
        lines.append(f"| {r.name} | {r.ours} | {r.baseline} | {r.ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument("--only", nargs="*", help="names of parts to run")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Installed programs (and the PyInstaller bundle) start from compiled bytecode: so do we,
    # even where PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(str(ROOT / "bachthong_desktop"), quiet=1)
    print(f"Machine: {machine()}")
    results = []
    with tempfile.TemporaryDirectory(prefix="bachthong-bench-") as folder:
        os.environ["BACHTHONG_DATA_DIR"] = folder
        for name, part in PARTS:
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
            print(f"  ({time.perf_counter() - started:.1f} s)")
            results.extend(found)
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
