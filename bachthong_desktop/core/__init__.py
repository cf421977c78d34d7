"""The core: no Qt import anywhere below this package."""
