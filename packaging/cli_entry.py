"""Entry of the bundled command line `bachthong` (a console program beside the window)."""

import sys

from bachthong_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
