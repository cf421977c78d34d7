"""The window's icon: read from the PNG images inside app.ico, so it shows even where Qt has
no image-format plugins (the bundle leaves them out; QIcon("app.ico") is then empty)."""

import os
import subprocess
import sys
from pathlib import Path

import PySide6

from bachthong_desktop.core.paths import resources_dir
from bachthong_desktop.ui.icon import ico_pngs, program_icon

WITHOUT_PLUGINS = """
from PySide6.QtCore import QCoreApplication
QCoreApplication.setLibraryPaths([])  # no imageformats/: as in the bundle
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QApplication
app = QApplication([])
from bachthong_desktop.core.paths import resources_dir
from bachthong_desktop.ui.icon import program_icon
formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
icon = program_icon()
print("ico" in formats, QIcon(str(resources_dir() / "icons" / "app.ico")).isNull(),
      icon.isNull(), sorted(s.width() for s in icon.availableSizes()))
"""


def test_every_size_of_the_ico_is_read_as_png(qapp):
    blobs = ico_pngs((resources_dir() / "icons" / "app.ico").read_bytes())
    assert len(blobs) == 7 and all(b.startswith(b"\x89PNG") for b in blobs)
    icon = program_icon()
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull()
    assert sorted(s.width() for s in icon.availableSizes()) == [16, 24, 32, 48, 64, 128, 256]


def test_an_ico_that_is_damaged_or_not_an_ico_gives_no_images():
    data = (resources_dir() / "icons" / "app.ico").read_bytes()
    assert ico_pngs(b"") == [] and ico_pngs(b"GIF89a....") == []
    assert ico_pngs(data[:200]) == []  # cut short: the images lie past the end


def test_the_icon_loads_where_qt_has_no_image_format_plugins():
    platforms = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms"
    done = subprocess.run([sys.executable, "-c", WITHOUT_PLUGINS], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                            "QT_QPA_PLATFORM_PLUGIN_PATH": str(platforms)})
    assert done.returncode == 0, done.stderr
    # no ico reader and the .ico by name is empty; our icon still has every size
    assert done.stdout.split(maxsplit=3)[:3] == ["False", "True", "False"], done.stdout
    assert "16, 24, 32, 48, 64, 128, 256" in done.stdout
