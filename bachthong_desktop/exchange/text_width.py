"""How wide a line of text prints, from the carried font's own advance widths (Liberation
Serif, the metric twin of Times New Roman): the header's names and rules are measured the
same way for Word and for the Qt page, without Qt. Reads the TTF's cmap (format 4), hmtx,
hhea and head tables; kerning is left out, as Word leaves it out by default."""

from __future__ import annotations

import struct
from functools import cache

from ..core.paths import resources_dir

FILES = {(False, False): "LiberationSerif-Regular.ttf", (True, False): "LiberationSerif-Bold.ttf",
         (False, True): "LiberationSerif-Italic.ttf", (True, True): "LiberationSerif-BoldItalic.ttf"}


def _tables(data: bytes) -> dict[str, bytes]:
    count = struct.unpack_from(">H", data, 4)[0]
    out = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        out[tag.decode("latin-1")] = data[offset:offset + length]
    return out


def _cmap(table: bytes) -> dict[int, int]:
    """Code point -> glyph from the Windows Unicode BMP subtable (format 4)."""
    count = struct.unpack_from(">H", table, 2)[0]
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", table, 4 + 8 * i)
        if (platform, encoding) == (3, 1) and struct.unpack_from(">H", table, offset)[0] == 4:
            return _format4(table, offset)
    raise ValueError("the font has no Unicode BMP cmap")


def _format4(table: bytes, base: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", table, base + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", table, base + 14)
    starts = struct.unpack_from(f">{segments}H", table, base + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", table, base + 16 + 4 * segments)
    ranges_at = base + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", table, ranges_at)
    out = {}
    for i, (start, end, delta, rng) in enumerate(zip(starts, ends, deltas, ranges)):
        for code in range(start, end + 1):
            if code == 0xFFFF:
                continue
            if rng == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                at = ranges_at + 2 * i + rng + 2 * (code - start)
                glyph = struct.unpack_from(">H", table, at)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            out[code] = glyph
    return out


@cache
def _metrics(bold: bool, italic: bool) -> tuple[dict[int, int], tuple[int, ...], int]:
    data = (resources_dir() / "fonts" / FILES[bold, italic]).read_bytes()
    tables = _tables(data)
    units = struct.unpack_from(">H", tables["head"], 18)[0]
    long_metrics = struct.unpack_from(">H", tables["hhea"], 34)[0]
    advances = struct.unpack_from(f">{long_metrics * 2}H", tables["hmtx"])[::2]
    return _cmap(tables["cmap"]), advances, units


def width_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """The printed width of one line of text, in millimetres."""
    cmap, advances, units = _metrics(bold, italic)
    total = sum(advances[min(cmap.get(ord(c), 0), len(advances) - 1)] for c in text)
    return total / units * size_pt / 72 * 25.4


def wrapped(text: str, size_pt: float, width: float, bold: bool = False) -> list[str]:
    """The lines a centred paragraph breaks into (at spaces, never at a no-break space)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and width_mm(f"{lines[-1]} {word}", size_pt, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
