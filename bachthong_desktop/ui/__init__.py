"""The Qt window; it calls the core, never the reverse."""
