"""Where a stored value came from, as data: the kind of entry, and for an imported value the
file, sheet, cell and return version, each in its own column (never packed into one string)."""

from __future__ import annotations

from dataclasses import dataclass

IMPORTED = "imported"
COLUMNS = ("source", "source_file", "source_sheet", "source_cell", "source_version")


@dataclass(frozen=True)
class Source:
    """The origin of a value: `kind` ("typed", "imported", "demo" …) and, when imported, where."""

    kind: str
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    version: int | None = None

    def row(self) -> tuple:
        """The values of COLUMNS."""
        return (self.kind, self.file, self.sheet, self.cell, self.version)

    @classmethod
    def of(cls, kind_or_source: str | Source) -> Source:
        return kind_or_source if isinstance(kind_or_source, Source) else cls(kind_or_source)

    @classmethod
    def from_row(cls, row: dict) -> Source:
        return cls(row["source"], row.get("source_file"), row.get("source_sheet"),
                   row.get("source_cell"), row.get("source_version"))


def imported_from(file_name: str, sheet: str, cell: str, version: int | None = None) -> Source:
    return Source(IMPORTED, file_name, sheet, cell, version)
