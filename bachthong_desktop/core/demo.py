"""The demo data set: the reference report's period (2023-H1), the office's and communes' data."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from .errors import UserError
from .paths import resources_dir
from .periods import parse_period
from .store import DEMO, Store

DEMO_PERIOD = "2023-H1"


def demo_dir(period: str = DEMO_PERIOD) -> Path:
    return resources_dir() / "demo" / period


def _read(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def demo_returns(period: str = DEMO_PERIOD) -> list[Path]:
    """The communes' filled Excel returns shipped with the demo."""
    return sorted((demo_dir(period) / "returns").glob("*.xlsx"))


def _import_returns(store: Store, period: str) -> dict[str, int]:
    """Import the demo returns like received files, on time; refuse loudly if one fails."""
    from ..exchange.importer import import_file  # exchange sits above core; no cycle at load

    on_time = f"{parse_period(period).cutoff_end + dt.timedelta(days=1)}T08:00:00"
    changed = {}
    for path in demo_returns(period):
        result = import_file(store, path, period=period, received_at=on_time)
        if not result.ok:
            raise UserError(f"Không nạp được dữ liệu mẫu: {result.message}")
        changed[result.unit_code] = len(result.changed)
    return changed


def load_demo(store: Store, period: str = DEMO_PERIOD) -> dict[str, int]:
    """Store the office's demo entries, then import the communes' returns; all or nothing."""
    office = _read(demo_dir(period) / "office.toml")
    changed = {}
    with store.db.atomic():
        changed[office["unit"]] = len(store.set_many(period, office["unit"], office["values"], DEMO))
        if demo_returns(period):
            changed.update(_import_returns(store, period))
        else:
            units = _read(demo_dir(period) / "units.toml")["units"]
            for code, values in units.items():
                changed[code] = len(store.set_many(period, code, values, DEMO))
    return changed
