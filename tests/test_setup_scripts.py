"""The README's set-up scripts ask apt for every package of their lists (apt-get stubbed, apt-cache real)."""

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMMON = ROOT / "scripts" / "common.sh"
STUB = """#!/bin/sh
echo "$*" >> "$APT_LOG"
if [ "$1" = "$APT_FAIL" ]; then
  echo "E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?" >&2
  exit 100
fi
"""


@pytest.fixture
def apt_stub(tmp_path, require_tool):
    """A folder with an apt-get that records its arguments; apt-cache stays the real one."""
    require_tool("apt-cache", "apt")
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "apt-get").write_text(STUB)
    (folder / "apt-get").chmod(0o755)
    return folder


def run_apt_install(stub: Path, line: str, fail: str = "") -> tuple[subprocess.CompletedProcess, list]:
    """Source common.sh and run `line` (an apt_install call) as root would, with apt-get stubbed."""
    log = stub.parent / "apt.log"
    log.unlink(missing_ok=True)
    env = {**os.environ, "PATH": f"{stub}:{os.environ['PATH']}", "APT_LOG": str(log),
           "APT_FAIL": fail}
    script = f'source "{COMMON}"; SUDO=""; {line}; echo "after apt_install"'
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env,
                          timeout=300)
    calls = log.read_text().splitlines() if log.exists() else []
    return done, calls


def listed(variables: str) -> list[str]:
    """The package names the scripts' variables hold (e.g. "$WINDOW_PACKAGES $TEST_PACKAGES")."""
    out = subprocess.run(["bash", "-c", f'source "{COMMON}"; echo {variables}'],
                         capture_output=True, text=True, check=True).stdout
    return out.split()


def apt_install_line(script: str) -> str:
    lines = [line.strip() for line in (ROOT / "scripts" / script).read_text().splitlines()
             if line.strip().startswith("apt_install ")]
    assert len(lines) == 1, lines
    return lines[0]


def t64_twin(name: str) -> str:
    return name.removesuffix("t64") if name.endswith("t64") else name + "t64"


def has_candidate(name: str) -> bool:
    out = subprocess.run(["apt-cache", "policy", name], capture_output=True, text=True,
                         env={**os.environ, "LC_ALL": "C"}).stdout
    return re.search(r"Candidate: [0-9]", out) is not None


@pytest.mark.parametrize(("script", "must_hold"), [
    ("install.sh", {"fonts-liberation2", "fonts-dejavu-core", "libxcb-cursor0", "libegl1"}),
    ("test.sh", {"fonts-liberation2", "libreoffice-writer-nogui", "libreoffice-calc-nogui", "cups",
                 "printer-driver-cups-pdf", "poppler-utils", "binutils"}),
    ("windows-env.sh", {"wine", "wine64", "xvfb", "xauth", "gcc-mingw-w64-x86-64-win32", "nsis",
                        "unzip"}),
])
def test_each_script_asks_apt_for_every_package_of_its_list(apt_stub, script, must_hold):
    line = apt_install_line(script)
    wanted = listed(line.removeprefix("apt_install "))
    done, calls = run_apt_install(apt_stub, line)
    assert done.returncode == 0, done.stderr
    assert calls[0] == "update -qq --error-on=any"
    install = calls[1].split()
    assert install[:4] == ["install", "-y", "-qq", "--no-install-recommends"]
    skipped = re.findall(r"Bỏ qua gói (\S+):", done.stdout)
    assert sorted(install[4:] + skipped) == sorted(wanted)
    assert must_hold <= set(install[4:])
    # Only one of a pair named apart by Ubuntu 24.04's t64 transition (libglib2.0-0/...t64) is skipped.
    assert all(t64_twin(name) in install for name in skipped), skipped
    assert not any(has_candidate(name) for name in skipped)


def test_a_name_the_release_lacks_is_skipped_with_one_line(apt_stub):
    done, calls = run_apt_install(apt_stub, "apt_install fonts-liberation2 bachthong-no-such-package")
    assert done.returncode == 0, done.stderr
    assert calls == ["update -qq --error-on=any", "install -y -qq --no-install-recommends fonts-liberation2"]
    said = [line for line in done.stdout.splitlines() if "bachthong-no-such-package" in line]
    assert said == ["Bỏ qua gói bachthong-no-such-package: bản phát hành này không có gói đó."]


@pytest.mark.parametrize("failing", ["update", "install"])
def test_any_other_apt_failure_stops_the_script_with_apts_message(apt_stub, failing):
    done, _ = run_apt_install(apt_stub, "apt_install fonts-liberation2", fail=failing)
    assert done.returncode != 0
    assert "E: Unable to fetch some archives" in done.stderr
    assert "after apt_install" not in done.stdout
