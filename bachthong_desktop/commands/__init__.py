"""One module per command of `bachthong`; each has `register(subparsers)` setting `run`."""

from . import backup, demo, periods, restore, show, units

COMMANDS = [units, periods, demo, show, backup, restore]
