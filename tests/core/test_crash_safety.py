"""Power cuts: a process killed at random moments leaves a sound database, each write whole."""

import random
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.definition import load_form

KILLS = 15
PERIOD = "2023-H1"
UNIT = "063"


def count_fields():
    return [f.code for f in load_form("ttdn").fields if f.kind == "count"
            and "office" in f.reporters][:6]


def run_and_kill(script: str, rng: random.Random) -> None:
    """Start a child that prints "ready" then writes in a loop; kill it after a random delay."""
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
    finally:
        child.kill()  # SIGKILL here, TerminateProcess on Windows
        child.wait()


def assert_sound(db_path) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    open_db(db_path).conn.close()  # and the program itself opens it without complaint
    return conn


def test_killed_while_saving_edits(db_path):
    fields = count_fields()
    open_db(db_path).conn.close()
    script = textwrap.dedent(f"""
        from bachthong_desktop.core.session import Session
        s = Session({str(db_path)!r})
        fields = {fields!r}
        n = s.store.get({PERIOD!r}, {UNIT!r}, fields[0]) or 0
        print("ready", flush=True)
        while True:
            n += 1
            s.store.set_many({PERIOD!r}, {UNIT!r}, {{f: n for f in fields}})
    """)
    rng = random.Random(20230630)
    last = 0
    for _ in range(KILLS):
        run_and_kill(script, rng)
        conn = assert_sound(db_path)
        rows = conn.execute("select field, value from report_values where period = ? and "
                            "unit_code = ?", [PERIOD, UNIT]).fetchall()
        history = conn.execute("select count(*) from value_history").fetchone()[0]
        conn.close()
        values = {int(v) for _, v in rows}
        assert len(values) <= 1, f"a save was cut in half: {rows}"
        if rows:
            assert len(rows) == len(fields)
            assert values.pop() >= last
            last = int(rows[0][1])
            assert history == last * len(fields)  # each change has its history entry
    assert last > KILLS, "the child hardly saved anything before being killed"


def test_killed_while_importing_returns(db_path):
    """Each return is stored whole or not at all, whatever moment the process dies."""
    from bachthong_desktop.core.demo import demo_dir
    from bachthong_desktop.core.values import from_json

    files = sorted((demo_dir(PERIOD) / "returns").glob("*.xlsx"))
    assert len(files) == 14, files  # the demo's communes' returns
    open_db(db_path).conn.close()
    script = textwrap.dedent(f"""
        from bachthong_desktop.core.session import Session
        from bachthong_desktop.exchange.importer import import_files
        s = Session({str(db_path)!r})
        files = {[str(f) for f in files]!r}
        print("ready", flush=True)
        while True:
            import_files(s.store, files)
            with s.db.atomic():  # start again: every file will be imported anew
                s.db.execute("delete from returns where period = ?", [{PERIOD!r}])
                s.db.execute("delete from report_values where period = ?", [{PERIOD!r}])
    """)
    rng = random.Random(20231231)
    seen_complete = 0
    for _ in range(KILLS):
        run_and_kill(script, rng)
        conn = assert_sound(db_path)
        stored = {}
        for unit, field, value in conn.execute(
                "select unit_code, field, value from report_values where period = ?", [PERIOD]):
            stored.setdefault(unit, {})[field] = from_json(value)
        current = {unit: from_json(values) for unit, values in conn.execute(
            "select unit_code, values_json from returns where period = ? and status = 'current'",
            [PERIOD])}
        conn.close()
        for unit in set(stored) | set(current):
            expected = {k: v for k, v in (current.get(unit) or {}).items() if v is not None}
            assert stored.get(unit, {}) == expected, f"return of {unit} is half stored"
        seen_complete += len(current)
    assert seen_complete > 0, "the child never finished importing a single return"
