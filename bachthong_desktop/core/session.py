"""One open database with its definition: what the command line and the window work on."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .aggregate import Figure, compile_report
from .definition import Form, load_form
from .paths import default_db_path
from .periods import Period, as_period
from .restore import open_or_explain
from .store import Store
from .report_state import ReportState, compile_state
from .units import Unit, office, office_for, office_on, reporting_units

if TYPE_CHECKING:  # sqlite-utils is imported when a database is opened, not before
    from sqlite_utils import Database


class Session:
    """The database, the report definition and the compiling office, opened once."""

    def __init__(self, db_path: str | os.PathLike | None = None, form_code: str = "ttdn"):
        self.db_path = Path(default_db_path(db_path))
        self.form_code = form_code

    @cached_property
    def db(self) -> Database:
        return open_or_explain(self.db_path)  # a damaged one names its newest good backup

    @cached_property
    def form(self) -> Form:
        return load_form(self.form_code)

    @cached_property
    def store(self) -> Store:
        return Store(self.db, self.form)

    @property
    def office(self) -> Unit:
        return office(self.db)

    def office_for(self, period: Period | str) -> Unit:
        """The office of a period: the one valid at the end of its cut-off (NoOfficeError if none)."""
        return office_for(self.db, as_period(period))

    def units(self, period: Period | str) -> list[Unit]:
        """The units that report to the period's office (valid at its cut-off end)."""
        period = as_period(period)
        return reporting_units(self.db, self.office_for(period).code, period.cutoff_end)

    def compile(self, period: Period | str) -> dict[str, Figure]:
        """The report's figures for a period, from the office's entries and the returns."""
        period = as_period(period)
        return compile_report(self.store, str(period), self.office_for(period),
                              self.units(period))

    def earlier_values(self, period: Period | str) -> dict:
        """An earlier period's figures for comparison; none where no office was valid then."""
        period = as_period(period)
        if office_on(self.db, period.cutoff_end) is None:
            return {}
        return {c: f.value for c, f in self.compile(period).items()}

    def state(self, period: Period | str, earlier: Period | str | None = None) -> ReportState:
        """The period compiled once, with its checks (against `earlier`'s figures if given)."""
        period = as_period(period)
        earlier_values = self.earlier_values(earlier) if earlier is not None else {}
        return compile_state(self.store, period, self.office_for(period), self.units(period),
                             earlier_values)

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.conn.close()
