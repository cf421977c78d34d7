"""Return versions, the submission board and the trace, on a real database."""

import datetime as dt

from bachthong_desktop.core.deadlines import set_deadline
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.provenance import Source
from bachthong_desktop.core.returns import board, record_return, trace, versions

P = "2023-H1"
CELLS = {"rebuttal_turns": "Báo cáo!E12", "plan_issued": "Báo cáo!E7"}


def _record(session, values, sha="a", unit="01975", **kw):
    return record_return(session.store, P, unit, values, CELLS, f"{sha}.xlsx", sha, **kw)


def test_first_return_is_version_one_with_sources(session):
    result = _record(session, {"rebuttal_turns": 65, "plan_issued": True})
    assert (result.outcome, result.version) == ("stored", 1)
    assert session.store.origins(P, "01975")["rebuttal_turns"] == Source(
        "imported", "a.xlsx", "Báo cáo", "E12", 1)


def test_same_sha_or_same_values_change_nothing(session):
    _record(session, {"rebuttal_turns": 65})
    assert _record(session, {"rebuttal_turns": 65}).same_file
    other = _record(session, {"rebuttal_turns": 65}, sha="b")
    assert other.outcome == "unchanged" and not other.same_file
    assert len(versions(session.db, P)) == 1


def test_replacement_keeps_old_version_and_clears_what_is_no_longer_reported(session):
    _record(session, {"rebuttal_turns": 65, "plan_issued": True})
    result = _record(session, {"rebuttal_turns": 70}, sha="b")
    assert result.outcome == "replaced" and result.previous == 1
    assert ("rebuttal_turns", 65, 70) in result.diff and ("plan_issued", True, None) in result.diff
    assert session.store.values(P, "01975") == {"rebuttal_turns": 70}
    assert [v["status"] for v in versions(session.db, P)] == ["replaced", "current"]


def test_dry_run_stores_nothing(session):
    assert _record(session, {"rebuttal_turns": 65}, dry_run=True).outcome == "stored"
    assert versions(session.db, P) == [] and session.store.values(P, "01975") == {}


def test_board_states_and_rate(session):
    set_deadline(session.db, parse_period(P), "unit", dt.date(2023, 6, 17))
    _record(session, {"rebuttal_turns": 1}, received_at="2023-06-16T09:00:00")
    _record(session, {"rebuttal_turns": 2}, unit="01978", received_at="2023-06-20T09:00:00")
    _record(session, {"rebuttal_turns": 3}, sha="c", unit="01978")
    session.store.set(P, "01981", "rebuttal_turns", 4)
    result = board(session.store, P, session.units(P))
    states = {r.unit_code: r for r in result.rows}
    assert states["01975"].state == "received"
    assert states["01978"].state == "late" and states["01978"].version == 2
    assert "đã thay bản cũ" in states["01978"].state_words
    assert states["01981"].state == "typed" and states["01984"].state == "missing"
    assert (result.received, len(result.rows), result.rate) == (3, 14, 21)


def test_trace_names_file_sheet_and_cell(demo_session):
    rows = trace(demo_session.store, P, "rebuttal_turns", demo_session.units(P))
    assert len(rows) == 14 and sum(r.value for r in rows) == 1086
    first = rows[0]
    assert first.file_name.startswith("bao-cao-ttdn_2023-H1_01969")
    assert (first.sheet, first.cell) == ("Báo cáo", "E12")


def test_demo_is_idempotent_and_keeps_the_totals(demo_session):
    from bachthong_desktop.exchange.demo_returns import load_demo

    assert sum(load_demo(demo_session.store).values()) == 0
    figures = demo_session.compile(P)
    assert figures["rebuttal_turns"].value == 1086 and figures["rebuttal_accounts"].value == 41
    assert figures["plan_issued"].value == 100
    merged = [p for p in figures["ngo_projects"].value if p["reported_by"]]
    assert len(merged) == 2 and all(len(p["reported_by"]) >= 2 for p in merged)
    assert len(versions(demo_session.db, P)) == 14


def test_trace_reads_each_unit_of_its_period_only(session):
    """The trace reads a period's values at once: every unit its own row and file, another
    period's values and a field's other units kept apart."""
    _record(session, {"rebuttal_turns": 5})
    _record(session, {"rebuttal_turns": 7}, sha="b", unit="01978")
    session.store.set(P, "01981", "rebuttal_turns", 9)
    session.store.set("2022-H1", "01984", "rebuttal_turns", 11)
    rows = {r.unit_code: r for r in trace(session.store, P, "rebuttal_turns", session.units(P))}
    assert sorted(rows) == ["01975", "01978", "01981"]
    assert (rows["01975"].value, rows["01975"].file_name, rows["01975"].cell) == (5, "a.xlsx", "E12")
    assert (rows["01978"].value, rows["01978"].file_name) == (7, "b.xlsx")
    assert (rows["01981"].value, rows["01981"].file_name) == (9, None)
