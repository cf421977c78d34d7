"""The Windows bundle and its installer, as a clerk's PC gets them: self-tests of the built
bundle (the window's on Qt's real windows platform), then the installer silently installed,
its program run, upgraded over, uninstalled, with the user's data and backups kept."""

import ctypes
import hashlib
import os
import shutil
import subprocess
import time
import winreg
from pathlib import Path

import pytest

from bachthong_desktop import __version__

SHORTCUT = "Báo cáo thông tin đối ngoại.lnk"
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\BachThongTTDN"
CSIDL = {"local": 0x1C, "programs": 0x02, "desktop": 0x10}


def shell_folder(kind: str) -> Path:
    """A folder of the user's profile, as Windows (and the NSIS installer) finds it."""
    buffer = ctypes.create_unicode_buffer(260)
    assert ctypes.windll.shell32.SHGetFolderPathW(None, CSIDL[kind], None, 0, buffer) == 0
    return Path(buffer.value)


def run(program, *args, timeout=300, **env):
    """A program of the bundle or the installer, with the user's real data folder. Detached
    from any console, the bundle writes UTF-8 into the pipe (in a console, its code page:
    tests/windows/test_console_output.py)."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("BACHTHONG_DATA_DIR", "BACHTHONG_DB", "PYTHONIOENCODING")}
    return subprocess.run([str(program), *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=timeout,
                          env={**clean, **env}, creationflags=subprocess.DETACHED_PROCESS)


@pytest.fixture
def bundle(wine_setting) -> Path:
    return Path(wine_setting("BACHTHONG_WINE_BUNDLE"))


def test_the_bundles_command_line_self_test_passes(bundle, tmp_path):
    done = run(bundle / "bachthong.exe", "self-test", BACHTHONG_DATA_DIR=str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Kết quả: ĐẠT" in done.stdout


def test_the_bundles_window_self_test_passes_on_the_windows_platform(bundle, tmp_path):
    done = run(bundle / "bachthong-desktop.exe", "--self-test", BACHTHONG_DATA_DIR=str(tmp_path),
               QT_QPA_PLATFORM="windows")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_bundle_carries_its_notices_and_the_ico_plugin(bundle):
    notices = (bundle / "_internal" / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert "PySide6_Essentials" in notices and "GPL-3.0-or-later" in notices
    assert [p.name for p in (bundle / "_internal").rglob("imageformats/*")] == ["qico.dll"]
    assert not list((bundle / "_internal").rglob("icuuc*"))  # Wine's stub stays in the prefix


def wait_until(condition, what: str, seconds: int = 120) -> None:
    """NSIS's uninstaller runs as a copy of itself that outlives the program we started."""
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, what
        time.sleep(0.5)


def registered_version() -> str | None:
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, UNINSTALL_KEY) as key:
            return winreg.QueryValueEx(key, "DisplayVersion")[0]
    except FileNotFoundError:
        return None


def fingerprint(folder: Path) -> dict[str, str]:
    """The user's database and backups (the program's log and lock files come and go)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")
            and "logs" not in p.relative_to(folder).parts}


@pytest.fixture
def fresh_profile():
    """No earlier run's install or data in the prefix, before and after."""
    def clean():
        for folder in ("Programs/BachThongTTDN", "BachThongTTDN"):
            shutil.rmtree(shell_folder("local") / folder, ignore_errors=True)
        for shortcut in (shell_folder("programs") / SHORTCUT, shell_folder("desktop") / SHORTCUT):
            shortcut.unlink(missing_ok=True)
        try:
            winreg.DeleteKey(winreg.HKEY_CURRENT_USER, UNINSTALL_KEY)
        except FileNotFoundError:
            pass
    clean()
    yield
    clean()


@pytest.mark.usefixtures("fresh_profile")
def test_the_installer_installs_upgrades_and_uninstalls_keeping_the_users_data(wine_setting):
    setup = Path(wine_setting("BACHTHONG_WINE_INSTALLER"))
    newer = Path(wine_setting("BACHTHONG_WINE_INSTALLER_NEXT"))
    newer_version = wine_setting("BACHTHONG_WINE_INSTALLER_NEXT_VERSION")
    program = shell_folder("local") / "Programs" / "BachThongTTDN"
    data = shell_folder("local") / "BachThongTTDN"
    shortcuts = [shell_folder("programs") / SHORTCUT, shell_folder("desktop") / SHORTCUT]
    assert "Nguyễn" in str(data)  # the Vietnamese profile of this run
    assert setup.name == f"bachthong-ttdn-setup-{__version__}.exe"

    done = run(setup, "/S")
    assert done.returncode == 0, done.stdout + done.stderr
    for part in ("bachthong-desktop.exe", "bachthong.exe", "LICENSE", "THIRD-PARTY-NOTICES.txt",
                 "uninstall.exe"):
        assert (program / part).is_file(), part
    assert all(s.is_file() for s in shortcuts), shortcuts
    assert registered_version() == __version__

    selftest = run(program / "bachthong.exe", "self-test")
    assert selftest.returncode == 0 and "Kết quả: ĐẠT" in selftest.stdout, selftest.stdout
    for command in (["demo"], ["backup"]):  # the clerk's data and a backup, where they belong
        made = run(program / "bachthong.exe", *command)
        assert made.returncode == 0, made.stdout + made.stderr
    assert (data / "bachthong.sqlite3").is_file()
    kept = fingerprint(data)
    assert any("backup" in name.lower() or "sao" in name.lower() for name in kept), kept

    (program / "_internal" / "left-by-the-earlier-version.txt").write_text("x")
    done = run(newer, "/S")
    assert done.returncode == 0, done.stdout + done.stderr
    assert registered_version() == newer_version
    assert not (program / "_internal" / "left-by-the-earlier-version.txt").exists()
    assert fingerprint(data) == kept
    again = run(program / "bachthong.exe", "show", "--period", "2023-H1")
    assert again.returncode == 0, again.stdout + again.stderr  # the data opens in the new version

    done = run(program / "uninstall.exe", "/S")
    assert done.returncode == 0, done.stdout + done.stderr
    wait_until(lambda: not program.exists() and registered_version() is None,
               "the uninstaller did not remove the program")
    assert not any(s.exists() for s in shortcuts)
    assert fingerprint(data) == kept  # data and backups survive the uninstaller
