"""The appendix as a clerk expects it: the units that reported, a line for those that have
not (no table of 54 blank rows when none has), its title's period on one line, and one rule
for the numbers of its table; read back from our PDF and LibreOffice's rendering."""

import re
import subprocess

from bachthong_desktop.cli import main
from bachthong_desktop.core import wording
from bachthong_desktop.exchange.document import document_for

RECEIVED_ALL = ["rebuttal_turns", "rebuttal_accounts"]


def page_texts(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_one_rule_for_the_numbers_of_a_table(demo_session):
    assert [wording.table_number(v) for v in (7, 999, 1000, 2940, 11649, -1772, 3.5)] == [
        "7", "999", "1.000", "2.940", "11.649", "-1.772", "3,5"]
    assert wording.number(2940) == "2940"  # sentences keep the reference's "1086"
    appendix = document_for(demo_session, "2023-H1").appendix  # no figure reaches 10 000
    assert "1086" in appendix.totals[0] and "2.940" not in str(appendix.rows)


def test_only_the_units_that_reported_and_a_line_for_the_rest(demo_session):
    units = demo_session.units("2023-H1")
    for unit in units[:2]:  # two communes have sent nothing
        demo_session.store.clear("2023-H1", unit.code, [
            code for code in demo_session.store.values("2023-H1", unit.code)], "typed")
    demo_session.store.set("2023-H1", units[2].code, "rebuttal_turns", 2940)
    demo_session.store.set("2023-H1", units[3].code, "rebuttal_turns", 11649)
    appendix = document_for(demo_session, "2023-H1").appendix
    assert [row[1] for row in appendix.rows] == [u.name for u in units[2:]]
    assert [row[0] for row in appendix.rows] == [str(i) for i in range(1, 13)]
    assert appendix.absent == (f"Các xã, thị trấn chưa gửi báo cáo: {units[0].name}, "
                               f"{units[1].name}.")
    column = appendix.columns.index(next(c for c in appendix.columns if "đấu tranh" in c))
    cells = [row[column] for row in appendix.rows]
    assert "2.940" in cells and "11.649" in cells
    everything = [c for row in appendix.rows + appendix.totals for c in row[2:]]
    assert all(not re.fullmatch(r"\d{4,}", c) for c in everything)  # "2.940", never "2940"


def test_a_province_no_unit_has_reported_to(qapp, new_db_path, tmp_path, require_tool):
    soffice = require_tool("soffice", "libreoffice-writer-nogui")
    require_tool("pdftotext", "poppler-utils")
    db = str(new_db_path)
    assert main(["--db", db, "units", "office", "22"]) == 0  # Quảng Ninh: 54 units
    for suffix in ("pdf", "docx"):
        assert main(["--db", db, "report", "--period", "2026-H1",
                     "-o", str(tmp_path / f"r.{suffix}")]) == 0
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"),
                    str(tmp_path / "r.docx")], capture_output=True, timeout=300, check=True)
    counts = set()
    for pdf in (tmp_path / "r.pdf", tmp_path / "lo" / "r.pdf"):
        pages = page_texts(pdf)
        appendix = next(p for p in pages if "Phụ lục" in p)
        assert "Chưa có xã, phường, đặc khu nào gửi báo cáo." in " ".join(appendix.split())
        assert "STT" not in appendix and "Tổng cộng" not in appendix, pdf
        title = next(line for line in appendix.splitlines() if "6 THÁNG" in line)
        assert "6 THÁNG ĐẦU NĂM 2026" in " ".join(title.split()), (pdf, title)
        counts.add(len(pages))
        sizes = subprocess.run(["pdfinfo", "-f", "2", "-l", "2", str(pdf)], capture_output=True,
                               text=True, check=True).stdout
        assert re.search(r"Page\s+2 size:\s+595(\.\d+)? x 84[12]", sizes), sizes  # A4 upright
    assert counts == {2}  # the report's page and the appendix's
