"""The list a clerk sees before printing or issuing: what fails, then what to look at again."""

from __future__ import annotations

from .checks import WARNING, Problem, failing_checks
from .report_state import ReportState


def report_problems(state: ReportState) -> list[Problem]:
    """The failing checks of a compiled period (required fields, the issue date before the
    request letter), then the warnings (figures far from last year's)."""
    return failing_checks(state) + [p for p in state.problems if p.level == WARNING]
