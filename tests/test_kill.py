"""SIGKILL a real `warstats ingest` and check the database it leaves.

A corpus of 600 articles (JSONL, .txt, .csv and .html) is ingested by a
`warstats` subprocess, in three transactions of two batches of 100 articles
(INGEST_SETTINGS), that is killed either at a named point (WARSTATS_KILL_AT, see etl.warehouse.tables.KILL_POINTS:
the process SIGKILLs itself there) or after a delay. Then:

- every article in `articles` has exactly the facts the real extractor
  gives it, and no fact belongs to an article that is not there;
- the killed run is `running` (or `complete` if it got that far);
- no worker process outlives the killed ingest;
- the next ingest marks the killed run `incomplete`, loads only what is
  missing, and leaves facts equal to a clean ingest of the same corpus.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.extract import extract_article
from etl.sources import read_articles
from etl.warehouse.tables import KILL_POINTS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL") or not Path("/proc").is_dir(),
                       reason="needs POSIX signals and /proc"),
]

N_ARTICLES = 600
# Small batches and transactions, so that the corpus is three transactions
# and each holds two batches.
INGEST_SETTINGS = {"BATCH_SIZE": 100, "TRANSACTION_ARTICLES": 200}
# `warstats` with those settings.
WARSTATS = [sys.executable, "-c", "from etl.settings import DEFAULTS; "
            f"DEFAULTS.update({INGEST_SETTINGS!r}); "
            "from etl.cli import cli; cli(prog_name='warstats')"]
FACT_COLUMNS = ("metric", "value", "low", "high", "qualifier", "unit", "side",
                "location", "weapon", "period", "is_part", "claimant", "claimant_raw",
                "window_start", "window_end", "window_note", "quote", "quote_start",
                "quote_end", "surface", "surface_start", "rule")
# Fact attributes in FACT_COLUMNS order (the table renames start/end).
FACT_ATTRS = tuple({"quote_start": "start", "quote_end": "end"}.get(c, c)
                   for c in FACT_COLUMNS)

TEMPLATES = [
    "Russia launched {a} drones at {place} overnight; {b} were shot down.",
    "Ukraine and Russia exchanged {a} prisoners of war on {day}.",
    "Russia fired {a} missiles at {place}; {b} were intercepted, the air force said.",
    "At least {b} people were killed and {a} injured in {place}, the governor said.",
]
PLACES = ["Kharkiv", "Odesa", "Sumy", "Dnipro", "Lviv", "Kyiv"]
DAYS = ["Monday", "Tuesday", "Friday"]


def text(i: int) -> str:
    a = 20 + i % 170
    return TEMPLATES[i % 4].format(a=a, b=a // 2 + i % 5, place=PLACES[i % 6],
                                   day=DAYS[i % 3])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """600 articles: 560 JSONL lines, 20 .txt, 10 CSV rows, 10 .html pages."""
    assert INGEST_SETTINGS["TRANSACTION_ARTICLES"] * 3 == N_ARTICLES, \
        "kill points assume three transactions"
    folder = tmp_path_factory.mktemp("corpus")
    with open(folder / "feed.jsonl", "w") as f:
        for i in range(560):
            f.write(json.dumps({"id": f"j{i:03}", "text": text(i),
                                "published": f"2025-03-{1 + i % 28:02}"}) + "\n")
    (folder / "txt").mkdir()
    for i in range(560, 580):
        (folder / "txt" / f"t{i}.txt").write_text(text(i) + "\n")
    rows = "".join(f'w{i},"{text(i)}"\n' for i in range(580, 590))
    (folder / "wire.csv").write_text("id,text\n" + rows)
    (folder / "html").mkdir()
    for i in range(590, 600):
        (folder / "html" / f"p{i}.html").write_text(
            f"<html><head><title>Page {i}</title></head><body><p>{text(i)}</p></body></html>")
    return folder


@pytest.fixture(scope="module")
def expected(corpus) -> dict[str, list[tuple]]:
    """{article id: its facts} from the real extractor, in fact_no order."""
    out = {}
    for article in read_articles(corpus):
        out[article.id] = [tuple(getattr(f, a) for a in FACT_ATTRS)
                           for f in extract_article(article).facts]
    assert len(out) == N_ARTICLES and all(out.values())
    return out


@pytest.fixture(scope="module")
def clean_facts(corpus, expected, tmp_path_factory) -> list[tuple]:
    """The facts table of an ingest that nobody killed."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(corpus), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    facts = read_db(db)[1]
    assert facts_of(facts) == expected
    return facts


def read_db(db: Path):
    """(articles ids, facts rows (doc, fact_no, *FACT_COLUMNS), runs rows)."""
    if not db.exists():
        return set(), [], []
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables")
                  .fetchall()}
        # The schema and views go in as one transaction: all or none.
        assert tables >= {"runs", "articles", "facts", "rejections", "fact_details"} \
            or not tables, f"a half-made schema: {sorted(tables)}"
        if not tables:
            return set(), [], []
        ids = {r[0] for r in con.execute("select id from articles").fetchall()}
        facts = con.execute(f"select doc, fact_no, {', '.join(FACT_COLUMNS)} from facts "
                            "order by doc, fact_no").fetchall()
        runs = con.execute("select run_id, status, finished_at is not null from runs "
                           "order by run_id").fetchall()
        return ids, facts, runs
    finally:
        con.close()


def facts_of(rows) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for doc, fact_no, *fact in rows:
        out.setdefault(doc, []).append(tuple(fact))
        assert fact_no == len(out[doc]), f"{doc}: fact_no {fact_no} out of order"
    return out


def session_processes(sid: int) -> list[int]:
    """Pids still alive in session `sid` (the killed ingest and its workers)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":   # state, ppid, pgrp, session
            alive.append(int(stat.parent.name))
    return alive


def run_and_kill(corpus: Path, db: Path, *, kill_at: str | None = None,
                 after_s: float | None = None, jobs: int = 1) -> int:
    """Run the real CLI in its own session; it dies by SIGKILL at `kill_at`,
    or is sent one `after_s` seconds in. Returns its exit status."""
    env = {**os.environ, "WARSTATS_KILL_AT": kill_at or ""}
    victim = subprocess.Popen(
        [*WARSTATS, "--db", str(db), "ingest", str(corpus), "--quiet", "--jobs", str(jobs)],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        if after_s is not None:
            try:
                victim.wait(timeout=after_s)
            except subprocess.TimeoutExpired:
                victim.send_signal(signal.SIGKILL)
        status = victim.wait(timeout=300)
        # Workers must notice that their parent is gone and exit on their own.
        for _ in range(100):
            if not session_processes(victim.pid):
                break
            time.sleep(0.1)
        left = session_processes(victim.pid)
        assert not left, f"processes outlived the killed ingest: {left}"
        return status
    finally:
        for pid in session_processes(victim.pid):   # only ever our own session
            os.kill(pid, signal.SIGKILL)
        victim.stderr.close()


def check_all_or_nothing(db: Path, expected) -> set[str]:
    """Every stored article has all of its facts; returns the stored ids."""
    ids, facts, _ = read_db(db)
    stored = facts_of(facts)
    assert set(stored) <= ids, f"facts without their article: {set(stored) - ids}"
    for doc in ids:
        assert stored.get(doc, []) == expected[doc], f"{doc}: partial or wrong facts"
    return ids


# point -> (WARSTATS_KILL_AT, --jobs, articles stored after the kill, runs then)
KILLS = {
    "before the run row": ("before-run-row", 1, 0, []),
    "after the run row": ("after-run-row", 1, 0, ["running"]),
    "inside transaction 2": ("in-transaction:2", 1, 200, ["running"]),
    "after transaction 1 committed, 2 workers": ("after-commit:1", 2, 200, ["running"]),
    "before the run row is finished": ("before-finish", 1, N_ARTICLES, ["running"]),
    "after the run is finished": ("after-finish", 1, N_ARTICLES, ["complete"]),
}


def test_kill_points_are_the_documented_ones():
    assert {spec.split(":")[0] for spec, *_ in KILLS.values()} == set(KILL_POINTS)


@pytest.mark.parametrize("kill_at,jobs,stored,runs", KILLS.values(), ids=KILLS.keys())
def test_sigkill_at_a_point(tmp_path, corpus, expected, clean_facts, kill_at, jobs,
                            stored, runs):
    db = tmp_path / "k.duckdb"
    assert run_and_kill(corpus, db, kill_at=kill_at, jobs=jobs) == -signal.SIGKILL

    assert len(check_all_or_nothing(db, expected)) == stored
    assert [status for _, status, _ in read_db(db)[2]] == runs
    rerun_finishes_the_work(db, corpus, clean_facts, stored,
                            stale=runs.count("running"))


@pytest.mark.parametrize("after_s", [2.5, 4.0], ids=lambda s: f"after {s} s")
def test_sigkill_after_a_delay_with_workers(tmp_path, corpus, expected, clean_facts, after_s):
    """Wherever a kill lands (opening the file, applying sql/, mid-batch,
    in DuckDB's commit), the invariants hold. Two worker processes."""
    db = tmp_path / "k.duckdb"
    status = run_and_kill(corpus, db, after_s=after_s, jobs=2)
    assert status in (-signal.SIGKILL, 0)   # a fast machine may finish first
    stored = check_all_or_nothing(db, expected)
    runs = [s for _, s, _ in read_db(db)[2]]
    assert runs in ([], ["running"], ["complete"])
    assert stored == set() or runs    # an article is never loaded without a run row
    rerun_finishes_the_work(db, corpus, clean_facts, len(stored),
                            stale=runs.count("running"))


def rerun_finishes_the_work(db, corpus, clean_facts, stored, stale):
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(corpus), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    if stale:
        assert f"{stale} interrupted earlier run(s) marked incomplete" in result.stdout
    assert (f"{N_ARTICLES} articles read, {N_ARTICLES - stored} loaded, "
            f"{stored} skipped (unchanged), 0 failed") in result.stdout
    _, facts, runs = read_db(db)
    statuses = [(status, finished) for _, status, finished in runs]
    # The killed run is incomplete and never finished; the rerun completed.
    assert statuses[-1] == ("complete", True)
    assert statuses[:-1].count(("incomplete", False)) == stale
    assert ("running", False) not in statuses
    assert facts == clean_facts
