"""The database schema, as an ordered set of sqlite-utils migrations (never edit an old one)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("bachthong")


@MIGRATIONS()
def m001_core_tables(db: Database) -> None:
    """Units, settings, report values and their history."""
    db["units"].create(
        {
            "code": str, "name": str, "kind": str, "parent_code": str,
            "valid_from": str, "valid_to": str, "aliases": str, "is_office": int,
            "header_name": str, "parent_body": str, "short_name": str, "level_word": str,
            "place": str, "province": str, "signer_authority": str, "signer_deputy": str,
            "signer_title": str, "signer_name": str, "doc_issuer_code": str,
        },
        pk="code",
        not_null={"name", "kind", "valid_from"},
    )
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["report_values"].create(
        {"period": str, "unit_code": str, "field": str, "value": str,
         "source": str, "updated_at": str},
        pk=("period", "unit_code", "field"),
        not_null={"period", "unit_code", "field"},
    )
    db["value_history"].create(
        {"id": int, "period": str, "unit_code": str, "field": str, "old_value": str,
         "new_value": str, "changed_at": str, "source": str},
        pk="id",
        not_null={"period", "unit_code", "field", "changed_at", "source"},
    )
    db["value_history"].create_index(["period", "unit_code", "field"])


@MIGRATIONS()
def m002_seed_units(db: Database) -> None:
    """The seeded office and its communes (Bạch Thông and its 14 communes)."""
    from .units import seed_rows

    db["units"].insert_all(seed_rows(), pk="code")


@MIGRATIONS()
def m020_issued_versions(db: Database) -> None:
    """Issued versions of the report: frozen bytes and data; triggers refuse any change."""
    db["issued_versions"].create(
        {"id": int, "period": str, "unit_code": str, "format": str, "number": str,
         "doc_date": str, "created_at": str, "file_name": str, "content": bytes, "data": str},
        pk="id",
        not_null={"period", "unit_code", "format", "created_at", "content", "data"},
    )
    db["issued_versions"].create_index(["period"])
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER issued_versions_no_{event.lower()} BEFORE {event} ON issued_versions "
            "BEGIN SELECT RAISE(ABORT, 'issued versions are frozen'); END"
        )


@MIGRATIONS()
def m010_returns(db: Database) -> None:
    """Imported commune returns: every version kept, the values and their cells as JSON."""
    db["returns"].create(
        {"id": int, "period": str, "unit_code": str, "version": int, "file_name": str,
         "sha256": str, "imported_at": str, "received_at": str, "status": str,
         "replaced_at": str, "form_version": int, "values_json": str, "cells_json": str},
        pk="id",
        not_null={"period", "unit_code", "version", "file_name", "sha256", "imported_at",
                  "status", "values_json", "cells_json"},
    )
    db["returns"].create_index(["period", "unit_code", "version"], unique=True)


@MIGRATIONS()
def m030_import_log(db: Database) -> None:
    """Every import attempt (stored, replaced, unchanged, refused): a log, not report data."""
    db["import_log"].create(
        {"id": int, "attempted_at": str, "file_name": str, "sha256": str, "period": str,
         "unit_code": str, "outcome": str, "version": int, "message": str, "cells": str},
        pk="id",
        not_null={"attempted_at", "file_name", "outcome", "message"},
    )
    db["import_log"].create_index(["period", "unit_code"])


@MIGRATIONS()
def m031_returns_saved_at(db: Database) -> None:
    """When each return file says it was saved: the order of a unit's files."""
    db["returns"].add_column("saved_at", str)


@MIGRATIONS()
def m032_provenance_columns(db: Database) -> None:
    """Where a value came from, in columns: "imported:file!sheet!cell" split once, here.

    A "!" may be part of the file or the sheet name, so the file is the longest name of a
    stored return of that unit that the text starts with; the cell is after the last "!".
    """
    for table in ("report_values", "value_history"):
        for column, kind in (("source_file", str), ("source_sheet", str), ("source_cell", str),
                             ("source_version", int)):
            db[table].add_column(column, kind)
    files: dict[tuple, list[tuple[str, int]]] = {}
    for period, unit, name, version in db.execute(
            "select period, unit_code, file_name, version from returns order by version"):
        files.setdefault((period, unit), []).append((name, version))
    for table in ("report_values", "value_history"):
        rows = db.execute(f"select rowid, period, unit_code, source from {table} "
                          "where source like 'imported:%'").fetchall()
        for rowid, period, unit, source in rows:
            rest = source[len("imported:"):]
            known = [(n, v) for n, v in files.get((period, unit), []) if rest.startswith(n + "!")]
            if known:
                name = max(known, key=lambda nv: (len(nv[0]), nv[1]))
                file_name, version, place = name[0], name[1], rest[len(name[0]) + 1:]
            else:
                file_name, _, place = rest.partition("!")
                version = None
            sheet, _, cell = place.rpartition("!")
            db.execute(f"update {table} set source = 'imported', source_file = ?, "
                       "source_sheet = ?, source_cell = ?, source_version = ? where rowid = ?",
                       [file_name, sheet, cell, version, rowid])


_UNIT_COLUMNS = (
    "code", "name", "kind", "parent_code", "valid_from", "valid_to", "aliases", "is_office",
    "header_name", "parent_body", "short_name", "level_word", "place", "province",
    "signer_authority", "signer_deputy", "signer_title", "signer_name", "doc_issuer_code",
)


@MIGRATIONS()
def m040_unit_versions(db: Database) -> None:
    """Units become dated versions: a code may name different units at different times."""
    db.execute("ALTER TABLE units RENAME TO units_by_code")
    db["units"].create(
        {"id": int, **{c: (int if c == "is_office" else str) for c in _UNIT_COLUMNS},
         "province_code": str},
        pk="id", not_null={"code", "name", "kind", "valid_from"},
    )
    names = ", ".join(_UNIT_COLUMNS)
    db.execute(f"INSERT INTO units ({names}) SELECT {names} FROM units_by_code ORDER BY code")
    db["units"].create_index(["code", "valid_from"], unique=True)
    db["units"].create_index(["parent_code"])
    db["units_by_code"].drop()


@MIGRATIONS()
def m041_history_with_the_demo(db: Database) -> None:
    """A new database starts without the 2023 district: it comes with the demo (history)."""
    used = ("report_values", "returns", "issued_versions", "value_history", "settings",
            "import_log")
    if any(db[t].exists() and db[t].count for t in used):
        return  # an existing database keeps its units
    from .units import seed_rows

    for row in seed_rows():
        db.execute("DELETE FROM units WHERE code = ? AND valid_from = ?",
                   [row["code"], row["valid_from"]])


@MIGRATIONS()
def m050_catalog_releases(db: Database) -> None:
    """The national catalog's release each unit was set up from (empty: 2025.10.1, the only
    release before), and the dated notes of the catalog updates applied."""
    db["units"].add_column("catalog_release", str)
    db["catalog_changes"].create(
        {"id": int, "applied_at": str, "from_release": str, "to_release": str,
         "office_code": str, "change": str, "old_code": str, "new_code": str, "old_name": str,
         "new_name": str, "valid_from": str, "note": str},
        pk="id", not_null={"applied_at", "from_release", "to_release", "change", "note"},
    )


MIGRATION_NAMES = frozenset(m.name for m in MIGRATIONS._migrations)
