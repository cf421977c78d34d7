"""The program's version: the one place it is written (pyproject.toml and build.spec read it)."""

__version__ = "0.1.0"
