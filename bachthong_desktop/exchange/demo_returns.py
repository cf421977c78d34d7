"""The demo data set loaded like real work (the office's entries, the communes' returns
imported as received files), and the writer of those returns (run once; files committed).

python -m bachthong_desktop.exchange.demo_returns [PERIOD]
"""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
from pathlib import Path

from ..core import marks
from ..core.db import memory_db
from ..core.definition import load_form
from ..core.demo import DEMO_PERIOD, demo_dir, demo_returns, read_toml
from ..core.errors import UserError
from ..core.periods import parse_period
from ..core.store import DEMO, Store
from ..core.units import get_unit, install_history
from .return_file import import_file
from .xlsx_fill import fill_return
from .xlsx_template import TemplateInfo, build_template, template_file_name


def _import_returns(store: Store, period: str) -> dict[str, int]:
    """Import the demo returns like received files, on time; refuse loudly if one fails."""
    on_time = f"{parse_period(period).cutoff_end + dt.timedelta(days=1)}T08:00:00"
    changed = {}
    for path in demo_returns(period):
        result = import_file(store, path, period=period, received_at=on_time)
        if not result.ok:
            raise UserError(f"Không nạp được dữ liệu mẫu: {result.message}")
        changed[result.unit_code] = len(result.changed)
    return changed


def _marked(value):
    """The demo file's "**bold**" / "*italic*" as the window's marks, in texts, lists, rows."""
    if isinstance(value, str):
        return marks.from_markup(value)
    if isinstance(value, list):
        return [_marked(v) for v in value]
    if isinstance(value, dict):
        return {k: _marked(v) for k, v in value.items()}
    return value


def load_demo(store: Store, period: str = DEMO_PERIOD) -> dict[str, int]:
    """Store the office's demo entries, then import the communes' returns; all or nothing."""
    office = read_toml(demo_dir(period) / "office.toml")
    changed = {}
    with store.db.atomic():
        install_history(store.db)  # the demo's units: the 2023 district and its communes
        values = {code: _marked(value) for code, value in office["values"].items()}
        changed[office["unit"]] = len(store.set_many(period, office["unit"], values, DEMO))
        if demo_returns(period):
            changed.update(_import_returns(store, period))
        else:
            units = read_toml(demo_dir(period) / "units.toml")["units"]
            for code, values in units.items():
                changed[code] = len(store.set_many(period, code, values, DEMO))
    return changed


def write_demo_returns(period: str = DEMO_PERIOD, out: Path | None = None) -> list[Path]:
    """One filled return per demo commune, named as `template --all` names them."""
    out = out or demo_dir(period) / "returns"
    out.mkdir(parents=True, exist_ok=True)
    data = tomllib.loads((demo_dir(period) / "units.toml").read_text(encoding="utf-8"))["units"]
    db, form, p = memory_db(), load_form("ttdn"), parse_period(period)
    install_history(db)
    written = []
    for code, values in data.items():
        unit = get_unit(db, code)
        wb = build_template(TemplateInfo(unit, p, form))
        fill_return(wb, form, values)
        path = out / template_file_name(p, unit, form)
        wb.save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_demo_returns(*sys.argv[1:2]):
        print(written_path)
