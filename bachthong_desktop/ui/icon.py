"""The program's icon, from the PNG images inside resources/icons/app.ico.

Qt reads an .ico only through its image-format plugin (qico), which the bundle leaves out, so
QIcon("app.ico") there is an empty icon: a blank title bar and taskbar button. PNG needs no
plugin, and our .ico holds one PNG per size (16 to 256 pixels), so each is read as a PNG.
"""

from __future__ import annotations

import logging
import struct

from PySide6.QtGui import QIcon, QPixmap

from ..core.paths import resources_dir

log = logging.getLogger(__name__)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def ico_pngs(data: bytes) -> list[bytes]:
    """The PNG images of an .ico file (entries in the older BMP form are skipped)."""
    if len(data) < 6:
        return []
    reserved, kind, count = struct.unpack_from("<HHH", data)
    if reserved != 0 or kind != 1:
        return []
    found = []
    for index in range(count):
        start = 6 + 16 * index
        if start + 16 > len(data):
            break
        size, offset = struct.unpack_from("<II", data, start + 8)
        blob = data[offset:offset + size]
        if blob.startswith(PNG_MAGIC) and len(blob) == size:
            found.append(blob)
    return found


def program_icon() -> QIcon:
    """Every size of the program's icon; app.png when the .ico gives none; logged when empty."""
    folder = resources_dir() / "icons"
    icon = QIcon()
    try:
        blobs = ico_pngs((folder / "app.ico").read_bytes())
    except OSError:
        blobs = []
    for blob in blobs:
        pixmap = QPixmap()
        if pixmap.loadFromData(blob, "PNG"):
            icon.addPixmap(pixmap)
    if icon.isNull():
        icon.addFile(str(folder / "app.png"))
    if icon.isNull():
        log.warning("the program's icon could not be read from %s", folder)
    return icon
