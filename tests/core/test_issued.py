"""Issued versions are frozen: stored once, listed, opened, never changed."""

import sqlite3

import pytest

from bachthong_desktop.core.issued import issue, list_issued, open_issued


def test_issue_list_and_open(session):
    first = issue(session.db, "2023-H1", "063", "docx", b"PK\x03\x04word", {"a": 1},
                  number="125/BC-UBND", doc_date="05/6/2023", file_name="bc.docx")
    issue(session.db, "2023-H1", "063", "pdf", b"%PDF-1.4", {"a": 2})
    issue(session.db, "2023-H2", "063", "pdf", b"%PDF-1.4", {"a": 3})
    listed = list_issued(session.db, "2023-H1")
    assert [v.format for v in listed] == ["pdf", "docx"]
    assert listed[0].content is None
    opened = open_issued(session.db, first.id)
    assert opened.content == b"PK\x03\x04word" and opened.data == {"a": 1}
    assert "125/BC-UBND" in opened.label and "Word" in opened.label


def test_later_edits_never_change_an_issued_version(demo_session):
    version = issue(demo_session.db, "2023-H1", "063", "docx", b"bytes", {"radio_pages": 6})
    demo_session.store.set("2023-H1", "063", "radio_pages", 9, "typed")
    assert open_issued(demo_session.db, version.id).data == {"radio_pages": 6}
    with pytest.raises(sqlite3.DatabaseError, match="frozen"):
        demo_session.db.execute("UPDATE issued_versions SET content = ? WHERE id = ?",
                                [b"x", version.id])
    with pytest.raises(sqlite3.DatabaseError, match="frozen"):
        demo_session.db.execute("DELETE FROM issued_versions")
    assert open_issued(demo_session.db, version.id).content == b"bytes"
