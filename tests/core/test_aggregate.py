"""The office's figures from its own entries and the units' returns."""

from bachthong_desktop.exchange.demo_returns import load_demo


def test_demo_adds_up_to_the_reference_report(demo_session):
    figures = demo_session.compile("2023-H1")
    assert figures["rebuttal_turns"].value == 1086
    assert figures["rebuttal_accounts"].value == 41
    assert figures["plan_issued"].value == 100
    assert figures["local_news"].value == 430
    assert len(figures["rebuttal_turns"].by_unit) == 14


def test_projects_reported_by_several_communes_appear_once(demo_session):
    projects = demo_session.compile("2023-H1")["ngo_projects"].value
    assert len(projects) == 2
    bftw, kfhi = projects
    assert bftw["reported_by"] == ["01993", "01999"]
    assert "Nà Bản" in bftw["villages"] and "Cáng Lò" in bftw["villages"]
    assert sorted(kfhi["reported_by"]) == ["01999", "02005", "02008"]


def test_share_counts_only_units_that_answered(session):
    store = session.store
    store.set("2023-H1", "01969", "plan_issued", "Có")
    store.set("2023-H1", "01975", "plan_issued", "Không")
    store.set("2023-H1", "01978", "plan_issued", "có")
    store.set("2023-H1", "01981", "plan_issued", True)
    assert session.compile("2023-H1")["plan_issued"].value == 75


def test_an_override_wins_and_is_marked(demo_session):
    demo_session.store.set("2023-H1", "063", "rebuttal_turns", 1100)
    figure = demo_session.compile("2023-H1")["rebuttal_turns"]
    assert (figure.value, figure.overridden) == (1100, True)
    assert sum(figure.by_unit.values()) == 1086
    demo_session.store.set("2023-H1", "063", "rebuttal_turns", None)
    assert demo_session.compile("2023-H1")["rebuttal_turns"].value == 1086


def test_texts_are_gathered_with_their_unit(demo_session):
    items = demo_session.compile("2023-H1")["unit_difficulties"].value
    assert {i["unit_name"] for i in items} >= {"Xã Vi Hương", "Xã Cao Sơn"}


def test_nothing_reported_is_none_not_zero(session):
    assert session.compile("2023-H1")["rebuttal_turns"].value is None


def test_demo_twice_changes_nothing(demo_session):
    before = len(demo_session.store.history("2023-H1"))
    assert sum(load_demo(demo_session.store).values()) == 0
    assert len(demo_session.store.history("2023-H1")) == before
