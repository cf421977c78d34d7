"""packaging/bundle_rules.py: which binaries PyInstaller found go into the bundle."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("bundle_rules",
                                              ROOT / "packaging" / "bundle_rules.py")
rules = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(rules)

DYNLOAD = "/usr/lib/python3.11/lib-dynload"
# What PyInstaller finds with Debian's own Python: its extension modules live under /usr/lib.
FOUND = [
    ("_sqlite3.cpython-311-x86_64-linux-gnu.so",
     f"{DYNLOAD}/_sqlite3.cpython-311-x86_64-linux-gnu.so", "EXTENSION"),
    ("libsqlite3.so.0", "/lib/x86_64-linux-gnu/libsqlite3.so.0", "BINARY"),
    ("PySide6/Qt/lib/libQt6Core.so.6", "/venv/PySide6/Qt/lib/libQt6Core.so.6", "BINARY"),
    ("libicuuc.so.72", "/lib/x86_64-linux-gnu/libicuuc.so.72", "BINARY"),
    ("libgtk-3.so.0", "/lib/x86_64-linux-gnu/libgtk-3.so.0", "BINARY"),
]
LINKS = {FOUND[0][1]: [("libsqlite3.so.0", FOUND[1][1])],
         FOUND[2][1]: [("libicuuc.so.72", FOUND[3][1])]}


def kept(platform="linux"):
    binaries = rules.linked_only(FOUND, lambda source: LINKS.get(source, []), platform)
    return {dest for dest, _source, _kind in binaries}


def test_debians_python_keeps_its_extension_modules_and_the_libraries_they_link():
    # Built with /usr/bin/python3 the bundle lacked _sqlite3: its self-test failed at the
    # database ("No module named '_sqlite3'").
    assert {"_sqlite3.cpython-311-x86_64-linux-gnu.so", "libsqlite3.so.0"} <= kept()


def test_a_system_library_no_kept_binary_links_stays_out():
    assert "libgtk-3.so.0" not in kept()
    assert {"PySide6/Qt/lib/libQt6Core.so.6", "libicuuc.so.72"} <= kept()


def test_elsewhere_nothing_is_taken_for_a_system_library():
    assert kept("win32") == {dest for dest, _source, _kind in FOUND}
