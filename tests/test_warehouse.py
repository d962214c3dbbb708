"""etl.warehouse / etl.warehouse.loader: connect, apply_sql, ingest runs, locking."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import drone_text
from etl.warehouse import loader as ingest_module
from etl import warehouse
from etl.warehouse import database
from etl.errors import DatabaseBusy, EtlError, SourceError, SqlFileError
from etl.model import Article

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"


def count(db, table, where="true"):
    con = warehouse.connect(db, read_only=True)
    try:
        return con.execute(f"select count(*) from {table} where {where}").fetchone()[0]
    finally:
        con.close()


def two_articles(pipeline, name="a.jsonl", second=drone_text(20, 15)):
    return pipeline.articles(name, [
        {"id": "a1", "text": drone_text(100, 80) + " Seen in 2023.", "title": "T1",
         "outlet": "example.org", "published": "2025-01-02"},
        {"id": "a2", "text": second},
    ])


# -- apply_sql

def test_apply_sql_creates_tables_and_views(fresh_db):
    names = {r[0] for r in fresh_db.execute(
        "select table_name from information_schema.tables").fetchall()}
    assert {"runs", "articles", "facts", "rejections", "fact_details", "air_attacks"} <= names


def test_apply_sql_names_the_failing_file(tmp_path):
    (tmp_path / "views" / "10_base").mkdir(parents=True)
    (tmp_path / "schema.sql").write_text("create table t (x int);\nselect nonsense from t;")
    with pytest.raises(SqlFileError, match=r"schema.sql: statement 2:.*nonsense"):
        warehouse.apply_sql(warehouse.connect(":memory:"), tmp_path)
    (tmp_path / "schema.sql").write_text("create table t (x int);")
    (tmp_path / "views" / "10_base" / "bad_view.sql").write_text("select * from nowhere;\n")
    with pytest.raises(SqlFileError, match=r"bad_view.sql: statement 1:.*nowhere"):
        warehouse.apply_sql(warehouse.connect(":memory:"), tmp_path)


def test_apply_sql_without_sql_dir_says_how_to_fix(tmp_path):
    with pytest.raises(EtlError, match="schema.sql not found.*pip install -e"):
        warehouse.apply_sql(warehouse.connect(":memory:"), tmp_path)


def test_view_statement_strips_the_semicolon_and_keeps_comments(tmp_path):
    path = tmp_path / "my_view.sql"
    path.write_text("-- One row per thing.\nselect 1 as x;  -- trailing\n")
    con = warehouse.connect(":memory:")
    con.execute(database.view_statement(path))
    assert con.execute("select x from my_view").fetchall() == [(1,)]


# -- connect / query

def test_read_only_open_of_a_missing_file_says_to_ingest(tmp_path):
    with pytest.raises(warehouse.NoDatabase, match="warstats ingest"):
        warehouse.connect(tmp_path / "none.duckdb", read_only=True)


def test_query_refuses_writes_with_a_clear_message(db_path):
    warehouse.apply_sql(warehouse.connect(db_path))
    with pytest.raises(warehouse.QueryError, match="read-only"):
        warehouse.query(db_path, "delete from facts")
    assert warehouse.query(db_path, "select count(*) as n from facts")["n"][0] == 0


def test_busy_database_names_file_and_pid(db_path):
    warehouse.connect(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(db_path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseBusy) as caught:
            warehouse.connect(db_path)
        message = str(caught.value)
        assert str(db_path) in message and f"process {holder.pid}" in message
        assert "Wait for it to finish" in message
    finally:
        holder.stdin.close()
        holder.wait()


def test_busy_error_without_a_pid_still_names_the_file():
    error = database.busy_error("x.duckdb", OSError("Could not set lock"))
    assert "x.duckdb is locked by another process" in str(error)


@pytest.mark.skipif(not DUCKDB_CLI.exists(), reason="duckdb CLI not installed")
def test_duckdb_1x_shell_can_open_the_file(pipeline, db_path):
    warehouse.ingest([two_articles(pipeline)], db_path, jobs=1, progress=False)
    out = subprocess.run([str(DUCKDB_CLI), str(db_path), "-csv", "-noheader",
                          "-c", "select count(*) from facts"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "4"


# -- ingest

def test_ingest_loads_articles_facts_rejections_and_a_run(pipeline, db_path):
    summary = warehouse.ingest([two_articles(pipeline)], db_path, jobs=1, progress=False)
    assert (summary.read, summary.loaded, summary.skipped, summary.failed) == (2, 2, 0, 0)
    assert (summary.facts, summary.rejections, summary.exit_code) == (4, 1, 0)
    facts = warehouse.query(db_path, "select doc, fact_no, metric, value, quote, "
                            "quote_start, quote_end from facts order by doc, fact_no")
    assert facts[["doc", "fact_no", "metric", "value"]].values.tolist() == [
        ["a1", 1, "drones_launched", 100.0], ["a1", 2, "drones_downed", 80.0],
        ["a2", 1, "drones_launched", 20.0], ["a2", 2, "drones_downed", 15.0]]
    article = warehouse.query(db_path, "select * from articles where id = 'a1'").iloc[0]
    assert (article.title, article.outlet, article.extractor_version) == (
        "T1", "example.org", "fake-1")
    assert len(article.content_hash) == 64 and article.published_from == "field"
    run = warehouse.query(db_path, "select * from runs").iloc[0]
    assert (run.status, run.n_articles, run.n_loaded, run.n_facts) == ("complete", 2, 2, 4)
    assert run.finished_at is not None


def test_reingest_unchanged_skips_and_never_duplicates(pipeline, db_path):
    source = two_articles(pipeline)
    warehouse.ingest([source], db_path, jobs=1, progress=False)
    again = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (again.read, again.loaded, again.skipped, again.facts) == (2, 0, 2, 0)
    assert count(db_path, "facts") == 4 and count(db_path, "rejections") == 1
    assert count(db_path, "runs", "status = 'complete'") == 2


def test_changed_article_replaces_its_facts(pipeline, db_path):
    warehouse.ingest([two_articles(pipeline)], db_path, jobs=1, progress=False)
    changed = two_articles(pipeline, "b.jsonl", second="Only 7 missiles launched.")
    summary = warehouse.ingest([changed], db_path, jobs=1, progress=False)
    assert (summary.loaded, summary.skipped) == (1, 1)
    rows = warehouse.query(db_path, "select metric, value, run_id from facts "
                           "where doc = 'a2'").values.tolist()
    assert rows == [["missiles_launched", 7.0, 2]]
    assert count(db_path, "facts") == 3


def test_new_extractor_version_re_extracts(pipeline, db_path, monkeypatch):
    source = two_articles(pipeline)
    warehouse.ingest([source], db_path, jobs=1, progress=False)
    fake = ingest_module.load_extractor("warstats_fake_extract:extract_article")[0]
    monkeypatch.setattr(sys.modules[fake.__module__], "EXTRACTOR_VERSION", "fake-2")
    summary = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (summary.loaded, summary.skipped) == (2, 0)
    assert count(db_path, "facts") == 4
    assert count(db_path, "articles", "extractor_version = 'fake-2'") == 2


def test_a_warehouse_from_before_the_place_column_gets_it(pipeline, db_path, monkeypatch):
    source = two_articles(pipeline)
    warehouse.ingest([source], db_path, jobs=1, progress=False)
    con = warehouse.connect(db_path)
    for view in reversed(database.sql_files()[1:]):     # they read facts.*
        con.execute(f"drop view {view.stem}")
    con.execute("alter table facts drop column place")
    con.close()
    fake = ingest_module.load_extractor("warstats_fake_extract:extract_article")[0]
    monkeypatch.setattr(sys.modules[fake.__module__], "EXTRACTOR_VERSION", "fake-2")
    summary = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (summary.loaded, summary.exit_code) == (2, 0)
    assert count(db_path, "facts") == 4
    assert count(db_path, "claims") == 4                 # the views read it


def test_a_warehouse_with_double_counts_is_converted_to_whole_numbers(pipeline, db_path):
    """Warehouses before extractor 0.2.19 stored counts as DOUBLE: the next
    ingest converts them in place, rows kept, and the views read them."""
    source = two_articles(pipeline)
    warehouse.ingest([source], db_path, jobs=1, progress=False)
    con = warehouse.connect(db_path)
    for view in reversed(database.sql_files()[1:]):
        con.execute(f"drop view {view.stem}")
    for column in ("value", "low", "high"):
        con.execute(f"alter table facts alter {column} type double")
    con.close()
    assert column_types(db_path, "facts")["value"] == "DOUBLE"

    summary = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (summary.skipped, summary.exit_code) == (2, 0)   # same extractor
    types = column_types(db_path, "facts")
    assert [types[c] for c in ("value", "low", "high")] == ["BIGINT"] * 3
    values = warehouse.query(db_path, "select value from facts order by value")["value"]
    assert list(values) == [15, 20, 80, 100]
    assert count(db_path, "claims") == 4
    # A second ingest finds nothing to convert.
    con = warehouse.connect(db_path)
    try:
        assert database.retype_columns(con) == []
    finally:
        con.close()


def column_types(db, table) -> dict[str, str]:
    con = warehouse.connect(db, read_only=True)
    try:
        return dict(con.execute("select column_name, data_type from "
                                "information_schema.columns where table_name = ?",
                                [table]).fetchall())
    finally:
        con.close()


def test_unreadable_inputs_and_extraction_errors_are_counted(pipeline, db_path):
    source = pipeline.articles("bad.jsonl", [
        {"id": "ok", "text": drone_text(5, 4)}, {"id": "boom", "text": "BOOM"}],
        bad_lines=1)
    summary = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (summary.read, summary.loaded, summary.failed) == (2, 1, 2)
    assert summary.exit_code == 3 and summary.status == "complete"
    assert any("not JSON" in p for p in summary.problems)
    assert any("boom" in p and "extraction failed" in p for p in summary.problems)
    assert "2 failed" in summary.describe()


def test_warnings_are_counted_but_do_not_fail_the_run(pipeline, db_path):
    source = pipeline.articles("w.jsonl", [
        {"id": "w", "text": drone_text(3, 2), "published": "someday"}])
    summary = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (summary.loaded, summary.failed, summary.warnings) == (1, 0, 1)
    assert summary.exit_code == 0
    assert "warning: " in summary.describe() and "not a date" in summary.describe()


def test_strict_stops_at_the_first_problem_and_marks_the_run(pipeline, db_path):
    source = pipeline.articles("bad.jsonl", [{"id": "boom", "text": "BOOM"}])
    with pytest.raises(SourceError, match="extraction failed"):
        warehouse.ingest([source], db_path, jobs=1, strict=True, progress=False)
    assert count(db_path, "runs", "status = 'incomplete'") == 1
    assert count(db_path, "articles") == 0


def test_a_killed_run_is_marked_incomplete_and_the_work_finished(pipeline, db_path):
    source = two_articles(pipeline)
    warehouse.ingest([source], db_path, jobs=1, progress=False)
    con = warehouse.connect(db_path)  # simulate SIGKILL: a run left `running`,
    con.execute("update runs set status = 'running', finished_at = null")
    con.execute("delete from facts where doc = 'a2'")  # a2's batch never landed
    con.execute("delete from articles where id = 'a2'")
    con.close()
    summary = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (summary.stale_runs, summary.loaded, summary.skipped) == (1, 1, 1)
    statuses = warehouse.query(db_path, "select status from runs order by run_id")
    assert statuses["status"].tolist() == ["incomplete", "complete"]
    assert count(db_path, "facts") == 4


def test_a_failing_batch_write_leaves_no_partial_article(pipeline, db_path, monkeypatch):
    source = two_articles(pipeline)

    def disk_full_after_the_inserts(point):
        if point == "in-transaction":
            raise RuntimeError("disk full (simulated)")
    monkeypatch.setattr("etl.warehouse.tables.kill_point", disk_full_after_the_inserts)
    with pytest.raises(RuntimeError, match="disk full"):
        warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert count(db_path, "facts") == 0 and count(db_path, "articles") == 0
    assert count(db_path, "runs", "status = 'incomplete'") == 1


def test_repeated_id_in_one_batch_keeps_the_last_copy(pipeline, db_path):
    source = pipeline.articles("dup.jsonl", [
        {"id": "x", "text": drone_text(1, 1)}, {"id": "x", "text": drone_text(9, 8)}])
    summary = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (summary.loaded, summary.skipped) == (1, 1)
    assert warehouse.query(db_path, "select max(value) as v from facts")["v"][0] == 9


def test_worker_processes_and_small_batches_give_the_same_result(pipeline, db_path,
                                                                  monkeypatch):
    monkeypatch.setitem(ingest_module.DEFAULTS, "BATCH_SIZE", 3)
    rows = [{"id": f"d{i:02}", "text": drone_text(i + 10, i)} for i in range(20)]
    summary = warehouse.ingest([pipeline.articles("many.jsonl", rows)], db_path,
                               jobs=2, progress=False)
    assert (summary.read, summary.loaded, summary.facts) == (20, 20, 40)
    assert count(db_path, "facts", "metric = 'drones_launched' and value = doc[2:]::int + 10") == 20


def record_transactions(monkeypatch) -> list[list[str]]:
    """The article ids of each transaction an ingest writes, in order."""
    written, real = [], ingest_module.tables.replace_articles

    def recording(con, articles, *args):
        written.append([a.id for a in articles])
        return real(con, articles, *args)
    monkeypatch.setattr(ingest_module.tables, "replace_articles", recording)
    return written


def test_extracted_batches_are_written_together_in_larger_transactions(pipeline, db_path,
                                                                        monkeypatch):
    monkeypatch.setitem(ingest_module.DEFAULTS, "BATCH_SIZE", 3)
    monkeypatch.setitem(ingest_module.DEFAULTS, "TRANSACTION_ARTICLES", 7)
    written = record_transactions(monkeypatch)
    rows = [{"id": f"d{i:02}", "text": drone_text(i + 10, i)} for i in range(20)]
    summary = warehouse.ingest([pipeline.articles("many.jsonl", rows)], db_path,
                               jobs=2, progress=False)
    # Three batches fill a transaction of 7; the last two articles go at the end.
    assert [len(ids) for ids in written] == [9, 9, 2]
    assert sum(written, []) == [r["id"] for r in rows]
    assert (summary.loaded, summary.facts) == (20, 40) and count(db_path, "facts") == 40


def test_an_id_again_in_a_later_batch_is_written_after_its_first_copy(pipeline, db_path,
                                                                      monkeypatch):
    monkeypatch.setitem(ingest_module.DEFAULTS, "BATCH_SIZE", 3)
    monkeypatch.setitem(ingest_module.DEFAULTS, "TRANSACTION_ARTICLES", 7)
    written = record_transactions(monkeypatch)
    rows = [{"id": f"d{i:02}", "text": drone_text(i + 10, i)} for i in range(20)]
    rows[4]["id"] = "d00"       # batch 2 repeats an article of batch 1, changed
    summary = warehouse.ingest([pipeline.articles("again.jsonl", rows)], db_path,
                               jobs=1, progress=False)
    assert all(len(set(ids)) == len(ids) for ids in written)
    first, again = [n for n, ids in enumerate(written) if "d00" in ids]
    assert first < again and summary.loaded == 20
    assert count(db_path, "articles") == 19
    assert count(db_path, "facts", "doc = 'd00' and value in (14, 4)") == 2


def test_progress_lines_go_to_stderr(pipeline, db_path, capsys, monkeypatch):
    monkeypatch.setitem(ingest_module.DEFAULTS, "PROGRESS_EVERY_N", 1)
    warehouse.ingest([two_articles(pipeline)], db_path, jobs=1, progress=True)
    captured = capsys.readouterr()
    assert captured.out == "" and "articles (" in captured.err and "MB/s" in captured.err


def test_content_hash_ignores_origin_but_not_text():
    a = Article(id="1", text="x", origin="a.txt:1")
    assert ingest_module.content_hash(a) == ingest_module.content_hash(
        Article(id="1", text="x", origin="b.txt:9"))
    assert ingest_module.content_hash(a) != ingest_module.content_hash(
        Article(id="1", text="y"))


def test_missing_extractor_says_how_to_fix():
    with pytest.raises(EtlError, match="cannot load the extractor.*pip install"):
        ingest_module.load_extractor("no_such_module_xyz:extract_article")


def test_broken_extractor_module_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    (tmp_path / "warstats_broken_extract.py").write_text("EXTRACTOR_VERSION = oops\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(EtlError, match="NameError.*fix warstats_broken_extract"):
        ingest_module.load_extractor("warstats_broken_extract:extract_article")


@pytest.mark.parametrize("source, expected, imported", [
    ('EXTRACTOR_VERSION = "lit-1"\nimport json\n', "lit-1", False),   # read
    ('EXTRACTOR_VERSION = "v" + "2"\n', "v2", True),                # run
    ('EXTRACTOR_VERSION = "a"\nEXTRACTOR_VERSION = "b"\n', "b", True),
])
def test_extractor_version_is_read_from_a_literal_without_importing(
        tmp_path, monkeypatch, source, expected, imported):
    from etl.warehouse.worker import extractor_version

    name = f"warstats_version_{abs(hash(source))}"
    (tmp_path / f"{name}.py").write_text(source + "def extract_article(a):\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    assert extractor_version(f"{name}:extract_article") == expected
    assert (name in sys.modules) is imported
    monkeypatch.delitem(sys.modules, name, raising=False)


def test_extractor_version_of_a_broken_module_is_the_load_error(tmp_path, monkeypatch):
    from etl.warehouse.worker import extractor_version

    (tmp_path / "warstats_broken_version.py").write_text("EXTRACTOR_VERSION = (\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(EtlError, match="cannot load the extractor"):
        extractor_version("warstats_broken_version:extract_article")


def test_the_real_extractor_version_reads_as_it_imports():
    from etl.warehouse.worker import _version_literal
    from etl.extract import EXTRACTOR_VERSION

    assert _version_literal("etl.extract") == EXTRACTOR_VERSION


@pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX system")
def test_real_pipeline_loads_the_seeds_when_built(db_path):
    pytest.importorskip("etl.sources")
    pytest.importorskip("etl.extract")
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    summary = warehouse.ingest([seeds], db_path, jobs=2, progress=False)
    assert summary.read == 5 and summary.exit_code == 0


def test_sigkill_mid_run_then_rerun_finishes_the_work(pipeline, db_path, tmp_path):
    """A real kill -9: batch 1 is committed, the process dies extracting
    batch 3. The next run marks it incomplete and loads only what is missing."""
    source = pipeline.articles("k.jsonl", [
        {"id": "k1", "text": drone_text(1, 1)}, {"id": "k2", "text": drone_text(2, 2)},
        {"id": "k3", "text": drone_text(3, 3) + " SLOW"}])
    marker = tmp_path / "extracting-k3"
    script = textwrap.dedent(f"""
        import sys, time
        sys.path[:0] = {[str(Path(__file__).parent), str(tmp_path / "fake_modules")]!r}
        import conftest, types
        from etl import settings, warehouse
        fake = sys.modules["warstats_fake_extract"] = __import__("warstats_fake_extract")
        real = fake.extract_article
        def slow(article):
            if "SLOW" in article.text:
                open({str(marker)!r}, "w").close()
                time.sleep(600)
            return real(article)
        fake.extract_article = slow
        sources = types.ModuleType("etl.sources")
        sources.read_articles = conftest.fake_read_articles
        sys.modules["etl.sources"] = sources
        settings.DEFAULTS.update(BATCH_SIZE=1, TRANSACTION_ARTICLES=1, INFLIGHT_PER_JOB=1,
                                 EXTRACTOR="warstats_fake_extract:extract_article")
        warehouse.ingest([{str(source)!r}], {str(db_path)!r}, jobs=1, progress=False)
    """)
    victim = subprocess.Popen([sys.executable, "-c", script])
    try:
        for _ in range(600):  # wait for the marker, not for a duration
            if marker.exists() or victim.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists(), "the ingest subprocess never reached article k3"
    finally:
        victim.kill()
        victim.wait()
    assert count(db_path, "runs", "status = 'running'") == 1
    assert count(db_path, "articles") == 1  # batch 1 only: k2 was in flight

    summary = warehouse.ingest([source], db_path, jobs=1, progress=False)
    assert (summary.stale_runs, summary.skipped, summary.loaded) == (1, 1, 2)
    assert count(db_path, "facts") == 6 and count(db_path, "runs", "status = 'running'") == 0


def test_a_dead_worker_is_an_error_that_says_what_to_do(pipeline, db_path, monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class DeadPool:
        def submit(self, *args):
            future = Future()
            future.set_exception(BrokenProcessPool("worker killed"))
            return future

        def shutdown(self, **kwargs):
            pass
    monkeypatch.setattr(ingest_module, "_Inline", DeadPool)
    with pytest.raises(EtlError, match="worker process died.*fewer --jobs"):
        warehouse.ingest([two_articles(pipeline)], db_path, jobs=1, progress=False)
    assert count(db_path, "runs", "status = 'incomplete'") == 1
