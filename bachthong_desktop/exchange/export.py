"""Export the report to a file, and issue it ("bản phát hành"): one path for CLI and window."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Callable

from ..core import wording
from ..core.aggregate import figures_as_json
from ..core.checks import Problem, checks_text, failing_checks
from ..core.errors import UserError
from ..core.issued import IssuedVersion, issue
from ..core.numbers import NumberError, parse_date
from ..core.paths import too_long
from ..core.periods import parse_period
from .document import Document, document_for, with_number

FORMATS = {".docx": "docx", ".pdf": "pdf"}


def format_of(path: str | Path) -> str:
    """"docx" or "pdf" from the file name, or a Vietnamese UserError."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise UserError(f"Không biết ghi tệp “{Path(path).name}”: tên tệp phải có đuôi .docx "
                        "(Word) hoặc .pdf. Xin đặt lại tên tệp.")
    return fmt


def parse_doc_date(text: str | None) -> dt.date | None:
    """The issue date typed as dd/mm/yyyy, or a Vietnamese UserError."""
    try:
        return parse_date(text) if text else None
    except NumberError as exc:
        raise UserError(f"Ngày ban hành không đọc được: {exc.message}") from None


def render(doc: Document, fmt: str, pdf: Callable[[Document], bytes] | None = None) -> bytes:
    """The document's bytes in a format; the PDF renderer (Qt) is passed in by the UI layer."""
    if fmt == "docx":
        from .docx_writer import docx_bytes  # here: a PDF needs no python-docx (~50 ms to load)

        return docx_bytes(doc)
    if pdf is None:
        raise ValueError("a PDF renderer is needed (bachthong_desktop.ui.pdf_file.pdf_bytes)")
    return pdf(doc)


def refuse_if_failing(problems: list[Problem]) -> None:
    """An issued copy only when every check passes: a Vietnamese UserError listing the rest."""
    if problems:
        raise UserError(f"Chưa phát hành được bản chính thức: còn {wording.number(len(problems))} chỗ cần sửa.\n"
                        f"{checks_text(problems)}\nHãy sửa các chỗ này rồi phát hành lại "
                        "(bản nháp thì vẫn xuất được).")


def export(session, period_id: str, path: str | Path, final: bool = False,
           number: str | None = None, date: dt.date | None = None,
           pdf: Callable[[Document], bytes] | None = None
           ) -> tuple[Document, IssuedVersion | None, list[Problem]]:
    """Write the report of a period to path; with final, also store it as an issued version
    (refused, and nothing written, while a check fails). Also returns the failing checks."""
    fmt = format_of(path)
    period = parse_period(period_id)
    state = session.state(period)
    problems = failing_checks(state, date)
    if final:
        refuse_if_failing(problems)
    doc = dataclasses.replace(document_for(session, period, state, number, date),
                              draft=bool(problems))
    figures = with_number(session.form, state.figures, number, date)
    content = render(doc, fmt, pdf)
    try:
        Path(path).write_bytes(content)
    except OSError as exc:
        raise UserError(too_long(path)
                        or f"Không ghi được tệp {path} ({exc.strerror}). Nếu tệp đang mở trong "
                        "Word hoặc trình xem PDF, hãy đóng lại rồi thử lại.") from None
    version = issue_copy(session, period.id, doc, fmt, content, figures) if final else None
    return doc, version, problems


def issue_report(session, period_id: str, fmt: str, number: str | None = None,
                 date: dt.date | None = None,
                 pdf: Callable[[Document], bytes] | None = None) -> IssuedVersion:
    """Render and freeze the report of a period as an issued version, without writing a file."""
    period = parse_period(period_id)
    state = session.state(period)
    refuse_if_failing(failing_checks(state, date))
    doc = document_for(session, period, state, number, date)
    figures = with_number(session.form, state.figures, number, date)
    return issue_copy(session, period.id, doc, fmt, render(doc, fmt, pdf), figures)


def issue_copy(session, period_id: str, doc: Document, fmt: str, content: bytes,
               figures) -> IssuedVersion:
    """Freeze this copy: its bytes, the figures it was made from, its number and date."""
    data = {"period": period_id, "form": {"code": session.form.code,
                                          "version": session.form.version},
            "office": session.office_for(period_id).code, "number": doc.number, "date": doc.date,
            "indicators": figures_as_json(figures, session.form)}
    return issue(session.db, period_id, session.office_for(period_id).code, fmt, content, data,
                 number="" if doc.number.strip().startswith("/") else doc.number.strip(),
                 doc_date=doc.date,
                 file_name=f"bao-cao-ttdn-{period_id}.{fmt}")
