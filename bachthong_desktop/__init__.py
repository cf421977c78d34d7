"""Báo cáo công tác thông tin đối ngoại: offline report compiler for People's Committees."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bachthong-desktop")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
