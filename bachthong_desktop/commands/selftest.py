"""`bachthong self-test`: the window's self-test, with its report in this console."""

from __future__ import annotations


def arguments(parser) -> None:
    parser.set_defaults(run=run)


def run(session, args) -> int:
    from ..ui.selftest import run_self_test

    return run_self_test()
