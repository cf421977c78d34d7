"""Which of the binaries PyInstaller found go into the bundle (read by build.spec)."""

from __future__ import annotations

import sys
from pathlib import Path

# The system's own libraries (Linux: /usr/lib) go in only when a binary kept in the bundle links
# them: what a left-out plugin alone pulled in (GTK, for the GTK theme, where GTK is installed)
# stays out, so the bundle is the same on every build machine.
SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")


def system_library(source: str, kind: str, platform: str = sys.platform) -> bool:
    """A shared library of the system, not Python's own: Debian's Python keeps its extension
    modules (_sqlite3, _ctypes ...) under /usr/lib/python3.X/lib-dynload, and they are the
    program's, whatever links them."""
    source = str(source).replace("\\", "/")
    return (platform.startswith("linux") and kind != "EXTENSION"
            and source.startswith(SYSTEM_LIBRARY_DIRS) and "libpython" not in source)


def linked_only(binaries: list, imports, platform: str = sys.platform) -> list:
    """The binaries (dest, source, kind) without the system libraries that no other kept binary
    links; `imports(source)` lists a binary's (name, path) dependencies, the whole chain."""
    linked = set()
    for _dest, source, kind in binaries:
        if not system_library(source, kind, platform):
            for name, path in imports(source):
                linked.update({Path(name).name, Path(path).name if path else ""})
    return [b for b in binaries if not system_library(b[1], b[2], platform)
            or Path(b[0]).name in linked or Path(b[1]).name in linked]
