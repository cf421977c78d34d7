"""Fixtures of the command-line tests."""

import pytest

from cli_helpers import run


@pytest.fixture
def demo_db(db_path, capsys):
    """A database with the demo loaded through `bachthong demo`; its path as text."""
    assert run(capsys, "--db", str(db_path), "demo")[0] == 0
    return str(db_path)
