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


def test_a_period_object_is_passed_on_not_parsed_again(tmp_path, monkeypatch):
    from bachthong_desktop.cli import main
    from bachthong_desktop.core import periods, session as session_module

    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    session = Session(db)
    parsed = []
    real = periods.parse_period
    monkeypatch.setattr(session_module, "as_period",
                        lambda value: periods.as_period(value) if isinstance(value, periods.Period)
                        else parsed.append(value) or real(value))
    try:
        session.state(real("2023-H1"))
        assert parsed == []
        session.state("2023-H1")
        assert parsed == ["2023-H1"]  # read once at the edge
    finally:
        session.close()
