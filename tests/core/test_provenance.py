"""Provenance as data: a "!" in a file or sheet name no longer breaks the trace, and the
migration carries the old "imported:file!sheet!cell" strings over."""

import sqlite3

from sqlite_utils import Database

from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.provenance import Source
from bachthong_desktop.core.returns import record_return, trace
from bachthong_desktop.core.schema import MIGRATIONS

P = "2023-H1"


def test_a_bang_in_file_and_sheet_names_traces_right(session):
    record_return(session.store, P, "01975", {"rebuttal_turns": 65},
                  {"rebuttal_turns": "Báo!cáo!E12"}, "bao!cao.xlsx", "s1")
    [row] = trace(session.store, P, "rebuttal_turns", session.units(P))
    assert (row.file_name, row.sheet, row.cell) == ("bao!cao.xlsx", "Báo!cáo", "E12")
    assert session.store.history(P, "01975", "rebuttal_turns")[0].origin == Source(
        "imported", "bao!cao.xlsx", "Báo!cáo", "E12", 1)


def test_the_migration_splits_old_sources_into_columns(tmp_path):
    path = tmp_path / "cu.sqlite3"
    db = Database(sqlite3.connect(path))
    MIGRATIONS.apply(db, stop_before="m032_provenance_columns")
    db["returns"].insert({"period": P, "unit_code": "01975", "version": 2,
                          "file_name": "bao!cao.xlsx", "sha256": "x", "imported_at": "t",
                          "status": "current", "values_json": "{}", "cells_json": "{}"})
    old = "imported:bao!cao.xlsx!Báo cáo!E12"
    db["report_values"].insert({"period": P, "unit_code": "01975", "field": "rebuttal_turns",
                                "value": "65", "source": old, "updated_at": "t"})
    db["value_history"].insert({"period": P, "unit_code": "01975", "field": "rebuttal_turns",
                                "new_value": "65", "changed_at": "t", "source": old})
    db["report_values"].insert({"period": P, "unit_code": "063", "field": "local_news",
                                "value": "430", "source": "typed", "updated_at": "t"})
    db.conn.close()
    db = open_db(path)
    rows = {r["unit_code"]: r for r in db["report_values"].rows}
    assert Source.from_row(rows["01975"]) == Source("imported", "bao!cao.xlsx", "Báo cáo",
                                                    "E12", 2)
    assert Source.from_row(rows["063"]) == Source("typed")
    [history] = db["value_history"].rows
    assert Source.from_row(history) == Source("imported", "bao!cao.xlsx", "Báo cáo", "E12", 2)
