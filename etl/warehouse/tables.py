"""The writes behind ingest: `runs` bookkeeping and bulk article replacement.

Rows go in as Arrow tables with explicit types (never row by row), so an
empty batch or an all-null column still has the table's type.
NOTE: keep the schemas below in sync with sql/schema.sql and etl/model.py.

Test hook: with WARSTATS_KILL_AT="<point>[:<n>]" in the environment, the
process SIGKILLs itself the n-th time (default: the first) it reaches
`kill_point(<point>)`, so tests/test_kill.py can stop a real ingest at an
exact moment. WARSTATS_KILL_SIGNAL="INT" (or "TERM", or "INT,INT" for two)
sends those signals instead. The points are KILL_POINTS. Unset, it is one
lookup a call.
"""
from __future__ import annotations

import os
import signal
from collections import Counter
from datetime import datetime

import pyarrow as pa

from etl.warehouse.rows import FACT_ATTRIBUTE, REJECTION_ATTRIBUTE

_str, _int, _count, _date = pa.string(), pa.int32(), pa.int64(), pa.date32()

ARTICLES = pa.schema([
    ("id", _str), ("title", _str), ("outlet", _str), ("url", _str),
    ("published", _date), ("published_from", _str), ("origin", _str),
    ("n_chars", _int), ("content_hash", _str), ("extractor_version", _str),
    ("run_id", _int),
])
FACTS = pa.schema([
    ("doc", _str), ("fact_no", _int), ("metric", _str), ("value", _count),
    ("low", _count), ("high", _count), ("qualifier", _str), ("unit", _str),
    ("side", _str), ("location", _str), ("place", _str), ("weapon", _str), ("period", _str),
    ("is_part", pa.bool_()), ("claimant", _str), ("claimant_raw", _str),
    ("window_start", _date), ("window_end", _date), ("window_note", _str),
    ("kind", _str), ("kind_reason", _str), ("quote", _str), ("quote_start", _int), ("quote_end", _int),
    ("surface", _str), ("surface_start", _int), ("rule", _str), ("run_id", _int),
])
REJECTIONS = pa.schema([
    ("doc", _str), ("surface", _str), ("surface_start", _int),
    ("surface_end", _int), ("reason", _str), ("quote", _str), ("run_id", _int),
])


KILL_POINTS = {
    "before-run-row": "schema applied, stale runs closed, no runs row yet",
    "after-run-row": "runs row committed as running, no batch written",
    "in-transaction": "a batch's rows deleted and inserted, not committed",
    "after-commit": "a batch committed",
    "before-finish": "every batch written, runs row still running",
    "after-finish": "runs row written, connection not closed (no checkpoint)",
}
_reached: Counter = Counter()


def kill_point(name: str) -> None:
    """SIGKILL this process here if WARSTATS_KILL_AT names this point."""
    spec = os.environ.get("WARSTATS_KILL_AT")
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point == name:
        _reached[name] += 1
        if _reached[name] == int(nth or 1):
            for sent in os.environ.get("WARSTATS_KILL_SIGNAL", "KILL").split(","):
                os.kill(os.getpid(), signal.Signals[f"SIG{sent.strip()}"])


def close_stale_runs(con) -> int:
    """Mark runs left `running` by a killed process as `incomplete`.

    Safe because ingest holds the database's write lock: no live run can
    exist while we are here. finished_at stays null: it never finished.
    """
    (n,) = con.execute("select count(*) from runs where status = 'running'").fetchone()
    con.execute("update runs set status = 'incomplete' where status = 'running'")
    return n


def start_run(con, sources: list[str], version: str) -> int:
    """Insert the `running` row in its own transaction; returns run_id."""
    (run_id,) = con.execute("select coalesce(max(run_id), 0) + 1 from runs").fetchone()
    con.execute("insert into runs (run_id, started_at, status, sources, "
                "extractor_version) values (?, ?, 'running', ?, ?)",
                [run_id, datetime.now(), sources, version])
    return run_id


def finish_run(con, s) -> None:
    """Record a RunSummary's status and counts."""
    # An interrupted run stopped cleanly: it finished, short of its end.
    finished = datetime.now() if s.status in ("complete", "interrupted") else None
    con.execute("update runs set status = ?, finished_at = ?, n_articles = ?, "
                "n_loaded = ?, n_skipped = ?, n_failed = ?, n_facts = ? "
                "where run_id = ?",
                [s.status, finished, s.read, s.loaded, s.skipped, s.failed,
                 s.facts, s.run_id])


def holdings(con) -> tuple[int, int]:
    """(facts, articles) the database holds."""
    return con.execute("select (select count(*) from facts), "
                       "(select count(*) from articles)").fetchone()


def stored_hashes(con, ids: list[str]) -> dict[str, tuple[str, str]]:
    """{id: (content_hash, extractor_version)} for the ids already loaded."""
    rows = con.execute("select id, content_hash, extractor_version from articles "
                       "where id in (select unnest(?::varchar[]))", [ids]).fetchall()
    return {i: (h, v) for i, h, v in rows}


def replace_articles(con, articles, extracted, hashes, version, run_id) -> None:
    """Swap in `articles` and their facts and rejections (`extracted`: the
    columns of etl.warehouse.rows.columns) in one transaction: all or nothing."""
    if not articles:
        return
    new = {
        "new_articles": pa.Table.from_pylist(
            [article_row(a, hashes[a.id], version, run_id) for a in articles],
            schema=ARTICLES),
        "new_facts": _table(FACTS, extracted["facts"], FACT_ATTRIBUTE, run_id),
        "new_rejections": _table(REJECTIONS, extracted["rejections"], REJECTION_ATTRIBUTE,
                                 run_id),
    }
    con.begin()
    try:
        # Only articles loaded before have rows to replace: on a first
        # ingest that is none, and the deletes would scan the tables for nothing.
        loaded = [i for (i,) in con.execute(
            "select id from articles where id in (select unnest(?::varchar[]))",
            [[a.id for a in articles]]).fetchall()]
        if loaded:
            for table, key in (("facts", "doc"), ("rejections", "doc"), ("articles", "id")):
                con.execute(f"delete from {table} where {key} in "
                            "(select unnest(?::varchar[]))", [loaded])
        for name, rows in new.items():
            con.register(name, rows)
            con.execute(f"insert into {name[4:]} by name select * from {name}")
            con.unregister(name)
        kill_point("in-transaction")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    kill_point("after-commit")


def _table(schema, columns, attribute, run_id):
    """An Arrow table of `schema` from plain columns (never row by row):
    each column the list of its name (or `attribute[name]`), and the run's id."""
    n = len(columns["doc"])
    return pa.Table.from_arrays(
        [pa.array([run_id] * n if f.name == "run_id" else columns[attribute.get(f.name, f.name)],
                  type=f.type) for f in schema], schema=schema)


def article_row(a, content_hash, version, run_id):
    # Article has no field for where the date came from; sources may add one.
    published_from = getattr(a, "published_from", None) or ("field" if a.published else None)
    return dict(id=a.id, title=a.title, outlet=a.outlet, url=a.url,
                published=a.published, published_from=published_from,
                origin=a.origin, n_chars=len(a.text), content_hash=content_hash,
                extractor_version=version, run_id=run_id)


# `doc` is the article's id, whatever the extractor wrote: replacement
# deletes by article id, so the two must agree. (Rows for the Spark path;
# ingest's workers build the same columns with etl.warehouse.rows.)
def fact_row(f, doc, fact_no, run_id):
    given = dict(doc=doc, fact_no=fact_no, run_id=run_id)
    return {c: given[c] if c in given else getattr(f, FACT_ATTRIBUTE.get(c, c))
            for c in FACTS.names}


def rejection_row(r, doc, run_id):
    given = dict(doc=doc, run_id=run_id)
    return {c: given[c] if c in given else getattr(r, REJECTION_ATTRIBUTE.get(c, c))
            for c in REJECTIONS.names}
