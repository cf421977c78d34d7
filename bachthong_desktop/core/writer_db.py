"""A sqlite-utils Database whose transactions take the write lock first (BEGIN IMMEDIATE).

With WAL, a transaction that starts by reading (BEGIN deferred, as sqlite-utils' atomic() does)
and then writes fails at once with "database is locked" when another process committed in
between: SQLite cannot wait for that (SQLITE_BUSY_SNAPSHOT). Taking the write lock at BEGIN
makes the busy timeout apply instead, so the window and the command line can write side by side.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Generator

from sqlite_utils import Database


class WriterDatabase(Database):
    """Database.atomic() with BEGIN IMMEDIATE for the outermost transaction."""

    @contextmanager
    def atomic(self) -> Generator["WriterDatabase", None, None]:
        if self.conn.in_transaction:  # nested: sqlite-utils' savepoints
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise
