"""Báo cáo công tác thông tin đối ngoại: offline report compiler for People's Committees."""

# Read from a module, not importlib.metadata: that costs the window ~25 ms at every start.
from ._version import __version__

__all__ = ["__version__"]
