"""Draw the application icon with Qt and write resources/icons/app.png and app.ico.

Run once when the icon changes: `python packaging/make_icon.py`. The .ico holds PNG images
(allowed since Windows Vista), written by hand so no image library is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """A red rounded square with a white page and the letters TT (thông tin)."""
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    s = size / 256
    p.setPen(Qt.NoPen)
    p.setBrush(QColor("#b71c1c"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 40 * s, 40 * s)
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(60 * s, 36 * s, 136 * s, 184 * s))
    p.setBrush(QColor("#fdd835"))
    p.drawEllipse(QRectF(150 * s, 150 * s, 86 * s, 86 * s))
    p.setPen(QColor("#b71c1c"))
    font = QFont("DejaVu Sans", max(1, int(70 * s)))
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(60 * s, 40 * s, 136 * s, 100 * s), Qt.AlignCenter, "TT")
    if size >= 32:
        p.setPen(QPen(QColor("#9e9e9e"), max(1.0, 6 * s)))
        for y in (150, 172, 194):
            p.drawLine(int(78 * s), int(y * s), int(150 * s), int(y * s))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[bytes]) -> bytes:
    """An ICO file whose entries are PNG images, smallest first."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(SIZES, images):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = [png_bytes(draw(size)) for size in SIZES]
    (ICONS / "app.png").write_bytes(pngs[-1])
    (ICONS / "app.ico").write_bytes(ico_bytes(pngs))
    print(f"wrote {ICONS / 'app.png'} and {ICONS / 'app.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
