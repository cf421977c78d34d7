"""Floor: python-docx writing given paragraphs and tables as plain text (no styles, no layout).

Usage: plain_docx.py CONTENT.json OUT.docx, CONTENT a list of {"p": text} and {"t": rows}.
"""

import json
import sys

import docx

blocks = json.loads(open(sys.argv[1], encoding="utf-8").read())
document = docx.Document()
for block in blocks:
    if "p" in block:
        document.add_paragraph(block["p"])
        continue
    rows = block["t"]
    table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
    for row, values in zip(table.rows, rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
document.save(sys.argv[2])
