"""Normalise, clean and compare Vietnamese text that arrives from outside."""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below
_VOWELS = "aăâeêioôơuưy"
_CONSONANTS = "bcdđfghjklmnpqrstvwxz"
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")
_CONSONANT_THEN_Y = re.compile(f"(?:[{_CONSONANTS}]+|qu)y")  # "sỹ", "kỹ", "lý", "quý"; not "tây"
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\ufeff"))  # zero-width space, byte order mark
# Control characters (C0 but tab and line ends, DEL, C1), lone surrogates and the two
# non-characters: none is text a person typed, and each breaks a Word or Excel file.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ADMIN_PREFIXES = (
    "ủy ban nhân dân", "ubnd", "thành phố", "tp.", "tp", "thị trấn", "thị xã",
    "xã", "phường", "huyện", "quận", "tỉnh",
)  # fmt: skip


def nfc(text: str) -> str:
    """Unicode NFC: "Unicode tổ hợp" (e + U+0302 + U+0301) becomes the one character "ế"."""
    return unicodedata.normalize("NFC", text)


def without_controls(text: str) -> str:
    """The text without control characters (tab and line ends are kept)."""
    return _CONTROLS.sub("", text)


def decode_excel_escapes(text: str) -> str:
    """Excel's `_x000D_` escapes as the characters they stand for (`_x005F_` is "_")."""
    if "_x" not in text:
        return text
    return _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def clean(text: str) -> str:
    """NFC, stripped, controls removed, every run of whitespace (NBSP, tab ...) one space."""
    return " ".join(nfc(without_controls(text)).translate(_ZERO_WIDTH).split())


def clean_multiline(text: str) -> str:
    """NFC narrative text: line ends unified, trailing spaces gone, at most one blank line."""
    text = nfc(without_controls(text)).translate(_ZERO_WIDTH)
    text = re.sub(r"\r\n?|[\v\f\u2028\u2029]", "\n", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _split_tone(syllable: str) -> tuple[str, str, int]:
    """(syllable without its tone mark in NFC, the tone mark or "", index of the toned letter)."""
    bare, tone, index = [], "", -1
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONES:
            tone, index = ch, sum(not unicodedata.combining(c) for c in bare) - 1
        else:
            bare.append(ch)
    return nfc("".join(bare)), tone, index


def _syllable_key(syllable: str) -> str:
    """One lowercase syllable with old/new tone placement and final i/y unified."""
    bare, tone, index = _split_tone(syllable)
    cluster = _VOWEL_RUN.search(bare)
    if tone and cluster and cluster.group() in ("oa", "oe", "uy"):
        index = cluster.start() + 1  # "hòa" -> "hoà", "thủy" -> "thuỷ", "khỏe" -> "khoẻ"
    if _CONSONANT_THEN_Y.fullmatch(bare):
        bare = bare[:-1] + "i"  # "sỹ" -> "sĩ", "lý" -> "lí", "quý" -> "quí"
    if not tone:
        return bare
    return nfc(bare[: index + 1] + tone + bare[index + 1 :])


def _normalise_words(text: str) -> str:
    """Casefolded, whitespace-collapsed text with every syllable's spelling unified."""
    text = clean(text).casefold()
    return _LETTER_RUN.sub(lambda m: _syllable_key(m.group()), text)


_PREFIX_PATTERN = re.compile(
    "^(?:"
    + "|".join(re.escape(_normalise_words(p)) + (r"\s*" if p.endswith(".") else r"\s+")
               for p in _ADMIN_PREFIXES)
    + ")"
)  # fmt: skip


def _strip_prefixes(key: str) -> str:
    """Remove leading administrative prefixes ("ubnd", "xã" ...) while a name remains."""
    while (stripped := _PREFIX_PATTERN.sub("", key, count=1)) and stripped != key:
        key = stripped
    return key


@lru_cache(maxsize=8192)  # merging a province's lists asks for the same names again and again
def name_key(name: str) -> str:
    """A key under which "xã  SỸ BÌNH", "Sĩ Bình" and "Xã Sỹ Bình" are the same name."""
    return _strip_prefixes(_normalise_words(name))


def names_match(a: str, b: str) -> bool:
    """True if a person would read the two place or person names as the same name."""
    return name_key(a) == name_key(b)


def strip_accents(text: str) -> str:
    """Text without Vietnamese diacritics, for file names: "Đôn Phong" -> "Don Phong"."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return nfc("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def slug(text: str) -> str:
    """A lowercase ASCII file-name part: "Xã Sĩ Bình" -> "xa-si-binh"."""
    ascii_text = strip_accents(text).lower().encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
