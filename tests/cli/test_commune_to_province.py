"""A commune with no units, end to end by the command line: it sets itself up, enters every
field it fills, prints (PDF); every figure and text is on its pages; it sends its return up;
its province imports it, and the province's appendix row and body sentences carry the same
figures."""

import re
import subprocess

from bachthong_desktop.core import wording
from bachthong_desktop.core.definition import load_form
from bachthong_desktop.core.definition_check import level_fills
from bachthong_desktop.core.session import Session
from bachthong_desktop.exchange.document import document_for

from cli_helpers import run

PERIOD = "2026-H1"
COMMUNE, PROVINCE = "02683", "15"  # Xã Bát Xát, Tỉnh Lào Cai
PROJECT = {"name": "Nước sạch vùng cao", "donor": "Plan International", "country": "Anh",
           "communes": "Xã Bát Xát", "villages": "Bản Mường Hum", "start": "2026-01-05",
           "end": "2027-12-31", "purpose": "cấp nước sạch cho bản", "status": "Đang triển khai"}


def value_for(f, i: int) -> tuple[str, list[str]]:
    """What `bachthong set` is given for a field, and the words the pages must then show."""
    if f.kind == "count":
        return str(500 + i), [str(500 + i)]
    if f.kind == "date":  # in a sentence, or in the header's date line
        day, month = 1 + i % 27, 1 + i % 9
        return f"{day:02d}/{month:02d}/2026", [(f"{day}/{month}/2026",
                                               f"ngày {day:02d} tháng {month:02d} năm 2026")]
    if f.code == "doc_number":
        return "45", ["45/BC-UBND"]
    if f.kind in ("list", "nested_list"):
        return f"ý thứ nhất số {i}\nÝ thứ hai số {i}", [f"ý thứ nhất số {i}", f"ý thứ hai số {i}"]
    return f"nội dung riêng số {i}", [f"nội dung riêng số {i}"]


def pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).lower()


def test_a_commune_without_units_prints_everything_and_its_province_gets_it(
        capsys, tmp_path, require_tool):
    require_tool("pdftotext", "poppler-utils")
    commune_db, province_db = str(tmp_path / "xa.sqlite3"), str(tmp_path / "tinh.sqlite3")
    assert run(capsys, "--db", commune_db, "units", "office", COMMUNE)[0] == 0
    expected, counts = {}, {}
    for i, f in enumerate(level_fills(load_form(), "xã")):
        if f.kind == "table":
            continue  # a table is typed in the window: stored below as the window stores it
        typed, shown = value_for(f, i)
        code, _, err = run(capsys, "--db", commune_db, "set", "--period", PERIOD, f.code, typed)
        assert code == 0, err
        expected[f.code] = shown
        if f.kind == "count" and f.from_units:
            counts[f.code] = int(typed)
    session = Session(commune_db)
    session.store.set_many(PERIOD, COMMUNE, {"ngo_projects": [PROJECT]}, "office")
    session.close()
    expected["ngo_projects"] = [PROJECT["name"], PROJECT["donor"], PROJECT["purpose"],
                                "mường hum", "05/01/2026", "31/12/2027"]

    pdf = tmp_path / "xa.pdf"
    assert run(capsys, "--db", commune_db, "report", "--period", PERIOD, "-o", str(pdf))[0] == 0
    pages = pdf_text(pdf)
    lost = {code: shown for code, shown in expected.items()
            if not all(any(form.lower() in pages for form in (s if isinstance(s, tuple) else (s,)))
                       for s in shown)}
    assert lost == {}, pages

    up = tmp_path / "len-tinh.xlsx"
    assert run(capsys, "--db", commune_db, "send", "--period", PERIOD, "-o", str(up))[0] == 0
    assert run(capsys, "--db", province_db, "units", "office", PROVINCE)[0] == 0
    code, out, err = run(capsys, "--db", province_db, "import", str(up))
    assert code == 0, out + err

    province = Session(province_db)
    try:
        doc = document_for(province, PERIOD)
    finally:
        province.close()
    row = next(r for r in doc.appendix.rows if r[1] == "Xã Bát Xát")
    columns = [c.split(" (")[0] for c in doc.appendix.columns]
    body = "\n".join(p.text for p in doc.body).replace("\xa0", " ")
    form = load_form()
    for field_code, typed in counts.items():
        f = form.field(field_code)
        assert row[columns.index(f.label)] == wording.number(typed), field_code
        assert f"{typed} {f.unit}" in body, field_code  # the communes' total, one commune
    assert "Nước sạch vùng cao" in body
    assert "Xã Bát Xát: ý thứ nhất số" in body  # its difficulties, as the province's for now
