"""Returns at scale: synthetic communes and their filled returns; import 100, 1,000, 5,000."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from processes import PERIOD, ROOT, Result, bachthong, run_process, seconds

SIZES = (100, 1000, 5000)


def synthetic_units(db, count: int) -> list:
    """`count` extra communes of the database's office (a whole province's worth), added to `db`."""
    from bachthong_desktop.core.units import Unit, install_history, office, save_unit

    install_history(db)  # the demo's district: new databases start without an office
    parent = office(db).code
    return [save_unit(db, Unit(code=f"B{i:04}", name=f"Xã Thử Nghiệm {i}", kind="commune",
                               valid_from="1900-01-01", parent_code=parent))
            for i in range(1, count + 1)]


# What makes the generated returns: the definition and the template's and filler's code (not
# the reader: changing the import must not make 5,000 files again).
MAKERS = ("forms/ttdn.toml", "resources/demo/2023-H1/units.toml",
          "bachthong_desktop/exchange/xlsx_template.py",
          "bachthong_desktop/exchange/xlsx_names.py", "bachthong_desktop/exchange/xlsx_fill.py")


def _returns_folder() -> Path:
    """Kept between runs (slow to make), named after what makes them (MAKERS)."""
    sources = [ROOT / name for name in MAKERS]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:10]
    folder = Path(tempfile.gettempdir()) / f"bachthong-bench-returns-{digest}"
    folder.mkdir(exist_ok=True)
    return folder


def generate_returns(count: int) -> list[Path]:
    """Filled returns of the first `count` synthetic communes for the demo period."""
    import tomllib

    from bachthong_desktop.core.db import memory_db
    from bachthong_desktop.core.definition import load_form
    from bachthong_desktop.core.demo import demo_dir
    from bachthong_desktop.core.periods import parse_period
    from bachthong_desktop.exchange.xlsx_fill import fill_return
    from bachthong_desktop.exchange.xlsx_template import (TemplateInfo, build_template,
                                                          template_file_name)

    out = _returns_folder()
    samples = list(tomllib.loads((demo_dir() / "units.toml").read_text("utf-8"))["units"].values())
    db, form, period = memory_db(), load_form("ttdn"), parse_period(PERIOD)
    paths = []
    for i, unit in enumerate(synthetic_units(db, count)):
        path = out / template_file_name(period, unit)
        if not path.exists():
            book = build_template(TemplateInfo(unit, period, form))
            fill_return(book, form, samples[i % len(samples)])
            book.save(path)
        paths.append(path)
    return paths


def database_with_units(path: Path, count: int) -> Path:
    """A new database whose office has `count` synthetic communes (no values yet)."""
    from bachthong_desktop.core.session import Session

    session = Session(path)
    synthetic_units(session.db, count)
    session.close()
    return path


def import_scale(folder: Path, runs: int, sizes=SIZES) -> list[Result]:
    """`bachthong import` of 100, 1,000 and 5,000 returns of as many communes, one process each:
    the time each extra return costs from one size to the next (start-up cancels out) and the
    process's peak memory (runs ignored: one process per size)."""
    found = {}
    for count in sizes:
        files = generate_returns(count)
        listed = folder / f"returns-{count}"
        listed.mkdir(exist_ok=True)
        for path in files:
            link = listed / path.name
            if not link.exists():
                link.symlink_to(path)
        db = database_with_units(folder / f"scale-{count}.sqlite3", count)
        found[count] = run_process(bachthong("--db", str(db), "import", str(listed)))
    results = []
    slope = None  # seconds per extra return between the previous two sizes
    for before, count in zip(sizes, sizes[1:]):
        extra = (found[count].wall - found[before].wall) / (count - before)
        results.append(Result(
            f"import {count:,} returns against {before:,} (whole processes)",
            f"{seconds(found[count].wall)}, peak {found[count].rss_mb:.0f} MB",
            f"{seconds(found[before].wall)}, peak {found[before].rss_mb:.0f} MB",
            f"{extra * 1000:.1f} ms per extra return"
            + (f", {extra / slope:.2f}x the step before (1x = linear)" if slope else ""),
            "linear, memory bounded"))
        slope = extra
    return results
