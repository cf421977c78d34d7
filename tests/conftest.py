"""Shared fixtures; Qt must render offscreen before it is first imported."""

import os
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from windows_fs import WindowsFiles  # noqa: E402

# tests/windows/ runs on Windows itself: scripts/windows-test.sh, under Wine, after the Linux run.
collect_ignore = [] if sys.platform == "win32" else ["windows"]

WINDOWS_ENV = "BACHTHONG_TEST_WINDOWS"  # =1: the whole suite runs with Windows file rules


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def tool_missing(sentence: str) -> None:
    """A tool the test needs is missing: a failure under CI (never a silent skip), a skip here."""
    if under_ci():
        pytest.fail(sentence, pytrace=False)
    pytest.skip(sentence)


def require_tool(name: str, package: str) -> str:
    """The path of the command `name`; missing, one sentence naming the package to install."""
    path = shutil.which(name)
    if path is None:
        tool_missing(f"{name} is not installed: install the package {package} "
                     "(bash scripts/test.sh installs it).")
    return path


@pytest.fixture(name="require_tool")
def require_tool_fixture():
    """`require_tool(name, package)` for the tests (test modules cannot import conftest)."""
    return require_tool


@pytest.fixture(name="tool_missing")
def tool_missing_fixture():
    """`tool_missing(sentence)`: for what a tool does not provide (a printer queue, a codec)."""
    return tool_missing


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test ever touches the user's real data folder or database."""
    monkeypatch.setenv("BACHTHONG_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("BACHTHONG_DB", raising=False)


@pytest.fixture
def new_db_path(tmp_path):
    """Where a new user's database goes: no office and no units until one is chosen."""
    return tmp_path / "moi.sqlite3"


@pytest.fixture
def db_path(tmp_path):
    """A database holding the district of Bạch Thông and its 2023 communes (the history, as
    every database made before the national catalog has it and the demo brings)."""
    from bachthong_desktop.core.db import open_db
    from bachthong_desktop.core.units import install_history

    path = tmp_path / "ttdn.sqlite3"
    db = open_db(path)
    install_history(db)
    db.conn.close()
    return path


@pytest.fixture
def new_session(new_db_path):
    """A database as a new user's first start makes it: no office, no units."""
    from bachthong_desktop.core.session import Session

    s = Session(new_db_path)
    yield s
    s.close()


@pytest.fixture
def session(db_path):
    from bachthong_desktop.core.session import Session

    s = Session(db_path)
    yield s
    s.close()


@pytest.fixture
def demo_session(session):
    from bachthong_desktop.exchange.demo_returns import load_demo

    load_demo(session.store)
    return session


@pytest.fixture
def windows_fs(monkeypatch):
    """Renaming, replacing or deleting a file that is still open fails, as on Windows."""
    return WindowsFiles().install(monkeypatch)


@pytest.fixture(autouse=os.environ.get(WINDOWS_ENV) == "1")
def _windows_everywhere(request):
    """BACHTHONG_TEST_WINDOWS=1 puts every test under the Windows file rules."""
    if os.environ.get(WINDOWS_ENV) == "1":
        request.getfixturevalue("windows_fs")
