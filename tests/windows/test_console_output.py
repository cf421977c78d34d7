"""Output through a pipe on Windows, in the console's code page (issue 22): what cmd and
PowerShell 5.1 decode a pipe in. The console is made hidden (CREATE_NO_WINDOW) and set to the
code page of an English (437) or a Vietnamese (1258) Windows, or to `chcp 65001`, before the
program runs in it; the windowed program (pythonw.exe, no console of its own) takes its
parent's console. PowerShell itself is not here: the first real Windows PC must try
`bachthong periods --nam 2023 | Out-String` in PowerShell 5.1 (see the report of issue 22)."""

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CREATE_NO_WINDOW = 0x08000000
EXPECTED = "6 tháng đầu năm 2023: số liệu từ 15/12/2022 đến 14/6/2023"

IN_CONSOLE = """
import ctypes, subprocess, sys
flags = subprocess.DETACHED_PROCESS  # "none": Windows would give the child a console of its own
if sys.argv[1] != "none":
    ctypes.windll.kernel32.SetConsoleOutputCP(int(sys.argv[1]))  # as `chcp` would
    flags = 0  # the child shares this console
done = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, creationflags=flags)
sys.stdout.buffer.write(done.stdout)  # the child's bytes, untouched
sys.exit(done.returncode)
"""


def run_in_console(code_page: int | None, *command: str, tmp_path) -> bytes:
    """`command`'s stdout bytes, its console at `code_page` (None: no console at all, nor has
    its parent) and its output a pipe."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    env["BACHTHONG_DATA_DIR"] = str(tmp_path)
    flags = subprocess.DETACHED_PROCESS if code_page is None else CREATE_NO_WINDOW
    done = subprocess.run([sys.executable, "-c", IN_CONSOLE, str(code_page).lower(), *command],
                          capture_output=True, cwd=ROOT, env=env, timeout=180,
                          creationflags=flags)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "bachthong_desktop.cli", *args]


@pytest.mark.parametrize("code_page, encoding, expected", [
    (1258, "cp1258", EXPECTED),  # every Vietnamese letter, its tone mark combined
    (65001, "utf-8", EXPECTED),  # after `chcp 65001`
    (437, "cp437", "6 tháng dâu nam 2023: sô liêu tù 15/12/2022 dên 14/6/2023"),  # what it has
])
def test_the_command_line_through_a_pipe_in_the_consoles_code_page(tmp_path, code_page,
                                                                  encoding, expected):
    out = run_in_console(code_page, *cli("periods", "--nam", "2023"), tmp_path=tmp_path)
    assert expected in unicodedata.normalize("NFC", out.decode(encoding))


def test_the_windowed_program_through_a_pipe_takes_its_parents_console(tmp_path):
    pythonw = Path(sys.executable).with_name("pythonw.exe")
    code = ("import sys; from bachthong_desktop.core.console import setup_streams; "
            "setup_streams(); print('Kết quả: ĐẠT'); sys.stdout.flush()")
    out = run_in_console(1258, str(pythonw), "-c", code, tmp_path=tmp_path)
    assert unicodedata.normalize("NFC", out.decode("cp1258")).strip() == "Kết quả: ĐẠT"


def test_without_any_console_a_pipe_is_utf8(tmp_path):
    out = run_in_console(None, *cli("periods", "--nam", "2023"), tmp_path=tmp_path)
    assert EXPECTED in out.decode("utf-8")
