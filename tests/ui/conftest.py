"""Fixtures of the window tests."""

import pytest

from bachthong_desktop.core.session import Session
from ui_helpers import WindowOpener


@pytest.fixture
def opener(qtbot, db_path):
    o = WindowOpener(qtbot, db_path)
    yield o
    o.close()


@pytest.fixture
def demo_db(db_path):
    from bachthong_desktop.exchange.demo_returns import load_demo

    s = Session(db_path)
    load_demo(s.store)
    s.close()
    return db_path
