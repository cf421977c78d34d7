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
        from bachthong_desktop.core.commune_mode import OFFICE, Mode, set_mode
        from bachthong_desktop.exchange.demo_returns import load_demo
        from bachthong_desktop.core.session import Session

        session = Session(path)
        load_demo(session.store)
        set_mode(session.db, Mode(OFFICE))  # as after the first start's question
        session.close()
    return path


RSS = ("import resource, sys\n"
       "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
       "rss_mb = rss / 1024 / (1024 if sys.platform == 'darwin' else 1)\n")


# Marks times since the parent started the process (BENCH_T0): "shown" once the main window's
# first paint has been handled, "ready" once the window says its data is in and has painted it.
WATCH = """
import json, os, sys, time
T0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
marks = {}

class Watch(QObject):
    def __init__(self):
        super().__init__()
        self.window, self.waiting = None, "shown"

    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Paint and self.waiting and obj.isWidgetType()
                and isinstance(obj.window(), QMainWindow)):
            self.window, name, self.waiting = obj.window(), self.waiting, None
            QTimer.singleShot(0, lambda: self.mark(name))
        return False

    def mark(self, name):
        marks[name] = time.time() - T0
        opened = getattr(self.window, "opened", None)
        if name == "shown" and opened is not None:
            if self.window.is_open:  # opened before its first paint: "ready" is the next paint
                self.waiting = "ready"
            else:
                opened.connect(lambda: setattr(self, "waiting", "ready"))
        else:
            self.window.close()

watch = Watch()
app.installEventFilter(watch)
"""


def window_child(code: str, runs: int) -> dict[str, float]:
    """Median seconds from process start to each mark, over `runs` fresh processes."""
    found: dict[str, list[float]] = {}
    info: dict = {}
    for _ in range(runs):
        _, info = child(WATCH + code.replace("\n        ", "\n"), {"BENCH_T0": repr(time.time())})
        for name, value in info["marks"].items():
            found.setdefault(name, []).append(value)
    return {name: statistics.median(values) for name, values in found.items()} | {
        "rss": info["rss"], "tabs": info.get("tabs", 0)}


def window_start(folder: Path, runs: int) -> list[Result]:
    """Process start to the window painted, and to its data shown: ours (`bachthong-desktop` on
    the demo data, as a user starts it) against a bare QMainWindow with as many tabs."""
    db = demo_db(folder)
    ours = window_child(f"""
        from bachthong_desktop.ui.app import run
        code = run(["--db", {str(db)!r}, "--period", {PERIOD!r}])
        {RSS}
        print(json.dumps({{"marks": marks, "rss": rss_mb, "code": code,
                          "tabs": watch.window.tabs.count()}}))
    """, runs)
    bare = window_child(f"""
        from PySide6.QtWidgets import QLabel, QTabWidget
        window = QMainWindow(); tabs = QTabWidget()
        for i in range({ours["tabs"]}):
            tabs.addTab(QLabel(f"Thẻ {{i}}"), f"Thẻ {{i}}")
        window.setCentralWidget(tabs); window.resize(1100, 760)
        window.show(); app.exec()
        {RSS}
        print(json.dumps({{"marks": marks, "rss": rss_mb}}))
    """, runs)
    shown = f"{seconds(bare['shown'])} bare QMainWindow"
    return [Result(f"window shown, {ours['tabs']} tabs (median of {runs} processes)",
                   seconds(ours["shown"]), shown, ratio(ours["shown"], bare["shown"])),
            Result("window with the demo data in its tabs", seconds(ours["ready"]), shown,
                   ratio(ours["ready"], bare["shown"])),
            Result("peak memory (RSS) of the window with the demo data", f"{ours['rss']:.0f} MB",
                   f"{bare['rss']:.0f} MB bare window", ratio(ours["rss"], bare["rss"]))]


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
    command = [soffice, f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless",
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
