"""Concurrent use and read-only access, through the real CLI and extractor.

- A second writer, or any reader, while an ingest holds the database gets
  one line naming the file and the holding process: no traceback.
- `warstats sql` runs only statements that read: no INSERT, DROP, COPY ...
  TO, ATTACH, SET; and it never creates a database file that is not there.
- Values from the command line reach SQL as bound parameters: a --metric
  holding SQL is an unknown metric, and the tables are still there.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import cli

WARSTATS = Path(sys.executable).parent / "warstats"
DUCKDB_CLI = Path(sys.executable).parent / "duckdb"
ARTICLES = [
    {"id": "raid", "text": "Russia launched 40 drones overnight; air defence shot down "
                           "31 of them, the Ukrainian Air Force said.",
     "published": "2025-03-03"},
    {"id": "swap", "text": "Ukraine and Russia exchanged 150 prisoners of war on Friday.",
     "published": "2025-03-07"},
]


def warstats(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def write_articles(path: Path, rows=ARTICLES) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture(scope="module")
def loaded_once(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("loaded")
    db = folder / "w.duckdb"
    result = warstats(db, "ingest", write_articles(folder / "a.jsonl"), "-q")
    assert result.exit_code == 0, result.output
    assert not Path(f"{db}.wal").exists()
    return db


@pytest.fixture
def loaded(tmp_path, loaded_once) -> Path:
    """A database with ARTICLES ingested (3 facts), a copy for each test."""
    db = tmp_path / "w.duckdb"
    shutil.copy(loaded_once, db)
    return db


def n_facts(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from facts").fetchone()[0]
    finally:
        con.close()


# -- a second writer, readers ------------------------------------------------------

class RunningIngest:
    """A real `warstats ingest` that holds the database: it reads a named
    pipe and waits there until `finish` writes an article into it."""

    def __init__(self, db: Path, fifo: Path):
        os.mkfifo(fifo)
        self.process = subprocess.Popen(
            [str(WARSTATS), "--db", str(db), "ingest", str(fifo), "-q", "-j", "1"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.pid = self.process.pid
        # The pipe gets a reader once the ingest has opened the database,
        # started its run and begun to read its sources: poll for that
        # without touching the database (a probe would take a lock too).
        for _ in range(1200):
            try:
                self.pipe = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                return
            except OSError:
                assert self.process.poll() is None, self.process.communicate()
                time.sleep(0.05)
        self.process.kill()
        pytest.fail("the ingest never started reading its source")

    def finish(self) -> tuple[int, str]:
        if self.pipe is not None:
            line = json.dumps({"id": "late", "text": "Russia launched 9 drones overnight."})
            os.write(self.pipe, (line + "\n").encode())
            os.close(self.pipe)
            self.pipe = None
        try:
            out, err = self.process.communicate(timeout=60)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        return self.process.returncode, out + err


@pytest.fixture
def running_ingest(tmp_path, loaded):
    holder = RunningIngest(loaded, tmp_path / "slow.jsonl")
    yield holder
    holder.finish()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", [
    ["ingest", "SOURCE", "-q"],
    ["sql", "select count(*) from facts"],
    ["report", "--out", "OUT"],
], ids=["second ingest", "sql", "report"])
def test_while_an_ingest_runs_others_get_a_clear_message(tmp_path, loaded, running_ingest,
                                                         command):
    source = write_articles(tmp_path / "b.jsonl")
    args = [str(source) if a == "SOURCE" else str(tmp_path / "out") if a == "OUT" else a
            for a in command]
    result = warstats(loaded, *args)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {loaded} is locked by process {running_ingest.pid} (")
    assert line.endswith("Wait for it to finish (or stop it), then retry; or use "
                         "another --db file.")
    assert "Traceback" not in result.output
    # The running ingest was not disturbed: it finishes and loads its article.
    status, output = running_ingest.finish()
    assert status == 0, output
    assert "1 articles read, 1 loaded" in output
    assert n_facts(loaded) == 4


def test_a_held_file_names_the_holder_process(tmp_path, loaded):
    """A DuckDB connection in another program (not warstats) is named too."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys
        con = duckdb.connect({str(loaded)!r})
        print("ready", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = warstats(loaded, "ingest", write_articles(tmp_path / "b.jsonl"), "-q")
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {loaded} is locked by process {holder.pid} (")
    assert "Traceback" not in result.output


# -- warstats sql reads only ---------------------------------------------------------

REFUSED = {
    "insert": "insert into facts select * from facts",
    "delete": "delete from facts",
    "drop": "drop table facts",
    "create": "create table x as select 1",
    "copy to a file": "copy (select * from facts) to 'OUT'",
    "copy a table": "copy facts to 'OUT' (format csv)",
    "export": "export database 'OUT'",
    "attach": "attach 'OUT' as other",
    "install": "install httpfs",
    "set": "set threads = 1",
    "pragma": "pragma enable_profiling",
    "checkpoint": "checkpoint",
    "a write after a read": "select 1; drop table facts",
}


@pytest.mark.parametrize("statement", REFUSED.values(), ids=REFUSED.keys())
def test_sql_refuses_what_does_not_read(tmp_path, loaded, statement):
    out = tmp_path / "out.csv"
    result = warstats(loaded, "sql", statement.replace("OUT", str(out)))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {loaded}: ")
    assert "read-only" in result.stderr and "warstats ingest" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
    assert n_facts(loaded) == 3


@pytest.mark.parametrize("query", ["select count(*) as n from facts", "show tables",
                                   "describe facts", "summarize facts",
                                   "with f as (from facts) select count(*) from f",
                                   "explain select * from facts"])
def test_sql_runs_what_reads(loaded, query):
    assert warstats(loaded, "sql", query).exit_code == 0


def test_sql_does_not_create_a_missing_database(tmp_path):
    db = tmp_path / "missing.duckdb"
    result = warstats(db, "sql", "select 1")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {db}: no such database — run `warstats ingest")
    assert list(tmp_path.iterdir()) == []


def test_report_does_not_create_a_missing_database(tmp_path):
    db = tmp_path / "missing.duckdb"
    result = warstats(db, "report", "--out", tmp_path / "out")
    assert result.exit_code == 1 and "no such database" in result.stderr
    assert not db.exists()


@pytest.mark.skipif(not DUCKDB_CLI.exists(), reason="duckdb CLI not installed")
def test_duckdb_shell_read_only_refuses_writes(loaded):
    out = subprocess.run([str(DUCKDB_CLI), "-readonly", str(loaded), "-c", "drop table facts"],
                         capture_output=True, text=True)
    assert "read-only" in out.stdout + out.stderr
    assert n_facts(loaded) == 3


# -- values are bound, not pasted --------------------------------------------------

@pytest.mark.parametrize("option,value,says", [
    ("--metric", "x'; drop table facts; --", "is not a known metric"),
    ("--metric", "drones_launched' or '1'='1", "is not a known metric"),
    ("--since", "2025-01-01'; drop table facts; --", "2025-01-01'; drop table facts; --"),
    ("--until", "'); delete from facts; --", "delete from facts"),
])
def test_report_filters_are_bound_parameters(tmp_path, loaded, option, value, says):
    result = warstats(loaded, "report", "--out", tmp_path / "out", option, value)
    assert result.exit_code == 1
    assert says in result.stderr and "Traceback" not in result.output
    assert n_facts(loaded) == 3
