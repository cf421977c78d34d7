"""Nothing entered is printed nowhere: at every level, each field the office fills gets a value
of its own, and every value is found in the written report (the .docx read back); at the levels
that compile, each figure and text the units send is found too (body, appendix)."""

import datetime as dt
import io

import docx
import pytest

from bachthong_desktop.core import wording
from bachthong_desktop.core.numbers import date_line
from bachthong_desktop.core.definition_check import level_fills
from bachthong_desktop.core.office_setup import add_own_unit, set_up_office
from bachthong_desktop.core.units import reporting_units
from bachthong_desktop.exchange.docx_writer import docx_bytes
from bachthong_desktop.exchange.document import document_for

# (catalog code, the level its kind is at); the 2023 district is the demo's
OFFICES = [("02008", "xã"), ("00199", "phường"), ("07192", "đặc khu"), ("19", "tỉnh"),
           ("01", "thành phố")]
PERIOD = "2026-H1"


def docx_text(doc) -> str:
    """Every paragraph and table cell of the written Word file, as one text."""
    word = docx.Document(io.BytesIO(docx_bytes(doc)))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    for section in word.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts).replace("\xa0", " ")


def token(i: int) -> str:
    return f"mục riêng {i:03d}q"


def distinct_value(f, i: int):
    """A value of the field's kind that nothing else in the report says, and how it prints."""
    if f.kind == "count":
        return 700 + i, [str(700 + i)]
    if f.kind == "date":
        day = dt.date(2026, 1 + i % 12, 1 + i % 27)
        return day.isoformat(), [date_shown(day)]
    if f.kind == "list":
        return [token(i) + "a", token(i) + "b"], [token(i) + "a", token(i) + "b"]
    if f.kind == "nested_list":
        return ([{"text": token(i) + "a", "children": [token(i) + "b"]}],
                [token(i) + "a", token(i) + "b"])
    if f.kind == "table":
        plain = {c.code: f"{token(i)} cột {c.code}" for c in f.columns if c.role != "description"}
        for c in f.columns:
            if c.kind == "date":
                plain[c.code] = f"2026-0{1 + len(c.code) % 9}-1{len(c.code) % 9}"
        described = {**plain, "name": token(i) + " thứ hai",
                     "description": token(i) + " đoạn riêng"}
        shown = [v if not v[:4].isdigit() else date_shown(dt.date.fromisoformat(v))
                 for v in plain.values()]
        return [plain, described], [*shown, token(i) + " đoạn riêng"]
    if f.code == "doc_number":
        return str(40 + i), [f"{40 + i}/BC-"]
    return token(i), [token(i)]


def date_shown(day: dt.date) -> tuple[str, ...]:
    """A date as a sentence writes it, or as the header's date line does."""
    return (wording.date(day), date_line("", day, day.month, day.year).removeprefix(", "))


def missing(text: str, expected: dict[str, list]) -> dict[str, list]:
    """What of each field's value the text does not say (a tuple: any one of its forms)."""
    low = text.lower()
    out = {}
    for code, shown in expected.items():
        lost = [s for s in shown if not any(form.lower() in low for form in
                                            (s if isinstance(s, tuple) else (s,)))]
        if lost:
            out[code] = lost
    return out


def fill_office(session, office_code: str, level: str) -> dict[str, list[str]]:
    form = session.form
    values, expected = {}, {}
    for i, f in enumerate(level_fills(form, level)):
        values[f.code], expected[f.code] = distinct_value(f, i)
    session.store.set_many(PERIOD if level != "huyện" else "2023-H1", office_code, values,
                           "office")
    return expected


@pytest.mark.parametrize("code, level", OFFICES)
def test_every_field_an_office_fills_is_printed(new_session, code, level):
    set_up_office(new_session.db, code)
    expected = fill_office(new_session, code, level)
    text = docx_text(document_for(new_session, PERIOD))
    assert missing(text, expected) == {}


def test_every_field_the_2023_district_fills_is_printed(demo_session):
    expected = fill_office(demo_session, "063", "huyện")
    text = docx_text(document_for(demo_session, "2023-H1"))
    assert missing(text, expected) == {}


def unit_values(form, n: int) -> tuple[dict, dict[str, list[str]]]:
    """A return with a distinct value in every field a unit fills."""
    values, expected = {}, {}
    for i, f in enumerate(form.unit_fields()):
        i += 100 * n
        if f.kind == "yesno":
            values[f.code] = True
            continue
        values[f.code], expected[f.code] = distinct_value(f, i)
        if f.kind == "table":  # a unit's row: the office's own wording is not the unit's
            values[f.code], expected[f.code] = values[f.code][:1], expected[f.code][:-1]
    return values, expected


@pytest.mark.parametrize("code, level", [("02008", "xã"), ("19", "tỉnh")])
def test_every_figure_and_text_the_units_send_is_printed(new_session, code, level):
    set_up_office(new_session.db, code)
    if level == "xã":
        add_own_unit(new_session.db, "Thôn Nà Bản")
    unit = reporting_units(new_session.db, code)[0]
    values, expected = unit_values(new_session.form, 1)
    new_session.store.set_many(PERIOD, unit.code, values, "office")
    text = docx_text(document_for(new_session, PERIOD))
    assert missing(text, expected) == {}

