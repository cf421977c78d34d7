"""The demo data set: the reference report's period (2023-H1), the office's and communes' data."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .paths import resources_dir
from .store import DEMO, Store

DEMO_PERIOD = "2023-H1"


def demo_dir(period: str = DEMO_PERIOD) -> Path:
    return resources_dir() / "demo" / period


def _read(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def load_demo(store: Store, period: str = DEMO_PERIOD) -> dict[str, int]:
    """Store the demo entries, all or nothing; how many values changed per unit code."""
    office = _read(demo_dir(period) / "office.toml")
    units = _read(demo_dir(period) / "units.toml")["units"]
    changed = {}
    with store.db.atomic():
        changed[office["unit"]] = len(store.set_many(period, office["unit"], office["values"], DEMO))
        for code, values in units.items():
            changed[code] = len(store.set_many(period, code, values, DEMO))
    return changed
