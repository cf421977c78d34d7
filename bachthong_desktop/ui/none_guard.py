"""Work around PySide6 6.12 on CPython < 3.12: each call of a void Qt method drops a reference
to None (None only became immortal in 3.12), and after enough calls Python aborts with
"none_dealloc". Giving None a very large reference count makes it effectively immortal."""

from __future__ import annotations

import ctypes
import sys

_EXTRA = 1 << 40
_done = False


def protect_none() -> None:
    """Make None immortal in practice on CPython before 3.12 (a no-op elsewhere, or twice)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _EXTRA
    _done = True
