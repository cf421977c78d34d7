"""The demo data set: the reference report's period (2023-H1), where its files are.

Loading it imports the communes' returns, so `load_demo` sits above the importer, in
exchange/demo_returns.py.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from .paths import resources_dir

DEMO_PERIOD = "2023-H1"


def demo_dir(period: str = DEMO_PERIOD) -> Path:
    return resources_dir() / "demo" / period


def read_toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def demo_returns(period: str = DEMO_PERIOD) -> list[Path]:
    """The communes' filled Excel returns shipped with the demo."""
    return sorted((demo_dir(period) / "returns").glob("*.xlsx"))
