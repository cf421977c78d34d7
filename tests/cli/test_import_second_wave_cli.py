"""Issue 24's classes through `bachthong import`, as the district clerk runs it: the exit
code, the summary's words, and what the database holds after (nothing, when refused)."""

import pytest
from return_cases import CASES, P, holds

from bachthong_desktop.cli import main
from bachthong_desktop.core.session import Session


def _state(db_path) -> tuple:
    session = Session(db_path)
    try:
        db = session.db
        return (list(db.query("select * from report_values order by period, unit_code, field")),
                list(db.query("select * from returns order by id")))
    finally:
        session.close()


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_class_through_the_command_line(session, tmp_path, capsys, name):
    case = CASES[name]
    paths = case.build(session, tmp_path / "in")
    session.close()
    before = _state(session.db_path)
    capsys.readouterr()
    code = main(["--db", str(session.db_path), "import", "--period", P, *map(str, paths)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "Traceback" not in text
    assert code == (0 if case.ok else 1), text
    assert all(words in text for words in case.says), text
    if not case.ok and name != "folder_of_kinds":
        assert _state(session.db_path) == before
    after = Session(session.db_path)
    try:
        holds(after, case)
    finally:
        after.close()


def test_a_name_in_another_code_page_after_a_dry_run(session, tmp_path, capsys):
    """--dry-run said it would import; the import then stores it, no traceback (issue 24)."""
    paths = CASES["cp1258_name"].build(session, tmp_path / "in")
    session.close()
    args = ["--db", str(session.db_path), "import", "--period", P, str(paths[0].parent)]
    assert main([*args[:3], "--dry-run", *args[3:]]) == 0
    assert "Sẽ lưu" in capsys.readouterr().out
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "Lưu: Xã Tân Tú (01993)" in text and "\ufffd" in text
