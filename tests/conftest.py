"""Shared fixtures; Qt must render offscreen before it is first imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from windows_fs import WindowsFiles  # noqa: E402

WINDOWS_ENV = "BACHTHONG_TEST_WINDOWS"  # =1: the whole suite runs with Windows file rules


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test ever touches the user's real data folder or database."""
    monkeypatch.setenv("BACHTHONG_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("BACHTHONG_DB", raising=False)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "ttdn.sqlite3"


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
