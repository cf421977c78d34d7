"""The report as one document model, built from the definition and the compiled figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..core.aggregate import Figure
from ..core.definition import Block, Form
from ..core.numbers import date_line, format_date_d30
from ..core.periods import Period, parse_period
from ..core.units import Unit
from ..core.values import as_date
from .inline import Run, fill, parse_inline
from .page import Margins

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NUMBER_BLANK = "      "


@dataclass
class Paragraph:
    """One paragraph: style is heading1/heading2/heading3/body/item."""

    style: str
    runs: list[Run]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


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

    @property
    def wide(self) -> bool:
        return len(self.columns) > 6


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

    def paragraphs_text(self) -> list[str]:
        """Every line of text in reading order (for tests and search)."""
        h = self.header
        lines = [h.parent_body, *h.issuer_lines, h.number_line, h.nation, h.motto, h.date_line,
                 self.title, self.trich_yeu, *(p.text for p in self.body),
                 self.recipients.heading, self.recipients.note,
                 *(f"- {i}" for i in self.recipients.items), *self.signature.lines,
                 self.signature.name]
        return [line for line in lines if line]


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


def context(form: Form, period: Period, office: Unit, figures: dict[str, Figure]) -> dict:
    """Every word a template may use: field values, counts of tables, period and office words."""
    words = form.period_words[period.kind]
    years = {"year": period.year, "next_year": period.year + 1}
    ctx: dict[str, Any] = {k: str(v).format(**years) for k, v in words.items()
                           if isinstance(v, str)}
    ctx.update(years, cutoff_start=format_date_d30(period.cutoff_start),
               cutoff_end=format_date_d30(period.cutoff_end), office_short=office.short_name or "",
               office_level=office.level_word or "", province=office.province or "",
               place=office.place or "")
    for code, fig in figures.items():
        ctx[code] = _plain_value(form, code, fig.value)
        if form.field(code).kind == "table":
            ctx[f"count_{code}"] = len(fig.value or [])
    return ctx


def _record_text(form: Form, block: Block, row: dict) -> str:
    if row.get("description"):
        return row["description"]
    cols = {c.code: c for c in form.field(block.field).columns}
    values = {k: (as_date(v) if k in cols and cols[k].kind == "date" and isinstance(v, str) else v)
              for k, v in row.items()}
    return fill(block.template, values)


def _para(style: str, text: str) -> Paragraph:
    return Paragraph(style, parse_inline(text))


def render_block(form: Form, block: Block, ctx: dict) -> list[Paragraph]:
    """The paragraphs one block of the definition prints."""
    value = ctx.get(block.field) if block.field else None
    if block.kind == "heading":
        text = fill(block.template, ctx)
        return [_para(f"heading{block.level or 1}", text.upper() if block.level <= 1 else text)]
    if block.kind == "paragraph":
        return [_para("body", fill(block.template, ctx))]
    if block.kind == "text":
        return [_para("body", line) for line in str(value or "").splitlines() if line.strip()]
    if block.kind == "bullets":
        return [_para("body", f"{block.prefix or '- '}{item}") for item in value or []]
    if block.kind == "numbered":
        out = []
        for i, item in enumerate(value or [], 1):
            out.append(_para("body", f"{i}. {item['text']}"))
            out += [_para("item", f"- {child}") for child in item.get("children", [])]
        return out
    if block.kind == "records":
        return [_para("body", block.prefix + _record_text(form, block, row)) for row in value or []]
    return []


def _number_text(form: Form, office: Unit, number: str | None) -> str:
    suffix = f"/{form.doc_symbol}-{office.doc_issuer_code or 'UBND'}"
    number = (number or "").strip()
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
        number_line="Số:" + (number if number.startswith(" ") else f" {number}"), nation=NATION, motto=MOTTO,
        date_line=date_line(office.place or "", doc_date, month, year))


def _signature(form: Form, office: Unit, ctx: dict) -> Signature:
    def value(code: str) -> str:
        own = ctx.get(code)
        default = form.field(code).default_from if form.has_field(code) else code
        return own if own else (getattr(office, default or code, "") or "")
    lines = [value(c) for c in ("signer_authority", "signer_deputy", "signer_title")]
    return Signature([line.upper() for line in lines if line], value("signer_name"))


def _appendix(form, period, office, units, figures, number, date_text) -> Appendix | None:
    fields = [f for f in form.unit_fields() if f.kind == "count" and f.code in figures]
    if not fields or not units:
        return None
    columns = ["STT", "Xã, thị trấn", *(f"{f.label} ({f.unit})" if f.unit else f.label
                                        for f in fields)]
    rows = []
    for i, unit in enumerate(units, 1):
        cells = [figures[f.code].by_unit.get(unit.code) for f in fields]
        rows.append([str(i), unit.name, *("" if c is None else str(c) for c in cells)])
    ctx = context(form, period, office, figures)
    return Appendix(
        heading="Phụ lục", title=fill(form.document.get("appendix_title", ""), ctx).upper(),
        note=f"(Kèm theo Báo cáo số {number} {date_text} của {office.short_name})",
        columns=columns, rows=rows, totals=_appendix_totals([figures[f.code] for f in fields]))


def _appendix_totals(figures: list[Figure]) -> list[list[str]]:
    """The rows' sum ("Tổng cộng"); where the office changed a total, the sum is "Cộng các xã,
    thị trấn" and a "Tổng cộng theo báo cáo" row gives the figures the report's text uses."""
    sums = [str(sum(v for v in fig.by_unit.values() if v is not None)) for fig in figures]
    if not any(fig.overridden for fig in figures):
        return [["", "Tổng cộng", *sums]]
    reported = ["" if fig.value is None else str(fig.value) for fig in figures]
    return [["", "Cộng các xã, thị trấn", *sums], ["", "Tổng cộng theo báo cáo", *reported]]


def build_document(form: Form, period: Period | str, office: Unit, units: list[Unit],
                   figures: dict[str, Figure], margins: Margins | None = None) -> Document:
    """The whole report for a period: content only, no layout."""
    period = parse_period(str(period))
    ctx = context(form, period, office, figures)
    doc_date = ctx.get("doc_date")
    number = _number_text(form, office, ctx.get("doc_number"))
    header = _header(form, period, office, number, doc_date)
    body = [p for s in form.sections for b in s.blocks for p in render_block(form, b, ctx)]
    date_text = header.date_line.split(", ", 1)[-1]
    doc = form.document
    return Document(
        header=header, title=doc.get("title", "BÁO CÁO"),
        trich_yeu=fill(doc.get("trich_yeu", ""), ctx),
        body=[_para("body", fill(doc["opening"], ctx)), *body,
              _para("body", fill(doc["closing"], ctx))],
        recipients=Recipients("Nơi nhận:", ctx.get("recipients_note") or "",
                              [str(i).removeprefix("- ") for i in ctx.get("recipients") or []]),
        signature=_signature(form, office, ctx),
        appendix=_appendix(form, period, office, units, figures, number, date_text),
        margins=margins or Margins(), number=number, date=date_text)


def with_number(figures: dict[str, Figure], number: str | None = None,
                date: dt.date | None = None) -> dict[str, Figure]:
    """The figures with the number and date the clerk gave for this copy (not stored)."""
    figures = dict(figures)
    if number:
        figures["doc_number"] = Figure("doc_number", number, number)
    if date:
        figures["doc_date"] = Figure("doc_date", date.isoformat(), date.isoformat())
    return figures


def document_for(session, period: Period | str, figures: dict[str, Figure] | None = None
                 ) -> Document:
    """The document of a period from an open Session, with the office's margins."""
    from .page import get_margins

    period = parse_period(str(period))
    figures = session.compile(period) if figures is None else figures
    return build_document(session.form, period, session.office, session.units(period),
                          figures, get_margins(session.db))
