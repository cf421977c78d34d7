"""Convert Vietnamese text typed in the legacy TCVN3 (ABC) and VNI Windows encodings.

Legacy text reaches us as the 8-bit codes read as Windows-1252 (Latin-1) characters:
"Bạch Thông" typed in .VnTime arrives as "B¹ch Th«ng", typed in VNI-Times as "Baïch Thoâng".

Sources of the tables: TCVN 5712:1993, the VN3 subset used by the ABC fonts (cross-checked
with the VN1 table of glibc's TCVN5712-1 codec and with UniKey's VnConv "TCVN3" table), and
the VNI Windows table of UniKey's VnConv "VNI-WIN" charset.

Decisions:
- TCVN3 has precomposed codes only for lowercase letters and for the seven toneless capitals
  Ă Â Ê Ô Ơ Ư Đ. A capital with a tone ("Ấ", "Ạ" ...) has no code in the normal fonts; it
  exists only in the capitals ("H") fonts, where the lowercase codes show capitals.
  `unicode_to_tcvn3` therefore writes such a capital with its lowercase code, as UniKey and the
  ABC keyboard do ("Ấp" -> "Êp", read back as "ấp"): the letter and tone survive, the case
  does not. With capitals=True the whole text is written for an H font and reads back in capitals.
- Codes that the VN1 table gives to capitals or combining tone marks (0xAF, 0xB0-0xB4, 0xBA ...)
  are not part of the ABC fonts and are left unchanged.
- VNI decoding takes the case of a two-character letter from its base letter, so text that
  Word's "Change Case" turned into "Aïch" still reads "Ạch".
"""

from __future__ import annotations

import re
import unicodedata

# Tone marks in the order used by the rows below: none, grave, acute, hook above, tilde, dot below.
_TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")

# TCVN3 (TCVN 5712:1993 VN3): one code per lowercase vowel and tone, in _TONE_MARKS order.
_TCVN3_VOWELS = {
    "a": "a µ ¸ ¶ · ¹",
    "ă": "¨ » ¾ ¼ ½ Æ",
    "â": "© Ç Ê È É Ë",
    "e": "e Ì Ð Î Ï Ñ",
    "ê": "ª Ò Õ Ó Ô Ö",
    "i": "i × Ý Ø Ü Þ",
    "o": "o ß ã á â ä",
    "ô": "« å è æ ç é",
    "ơ": "¬ ê í ë ì î",
    "u": "u ï ó ñ ò ô",
    "ư": "\xad õ ø ö ÷ ù",  # 0xAD (a soft hyphen in Latin-1) is ư
    "y": "y ú ý û ü þ",
}
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

# VNI Windows: base letter plus a modifier, or a single code, in _TONE_MARKS order.
_VNI_VOWELS = {
    "a": "a aø aù aû aõ aï",
    "ă": "aê aè aé aú aü aë",
    "â": "aâ aà aá aå aã aä",
    "e": "e eø eù eû eõ eï",
    "ê": "eâ eà eá eå eã eä",
    "i": "i ì í æ ó ò",
    "o": "o oø où oû oõ oï",
    "ô": "oâ oà oá oå oã oä",
    "ơ": "ô ôø ôù ôû ôõ ôï",
    "u": "u uø uù uû uõ uï",
    "ư": "ö öø öù öû öõ öï",
    "y": "y yø yù yû yõ î",
}


# Characters an 8-bit code read as Windows-1252 or Latin-1 can become.
_EIGHT_BIT = frozenset(bytes(range(256)).decode("cp1252", errors="ignore")) | frozenset(
    map(chr, range(256))
)


def _letter(vowel: str, tone: int) -> str:
    """The precomposed Unicode letter for a vowel and a tone index."""
    return unicodedata.normalize("NFC", vowel + _TONE_MARKS[tone])


def _rows(table: dict[str, str]) -> dict[str, str]:
    """Unicode lowercase letter -> legacy code(s) for every vowel and tone of a table."""
    return {
        _letter(vowel, tone): code
        for vowel, codes in table.items()
        for tone, code in enumerate(codes.split(" "))
    }


_TCVN3_LOWER = {**_rows(_TCVN3_VOWELS), "đ": "®"}
_VNI_LOWER = {**_rows(_VNI_VOWELS), "đ": "ñ"}

# Every Vietnamese letter outside ASCII, lowercase: 66 vowels with tone or diacritic, plus đ.
VIETNAMESE_LOWERCASE = tuple(ch for ch in _TCVN3_LOWER if not ch.isascii())


def _tcvn3_encoder(capitals: bool) -> dict[int, str]:
    """str.translate table from Unicode to TCVN3 for the normal or the capitals fonts."""
    table = {}
    for letter, code in _TCVN3_LOWER.items():
        if not letter.isascii():
            table[ord(letter)] = code
            table[ord(letter.upper())] = code  # a capital with a tone: see module docstring
    if not capitals:
        table.update({ord(letter): code for letter, code in _TCVN3_CAPITALS.items()})
    return table


_TO_TCVN3 = _tcvn3_encoder(capitals=False)
_TO_TCVN3_CAPITALS = _tcvn3_encoder(capitals=True)
_FROM_TCVN3 = {
    ord(code): letter
    for letter, code in {**_TCVN3_LOWER, **_TCVN3_CAPITALS}.items()
    if not letter.isascii()
}


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """Decode TCVN3 text; capitals=True for the "H" fonts (.VnTimeH), whose letters are capitals."""
    decoded = text.translate(_FROM_TCVN3)
    return decoded.upper() if capitals else decoded


def unicode_to_tcvn3(text: str, capitals: bool = False) -> str:
    """Encode Unicode text as TCVN3 (for an "H" font with capitals=True); see the module notes."""
    text = unicodedata.normalize("NFC", text)
    if capitals:
        return text.upper().translate(_TO_TCVN3_CAPITALS)
    return text.translate(_TO_TCVN3)


def _vni_both_cases() -> dict[str, str]:
    """Unicode letter (both cases) -> VNI code(s)."""
    table = {}
    for letter, code in _VNI_LOWER.items():
        if not letter.isascii():
            table[letter] = code
            table[letter.upper()] = code.upper()
    return table


_TO_VNI = _vni_both_cases()


def _vni_decoder() -> dict[str, str]:
    """VNI code(s) -> Unicode letter, also for a base and modifier of different case."""
    table = {code: letter for letter, code in _TO_VNI.items()}
    for letter, code in _VNI_LOWER.items():
        if len(code) == 2:
            table.setdefault(code[0] + code[1].upper(), letter)
            table.setdefault(code[0].upper() + code[1], letter.upper())
    return table


_FROM_VNI = _vni_decoder()
_VNI_PATTERN = re.compile(
    "|".join(re.escape(code) for code in sorted(_FROM_VNI, key=len, reverse=True))
)


def vni_to_unicode(text: str) -> str:
    """Decode VNI Windows text ("Vieät Nam" -> "Việt Nam")."""
    return _VNI_PATTERN.sub(lambda m: _FROM_VNI[m.group()], text)


def unicode_to_vni(text: str) -> str:
    """Encode Unicode text as VNI Windows; characters VNI lacks pass unchanged."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TO_VNI.get(ch, ch) for ch in text)


def encoding_of_font(font_name: str | None) -> str | None:
    """The legacy encoding a font implies: "tcvn3", "tcvn3-capitals", "vni" or None."""
    name = (font_name or "").strip().casefold()
    if re.match(r"vni[-_ ]", name):
        return "vni"
    if name.startswith(".vn") and len(name) > 3:
        return "tcvn3-capitals" if name.endswith("h") else "tcvn3"
    return None


def _is_unicode_already(text: str) -> bool:
    """True if the text holds characters no 8-bit legacy code could have produced."""
    return any(ch not in _EIGHT_BIT for ch in text)


# Latin-1 letters that Vietnamese Unicode text uses itself; every other 8-bit letter of a
# legacy table ("µ", "¸", "«", "ï" ...) is a marker: no Unicode Vietnamese word holds it.
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TCVN3_MARKERS = frozenset(map(chr, _FROM_TCVN3)) - _VIETNAMESE_LATIN1
_VNI_MARKERS = frozenset("".join(_FROM_VNI)) - _VIETNAMESE_LATIN1 - frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TCVN3_ONLY = _TCVN3_MARKERS - _VNI_MARKERS
_VNI_PAIRS = re.compile("|".join(re.escape(code) for code in _FROM_VNI if len(code) == 2))
_CAPITAL_INSIDE = re.compile(f"[a-z][{''.join(c for c in _VIETNAMESE_LATIN1 if c.isupper())}]")
_TWO_TONES = re.compile(f"[{''.join(_VIETNAMESE_LATIN1)}][a-z]?[{''.join(_VIETNAMESE_LATIN1)}]",
                        re.IGNORECASE)


def _plausible_unicode(text: str) -> bool:
    """Latin-1-only text that reads as Unicode Vietnamese ("Hòa Bình", "Có")."""
    return not (_CAPITAL_INSIDE.search(text) or _TWO_TONES.search(text))


def detect_legacy(text: str, font_name: str | None = None) -> str | None:
    """The legacy encoding the text is written in, judged by its characters (and its font).

    Unicode text is never taken for legacy text: any character beyond 8 bits says Unicode.
    In a legacy font one marker (or a capital inside a word) is enough; in any other font the
    text must carry two TCVN3 markers, or two VNI letter pairs with a marker and no TCVN3 one.
    """
    if _is_unicode_already(text):
        return None
    by_font = encoding_of_font(font_name)
    if by_font is not None:
        markers = _TCVN3_MARKERS if by_font.startswith("tcvn3") else _VNI_MARKERS
        found = any(ch in markers for ch in text)
        return by_font if found or not _plausible_unicode(text) else None
    if sum(ch in _TCVN3_ONLY for ch in text) >= 2:
        return "tcvn3"
    pairs = _VNI_PAIRS.findall(text)
    if (len(pairs) >= 2 and any(set(p) & _VNI_MARKERS for p in pairs)
            and not any(ch in _TCVN3_ONLY for ch in text)):
        return "vni"
    return None


_DECODERS = {
    "tcvn3": tcvn3_to_unicode,
    "tcvn3-capitals": lambda text: tcvn3_to_unicode(text, capitals=True),
    "vni": vni_to_unicode,
}


def convert_legacy(text: str, font_name: str | None) -> tuple[str, str | None]:
    """Convert a cell's legacy text: (NFC text, encoding name, or None if nothing changed)."""
    encoding = detect_legacy(text, font_name)
    if encoding is None:
        return unicodedata.normalize("NFC", text), None
    converted = unicodedata.normalize("NFC", _DECODERS[encoding](text))
    return converted, (encoding if converted != text else None)
