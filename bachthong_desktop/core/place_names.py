"""The place of the date line ("Phủ Thông, ngày …"), as Decree 30 writes it.

Decree 30 (Appendix I, II.5) writes the place by its bare name, except a unit named after a
number, a person or a historic event, which is written in full: "Phường 12, ngày …",
"Phường Phan Đình Phùng, ngày …". A number is certain and written in full by itself. Whether a
name is a person's or an event's the program cannot know: a name that starts with a Vietnamese
family name and has three words or more ("Phan Đình Phùng", "Trần Hưng Đạo"), one of the
well-known two-word names of persons, or a name of a battle or an ideal ("Điện Biên Phủ",
"Quyết Thắng") is only offered the full form in the office window, never given it.
"""

from __future__ import annotations

from .text import clean

RULE = ("Nghị định 30/2020/NĐ-CP: địa danh ghi tên riêng của đơn vị hành chính (“Phủ Thông, "
        "ngày …”); đơn vị đặt theo tên người, chữ số hoặc sự kiện lịch sử thì ghi đủ cả loại "
        "đơn vị (“Phường Phan Đình Phùng, ngày …”, “Phường 12, ngày …”).")

FAMILY_NAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh lương "
    "trịnh đào tô chu quách kiều khổng mạc".split())
# Persons with a two-word name, or none of the family names above, who name wards and streets.
PERSONS = frozenset({
    "nguyễn trãi", "lê lợi", "ngô quyền", "quang trung", "lý thái tổ", "trưng vương",
    "hai bà trưng", "hùng vương", "an dương vương", "bà triệu", "yết kiêu", "chu văn an",
    "nguyễn du", "lê lai", "kim đồng", "hoàng diệu", "nguyễn huệ"})
EVENTS = frozenset({
    "điện biên phủ", "điện biên", "bạch đằng", "chi lăng", "đống đa", "ba đình", "quyết thắng",
    "chiến thắng", "thống nhất", "giải phóng", "độc lập", "tháng tám", "cách mạng tháng tám",
    "tân trào", "đồng khởi", "nam kỳ khởi nghĩa"})


def bare(kind: str, name: str) -> str:
    """The name without its kind: "Phường Phan Đình Phùng" -> "Phan Đình Phùng"."""
    prefix = f"{kind} ".casefold()
    return name[len(prefix):] if name.casefold().startswith(prefix) else name


def is_number_name(kind: str, name: str) -> bool:
    """A unit named after a number ("Phường 12", "Phường Hà Giang 2" is not one)."""
    return bare(kind, clean(name)).replace(" ", "").isdigit()


def default_place(kind: str, name: str) -> str:
    """The place as set up: the bare name, or the full name of a unit named after a number."""
    name = clean(name)
    return name if is_number_name(kind, name) else bare(kind, name)


def named_after(kind: str, name: str) -> str | None:
    """"một người" or "một sự kiện lịch sử" when the name looks like one; None otherwise."""
    words = bare(kind, clean(name)).casefold()
    if words in EVENTS:
        return "một sự kiện lịch sử"
    parts = words.split()
    if words in PERSONS or (len(parts) >= 3 and parts[0] in FAMILY_NAMES):
        return "một người"
    return None


def full_form_offer(kind: str, name: str, place: str) -> str | None:
    """The full form to offer for the date line, or None: the name looks like a person's or an
    event's and the place is not already written in full."""
    if not name or named_after(kind, name) is None:
        return None
    full = clean(name)
    return None if clean(place).casefold() == full.casefold() else full
