"""One compiled report: a period's figures, who compiled it, who reported, and its checks.

The core compiles a period once into a `ReportState`; the window holds one per open period and
hands it to every tab, the preview and the board, and the document reads it instead of summing
the units again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .aggregate import Figure, compile_report
from .checks import ERROR, Problem, check_values
from .definition import Form
from .periods import Period
from .store import Store
from .units import Unit


@dataclass(frozen=True)
class ReportState:
    """Everything a screen or the document needs to show one period's report."""

    form: Form
    period: Period
    office: Unit
    units: tuple[Unit, ...]
    figures: dict[str, Figure]
    earlier: dict[str, Any]
    earlier_label: str
    problems: tuple[Problem, ...]

    def value(self, code: str) -> Any:
        return self.figures[code].value

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level == ERROR)

    @property
    def reporting(self) -> tuple[Unit, ...]:
        """The units that sent at least one figure."""
        sent = {code for fig in self.figures.values() for code in fig.by_unit}
        return tuple(u for u in self.units if u.code in sent)


def compile_state(store: Store, period: Period, office: Unit, units: list[Unit],
                  earlier: dict[str, Any] | None = None,
                  earlier_label: str = "năm trước") -> ReportState:
    """Compile a period once: figures from the office's entries and the returns, then checks."""
    figures = compile_report(store, str(period), office, units)
    earlier = earlier or {}
    values = {code: fig.value for code, fig in figures.items()}
    fields = store.form.fields_for(store.form.words_of(office))  # not a body the level lacks
    problems = check_values(fields, values, earlier, earlier_label)
    return ReportState(store.form, period, office, tuple(units), figures, earlier,
                       earlier_label, tuple(problems))
