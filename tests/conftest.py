"""Shared fixtures; Qt must render offscreen before it is first imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
