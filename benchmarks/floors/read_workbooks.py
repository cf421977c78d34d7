"""Floor: openpyxl opening each .xlsx given (or in a folder given) and reading every cell."""

import sys
from pathlib import Path

from openpyxl import load_workbook

files = []
for arg in map(Path, sys.argv[1:]):
    files += sorted(arg.glob("*.xlsx")) if arg.is_dir() else [arg]
cells = 0
for path in files:
    book = load_workbook(path, data_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
    book.close()
print(f"{len(files)} files, {cells} cells")
