"""The returns and preview tabs of other modules: placeholders until they exist, wired after."""

import pytest

from bachthong_desktop.core.demo import DEMO_PERIOD
from bachthong_desktop.ui.embedded import PENDING, optional_tab

from ui_helpers import editor_of


def test_a_missing_module_gives_a_placeholder_that_says_so(qtbot, session):
    widget = optional_tab("no_such_tab_module", "NoSuchTab", session, "2023-H1")
    assert widget.text() == PENDING


def test_new_returns_reload_the_communes_totals(demo_db, opener):
    window = opener.open(DEMO_PERIOD)
    returns = window.returns_holder.ensure_built()
    if not hasattr(returns, "returns_changed"):
        pytest.skip("the returns tab is not in this build yet")
    editor = editor_of(window, "rebuttal_turns")
    before = int(editor.main.text())
    window.session.store.set(DEMO_PERIOD, "01969", "rebuttal_turns",
                             window.session.store.get(DEMO_PERIOD, "01969", "rebuttal_turns") + 5)
    returns.returns_changed.emit()
    assert int(editor.main.text()) == before + 5
