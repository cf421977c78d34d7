"""The command table: every command listed with its help, each loading only what it needs."""

import json
import subprocess
import sys
import textwrap

import pytest

from bachthong_desktop.cli import main
from bachthong_desktop.commands import COMMANDS

HEAVY = {"openpyxl", "docx", "PySide6"}


def loaded_after(argv: list[str], env: dict | None = None) -> set[str]:
    """Top-level packages a fresh `bachthong ARGV` process has imported when it ends."""
    code = textwrap.dedent(f"""
        import json, sys
        from bachthong_desktop.cli import main
        try:
            main({argv!r})
        except SystemExit:
            pass
        print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}})))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_help_lists_every_command_with_its_vietnamese_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps long help lines
    for name, _, help_text in COMMANDS:
        assert f" {name} " in out
        assert " ".join(help_text.split()) in out


@pytest.mark.parametrize("name", [name for name, _, _ in COMMANDS])
def test_each_command_loads_its_options(capsys, name):
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"Cách dùng: bachthong {name} [-h]")


def test_version_and_help_load_no_database_excel_word_or_qt():
    for argv in (["--version"], ["--help"]):
        assert not loaded_after(argv) & (HEAVY | {"sqlite_utils"})


def test_show_loads_neither_excel_nor_word_nor_qt(tmp_path):
    env = {"BACHTHONG_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    loaded = loaded_after(["show", "--period", "2023-H1"], env)
    assert "sqlite_utils" in loaded and not loaded & HEAVY
