"""packaging/notices.py: the bundle's third-party notices, from each distribution's metadata."""

import importlib.util
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("notices", ROOT / "packaging" / "notices.py")
notices = importlib.util.module_from_spec(SPEC)
sys.modules.setdefault("notices", notices)  # its dataclass looks its module up there
SPEC.loader.exec_module(notices)


def fake_distribution(folder: Path, name: str, *headers: str) -> metadata.Distribution:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.1", f"Name: {name}", "Version: 1.0", *headers]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return metadata.PathDistribution(info)


def test_a_distribution_stating_no_licence_and_not_in_the_table_stops_the_build(tmp_path):
    dist = fake_distribution(tmp_path, "so-tay-xa")
    with pytest.raises(notices.MissingLicence, match="so-tay-xa 1.0 states no licence"):
        notices.licence_of(dist, {})
    table = {"distributions": {"so-tay-xa": {"licence": "MIT", "source": "its README"}}}
    assert notices.licence_of(dist, table) == notices.Part("so-tay-xa 1.0", "MIT", "its README")


def test_the_metadata_licence_comes_first_then_a_short_licence_field_then_the_classifiers(tmp_path):
    table = {"distributions": {"a": {"licence": "X", "source": "y"}}}
    spdx = fake_distribution(tmp_path / "1", "a", "License-Expression: BSD-3-Clause",
                             "License: a long text")
    assert notices.licence_of(spdx, table).licence == "BSD-3-Clause"
    field = fake_distribution(tmp_path / "2", "a", "License: MIT")
    assert notices.licence_of(field, table).source == "License in its metadata"
    classifier = fake_distribution(tmp_path / "3", "a", "License: " + "x" * 200,
                                   "Classifier: License :: OSI Approved :: Apache Software License")
    assert notices.licence_of(classifier, table).licence == "Apache Software License"


def test_only_the_distributions_owning_a_bundled_file_are_listed():
    entries = [("openpyxl.cell", "x.py", "PYMODULE"), ("docx/templates/default.docx", "y", "DATA"),
               ("forms/ttdn.toml", "z", "DATA"), ("bachthong_desktop", "w", "PYMODULE")]
    names = notices.top_level_names(entries)
    assert names == {"openpyxl", "docx", "forms", "bachthong_desktop"}
    assert set(notices.bundled_distributions(names)) == {"openpyxl", "python-docx"}
    text = notices.notices(names, "0.1.0")
    assert "openpyxl 3" in text and "lxml" not in text
    assert "GPL-3.0-or-later" in text and "Liberation Serif 2.1.5 fonts" in text


def test_the_table_gives_a_source_for_every_fact():
    import tomllib

    table = tomllib.loads(notices.TABLE.read_text(encoding="utf-8"))
    entries = list(table["distributions"].values()) + table["data"]
    assert entries and all(e["licence"] and e["source"] for e in entries)
