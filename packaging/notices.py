"""The third-party notices of a bundle: every bundled distribution and other part with its licence.

build.spec calls `write_notices` with what PyInstaller collected; each top-level module or folder
is traced to the installed distribution that provides it (importlib.metadata), so the list is what
the bundle holds, not what the machine has. A distribution's licence comes from its own metadata
(License-Expression, else a short License field, else its licence classifiers), else from
packaging/licences.toml, which also lists the parts that are no Python distribution (Python, Qt,
fonts, data) with the source of each fact. A bundled distribution with no licence from either
stops the build (`MissingLicence`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

TABLE = Path(__file__).with_name("licences.toml")
FILE_NAME = "THIRD-PARTY-NOTICES.txt"
PROGRAM = "bachthong-desktop"  # the program itself: GPL-3.0-or-later, its LICENSE file
HEADER = """Báo cáo công tác thông tin đối ngoại {version}: third-party notices

The program is free software under the GNU General Public License, version 3 or (at your option)
any later version (GPL-3.0-or-later): see LICENSE. Its bundle also carries the parts below, each
under its own licence; every one of them allows distribution under GPL-3.0-or-later. The Qt
libraries (LGPL-3.0) are separate files in _internal/PySide6 that can be replaced.
"""


class MissingLicence(Exception):
    """A bundled distribution states no licence and packaging/licences.toml has none for it."""


@dataclass(frozen=True)
class Part:
    name: str
    licence: str
    source: str


def top_level_names(entries) -> set[str]:
    """The top-level import names of PyInstaller's TOC entries (modules by name, files by path)."""
    names = set()
    for dest, _source, kind in entries:
        first = dest.split(".")[0] if kind.startswith("PY") else dest.replace("\\", "/").split("/")[0]
        names.add(first.split(".")[0])
    return names


def bundled_distributions(names) -> dict[str, metadata.Distribution]:
    """The installed distributions providing any of the top-level import `names`, by name."""
    owners = metadata.packages_distributions()
    found = {}
    for name in sorted({d for n in names for d in owners.get(n, ())}):
        dist = metadata.distribution(name)
        if _normal(dist.metadata["Name"]) != PROGRAM:
            found[dist.metadata["Name"]] = dist
    return found


def licence_of(dist: metadata.Distribution, table: dict) -> Part:
    """A distribution's name, version and licence, with where the licence is stated."""
    meta = dist.metadata
    name = f"{meta['Name']} {meta['Version']}"
    if meta.get("License-Expression"):
        return Part(name, meta["License-Expression"], "License-Expression in its metadata")
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80 and text.upper() not in ("UNKNOWN", "NONE"):
        return Part(name, text, "License in its metadata")
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or ()
                   if c.startswith("License :: ")]
    if classifiers:
        return Part(name, " OR ".join(classifiers), "licence classifier in its metadata")
    entry = table.get("distributions", {}).get(_normal(meta["Name"]))
    if entry:
        return Part(name, entry["licence"], entry["source"])
    raise MissingLicence(f"{name} states no licence: add it to {TABLE.name} "
                         "with the licence and where that is stated.")


def notices(names, version: str, table_path: Path = TABLE) -> str:
    """The notices text for a bundle holding the top-level import `names`."""
    table = tomllib.loads(table_path.read_text(encoding="utf-8"))
    table["distributions"] = {_normal(k): v for k, v in table.get("distributions", {}).items()}
    parts = sorted((licence_of(d, table) for d in bundled_distributions(names).values()),
                   key=lambda p: p.name.lower())
    lines = [HEADER.format(version=version), "Python distributions in the bundle:", ""]
    lines += [f"  {p.name}: {p.licence}  ({p.source})" for p in parts]
    lines += ["", "Other parts of the bundle:", ""]
    for entry in table.get("data", []):
        lines += [f"  {entry['what']}: {entry['licence']}", f"      ({entry['source']})"]
    return "\n".join(lines) + "\n"


def write_notices(entries, version: str, target: Path) -> Path:
    """The notices of a bundle made of PyInstaller's TOC `entries`, written to `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(notices(top_level_names(entries), version), encoding="utf-8")
    return target


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")
