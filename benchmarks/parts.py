"""Benchmark parts of the window (whole processes, alternated) and in-process figures named so."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from cli_parts import demo_db
from processes import HERE, PERIOD, ROOT, Result, Skip, ratio, seconds


def _python_path() -> str:
    """The project and this folder first, so children import the same code as this run."""
    extra = [p for p in [os.environ.get("PYTHONPATH")] if p]
    return os.pathsep.join([str(ROOT), str(HERE)] + extra)


def median_call(function, runs: int) -> float:
    function()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


RSS = ("import resource, sys\n"
       "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
       "rss_mb = rss / 1024 / (1024 if sys.platform == 'darwin' else 1)\n")


# Marks times since the parent started the process (BENCH_T0): "shown" once the main window's
# first paint has been handled, "ready" once the window says its data is in and has painted it;
# then each other tab clicked once ("tab:NAME": from the click to its first paint handled).
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
            if name == "ready":
                self.click_tabs(self.window.tabs)
            self.window.close()

    def click_tabs(self, tabs):
        first = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != first:
                started = time.perf_counter()
                tabs.setCurrentIndex(index)
                tabs.currentWidget().repaint()  # built and painted, as on screen
                app.processEvents()
                marks["tab:" + tabs.tabText(index)] = time.perf_counter() - started

watch = Watch()
app.installEventFilter(watch)
"""


def window_code(code: str) -> list[str]:
    return [sys.executable, "-c", WATCH + code.replace("\n        ", "\n")]


def window_run(command: list[str]) -> dict:
    """One window process: its marks (seconds) and peak memory."""
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "BENCH_T0": repr(started),
                               "PYTHONPATH": _python_path()})
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    return json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])


def window_start(folder: Path, runs: int, db: Path | None = None, label: str = "") -> list[Result]:
    """Process start to the window painted, and to its first tab's data shown: ours
    (`bachthong-desktop` as a user starts it) against a bare QMainWindow with as many tabs,
    processes alternated; then each other tab's first click."""
    db = db or demo_db(folder)
    ours_code = window_code(f"""
        from bachthong_desktop.ui.app import run
        code = run(["--db", {str(db)!r}, "--period", {PERIOD!r}])
        {RSS}
        print(json.dumps({{"marks": marks, "rss": rss_mb, "tabs": watch.window.tabs.count()}}))
    """)
    tabs = window_run(ours_code)["tabs"]
    bare_code = window_code(f"""
        from PySide6.QtWidgets import QLabel, QTabWidget
        window = QMainWindow(); tabs = QTabWidget()
        for i in range({tabs}):
            tabs.addTab(QLabel(f"Thẻ {{i}}"), f"Thẻ {{i}}")
        window.setCentralWidget(tabs); window.resize(1100, 760)
        window.show(); app.exec()
        {RSS}
        print(json.dumps({{"marks": marks, "rss": rss_mb}}))
    """)
    ours, bare = [], []
    for i in range(runs):
        pair = [(ours_code, ours), (bare_code, bare)]
        for code, found in (pair if i % 2 == 0 else pair[::-1]):
            found.append(window_run(code))
    mark = lambda found, name: statistics.median(r["marks"][name] for r in found)  # noqa: E731
    shown = f"{seconds(mark(bare, 'shown'))} bare QMainWindow, {tabs} tabs"
    clicks = {name[4:]: mark(ours, name) for name in ours[0]["marks"] if name.startswith("tab:")}
    slowest = max(clicks, key=clicks.get) if clicks else None
    rss = (max(r["rss"] for r in ours), max(r["rss"] for r in bare))
    results = [
        Result(f"window shown{label}", seconds(mark(ours, "shown")), shown,
               ratio(mark(ours, "shown"), mark(bare, "shown"))),
        Result(f"window with its first tab's data{label}", seconds(mark(ours, "ready")), shown,
               ratio(mark(ours, "ready"), mark(bare, "shown")), "" if label else "≤ 1.9x"),
        Result(f"peak memory (RSS) of the window with its data{label}", f"{rss[0]:.0f} MB",
               f"{rss[1]:.0f} MB bare window", ratio(*rss))]
    if slowest:
        others = ", ".join(f"{name} {seconds(value)}" for name, value in clicks.items())
        results.append(Result(f"slowest other tab, first click{label} ({others})",
                              f"{seconds(clicks[slowest])} ({slowest})", "150 ms (target)",
                              ratio(clicks[slowest], 0.150), "" if label else "≤ 1x"))
    return results


def docx_build(folder: Path, runs: int) -> list[Result]:
    """In-process: the writer alone on the compiled report, against python-docx writing the
    same paragraphs plainly (both warm, inside one process)."""
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
    base = median_call(plain, runs)
    session.close()
    return [Result("in-process: the Word writer alone (warm)", seconds(ours),
                   seconds(base) + " python-docx, same text unformatted (warm)", ratio(ours, base))]


def edit_save(folder: Path, runs: int) -> list[Result]:
    """One edit saved (Store.set: value + history, atomic) against a bare SQLite upsert."""
    import sqlite3

    from bachthong_desktop.core.session import Session

    path = folder / "save.sqlite3"  # a copy: the other parts keep the demo data as it is
    shutil.copyfile(demo_db(folder), path)
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
