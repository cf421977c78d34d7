"""A missing tool fails a test under CI (one sentence naming the package) and skips it elsewhere."""

import importlib.util
from pathlib import Path

import pytest

SENTENCE = ("bachthong-no-such-tool is not installed: install the package bachthong-tools "
            "(bash scripts/test.sh installs it).")


@pytest.fixture
def helpers():
    """tests/conftest.py loaded under its own name (every conftest module is called "conftest")."""
    spec = importlib.util.spec_from_file_location("tests_conftest", Path(__file__).with_name("conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("ci", ["true", "1"])
def test_under_ci_a_missing_tool_is_a_failure(helpers, monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception) as failed:
        helpers.require_tool("bachthong-no-such-tool", "bachthong-tools")
    assert str(failed.value) == SENTENCE


@pytest.mark.parametrize("ci", [None, "", "false"])
def test_outside_ci_a_missing_tool_is_a_skip_with_the_same_sentence(helpers, monkeypatch, ci):
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception) as skipped:
        helpers.require_tool("bachthong-no-such-tool", "bachthong-tools")
    assert str(skipped.value) == SENTENCE


def test_a_tool_that_is_there_gives_its_path(helpers, monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert Path(helpers.require_tool("bash", "bash")).name == "bash"
