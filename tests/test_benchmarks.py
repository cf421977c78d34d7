"""The benchmark script still runs (a smoke check of its quick parts; no timing is asserted)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_script_runs_and_prints_a_table(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--runs", "1",
                           "--only", "cli", "import", "save", "window", "scale",
                           "--sizes", "2", "3", "4"],
                          capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert done.returncode == 0, done.stderr
    assert "failed" not in done.stdout, done.stdout
    assert "| what | ours | baseline | ratio | target |" in done.stdout
    assert "`bachthong --version`" in done.stdout and "`python -c pass`" in done.stdout
    assert "one edit saved" in done.stdout
    assert "window with its first tab's data" in done.stdout and "first click" in done.stdout
    assert "import 4 returns against 3 (whole processes)" in done.stdout
    assert "import the 14 demo returns into a database with the office" in done.stdout
