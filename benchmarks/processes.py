"""Whole processes timed as a user feels them: program and floor alternated, medians, peak RSS."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
PERIOD = "2023-H1"


class Skip(Exception):
    """A part cannot run here (its dependency is not there yet)."""


@dataclass
class Result:
    name: str
    ours: str
    baseline: str
    ratio: str
    target: str = ""  # the target for the ratio, where it sets one


@dataclass
class Run:
    wall: float  # seconds from start to exit
    rss_mb: float  # peak resident memory of the process


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}x" if base else "-"


def bachthong(*args: str) -> list[str]:
    """The `bachthong` command as installed next to this Python (a user's command line)."""
    script = Path(sys.executable).with_name("bachthong.exe" if os.name == "nt" else "bachthong")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "bachthong_desktop.cli", *args]


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def floor_script(name: str, *args: str) -> list[str]:
    """One of the floors in benchmarks/floors/ (plain library code, none of ours)."""
    return [sys.executable, str(HERE / "floors" / name), *args]


def run_process(command: list[str], env: dict | None = None) -> Run:
    """Run a command to its end; its wall time and peak memory. A failure raises with its stderr."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT,
                                env={**os.environ, **(env or {})})
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
            rss = usage.ru_maxrss / 1024 / (1024 if sys.platform == "darwin" else 1)
        else:  # Windows: no per-child peak memory
            proc.wait()
            wall, rss = time.perf_counter() - started, 0.0
        if proc.returncode != 0:
            err.seek(0)
            lines = err.read().decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(f"{' '.join(command[:3])}…: {lines[-1] if lines else 'failed'}")
    return Run(wall, rss)


def alternate(ours, floor, runs: int) -> tuple[Run, Run]:
    """Median runs of two process makers (called with the run number), one after the other in
    turn, after one warm-up of each (disk cache); the order flips every round."""
    ours(-1), floor(-1)
    mine, base = [], []
    for i in range(runs):
        pair = [(ours, mine), (floor, base)]
        for maker, found in (pair if i % 2 == 0 else pair[::-1]):
            found.append(maker(i))
    return _median(mine), _median(base)


def _median(found: list[Run]) -> Run:
    return Run(statistics.median(r.wall for r in found), max(r.rss_mb for r in found))


def compare(name: str, ours: Run, floor: Run, floor_words: str, target: str = "") -> Result:
    return Result(name, seconds(ours.wall), f"{seconds(floor.wall)} {floor_words}",
                  ratio(ours.wall, floor.wall), target)


def load() -> str:
    """The machine's load (other engineers share it): load averages over 1, 5 and 15 minutes."""
    try:
        return "load average " + ", ".join(f"{v:.2f}" for v in os.getloadavg())
    except (AttributeError, OSError):
        return "load average unknown"
