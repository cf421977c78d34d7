"""The Windows suite: run by scripts/windows-test.sh with the Windows CPython under Wine.

The Linux run never collects this folder (tests/conftest.py). The script builds the Wine prefix
and says what it holds in BACHTHONG_WINE_* variables (the network drive, the Vietnamese profile);
under CI=true a missing one is a failure, never a skip.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETWORK_DRIVE_ENV = "BACHTHONG_WINE_NETWORK_DRIVE"
PROFILE_ENV = "BACHTHONG_WINE_PROFILE"


def pytest_collection_modifyitems(config, items):
    if sys.platform != "win32":  # run by hand on Linux: say why nothing here runs
        skip = pytest.mark.skip(reason="Windows suite: bash scripts/windows-test.sh runs it")
        for item in items:
            item.add_marker(skip)


@pytest.fixture
def wine_setting(tool_missing):
    """`wine_setting(name)`: what scripts/windows-test.sh set up in the prefix."""
    def read(name: str) -> str:
        value = os.environ.get(name, "")
        if not value:
            tool_missing(f"{name} is not set: run the Windows suite with bash scripts/windows-test.sh.")
        return value
    return read


@pytest.fixture
def run_python():
    """Run Python code in a second Windows process (the source tree on its path)."""
    def run(code: str, *args: str, env: dict | None = None, timeout: int = 120):
        return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                              text=True, encoding="utf-8", cwd=ROOT, timeout=timeout,
                              env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})})
    return run
