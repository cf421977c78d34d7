"""Issue 24's classes through the window's returns tab: what the summary panel says, what
the board shows for Tân Tú, and what the database holds after."""

import pytest
from return_cases import CASES, P, UNIT, holds

from bachthong_desktop.ui.returns_tab import ReturnsTab


def _tab(qtbot, session):
    tab = ReturnsTab(session, session.state(P))
    qtbot.addWidget(tab)
    tab.show()
    return tab


def _board_state(tab) -> str:
    rows = range(tab.board_table.rowCount())
    return next(tab.board_table.item(r, 2).text() for r in rows
                if tab.board_table.item(r, 0).text() == UNIT)


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_class_through_the_returns_tab(qtbot, session, tmp_path, name):
    case = CASES[name]
    paths = case.build(session, tmp_path / "in")
    tab = _tab(qtbot, session)
    results = tab.import_paths(paths)
    text = tab.summary.toPlainText()
    assert all(words in text for words in case.says), text
    assert all(r.ok for r in results) == case.ok, text
    holds(session, case)
    if name == "folder_of_kinds":
        return  # Lục Bình's return
    state = _board_state(tab)
    if case.ok:
        assert state.startswith(("Đã nhận", "Nộp muộn")), state
    else:
        assert state.startswith("Bị từ chối"), state


def test_going_back_to_earlier_figures_shows_the_new_version_on_the_board(qtbot, session,
                                                                        tmp_path):
    paths = CASES["back_to_earlier"].build(session, tmp_path / "in")
    tab = _tab(qtbot, session)
    tab.import_paths(paths)
    assert "bản 3" in _board_state(tab)
    tab.set_state(session.state(P))  # as the window hands it the state compiled anew
    trace = tab.trace_choice
    trace.setCurrentIndex(trace.findData("rebuttal_turns"))
    assert "12" in tab.trace_total.text()
