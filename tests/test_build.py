"""The PyInstaller bundle builds and passes its own self-test."""

import importlib.metadata
import importlib.util
import os
import struct
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from bachthong_desktop import __version__
from bachthong_desktop.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[1]


def test_the_icon_is_a_windows_icon_with_a_large_image():
    data = (ROOT / "resources" / "icons" / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    assert (ROOT / "resources" / "icons" / "app.png").read_bytes().startswith(b"\x89PNG")


def test_the_self_test_passes_from_the_source_tree_through_a_cp1258_pipe():
    """As `bachthong-desktop.exe --self-test | more` on a Vietnamese Windows: code page 1258."""
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "window_entry.py"),
                           "--self-test"], capture_output=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                               "PYTHONIOENCODING": "cp1258"})
    out = unicodedata.normalize("NFC", done.stdout.decode("cp1258"))
    assert done.returncode == 0, out + done.stderr.decode("cp1258", "replace")
    assert "Kết quả: ĐẠT" in out and "?" not in out
    pictures = (ROOT / "docs" / "huong-dan-su-dung.md").read_text(encoding="utf-8").count("![")
    assert f"ĐẠT   hướng dẫn sử dụng (Trợ giúp): huong-dan-su-dung.md, {pictures} hình" in out
    assert "LỖI" not in out


def test_the_bundle_builds_and_passes_its_self_test(tmp_path, require_tool, tool_missing):
    if importlib.util.find_spec("PyInstaller") is None:
        tool_missing("PyInstaller is not installed: pip install -e '.[build]' "
                     "(bash scripts/test.sh installs it).")
    if sys.platform.startswith("linux"):
        require_tool("objdump", "binutils")  # PyInstaller reads the libraries' dependencies
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level",
                            "WARN", "--distpath", str(tmp_path / "dist"), "--workpath",
                            str(tmp_path / "build"), str(ROOT / "build.spec")],
                           capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    folder = tmp_path / "dist" / "bachthong-desktop"
    exe = ".exe" if sys.platform == "win32" else ""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BACHTHONG_DATA_DIR": str(tmp_path)}
    check = subprocess.run([str(folder / f"bachthong-desktop{exe}"), "--self-test"],
                           capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Kết quả: ĐẠT" in check.stdout
    cli = subprocess.run([str(folder / f"bachthong{exe}"), "--version"], capture_output=True,
                         text=True, encoding="utf-8", env=env, timeout=120)
    assert cli.stdout.strip() == f"bachthong {__version__}"
    db = str(tmp_path / "bundle.sqlite3")
    every_module = [[name, "--help"] for name, _, _ in COMMANDS]  # loaded by name when run
    report = ["report", "--period", "2023-H1", "-o", str(tmp_path / "r.docx")]
    pdf = ["report", "--period", "2023-H1", "-o", str(tmp_path / "r.pdf")]  # Qt in the console
    # what build.spec leaves out must not be what a command reaches: writing workbooks (zipfile),
    # a backup, the national catalog, the Excel file sent upwards
    more = [["template", "--period", "2023-H1", "--all", "-o", str(tmp_path / "templates")],
            ["backup", "-o", str(tmp_path / "copy.sqlite3")], ["units", "find", "Phủ Thông"],
            ["send", "--period", "2023-H1", "-o", str(tmp_path / "sent.xlsx")]]
    for command in [["demo"], ["show", "--period", "2023-H1"], report, pdf] + more + every_module:
        done = subprocess.run([str(folder / f"bachthong{exe}"), "--db", db, *command],
                              capture_output=True, text=True, encoding="utf-8", env=env,
                              timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr  # each command's module is inside
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert len(list((tmp_path / "templates").glob("*.xlsx"))) == 14  # one per demo commune
    assert (tmp_path / "copy.sqlite3").read_bytes().startswith(b"SQLite format 3")
    assert (tmp_path / "sent.xlsx").read_bytes().startswith(b"PK")
    assert (folder / "_internal" / "forms" / "ttdn.toml").exists()
    assert "ĐẠT   hướng dẫn sử dụng (Trợ giúp)" in check.stdout
    assert (folder / "_internal" / "docs" / "huong-dan-su-dung.md").exists()
    assert (folder / "_internal" / "resources" / "fonts" / "LiberationSerif-Bold.ttf").exists()
    assert not list(folder.rglob("*QtQml*")) and not list(folder.rglob("*QtNetwork.abi3*"))
    assert_left_out_by_rule(folder)
    assert_every_bundled_distribution_has_its_notice(folder / "_internal")


def assert_left_out_by_rule(folder: Path) -> None:
    """What the program never loads is out whatever the build machine has installed (its size is
    a benchmark figure, not a test: it depends on the machine's Python and Qt)."""
    for never_loaded in ("*wayland*", "*Wayland*", "*eglfs*", "*EglFS*", "*qvnc*",
                         "platformthemes", "*qgtk*", "*xdgdesktopportal*", "libgtk*", "libgdk*",
                         "*objectify*", "*libcrypto*", "asyncio"):
        # (PyInstaller still writes top-level links to the Qt libraries left out; they lead nowhere)
        assert not [f for f in folder.rglob(never_loaded) if f.exists()], never_loaded
    formats = [f.name for f in folder.rglob("imageformats/*")]
    assert formats and all("qico" in name for name in formats), formats  # the window's app.ico


def assert_every_bundled_distribution_has_its_notice(internal: Path) -> None:
    """Each distribution whose top-level package or module is in the bundle is in the notices,
    with a licence (found here independently of how build.spec made the file)."""
    text = (internal / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    owners = importlib.metadata.packages_distributions()
    tops = {p.name.split(".")[0] for p in internal.iterdir()}
    bundled = {dist for top in tops for dist in owners.get(top, ())} - {"bachthong-desktop"}
    assert {"PySide6_Essentials", "openpyxl", "python-docx", "sqlite-utils"} <= bundled
    listed = {line.split()[0].lower().replace("_", "-") for line in text.splitlines()
              if line.startswith("  ") and ": " in line}
    missing = {d for d in bundled if d.lower().replace("_", "-") not in listed}
    assert not missing, f"not in THIRD-PARTY-NOTICES.txt: {sorted(missing)}"
    assert "GPL-3.0-or-later" in text and "Liberation Serif" in text and "OFL-1.1" in text
