"""`python -m bachthong_desktop` and `bachthong-desktop`: open the window."""

import sys


def main(argv: list[str] | None = None) -> int:
    from .ui.app import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
