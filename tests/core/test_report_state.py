"""A period compiled once: figures, reporting units and checks together."""

from bachthong_desktop.core.session import Session


def test_demo_state_carries_figures_units_and_checks(tmp_path):
    from bachthong_desktop.cli import main

    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    session = Session(db)
    try:
        state = session.state("2023-H1")
        assert state.value("rebuttal_turns") == 1086
        assert len(state.units) == 14
        assert len(state.reporting) == 14
        assert state.errors == ()
        empty = session.state("2023-H2")
        assert empty.value("rebuttal_turns") is None
        assert empty.reporting == ()
        assert any(p.field for p in empty.errors)  # required fields of an empty period
    finally:
        session.close()
