"""Benchmark parts (window, documents, saving) and helpers; each part returns Results or raises Skip."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PERIOD = "2023-H1"


class Skip(Exception):
    """A part cannot run here (its dependency is not there yet)."""


@dataclass
class Result:
    name: str
    ours: str
    baseline: str
    ratio: str


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}x" if base else "-"


def child(code: str, env: dict | None = None) -> tuple[float, dict]:
    """Run Python code in a fresh process; (wall seconds, the JSON it printed last)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **(env or {}),
                                                    "PYTHONPATH": _python_path()}, timeout=600)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return wall, json.loads(lines[-1]) if lines else {}


def _python_path() -> str:
    """The project and this folder first, so children import the same code as this run."""
    here = [str(ROOT), str(Path(__file__).resolve().parent)]
    return os.pathsep.join(here + [p for p in [os.environ.get("PYTHONPATH")] if p])


def median_child(code: str, runs: int, env: dict | None = None) -> tuple[float, dict]:
    """Median wall time of several fresh processes (the last one's JSON)."""
    walls, info = [], {}
    for _ in range(runs):
        wall, info = child(code, env)
        walls.append(wall)
    return statistics.median(walls), info


def median_call(function, runs: int) -> float:
    function()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def demo_db(folder: Path) -> Path:
    """A database with the demo data (made once per run)."""
    path = folder / "demo.sqlite3"
    if not path.exists():
        from bachthong_desktop.core.demo import load_demo
        from bachthong_desktop.core.session import Session

        session = Session(path)
        load_demo(session.store)
        session.close()
    return path


RSS = ("import resource, sys\n"
       "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
       "rss_mb = rss / 1024 / (1024 if sys.platform == 'darwin' else 1)\n")


def window_start(folder: Path, runs: int) -> list[Result]:
    """Process start to the window painted: ours (demo data) against a bare window, same tabs."""
    db = demo_db(folder)
    ours_code = f"""
        import json
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from bachthong_desktop.core.session import Session
        from bachthong_desktop.ui.selftest import open_main_window, tab_count
        window = open_main_window(Session({str(db)!r}), {PERIOD!r})
        window.show(); app.processEvents(); window.grab()
        {RSS}
        print(json.dumps({{"tabs": tab_count(window), "rss": rss_mb}}))
    """
    ours, info = median_child(ours_code.replace("\n        ", "\n"), runs)
    tabs = info["tabs"]
    bare_code = f"""
        import json
        from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget
        app = QApplication([])
        window = QMainWindow(); tabs = QTabWidget()
        for i in range({tabs}):
            tabs.addTab(QLabel(f"Thẻ {{i}}"), f"Thẻ {{i}}")
        window.setCentralWidget(tabs); window.resize(1100, 760)
        window.show(); app.processEvents(); window.grab()
        {RSS}
        print(json.dumps({{"rss": rss_mb}}))
    """
    bare, bare_info = median_child(bare_code.replace("\n        ", "\n"), runs)
    return [Result(f"window start, {tabs} tabs (median of {runs} processes)", seconds(ours),
                   seconds(bare) + " bare QMainWindow", ratio(ours, bare)),
            Result("peak memory (RSS) of the window with the demo data", f"{info['rss']:.0f} MB",
                   f"{bare_info['rss']:.0f} MB bare window", ratio(info["rss"], bare_info["rss"]))]


def docx_build(folder: Path, runs: int) -> list[Result]:
    """The reference report as .docx against python-docx writing the same text plainly."""
    try:
        from bachthong_desktop.exchange.docx_writer import docx_bytes
        from bachthong_desktop.exchange.document import document_for
    except ImportError as exc:
        raise Skip(f"report document not there yet: {exc}") from exc
    import io

    import docx

    from bachthong_desktop.core.session import Session

    session = Session(demo_db(folder))
    doc = document_for(session, PERIOD)

    def plain():
        out = docx.Document()
        for text in doc.paragraphs_text():
            out.add_paragraph(text)
        out.save(io.BytesIO())

    ours = median_call(lambda: docx_bytes(doc), runs)
    compiled = median_call(lambda: docx_bytes(document_for(session, PERIOD)), runs)
    base = median_call(plain, runs)
    session.close()
    return [Result("reference report .docx (write)", seconds(ours),
                   seconds(base) + " python-docx, same text unformatted", ratio(ours, base)),
            Result("reference report .docx (compile figures + write)", seconds(compiled),
                   seconds(base) + " python-docx, same text unformatted", ratio(compiled, base))]


def pdf_vs_libreoffice(folder: Path, runs: int) -> list[Result]:
    """Our PDF (Qt) against LibreOffice converting the same report's .docx."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise Skip("LibreOffice (soffice) is not installed")
    try:
        from bachthong_desktop.exchange.docx_writer import write_docx
        from bachthong_desktop.exchange.document import document_for
        from bachthong_desktop.ui.printing import write_pdf
    except ImportError as exc:
        raise Skip(f"report document/printing not there yet: {exc}") from exc
    from bachthong_desktop.core.session import Session

    session = Session(demo_db(folder))
    doc = document_for(session, PERIOD)
    session.close()
    write_docx(doc, folder / "report.docx")
    ours = median_call(lambda: write_pdf(doc, folder / "ours.pdf"), runs)
    cold_code = f"""
        from bachthong_desktop.core.session import Session
        from bachthong_desktop.exchange.document import document_for
        from bachthong_desktop.ui.printing import write_pdf
        write_pdf(document_for(Session({str(demo_db(folder))!r}), {PERIOD!r}),
                  {str(folder / 'cold.pdf')!r})
    """
    cold, _ = median_child(cold_code, runs)
    command = [soffice, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(folder / "report.docx")]
    subprocess.run(command, capture_output=True, timeout=300)  # first run makes the profile
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, timeout=300, check=True)
        times.append(time.perf_counter() - started)
    lo = statistics.median(times)
    return [Result("report PDF, in the running program", seconds(ours),
                   seconds(lo) + " LibreOffice .docx->PDF", ratio(ours, lo)),
            Result("report PDF, fresh process (import + compile + PDF)", seconds(cold),
                   seconds(lo) + " LibreOffice .docx->PDF", ratio(cold, lo))]


def edit_save(folder: Path, runs: int) -> list[Result]:
    """One edit saved (Store.set: value + history, atomic) against a bare SQLite upsert."""
    import sqlite3

    from bachthong_desktop.core.session import Session

    path = demo_db(folder)
    session = Session(path)
    counter = iter(range(10**9))
    count = max(runs * 10, 50)
    ours = median_call(lambda: session.store.set(PERIOD, "063", "tv_news_programs",
                                                 next(counter)), count)
    session.close()
    conn = sqlite3.connect(path)
    conn.execute("create table if not exists bench (k text primary key, v text)")

    def bare():
        with conn:
            conn.execute("insert or replace into bench values ('k', ?)", [next(counter)])

    base = median_call(bare, count)
    conn.close()
    return [Result(f"one edit saved (median of {count})", f"{ours * 1000:.2f} ms",
                   f"{base * 1000:.2f} ms bare SQLite upsert", ratio(ours, base))]
