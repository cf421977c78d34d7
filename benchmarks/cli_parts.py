"""Command-line figures as whole processes against their floors: start-up, show, report, import."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

from processes import (PERIOD, ROOT, Result, Skip, alternate, bachthong, compare, floor_script,
                       python, ratio, run_process)

RETURNS = ROOT / "resources" / "demo" / PERIOD / "returns"


def demo_db(folder: Path) -> Path:
    """A database with the demo data, made once per run by the command a user would type."""
    path = folder / "demo.sqlite3"
    if not path.exists():
        run_process(bachthong("--db", str(path), "demo"))
    return path


def office_db(folder: Path) -> Path:
    """A database as a user has it before the first import: the demo's district chosen as the
    office (a new database has none: the user chooses it first), no values, no returns."""
    from bachthong_desktop.core.commune_mode import OFFICE, Mode, set_mode
    from bachthong_desktop.core.session import Session
    from bachthong_desktop.core.units import install_history

    path = folder / "office.sqlite3"
    if not path.exists():
        session = Session(path)
        install_history(session.db)
        set_mode(session.db, Mode(OFFICE))
        session.close()
    return path


def start_up(folder: Path, runs: int) -> list[Result]:
    """`--version`, `--help` against `python -c pass`; `show` against importing sqlite_utils."""
    db = demo_db(folder)
    bare = alternate(lambda i: run_process(bachthong("--version")),
                     lambda i: run_process(python("-c", "pass")), runs)
    helped = alternate(lambda i: run_process(bachthong("--help")),
                       lambda i: run_process(python("-c", "pass")), runs)
    shown = alternate(lambda i: run_process(bachthong("--db", str(db), "show", "--period", PERIOD)),
                      lambda i: run_process(python("-c", "import sqlite_utils")), runs)
    return [compare("`bachthong --version`", *bare, "`python -c pass`", "≤ 3x"),
            compare("`bachthong --help`", *helped, "`python -c pass`", "≤ 3x"),
            compare(f"`bachthong show --period {PERIOD}`", *shown,
                    "`python -c \"import sqlite_utils\"`", "≤ 1.6x")]


def docx_content(path: Path, out: Path) -> Path:
    """The paragraphs and tables of a written .docx, in order, as the plain floor's input."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append({"p": item.text})
        elif isinstance(item, Table):
            blocks.append({"t": [[cell.text for cell in row.cells] for row in item.rows]})
    out.write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")
    return out


def report_docx(folder: Path, runs: int, db: Path | None = None, label: str = "") -> list[Result]:
    """`report -o x.docx` against python-docx writing the same paragraphs and tables plainly."""
    db = db or demo_db(folder)
    target = folder / f"report{label}.docx"
    run_process(bachthong("--db", str(db), "report", "--period", PERIOD, "-o", str(target)))
    content = docx_content(target, folder / f"content{label}.json")
    ours, floor = alternate(
        lambda i: run_process(bachthong("--db", str(db), "report", "--period", PERIOD, "-o",
                                        str(target))),
        lambda i: run_process(floor_script("plain_docx.py", str(content),
                                           str(folder / f"plain{label}.docx"))), runs)
    return [compare(f"`bachthong report -o x.docx`{label}", ours, floor,
                    "python-docx, the same paragraphs and tables as plain text",
                    "" if label else "≤ 1.25x")]


def report_pdf(folder: Path, runs: int, db: Path | None = None, label: str = "") -> list[Result]:
    """`report -o x.pdf` against LibreOffice converting our .docx of the same report."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise Skip("LibreOffice (soffice) is not installed")
    db = db or demo_db(folder)
    source = folder / f"lo-source{label}.docx"
    run_process(bachthong("--db", str(db), "report", "--period", PERIOD, "-o", str(source)))
    convert = [soffice, f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(source)]
    ours, floor = alternate(
        lambda i: run_process(bachthong("--db", str(db), "report", "--period", PERIOD, "-o",
                                        str(folder / f"report{label}.pdf")),
                              {"QT_QPA_PLATFORM": "offscreen"}),
        lambda i: run_process(convert), runs)
    return [compare(f"`bachthong report -o x.pdf`{label}", ours, floor,
                    "LibreOffice converting our .docx (its own process)",
                    "" if label else "≤ 0.3x")]


def import_returns(folder: Path, runs: int, files: list[Path] | None = None,
                   prepared: Path | None = None, label: str = "") -> list[Result]:
    """`bachthong import` of the returns into a copy of `prepared` (by default a database with
    the demo's office and no values) against openpyxl opening the same files, reading every
    cell."""
    files = files if files is not None else sorted(RETURNS.glob("*.xlsx"))
    prepared = prepared or office_db(folder)
    if not files:
        raise Skip(f"no demo returns in {RETURNS.relative_to(ROOT)}")
    listing = [str(f) for f in files]

    def ours(i: int):
        target = folder / f"import{label}-{i + 1}.sqlite3"
        shutil.copyfile(prepared, target)
        return run_process(bachthong("--db", str(target), "import", *listing))

    mine, floor = alternate(ours, lambda i: run_process(floor_script("read_workbooks.py",
                                                                       *listing)), runs)
    where = "a copy of that database" if label else "a database with the office, no values"
    return [compare(f"import the {len(files)} {'demo ' if not label else ''}returns into {where}"
                    f"{label}", mine, floor,
                    f"openpyxl opening the {len(files)} files, reading every cell",
                    "" if label else "≤ 1.4x")]


def bundle(folder: Path, runs: int, where: Path = ROOT / "dist" / "bachthong-desktop"
           ) -> list[Result]:
    """The bundled command line against the one in the virtual environment; the bundle's size."""
    exe = where / ("bachthong.exe" if sys.platform == "win32" else "bachthong")
    if not exe.exists():
        raise Skip(f"no bundle in {where} (build it: pyinstaller --noconfirm build.spec)")
    db = demo_db(folder)
    size = sum(f.stat().st_size for f in where.rglob("*") if f.is_file() and not f.is_symlink())
    env = {"QT_QPA_PLATFORM": "offscreen"}
    results = [Result("size of the bundle", f"{size / 2**20:.0f} MB", "150 MB (target)",
                      ratio(size, 150 * 2**20), "≤ 1x")] + windows_sizes()
    for args in (["--version"], ["--db", str(db), "show", "--period", PERIOD]):
        ours, venv = alternate(lambda i: run_process([str(exe), *args], env),
                               lambda i: run_process(bachthong(*args), env), runs)
        shown = " ".join(a for a in args if a not in ("--db", str(db)))
        results.append(compare(f"bundled `bachthong {shown}`",
                               ours, venv, "the same in the virtual environment", "≤ 1x"))
    return results


def windows_sizes() -> list[Result]:
    """The Windows bundle and installer the last `bash scripts/windows-test.sh` built, if any."""
    work = Path(os.environ.get("BACHTHONG_WINE_WORK") or Path(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bachthong-wine"
        / hashlib.sha1(str(ROOT).encode()).hexdigest()[:10])  # as scripts/windows-env.sh
    folder = work / "dist" / "bachthong-desktop"
    installers = sorted((ROOT / "dist" / "windows").glob("bachthong-ttdn-setup-*.exe"))
    found = []
    if folder.is_dir():
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        found.append(Result("size of the Windows bundle (built under Wine)",
                            f"{size / 2**20:.0f} MB", "", "", ""))
    if installers:
        found.append(Result(f"size of the Windows installer ({installers[-1].name})",
                            f"{installers[-1].stat().st_size / 2**20:.0f} MB", "", "", ""))
    return found
