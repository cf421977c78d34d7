"""The report as one document model (plain data), built from the definition and a period's
compiled state. The Word writer and the Qt renderer both draw this model."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..core import marks, wording
from ..core.aggregate import Figure
from ..core.definition import Block, Form
from ..core.definition_check import LEVEL_WORDS
from ..core.numbers import date_line
from ..core.periods import Period
from ..core.report_state import ReportState
from ..core.units import Unit
from ..core.values import as_date
from .inline import Run, fill, fill_runs, is_nothing, names, typed_runs
from .page import Margins
from .appendix_words import absent_units
from .line_breaks import kept_together
from .recipients import dash_kept, recipient_items

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER_BLANK = "      "
NBSP = "\u00a0"
_NUMBER_WORD = re.compile(r"(?<=\d) (?=[^\W\d_])")
_WORD_NUMBER = re.compile(r"\b([Nn]ăm|[Tt]háng|[Nn]gày) (?=\d|\{)")
_LEVEL_WORDS = re.compile(r"(^|,\s*)(Xã|Thị trấn|Phường|Thôn|Bản|Trường)\b")
NUMBER_SLOT = "\ue000"  # where a heading's {n} goes until the printed headings are counted
ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
         ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


@dataclass
class Paragraph:
    """One paragraph: style is heading1/heading2/heading3/body/item."""

    style: str
    runs: list[Run]
    when_empty: str = ""  # a heading with nothing under it prints this, or is left out

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def level(self) -> int:
        return int(self.style[-1]) if self.style.startswith("heading") else 0


@dataclass
class Header:
    parent_body: str
    issuer_lines: list[str]
    number_line: str
    nation: str
    motto: str
    date_line: str


@dataclass
class Recipients:
    heading: str
    note: str
    items: list[str]


@dataclass
class Signature:
    lines: list[str]
    name: str


@dataclass
class Appendix:
    """The figures by unit with their totals, on a page of its own."""

    heading: str
    title: str
    note: str
    columns: list[str]
    rows: list[list[str]]
    totals: list[list[str]]  # the sum; and the report's own figures where the office changed one
    absent: str = ""  # which units have not reported (not in the table); all of them: no table

    @property
    def wide(self) -> bool:
        """A landscape page for a table of many columns (none for a line without a table)."""
        return len(self.columns) > 6 and bool(self.rows)


@dataclass
class Document:
    header: Header
    title: str
    trich_yeu: str
    body: list[Paragraph]
    recipients: Recipients
    signature: Signature
    appendix: Appendix | None
    margins: Margins = field(default_factory=Margins)
    number: str = ""
    date: str = ""
    author: str = ""
    draft: bool = False  # printed while a check fails: "DỰ THẢO" on its first page

    def paragraphs_text(self) -> list[str]:
        """Every line of text in reading order (for tests and search)."""
        h = self.header
        lines = [h.parent_body, *h.issuer_lines, h.number_line, h.nation, h.motto, h.date_line,
                 self.title, self.trich_yeu, *(p.text for p in self.body),
                 self.recipients.heading, self.recipients.note,
                 *(f"- {i}" for i in self.recipients.items), *self.signature.lines,
                 self.signature.name]
        return [line for line in lines if line]


def keep_together(text: str) -> str:
    """Non-breaking spaces in the pairs a line must not split: "6 tháng", "năm 2023", "02 dự án"."""
    return _WORD_NUMBER.sub(r"\1" + NBSP, _NUMBER_WORD.sub(NBSP, text))


def _split_issuer(name: str) -> list[str]:
    """The issuing body in lines as offices print it: "ỦY BAN NHÂN DÂN" / "HUYỆN BẠCH THÔNG"."""
    for head in ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"):
        if name.upper().startswith(head + " "):
            return [name[:len(head)], name[len(head):].strip()]
    return [name]


def _plain_value(form: Form, code: str, value: Any) -> Any:
    kind = form.field(code).kind
    if kind == "date" and isinstance(value, str):
        return as_date(value)
    return value


# --- the words a template may use; each part is one small function, easy to extend ---------

def period_words(form: Form, period: Period) -> dict[str, Any]:
    """The period's words from the definition ({this_period}, {since} ...), its years, cut-off."""
    cutoff = {"cutoff_start": wording.date(period.cutoff_start),
              "cutoff_end": wording.date(period.cutoff_end)}
    years = {"year": period.year, "next_year": period.year + 1}
    words = {k: keep_together(str(v).format(**years, **cutoff))
             for k, v in form.period_words[period.kind].items() if isinstance(v, str)}
    return {**words, **years, **cutoff}


def office_words(office: Unit) -> dict[str, Any]:
    return {"office_short": office.short_name or "", "office_level": office.level_word or "",
            "province": office.province or "", "place": office.place or ""}


def figure_words(form: Form, figures: dict[str, Figure], state_units=()) -> dict[str, Any]:
    """Each field's value; a table's row count; a share's yes, answered and missing counts."""
    ctx: dict[str, Any] = {}
    for code, fig in figures.items():
        f = form.field(code)
        value = _plain_value(form, code, fig.value)
        if f.kind == "text" and isinstance(value, str):  # typed, put into a sentence
            value = _kept(value)
        ctx[code] = "" if value is None and not f.required else value  # "…" only if required
        if f.from_units:  # the units' total alone, beside an own figure
            ctx[f"{code}_units"] = "" if fig.units_value is None else fig.units_value
        if f.kind == "table":
            ctx[f"count_{code}"] = len(fig.value or [])
        if f.aggregate == "share_yes":
            ctx[f"{code}_answered"] = len(fig.by_unit)
            ctx[f"{code}_yes"] = sum(1 for v in fig.by_unit.values() if v)
            ctx[f"{code}_missing"] = len(state_units) - len(fig.by_unit)
    return ctx


def unit_words(state: ReportState) -> dict[str, Any]:
    """How many units report to the office, and how many have not sent anything yet."""
    return {"units_total": len(state.units),
            "units_missing": len(state.units) - len(state.reporting)}


def context(state: ReportState, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every word a template may use: field values, counts, period, office and unit words."""
    ctx = period_words(state.form, state.period)
    ctx.update(office_words(state.office))
    ctx.update(state.form.words_of(state.office))
    ctx.update(figure_words(state.form, state.figures, state.units))
    ctx.update(unit_words(state))
    ctx.update(overrides or {})
    return ctx


# --- blocks --------------------------------------------------------------------------------

def _field_names(form: Form, template: str) -> list[str]:
    """The placeholders of a template that stand for figures (not period or office words)."""
    out = []
    for name in names(template):
        code = name.removeprefix("count_")
        if form.has_field(code) or form.has_field(name.rsplit("_", 1)[0]):
            out.append(name)
    return out


def _partial(form: Form, block: Block, ctx: dict) -> bool:
    """Some units have not answered a share the block prints."""
    shares = [n for n in names(block.template)
              if form.has_field(n) and form.field(n).aggregate == "share_yes"]
    return any(ctx.get(f"{n}_answered", 0) < ctx.get("units_total", 0) for n in shares)


def chosen_template(form: Form, block: Block, ctx: dict) -> str | None:
    """The block's sentence for these values: None to leave it out."""
    figures = _field_names(form, block.template)
    if figures and block.if_none and all(is_nothing(ctx.get(n)) for n in figures):
        return None if block.if_none == "omit" else block.if_none
    if block.if_partial and _partial(form, block, ctx):
        return block.if_partial
    return block.template


def _template_para(style: str, template: str, ctx: dict, form: Form | None = None) -> Paragraph:
    """A template's paragraph; with the form, only its figures decide an optional clause (the
    office's and period's words, {province} ..., are wording)."""
    template = keep_together_template(level_words_in(template, ctx))
    words = set(names(template)) - set(_field_names(form, template)) if form else ()
    return Paragraph(style, fill_runs(template, ctx, words))


def level_words_in(template: str, ctx: dict) -> str:
    """The level's words written into the template first: they are wording, not figures, so
    an optional clause is dropped by its figures alone ("[{plan_issued} % {members} …]")."""
    for word in LEVEL_WORDS:
        template = template.replace("{" + word + "}", str(ctx.get(word, "")))
    return template


def keep_together_template(template: str) -> str:
    """Non-breaking spaces in a template's own words ("năm {year}"), never in a value."""
    return _WORD_NUMBER.sub(r"\1" + NBSP, template)


def _typed(style: str, text: str) -> Paragraph:
    """Text a person typed: printed as typed, in the bold/italic set in the window; a number
    kept with its word."""
    return Paragraph(style, typed_runs(_kept(text)))


def _kept(text: str) -> str:
    return marks.on_words(text, kept_together)


def render_block(form: Form, block: Block, ctx: dict) -> list[Paragraph]:
    """The paragraphs one block of the definition prints."""
    value = ctx.get(block.field) if block.field else None
    if block.needs and not ctx.get(block.needs):  # a body this level does not have
        return []
    if block.kind == "heading":
        para = _template_para(f"heading{block.level or 1}", block.template,
                              {**ctx, "n": NUMBER_SLOT})
        if block.level <= 1:
            para.runs = [dataclasses.replace(r, text=r.text.upper()) for r in para.runs]
        para.when_empty = block.if_empty
        return [para]
    if block.kind == "paragraph":
        template = chosen_template(form, block, ctx)
        return [] if template is None else [_template_para("body", template, ctx, form)]
    if block.kind == "text":
        return [_typed("body", line) for line in str(value or "").splitlines() if line.strip()]
    if block.kind == "bullets":
        return [_typed("body", f"{block.prefix or '- '}{item}") for item in value or []]
    if block.kind == "numbered":
        out = []
        for i, item in enumerate(value or [], 1):
            out.append(_typed("body", f"{i}. {item['text']}"))
            out += [_typed("item", f"- {child}") for child in item.get("children", [])]
        return out
    if block.kind == "records":
        return [_record(form, block, row) for row in value or []]
    return []


def _record(form: Form, block: Block, row: dict) -> Paragraph:
    """One row of a table as its sentence: the office's own wording, or the template's."""
    columns = form.field(block.field).columns
    own = next((row.get(c.code) for c in columns if c.role == "description"), None)
    if own:
        return _typed("body", block.prefix + own)
    values = {c.code: _column_value(c, row.get(c.code)) for c in columns}
    para = _template_para("body", block.prefix + block.template, values)
    last = para.runs[-1] if para.runs else Run("")
    para.runs[-1:] = [dataclasses.replace(last, text=_one_stop(last.text))]
    return para


def _column_value(column, value: Any) -> Any:
    """A cell as the sentence needs it: dates read, unit names in lower case mid-sentence,
    the word the template already says ("tổ chức") not said twice."""
    if column.kind == "date" and isinstance(value, str):
        return as_date(value)
    if not isinstance(value, str):
        return value
    value = _kept(value.strip())
    if column.role == "unit_names":
        value = _LEVEL_WORDS.sub(lambda m: m.group(1) + m.group(2).lower(), value)
    for word in column.drop_leading:
        if value.lower().startswith(word.lower() + " "):
            value = value[len(word) + 1:]
    return value


def _one_stop(text: str) -> str:
    """A sentence ends with one full stop, not "…." or "..".."""
    return re.sub(r"[\s.…]+$", "", text) + "."


def prune_headings(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A heading with nothing under it says so (its `if_empty` text) or is left out."""
    out: list[Paragraph] = []
    for para in reversed(paragraphs):
        nxt = out[-1] if out else None
        if para.level and (nxt is None or 0 < nxt.level <= para.level):
            if not para.when_empty:
                continue
            out.append(_typed("body", para.when_empty))
        out.append(para)
    return out[::-1]


def roman(number: int) -> str:
    """A level-1 heading's number: 4 -> "IV"."""
    out = ""
    for letters, value in ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def heading_number(level: int, counts: list[int]) -> str:
    """ "II.", "3." or "4.1.": the Decree-30 number of a heading from the counts so far."""
    if level <= 1:
        return f"{roman(counts[0])}."
    if level == 2:
        return f"{counts[1]}."
    return f"{counts[1]}.{counts[2]}."


def number_headings(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Each printed heading's {n}, counted from the headings printed: one left out takes no
    number, so "4.3." never prints under "4." without a "4.1."."""
    counts = [0, 0, 0]
    out = []
    for para in paragraphs:
        if para.level and NUMBER_SLOT in para.text:
            depth = min(para.level, 3) - 1
            counts[depth] += 1
            counts[depth + 1:] = [0] * (2 - depth)
            number = heading_number(para.level, counts)
            para = dataclasses.replace(para, runs=[
                dataclasses.replace(r, text=r.text.replace(NUMBER_SLOT, number))
                for r in para.runs])
        out.append(para)
    return out


# --- header, signature, appendix -------------------------------------------------------------

def number_text(form: Form, office: Unit, number: str | None) -> str:
    """ "05/BC-UBND": the clerk's number, a leading zero below 10 (Decree 30)."""
    suffix = f"/{form.doc_symbol}-{office.doc_issuer_code or 'UBND'}"
    number = re.sub(r"^(\d)(?=/|$)", r"0\1", (number or "").strip())
    if "/" in number:
        return number
    return f"{number or NUMBER_BLANK}{suffix}"


def _header(form, period, office, number, doc_date) -> Header:
    month = form.period_words[period.kind].get("date_month", 12)
    year = period.year
    if doc_date is not None:
        month, year = doc_date.month, doc_date.year
    return Header(
        parent_body=(office.parent_body or "").upper(),
        issuer_lines=_split_issuer(office.header_name or office.name.upper()),
        number_line="Số:" + (number if number.startswith(" ") else f" {number}"), nation=NATION,
        motto=MOTTO, date_line=_WORD_NUMBER.sub(r"\1" + NBSP,
                                                date_line(office.place or "", doc_date, month, year)))


def _signature(form: Form, office: Unit, ctx: dict) -> Signature:
    def value(role: str) -> str:
        code = form.role(role)
        default = form.field(code).default_from or role
        return ctx.get(code) or getattr(office, default, "") or ""
    lines = [value(r) for r in ("signer_authority", "signer_deputy", "signer_title")]
    return Signature([line.upper() for line in lines if line], value("signer_name"))


APPENDIX_WORDS = {  # the definition's [document] may say these otherwise
    "appendix_heading": "Phụ lục", "appendix_units": "Xã, thị trấn",
    "appendix_note": "(Kèm theo Báo cáo số {number} {date} của {office_short})",
    "appendix_total": "Tổng cộng", "appendix_units_sum": "Cộng các xã, thị trấn",
    "appendix_reported_total": "Tổng cộng theo báo cáo",
}


def _appendix(state: ReportState, ctx: dict, number: str, date_text: str) -> Appendix | None:
    form, figures = state.form, state.figures
    fields = [f for f in form.unit_fields() if f.kind == "count" and f.code in figures]
    if not fields or not state.units:
        return None
    words = {**APPENDIX_WORDS, **{k: v for k, v in form.document.items() if k in APPENDIX_WORDS}}
    for key in ("appendix_units", "appendix_units_sum"):  # the level's words ("Xã, phường")
        words[key] = fill(words[key], ctx)
    columns = ["STT", words["appendix_units"],
               *(f"{f.label} ({f.unit})" if f.unit else f.label for f in fields)]
    reported = [u for u in state.units if u in state.reporting]
    values = [[figures[f.code].by_unit.get(unit.code) for f in fields] for unit in reported]
    grouped = _grouped(values, [figures[f.code] for f in fields])
    rows = [[str(i), unit.name, *(_cell(c, grouped) for c in cells)]
            for i, (unit, cells) in enumerate(zip(reported, values), 1)]
    note = fill(words["appendix_note"], {**ctx, "number": number, "date": date_text})
    period = {"this_period_full": str(ctx.get("this_period_full", "")).replace(" ", NBSP)}
    return Appendix(
        heading=words["appendix_heading"],
        title=fill(form.document.get("appendix_title", ""), {**ctx, **period}).upper(),
        note=note, columns=columns, rows=rows,
        totals=_appendix_totals([(f, figures[f.code]) for f in fields], words, grouped)
        if rows else [],
        absent=absent_units([u for u in state.units if u not in reported],
                            len(state.units), words))


def _cell(value: Any, grouped: bool = False) -> str:
    """Blank where nobody reported: empty is not zero. Thousands grouped in all of a table's
    figures ("2.940") when one of them is grouped ("11.649"), else in none ("1086")."""
    if value is None:
        return ""
    return wording.table_number(value) if grouped else wording.number(value)


def _grouped(values: list[list[Any]], totals: list[Figure]) -> bool:
    """Whether a figure of the table (a unit's, a sum, a total) reaches 10 000."""
    figures = [v for row in values for v in row] + [f.value for f in totals] + [
        _units_sum(f) for f in totals]
    return any(isinstance(v, (int, float)) and abs(v) >= wording.GROUPING_FROM
               for v in figures)


def _units_sum(fig: Figure) -> int | None:
    values = [v for v in fig.by_unit.values() if v is not None]
    return sum(values) if values else None


def _appendix_totals(fields, words: dict, grouped: bool = False) -> list[list[str]]:
    """The compiled totals ("Tổng cộng"); where the office changed a total, the units' sum is
    "Cộng các xã, thị trấn" and a "Tổng cộng theo báo cáo" row gives the report's figures."""
    if not any(fig.overridden for _, fig in fields):
        totals = [fig.value if not (f.from_office or fig.own) else _units_sum(fig)
                  for f, fig in fields]
        return [["", words["appendix_total"], *(_cell(t, grouped) for t in totals)]]
    sums = [_cell(_units_sum(fig), grouped) for _, fig in fields]
    reported = [_cell(_units_sum(fig) if fig.own else fig.value, grouped) for _, fig in fields]
    return [["", words["appendix_units_sum"], *sums],
            ["", words["appendix_reported_total"], *reported]]


def _recipients(form: Form, ctx: dict) -> Recipients:
    """Where the report goes; the office's own file copy ("Lưu: VT.") at least."""
    items = recipient_items(ctx.get(form.role("recipients")))
    note = ctx.get(form.role("recipients_note")) or ""
    return Recipients("Nơi nhận:", note, items)


def _opening_and_closing(form: Form, ctx: dict) -> tuple[Paragraph, Paragraph]:
    doc = form.document
    return (_template_para("body", doc["opening"], ctx, form),
            _template_para("body", doc["closing"], ctx, form))


def build_document(state: ReportState, margins: Margins | None = None,
                   number: str | None = None, date: dt.date | None = None) -> Document:
    """The whole report of a compiled period: content only, no layout."""
    form, period, office = state.form, state.period, state.office
    number_code, date_code = form.role("number"), form.role("date")
    overrides = {k: v for k, v in ((number_code, number), (date_code, date)) if v}
    ctx = context(state, overrides)
    doc_date = ctx.get(date_code) or None
    number_line = number_text(form, office, ctx.get(number_code))
    header = _header(form, period, office, number_line, doc_date)
    body = number_headings(prune_headings([p for s in form.sections for b in s.blocks
                                           for p in render_block(form, b, ctx)]))
    opening, closing = _opening_and_closing(form, ctx)
    date_text = header.date_line.split(", ", 1)[-1].replace(NBSP, " ")
    doc = form.document
    return Document(
        header=header, title=doc.get("title", "BÁO CÁO"),
        trich_yeu=fill(keep_together_template(doc.get("trich_yeu", "")), ctx),
        body=[_dashes_kept(p) for p in (opening, *body, closing)],
        recipients=_recipients(form, ctx),
        signature=_signature(form, office, ctx),
        appendix=_appendix(state, ctx, number_line, date_text),
        margins=margins or Margins(), number=number_line, date=date_text,
        author=office.name)


def _dashes_kept(para: Paragraph) -> Paragraph:
    return dataclasses.replace(para, runs=[dataclasses.replace(r, text=dash_kept(r.text))
                                           for r in para.runs])


def with_number(form: Form, figures: dict[str, Figure], number: str | None = None,
                date: dt.date | None = None) -> dict[str, Figure]:
    """The figures with the number and date the clerk gave for this copy (not stored)."""
    figures = dict(figures)
    for code, value in ((form.role("number"), number),
                        (form.role("date"), date.isoformat() if date else None)):
        if value:
            figures[code] = Figure(code, value, value)
    return figures


def document_for(session, period: Period | str, state: ReportState | None = None,
                 number: str | None = None, date: dt.date | None = None) -> Document:
    """The document of a period from an open Session, with the office's margins."""
    from .page import get_margins

    state = session.state(period) if state is None else state  # the session reads the period
    return build_document(state, get_margins(session.db), number, date)
