"""The Python versions the project accepts are the ones its pinned Qt has wheels for."""

import re
import tomllib
from importlib.metadata import metadata
from pathlib import Path

from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]


def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_requires_python_has_the_upper_bound_of_the_pinned_pyside6():
    ours = SpecifierSet(project()["requires-python"])
    qt = SpecifierSet(metadata("PySide6-Essentials")["Requires-Python"])
    pin = next(d for d in project()["dependencies"] if d.startswith("PySide6-Essentials"))
    assert "<6.12" in pin  # 6.11 is the newest allowed: its wheels stop at Python 3.14
    for minor in range(8, 20):
        version = f"3.{minor}"
        if version in ours:
            assert version in qt, f"Python {version} is accepted but PySide6 has no wheel for it"
    assert "3.15" not in ours and "3.11" in ours and "3.14" in ours


def test_the_readme_names_a_python_that_is_accepted():
    windows = (ROOT / "README.md").read_text(encoding="utf-8").split("## Trên Windows")[1]
    named = re.search(r"Cài \*\*Python (3\.\d+)\*\*", windows)[1]
    assert named in SpecifierSet(project()["requires-python"])
    assert f"py -{named} -m venv" in windows
