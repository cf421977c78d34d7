"""The Qt window; it calls the core, never the reverse."""

TITLE = "Báo cáo TTĐN"  # the title of the program's message boxes
