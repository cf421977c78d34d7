"""One module per command of `bachthong`; each has `register(subparsers)` setting `run`."""

from . import backup, demo, periods, print_, report, restore, selftest, show, units
from . import import_, status, template, trace
from . import set as set_command

COMMANDS = [units, periods, demo, show, backup, restore, selftest, report, print_,
            template, import_, status, trace, set_command]
