"""What the import looks for in a return: its headers, its hidden sheet, which fields have
which cells. Shared by the template's writer (xlsx_template) and the reader, without openpyxl
(the reader does not need it, and importing it costs a command-line import a tenth of a second).
"""

from __future__ import annotations

from ..core.definition import Field, Form

# Headers the importer looks for; a commune may move them anywhere.
CODE_HEADER = "Mã chỉ tiêu"
VALUE_HEADER = "Số liệu"
TEXT_HEADER = "Nội dung"
META_SHEET = "_meta"


def value_fields(form: Form) -> list[Field]:
    """The fields with one value cell on the return sheet."""
    return [f for f in form.unit_fields() if f.kind in ("count", "yesno", "date", "text")]


def text_fields(form: Form) -> list[Field]:
    return [f for f in form.unit_fields() if f.kind in ("longtext", "list", "nested_list")]


def table_fields(form: Form) -> list[Field]:
    return [f for f in form.unit_fields() if f.kind == "table"]


def unit_columns(field: Field):
    return [c for c in field.columns if "units" in c.reporters]
