"""One module per command of `bachthong`; each has `register(subparsers)` setting `run`."""

from . import demo, periods, show, units

COMMANDS = [units, periods, demo, show]
