"""What one row of a table sheet is: blank, "none", a note, a name alone, or data.

The rules (the help sheet says them to the communes):
- every cell empty, or each one "-", "x", "không", "không có"…: no project (a "none" row);
- one text alone ("Người lập biểu", a person's name, "Tổng cộng: 2 dự án", a number) is a
  note wherever it stands; so is a row whose project-name cell starts with a note's words
  ("Tổng", "Ghi chú", "Người lập"…) or whose every text is a note;
- the project's name alone (no other column) cannot be told from a note: refused naming it;
- the required columns filled and another column used: data, even after blank rows.
"""

from __future__ import annotations

from typing import Any

from ..core.text import clean, nfc

BLANK, NONE, NOTE, NAME_ONLY, DATA, PARTIAL = ("blank", "none", "note", "name_only", "data",
                                               "partial")
NONE_WORDS = frozenset({"-", "--", "---", "—", "–", "x", "xx", "không", "không có", "ko", "k",
                        "0", "n/a", "na", "chưa có", "./.", "...", "…", "không có gì"})
NOTE_STARTS = ("tổng", "cộng", "ghi chú", "lưu ý", "chú thích", "người lập", "lập biểu",
               "người ký", "ký tên", "(ký", "đã ký", "xác nhận", "thủ trưởng", "chủ tịch",
               "phó chủ tịch", "t/m", "tm.", "tm ", "kt.", "kt ", "nơi nhận", "cán bộ",
               "công chức", "ngày ", "người báo cáo", "người tổng hợp")
# The family names most Vietnamese (Kinh, Tày, Nùng, Dao...) carry: a row holding only
# "Nguyễn Văn A" or "Ma Thị Hoa" is the person who filled the return.
SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý hà đinh lương "
    "ma nông triệu lục đàm lường bế lăng lành hứa mai trịnh đào cao lâm tạ tô chu quách "
    "thái văn vi hoàng la lò lộc mạc âu giáp khổng kiều vương".split())


def plain(value: Any) -> str:
    return clean(nfc(str(value))).casefold() if value is not None else ""


def is_none_word(value: Any) -> bool:
    """"-", "x", "không có"…: what a person writes for "nothing here"."""
    text = plain(value).rstrip(".!:;")
    return text in NONE_WORDS or text.startswith("không có")


def is_note_text(value: Any) -> bool:
    """A total, a signature line, a remark, a person's name: never a project."""
    if not isinstance(value, str):
        return False
    text = plain(value)
    return text.startswith(NOTE_STARTS) or is_person_name(value)


def is_person_name(value: str) -> bool:
    words = clean(nfc(value)).split()
    return (2 <= len(words) <= 5 and words[0].casefold() in SURNAMES
            and all(w[0].isupper() and w.replace(".", "").isalpha() for w in words))


def filled(cell) -> bool:
    """A cell that holds something: a value, or a formula never computed."""
    if getattr(cell, "pending", None) is not None:
        return True
    value = cell.value
    return value is not None and (not isinstance(value, str) or bool(clean(value)))


def row_kind(row: list, found: dict[int, str], required: set[str]) -> str:
    """What a row is (see the module's rules); `found`: column index -> column code."""
    cells = [(i, c) for i, c in enumerate(row) if filled(c)]
    if any(getattr(c, "pending", None) is not None for _, c in cells):
        return DATA  # read as data: the formula is refused naming its cell
    meant = [(i, c) for i, c in cells if not is_none_word(c.value)]
    if not cells:
        return BLANK
    if not meant:
        return NONE
    names = [c for i, c in meant if found.get(i) in required]
    if len(meant) == 1:
        only = meant[0][1]
        return NAME_ONLY if names and not is_note_text(only.value) else NOTE
    texts = [c.value for _, c in meant if isinstance(c.value, str)]
    if any(plain(c.value).startswith(NOTE_STARTS) for c in names) or (
            texts and all(is_note_text(t) for t in texts)):
        return NOTE
    have = {found.get(i) for i, _ in meant}
    return DATA if required <= have else PARTIAL


def note_text(row: list) -> str:
    """A note row's words, as the summary quotes them."""
    return " ".join(clean(str(c.value)) for c in row if filled(c) and c.value is not None)
