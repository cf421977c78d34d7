"""The benchmark script still runs (a smoke check of two quick parts; no timing is asserted)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_script_runs_and_prints_a_table(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--runs", "1",
                           "--only", "save", "docx", "window"], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr
    assert "| what | ours | baseline | ratio |" in done.stdout
    assert "one edit saved" in done.stdout
    assert "window shown, 10 tabs" in done.stdout and "window with the demo data" in done.stdout
