"""Typed bold and italic: the stored form, its one shape, and what outside text may hold."""

import pytest

from bachthong_desktop.core import marks
from bachthong_desktop.core.definition import load_form
from bachthong_desktop.core.values import coerce

B, b, I, i = marks.BOLD_ON, marks.BOLD_OFF, marks.ITALIC_ON, marks.ITALIC_OFF


def test_spans_and_back():
    text = f"có {B}10{b} thôn ({I}thôn Nà Bản{i})."
    assert marks.spans(text) == [("có ", False, False), ("10", True, False),
                                 (" thôn (", False, False), ("thôn Nà Bản", False, True),
                                 (").", False, False)]
    assert marks.marked(marks.spans(text)) == text
    assert marks.plain(text) == "có 10 thôn (thôn Nà Bản)."


def test_one_stored_form_empty_and_unpaired_marks_go():
    assert marks.tidy(f"a{B}{b}b") == "ab"
    assert marks.tidy(f"{B}a{b}{B}b{b}") == f"{B}ab{b}"
    assert marks.tidy(f"{B}a\nb{b}") == f"{B}a{b}\n{B}b{b}"  # never across a line end
    assert marks.spans(f"{I}{B}x{i}") == [("x", True, True)]


def test_characters_typed_are_never_marks():
    assert marks.spans("5*2 và **x**") == [("5*2 và **x**", False, False)]
    assert marks.strip(f"từ tệp {B}x{b}\ue000") == "từ tệp x"


@pytest.mark.parametrize("code", ["general_situation", "programs_overview", "ngo_projects"])
def test_coerce_keeps_marks_and_nothing_but_marks_is_empty(code):
    field = load_form("ttdn").field(code)
    value = {"longtext": f"  {B} Ý chính {b} tiếp ",
             "list": [f"{B} Ý chính {b} tiếp", f"{I}{i}"],
             "table": [{"name": f"Dự án {I}A{i}"}]}[field.kind]
    got = coerce(field, value)
    if field.kind == "longtext":
        assert got == f"  {B} Ý chính {b} tiếp"  # as typed: spaces inside the mark kept
    elif field.kind == "list":
        assert len(got) == 1 and marks.plain(got[0]) == "Ý chính tiếp"
    else:
        assert got[0]["name"] == f"Dự án {I}A{i}"
    empty = {"longtext": f"{B} {b}", "list": [f"{I}{i}"], "table": [{"name": f"{B}{b}"}]}
    assert coerce(field, empty[field.kind]) is None


def test_a_person_reads_the_words_without_marks_in_messages_and_the_history():
    from bachthong_desktop.core import wording
    assert wording.value("longtext", f"Đài {B}cũ{b}") == "Đài cũ"
    assert wording.value("list", [f"{I}a{i}", "b"]) == "a; b"


def test_a_change_to_the_words_leaves_the_marks_where_they_stand():
    keep = lambda t: t.replace("10 thôn", "10\u00a0thôn")  # noqa: E731
    assert marks.on_words(f"tại {B}10{b} thôn", keep) == f"tại {B}10{b}\u00a0thôn"
