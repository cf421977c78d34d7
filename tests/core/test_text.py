"""Vietnamese text is stored in one form and names compare the way a person reads them."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bachthong_desktop.core.legacy_encodings import VIETNAMESE_LOWERCASE
from bachthong_desktop.core.text import (
    clean,
    clean_multiline,
    decode_excel_escapes,
    name_key,
    names_match,
    nfc,
    slug,
    strip_accents,
)

COMMUNES = [
    "Thị trấn Phủ Thông", "Xã Vi Hương", "Xã Sĩ Bình", "Xã Vũ Muộn", "Xã Đôn Phong",
    "Xã Lục Bình", "Xã Tân Tú", "Xã Nguyên Phúc", "Xã Cao Sơn", "Xã Quân Hà",
    "Xã Cẩm Giàng", "Xã Mỹ Thanh", "Xã Dương Phong", "Xã Quang Thuận",
]  # fmt: skip

LETTERS = list(VIETNAMESE_LOWERCASE) + [c.upper() for c in VIETNAMESE_LOWERCASE] + list("abchnqtuyHQ")
VIETNAMESE_TEXT = st.text(alphabet=st.sampled_from(LETTERS + [" ", "\u00a0", "\t", "\n", "."]), max_size=40)
NAMES = st.text(alphabet=st.sampled_from(LETTERS + [" "]), max_size=30)


def test_nfc_composes_unikey_to_hop_input():
    assert nfc("Vie\u0323\u0302t Nam") == "Việt Nam"
    assert nfc("e\u0302\u0301") == "ế"


@given(VIETNAMESE_TEXT)
def test_nfc_of_decomposed_text_is_the_precomposed_text(text):
    assert nfc(unicodedata.normalize("NFD", text)) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Bạch   Thông ", "Bạch Thông"),
        ("Bạch\u00a0Thông", "Bạch Thông"),
        ("Bạch\tThông\n", "Bạch Thông"),
        ("Ba\u0323ch Tho\u0302ng", "Bạch Thông"),
        ("\ufeffXã Sĩ Bình", "Xã Sĩ Bình"),
        ("", ""),
    ],
)
def test_clean_single_line_value(raw, expected):
    assert clean(raw) == expected


@given(VIETNAMESE_TEXT)
def test_clean_leaves_no_double_or_edge_spaces_and_is_stable(text):
    cleaned = clean(text)
    assert "  " not in cleaned and cleaned == cleaned.strip()
    assert "\n" not in cleaned and "\u00a0" not in cleaned
    assert clean(cleaned) == cleaned


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Dòng một  \r\nDòng hai", "Dòng một\nDòng hai"),
        ("Đoạn một.\r\n\r\n\r\n\r\nĐoạn hai.", "Đoạn một.\n\nĐoạn hai."),
        ("Đoạn một.\n\nĐoạn hai.\n", "Đoạn một.\n\nĐoạn hai."),
        ("\n\nTiêu đề\rNội dung", "Tiêu đề\nNội dung"),
        ("Vie\u0323\u0302t Nam", "Việt Nam"),
    ],
)
def test_clean_multiline_keeps_paragraphs(raw, expected):
    assert clean_multiline(raw) == expected


@given(VIETNAMESE_TEXT)
def test_clean_multiline_has_no_trailing_spaces_or_triple_breaks(text):
    result = clean_multiline(text)
    assert "\n\n\n" not in result and "\r" not in result
    assert all(line == line.rstrip() for line in result.split("\n"))
    assert clean_multiline(result) == result


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sĩ Bình", "Sỹ Bình"),
        ("Sĩ Bình", "xã  SỸ BÌNH"),
        ("Xã Sỹ Bình", "Sĩ Bình"),
        ("Hòa", "Hoà"),
        ("Thủy", "Thuỷ"),
        ("Khỏe", "Khoẻ"),
        ("Kỹ", "Kĩ"),
        ("Lý", "Lí"),
        ("Mỹ Thanh", "Xã Mĩ Thanh"),
        ("Phủ Thông", "Thị trấn Phủ Thông"),
        ("Bạch Thông", "Huyện Bạch Thông"),
        ("Bạch Thông", "UBND huyện Bạch Thông"),
        ("Bạch Thông", "Ủy ban nhân dân huyện Bạch Thông"),
        ("Bạch Thông", "UỶ BAN NHÂN DÂN HUYỆN BẠCH THÔNG"),
        ("Bắc Kạn", "TP. Bắc Kạn"),
        ("Bắc Kạn", "Thành phố Bắc Kạn"),
        ("Đức Xuân", "Phường Đức Xuân"),
        ("Đôn Phong", "Xa\u0303 \u0110o\u0302n Phong"),
        ("Quý", "Quí"),
        ("Quy Nhơn", "Qui Nhơn"),
        ("Nguyễn Duy Luân", "nguyễn  duy luân"),
    ],
)
def test_names_a_person_reads_as_the_same_match(a, b):
    assert names_match(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tân Tú", "Tân Tư"),
        ("Mỹ", "My"),
        ("Sĩ Bình", "Sì Bình"),
        ("Lục Bình", "Lực Bình"),
        ("Vi Hương", "Vũ Muộn"),
        ("Quân Hà", "Quang Hà"),
        ("Hòa", "Hoa"),
        ("Tây", "Tai"),  # "ây" keeps its y
        ("Thủy", "Thủi"),  # "uy" keeps its y
        ("Xã", "Phường"),  # a bare prefix is not stripped to nothing
    ],
)
def test_different_names_do_not_match(a, b):
    assert not names_match(a, b)


@pytest.mark.parametrize("commune", COMMUNES)
def test_each_commune_matches_its_bare_name_and_no_other(commune):
    bare = commune.split(" ", 2)[-1] if commune.startswith("Thị") else commune.split(" ", 1)[1]
    assert names_match(commune, bare)
    others = [c for c in COMMUNES if c != commune]
    assert not any(names_match(commune, other) for other in others)


@given(NAMES)
def test_name_key_is_idempotent(name):
    assert name_key(name_key(name)) == name_key(name)


@given(NAMES)
def test_name_key_ignores_case(name):
    assert name_key(name.upper()) == name_key(name.lower())


@given(NAMES.filter(lambda s: s.strip()))
def test_a_commune_prefix_does_not_change_the_name(name):
    assert names_match(name, "Xã " + name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đôn Phong", "Don Phong"),
        ("Xã Sĩ Bình", "Xa Si Binh"),
        ("Cộng hoà xã hội chủ nghĩa Việt Nam", "Cong hoa xa hoi chu nghia Viet Nam"),
        ("ĐƯỜNG", "DUONG"),
        ("Ba\u0323ch", "Bach"),
    ],
)
def test_strip_accents(text, expected):
    assert strip_accents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xã Sĩ Bình", "xa-si-binh"),
        ("Thị trấn Phủ Thông", "thi-tran-phu-thong"),
        ("Báo cáo 6 tháng đầu năm 2023", "bao-cao-6-thang-dau-nam-2023"),
        ("  Đôn Phong / Lục Bình ", "don-phong-luc-binh"),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


@given(VIETNAMESE_TEXT)
def test_file_name_parts_are_plain_ascii(text):
    assert strip_accents(text).replace("\u00a0", " ").isascii()
    result = slug(text)
    assert result == result.strip("-")
    assert all(ch.isdigit() or ch == "-" or "a" <= ch <= "z" for ch in result)


@pytest.mark.parametrize("raw, expected", [
    ("Đài\x00 xã\x07", "Đài xã"), ("a\x1b[31mb", "a[31mb"), ("x\x7f\x85y", "xy"),
    ("lẻ\ud800", "lẻ"), ("k\ufffe\uffffq", "kq"),
])  # fmt: skip
def test_control_characters_never_reach_the_stored_text(raw, expected):
    assert clean(raw) == expected
    assert clean_multiline(raw) == expected


def test_line_ends_survive_in_narrative_text():
    assert clean_multiline("Dòng 1\x01\r\nDòng 2\x0bDòng 3") == "Dòng 1\nDòng 2\nDòng 3"


@pytest.mark.parametrize("raw, expected", [
    ("Dòng 1_x000D_\nDòng 2", "Dòng 1\r\nDòng 2"), ("A_x0009_B", "A\tB"),
    ("_x005F_x000D_", "_x000D_"), ("no_escape", "no_escape"), ("_x00zz_", "_x00zz_"),
])  # fmt: skip
def test_excel_escapes_are_decoded(raw, expected):
    assert decode_excel_escapes(raw) == expected
