"""Write the demo communes' returns as real filled templates (run once; the files are committed).

python -m bachthong_desktop.exchange.demo_returns [PERIOD]
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from ..core.db import memory_db
from ..core.definition import load_form
from ..core.demo import DEMO_PERIOD, demo_dir
from ..core.periods import parse_period
from ..core.units import get_unit
from .xlsx_fill import fill_return
from .xlsx_template import TemplateInfo, build_template, template_file_name


def write_demo_returns(period: str = DEMO_PERIOD, out: Path | None = None) -> list[Path]:
    """One filled return per demo commune, named as `template --all` names them."""
    out = out or demo_dir(period) / "returns"
    out.mkdir(parents=True, exist_ok=True)
    data = tomllib.loads((demo_dir(period) / "units.toml").read_text(encoding="utf-8"))["units"]
    db, form, p = memory_db(), load_form("ttdn"), parse_period(period)
    written = []
    for code, values in data.items():
        unit = get_unit(db, code)
        wb = build_template(TemplateInfo(unit, p, form))
        fill_return(wb, form, values)
        path = out / template_file_name(p, unit)
        wb.save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_demo_returns(*sys.argv[1:2]):
        print(written_path)
