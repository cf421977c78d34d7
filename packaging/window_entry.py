"""Entry of the bundled window (PyInstaller): --self-test and --version, else the window."""

import sys


def main() -> int:
    argv = sys.argv[1:]
    if "--self-test" in argv:
        from bachthong_desktop.ui.selftest import run_self_test

        return run_self_test()
    if "--version" in argv:
        from bachthong_desktop import __version__

        if sys.stdout is not None:
            print(f"bachthong-desktop {__version__}")
        return 0
    from bachthong_desktop.__main__ import main as window_main

    return window_main(argv)


if __name__ == "__main__":
    sys.exit(main())
