"""TCVN3 and VNI text from old offices' spreadsheets becomes correct Unicode, letter by letter."""

import subprocess
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bachthong_desktop.core.legacy_encodings import (
    VIETNAMESE_LOWERCASE,
    convert_legacy,
    encoding_of_font,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
ALL_LOWER = sorted(
    {unicodedata.normalize("NFC", v + m) for v in "aăâeêioôơuưy" for m in TONE_MARKS} - set("aeiouy")
    | {"đ"}
)
ALL_UPPER = [letter.upper() for letter in ALL_LOWER]
TONELESS_CAPITALS = ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]
TONED_CAPITALS = [c for c in ALL_UPPER if c not in TONELESS_CAPITALS]

# TCVN 5712:1993 code of each letter (the byte values of the published table).
TCVN3_PUBLISHED = {
    "à": 0xB5, "á": 0xB8, "ả": 0xB6, "ã": 0xB7, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ắ": 0xBE, "ẳ": 0xBC, "ẵ": 0xBD, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ấ": 0xCA, "ẩ": 0xC8, "ẫ": 0xC9, "ậ": 0xCB,
    "è": 0xCC, "é": 0xD0, "ẻ": 0xCE, "ẽ": 0xCF, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ế": 0xD5, "ể": 0xD3, "ễ": 0xD4, "ệ": 0xD6,
    "ì": 0xD7, "í": 0xDD, "ỉ": 0xD8, "ĩ": 0xDC, "ị": 0xDE,
    "ò": 0xDF, "ó": 0xE3, "ỏ": 0xE1, "õ": 0xE2, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ố": 0xE8, "ổ": 0xE6, "ỗ": 0xE7, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ớ": 0xED, "ở": 0xEB, "ỡ": 0xEC, "ợ": 0xEE,
    "ù": 0xEF, "ú": 0xF3, "ủ": 0xF1, "ũ": 0xF2, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ứ": 0xF8, "ử": 0xF6, "ữ": 0xF7, "ự": 0xF9,
    "ỳ": 0xFA, "ý": 0xFD, "ỷ": 0xFB, "ỹ": 0xFC, "ỵ": 0xFE,
    "đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
}  # fmt: skip

# VNI Windows bytes of each letter (the published VNI-WIN table, as in UniKey's VnConv).
VNI_PUBLISHED = {
    "á": b"a\xf9", "à": b"a\xf8", "ả": b"a\xfb", "ã": b"a\xf5", "ạ": b"a\xef",
    "â": b"a\xe2", "ấ": b"a\xe1", "ầ": b"a\xe0", "ẩ": b"a\xe5", "ẫ": b"a\xe3", "ậ": b"a\xe4",
    "ă": b"a\xea", "ắ": b"a\xe9", "ằ": b"a\xe8", "ẳ": b"a\xfa", "ẵ": b"a\xfc", "ặ": b"a\xeb",
    "é": b"e\xf9", "è": b"e\xf8", "ẻ": b"e\xfb", "ẽ": b"e\xf5", "ẹ": b"e\xef",
    "ê": b"e\xe2", "ế": b"e\xe1", "ề": b"e\xe0", "ể": b"e\xe5", "ễ": b"e\xe3", "ệ": b"e\xe4",
    "í": b"\xed", "ì": b"\xec", "ỉ": b"\xe6", "ĩ": b"\xf3", "ị": b"\xf2",
    "ó": b"o\xf9", "ò": b"o\xf8", "ỏ": b"o\xfb", "õ": b"o\xf5", "ọ": b"o\xef",
    "ô": b"o\xe2", "ố": b"o\xe1", "ồ": b"o\xe0", "ổ": b"o\xe5", "ỗ": b"o\xe3", "ộ": b"o\xe4",
    "ơ": b"\xf4", "ớ": b"\xf4\xf9", "ờ": b"\xf4\xf8", "ở": b"\xf4\xfb", "ỡ": b"\xf4\xf5", "ợ": b"\xf4\xef",
    "ú": b"u\xf9", "ù": b"u\xf8", "ủ": b"u\xfb", "ũ": b"u\xf5", "ụ": b"u\xef",
    "ư": b"\xf6", "ứ": b"\xf6\xf9", "ừ": b"\xf6\xf8", "ử": b"\xf6\xfb", "ữ": b"\xf6\xf5", "ự": b"\xf6\xef",
    "ý": b"y\xf9", "ỳ": b"y\xf8", "ỷ": b"y\xfb", "ỹ": b"y\xf5", "ỵ": b"\xee",
    "đ": b"\xf1",
    "Á": b"A\xd9", "À": b"A\xd8", "Ả": b"A\xdb", "Ã": b"A\xd5", "Ạ": b"A\xcf",
    "Â": b"A\xc2", "Ấ": b"A\xc1", "Ầ": b"A\xc0", "Ẩ": b"A\xc5", "Ẫ": b"A\xc3", "Ậ": b"A\xc4",
    "Ă": b"A\xca", "Ắ": b"A\xc9", "Ằ": b"A\xc8", "Ẳ": b"A\xda", "Ẵ": b"A\xdc", "Ặ": b"A\xcb",
    "É": b"E\xd9", "È": b"E\xd8", "Ẻ": b"E\xdb", "Ẽ": b"E\xd5", "Ẹ": b"E\xcf",
    "Ê": b"E\xc2", "Ế": b"E\xc1", "Ề": b"E\xc0", "Ể": b"E\xc5", "Ễ": b"E\xc3", "Ệ": b"E\xc4",
    "Í": b"\xcd", "Ì": b"\xcc", "Ỉ": b"\xc6", "Ĩ": b"\xd3", "Ị": b"\xd2",
    "Ó": b"O\xd9", "Ò": b"O\xd8", "Ỏ": b"O\xdb", "Õ": b"O\xd5", "Ọ": b"O\xcf",
    "Ô": b"O\xc2", "Ố": b"O\xc1", "Ồ": b"O\xc0", "Ổ": b"O\xc5", "Ỗ": b"O\xc3", "Ộ": b"O\xc4",
    "Ơ": b"\xd4", "Ớ": b"\xd4\xd9", "Ờ": b"\xd4\xd8", "Ở": b"\xd4\xdb", "Ỡ": b"\xd4\xd5", "Ợ": b"\xd4\xcf",
    "Ú": b"U\xd9", "Ù": b"U\xd8", "Ủ": b"U\xdb", "Ũ": b"U\xd5", "Ụ": b"U\xcf",
    "Ư": b"\xd6", "Ứ": b"\xd6\xd9", "Ừ": b"\xd6\xd8", "Ử": b"\xd6\xdb", "Ữ": b"\xd6\xd5", "Ự": b"\xd6\xcf",
    "Ý": b"Y\xd9", "Ỳ": b"Y\xd8", "Ỷ": b"Y\xdb", "Ỹ": b"Y\xd5", "Ỵ": b"\xce",
    "Đ": b"\xd1",
}  # fmt: skip


def as_cell(code: bytes) -> str:
    """Legacy bytes as a spreadsheet cell shows them: each byte one Windows-1252 character."""
    return code.decode("cp1252")


def test_every_vietnamese_letter_is_covered():
    assert len(ALL_LOWER) == 67
    assert sorted(VIETNAMESE_LOWERCASE) == ALL_LOWER
    assert set(TCVN3_PUBLISHED) == set(ALL_LOWER) | set(TONELESS_CAPITALS)
    assert set(VNI_PUBLISHED) == set(ALL_LOWER) | set(ALL_UPPER)


@pytest.mark.parametrize(("letter", "code"), sorted(TCVN3_PUBLISHED.items()))
def test_tcvn3_letter_matches_published_table(letter, code):
    cell = as_cell(bytes([code]))
    assert tcvn3_to_unicode(cell) == letter
    assert unicode_to_tcvn3(letter) == cell


@pytest.mark.parametrize(("letter", "code"), sorted(VNI_PUBLISHED.items()))
def test_vni_letter_matches_published_table(letter, code):
    cell = as_cell(code)
    assert vni_to_unicode(cell) == letter
    assert unicode_to_vni(letter) == cell


@pytest.mark.parametrize(
    ("cell", "letter"),
    [("¹", "ạ"), ("«", "ô"), ("®", "đ"), ("§", "Đ"), ("µ", "à"), ("\xad", "ư"), ("Ö", "ệ")],
)
def test_tcvn3_hand_checked_codes(cell, letter):
    assert tcvn3_to_unicode(cell) == letter


@pytest.mark.parametrize(
    ("cell", "letter"),
    [("aï", "ạ"), ("ñ", "đ"), ("Ñ", "Đ"), ("eä", "ệ"), ("oâ", "ô"), ("ô", "ơ"), ("ö", "ư"), ("î", "ỵ")],
)
def test_vni_hand_checked_codes(cell, letter):
    assert vni_to_unicode(cell) == letter


@pytest.mark.parametrize("letter", ALL_LOWER)
def test_lowercase_letter_round_trips_through_tcvn3(letter):
    assert tcvn3_to_unicode(unicode_to_tcvn3(letter)) == letter


@pytest.mark.parametrize("letter", ALL_UPPER)
def test_capital_letter_round_trips_through_tcvn3_capitals_font(letter):
    encoded = unicode_to_tcvn3(letter, capitals=True)
    assert tcvn3_to_unicode(encoded, capitals=True) == letter


@pytest.mark.parametrize("letter", TONELESS_CAPITALS)
def test_toneless_capital_round_trips_through_tcvn3_normal_font(letter):
    assert tcvn3_to_unicode(unicode_to_tcvn3(letter)) == letter


@pytest.mark.parametrize("letter", TONED_CAPITALS)
def test_toned_capital_in_normal_tcvn3_font_keeps_letter_and_tone_but_not_case(letter):
    # .VnTime has no code for "Ấ": like UniKey, it is written with the code of "ấ".
    assert tcvn3_to_unicode(unicode_to_tcvn3(letter)) == letter.lower()


@pytest.mark.parametrize("letter", ALL_LOWER + ALL_UPPER)
def test_letter_round_trips_through_vni(letter):
    assert vni_to_unicode(unicode_to_vni(letter)) == letter


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("B¹ch Th«ng", "Bạch Thông"),
        ("UBND huyÖn B¹ch Th«ng", "UBND huyện Bạch Thông"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("X· §«n Phong", "Xã Đôn Phong"),
        ("SÜ B×nh", "Sĩ Bình"),
        ("NguyÔn Duy Lu©n", "Nguyễn Duy Luân"),
        ("M\xadêng Kh\xad¬ng", "Mường Khương"),
    ],
)
def test_tcvn3_phrases(cell, expected):
    assert tcvn3_to_unicode(cell) == expected


@pytest.mark.parametrize(
    "cell",
    ["ñy ban nh©n d©n huyÖn b¹ch th«ng", "ñY BAN NH¢N D¢N HUYÖN B¹CH TH¤NG"],
)
def test_tcvn3_capitals_font_reads_as_capitals(cell):
    assert tcvn3_to_unicode(cell, capitals=True) == "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Vieät Nam", "Việt Nam"),
        ("Baïch Thoâng", "Bạch Thông"),
        ("UBND huyeän Baïch Thoâng", "UBND huyện Bạch Thông"),
        ("UÛY BAN NHAÂN DAÂN HUYEÄN BAÏCH THOÂNG", "ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Xaõ Ñoân Phong", "Xã Đôn Phong"),
        ("Möôøng Khöông", "Mường Khương"),
        ("Só Bình", "Sĩ Bình"),
        ("Aïch", "Ạch"),  # Word's "Capitalize Each Word" on VNI text
    ],
)
def test_vni_phrases(cell, expected):
    assert vni_to_unicode(cell) == expected


def test_tcvn3_agrees_with_the_systems_tcvn5712_codec(require_tool, tool_missing):
    require_tool("iconv", "libc-bin")
    codes = bytes(TCVN3_PUBLISHED.values())
    run = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=codes, capture_output=True)
    if run.returncode != 0:
        tool_missing("iconv has no TCVN5712-1 codec: install the package libc6 (its gconv modules).")
    assert tcvn3_to_unicode(as_cell(codes)) == run.stdout.decode()


@pytest.mark.parametrize(
    ("font", "encoding"),
    [
        (".VnTime", "tcvn3"),
        (".VnArial", "tcvn3"),
        (".VnArial Narrow", "tcvn3"),
        (".VnTimeH", "tcvn3-capitals"),
        (".VnArialH", "tcvn3-capitals"),
        (".VnArial NarrowH", "tcvn3-capitals"),
        (".vntimeh", "tcvn3-capitals"),
        ("VNI-Times", "vni"),
        ("VNI-Helve", "vni"),
        ("VNI-Helve-Condense", "vni"),
        ("vni-times", "vni"),
        ("Times New Roman", None),
        ("Arial", None),
        ("Calibri", None),
        ("", None),
        (None, None),
    ],
)
def test_encoding_of_font(font, encoding):
    assert encoding_of_font(font) == encoding


@pytest.mark.parametrize(
    ("text", "font", "expected"),
    [
        ("B¹ch Th«ng", ".VnTime", ("Bạch Thông", "tcvn3")),
        ("b¹ch th«ng", ".VnTimeH", ("BẠCH THÔNG", "tcvn3-capitals")),
        ("Baïch Thoâng", "VNI-Times", ("Bạch Thông", "vni")),
        ("Bạch Thông", ".VnTime", ("Bạch Thông", None)),  # already Unicode despite the font
        ("Ba\u0323ch", "VNI-Times", ("Bạch", None)),  # decomposed Unicode: just NFC
        ("Bạch Thông", "Times New Roman", ("Bạch Thông", None)),
        ("Tho\u0302ng", None, ("Thông", None)),
        ("UBND 2023", ".VnTime", ("UBND 2023", None)),  # nothing to convert
    ],
)
def test_convert_legacy(text, font, expected):
    assert convert_legacy(text, font) == expected


def test_convert_legacy_reads_a_tcvn3_cell_and_reports_it():
    text, encoding = convert_legacy("Phßng V¨n ho¸ vµ Th«ng tin", ".VnTime")
    assert (text, encoding) == ("Phòng Văn hoá và Thông tin", "tcvn3")


VIETNAMESE_LOWER_TEXT = st.text(
    alphabet=st.sampled_from(ALL_LOWER + list("abcdeghiklmnopqrstuvxy 0123456789.,-:;()/%")),
    max_size=60,
)
VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from(ALL_LOWER + ALL_UPPER + list("abcdghiklmnopqrstuvxyABDGHKLNOTUY 0123.,-")),
    max_size=60,
)


@given(VIETNAMESE_LOWER_TEXT)
def test_any_lowercase_text_round_trips_through_tcvn3(text):
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == text


@given(VIETNAMESE_LOWER_TEXT)
def test_any_capitals_text_round_trips_through_tcvn3_capitals_font(text):
    upper = text.upper()
    assert tcvn3_to_unicode(unicode_to_tcvn3(upper, capitals=True), capitals=True) == upper


@given(VIETNAMESE_TEXT)
def test_any_text_round_trips_through_vni(text):
    assert vni_to_unicode(unicode_to_vni(text)) == text


@given(VIETNAMESE_TEXT)
def test_legacy_text_fits_in_eight_bit_cells(text):
    for encoded in (unicode_to_tcvn3(text), unicode_to_vni(text)):
        assert encoded.encode("cp1252").decode("cp1252") == encoded


@given(VIETNAMESE_TEXT)
def test_decomposed_input_encodes_like_precomposed(text):
    decomposed = unicodedata.normalize("NFD", text)
    assert unicode_to_vni(decomposed) == unicode_to_vni(text)
    assert unicode_to_tcvn3(decomposed) == unicode_to_tcvn3(text)
