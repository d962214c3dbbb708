"""The Spark path gives the same facts as the local one, and loads into DuckDB.

One local[2] SparkSession serves the module (starting one takes seconds).
Skipped when PySpark is not installed; the dev-set test is skipped when
../shared is not beside the project.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from etl.warehouse import tables
from etl.errors import EtlError
from etl.extract import extract_article
from etl.warehouse.loader import content_hash
from etl.sources import read_articles

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    from etl.warehouse.spark import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


def local_facts(articles) -> list[dict]:
    """Fact rows as `warstats ingest` writes them, less run_id."""
    rows = []
    for article in articles:
        for n, fact in enumerate(extract_article(article).facts, 1):
            row = tables.fact_row(fact, article.id, n, None)
            del row["run_id"]
            rows.append(row)
    return sorted(rows, key=lambda r: (r["doc"], r["fact_no"]))


def parquet_rows(pattern: str, order: str) -> list[dict]:
    rel = duckdb.sql(f"select * from read_parquet('{pattern}', hive_partitioning = false) "
                     f"order by {order}")
    return [dict(zip(rel.columns, row)) for row in rel.fetchall()]


def same_rows(got: list[dict], want: list[dict]):
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g == w, f"{w['doc']} fact {w['fact_no']}"


@pytest.fixture(scope="module")
def seeds_out(spark, tmp_path_factory):
    from etl.warehouse.spark import ingest_spark, write_articles_parquet

    tmp = tmp_path_factory.mktemp("seeds")
    assert write_articles_parquet([SEEDS], tmp / "seeds.parquet") == 5
    meta = ingest_spark(tmp / "seeds.parquet", tmp / "out", spark=spark)
    return tmp / "out", meta


def test_seeds_give_the_same_facts(seeds_out):
    out, meta = seeds_out
    want = local_facts(read_articles([SEEDS]))
    assert want, "the seeds should hold facts"
    assert (meta["read"], meta["failed"], meta["facts"]) == (5, 0, len(want))
    same_rows(parquet_rows(f"{out}/facts/*/*.parquet", "doc, fact_no"), want)


def test_articles_keep_their_hash_and_date(seeds_out):
    out, _ = seeds_out
    articles = {a.id: a for a in read_articles([SEEDS])}
    rows = parquet_rows(f"{out}/articles/*.parquet", "id")
    assert [r["id"] for r in rows] == sorted(articles)
    for row in rows:
        article = articles[row["id"]]
        assert row["content_hash"] == content_hash(article)
        assert row["published"] == article.published
        assert row["origin"] == article.origin


def test_facts_are_partitioned_by_published_date(seeds_out):
    out, _ = seeds_out
    dated = {a.published.isoformat() for a in read_articles([SEEDS]) if a.published}
    folders = {p.name.split("=", 1)[1] for p in (out / "facts").glob("published_date=*")}
    assert dated <= folders
    assert folders <= dated | {"__HIVE_DEFAULT_PARTITION__"}


def test_loaded_parquet_matches_a_local_ingest(seeds_out, tmp_path):
    from etl.warehouse.spark import load_parquet
    from etl.warehouse import ingest

    out, _ = seeds_out
    summary = load_parquet(tmp_path / "spark.duckdb", out)
    assert (summary.status, summary.loaded) == ("complete", 5)
    ingest([SEEDS], tmp_path / "local.duckdb", jobs=1, progress=False)

    def dump(db):
        with duckdb.connect(str(db)) as con:
            return {table: con.sql(f"select * exclude (run_id) from {table} "
                                   "order by all").fetchall()
                    for table in ("articles", "facts", "rejections", "fact_details")}

    spark_tables, local_tables = dump(tmp_path / "spark.duckdb"), dump(tmp_path / "local.duckdb")
    for table, rows in local_tables.items():
        assert spark_tables[table] == rows, table


def test_a_local_ingest_after_load_skips_unchanged_articles(seeds_out, tmp_path):
    from etl.warehouse.spark import load_parquet
    from etl.warehouse import ingest

    out, _ = seeds_out
    load_parquet(tmp_path / "w.duckdb", out)
    summary = ingest([SEEDS], tmp_path / "w.duckdb", jobs=1, progress=False)
    assert (summary.skipped, summary.loaded) == (5, 0)
    again = load_parquet(tmp_path / "w.duckdb", out)  # replaces, never duplicates
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        (n,) = con.execute("select count(*) from articles").fetchone()
        (runs,) = con.execute("select count(*) from runs where status = 'complete'").fetchone()
    assert (n, runs, again.run_id) == (5, 3, 3)


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev is not here")
def test_dev_set_gives_the_same_facts(spark, tmp_path):
    from etl.warehouse.spark import ingest_spark

    meta = ingest_spark(DEV, tmp_path / "out", spark=spark)
    want = local_facts(read_articles([DEV]))
    assert meta["failed"] == 0 and meta["facts"] == len(want)
    same_rows(parquet_rows(f"{tmp_path}/out/facts/*/*.parquet", "doc, fact_no"), want)


def test_run_spark_ingest_takes_folders_and_jsonl_together(spark, tmp_path):
    from etl.warehouse.spark import run_spark_ingest

    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        '{"id": "x1", "text": "Russia launched 132 drones overnight; air defence '
        'downed 88 of them.", "published": "2024-11-26"}\n'
        '{"id": 7, "text": "Kyiv, 3 March 2024. Shelling killed three people."}\n')
    summary = run_spark_ingest([SEEDS, jsonl], tmp_path / "w.duckdb", spark=spark)
    assert (summary.status, summary.loaded, summary.failed) == ("complete", 7, 0)
    want = local_facts(read_articles([SEEDS, jsonl]))
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        rel = con.sql("select * exclude (run_id) from facts order by doc, fact_no")
        got = [dict(zip(rel.columns, row)) for row in rel.fetchall()]
        dates = dict(con.execute("select id, published from articles").fetchall())
    same_rows(got, want)
    assert dates == {a.id: a.published for a in read_articles([SEEDS, jsonl])}
    assert str(dates["x1"]) == "2024-11-26"


def test_without_pyspark_the_error_says_how_to_install(monkeypatch):
    from etl.warehouse.spark import NO_PYSPARK, _pyspark

    monkeypatch.setitem(sys.modules, "pyspark", None)  # import now fails
    with pytest.raises(EtlError, match=r"pip install 'warstats\[spark\]'"):
        _pyspark()
    assert NO_PYSPARK == "PySpark is not installed: pip install 'warstats[spark]'"


def test_load_parquet_names_a_wrong_folder(tmp_path):
    from etl.warehouse.spark import load_parquet

    with pytest.raises(EtlError, match="no articles/ folder"):
        load_parquet(tmp_path / "x.duckdb", tmp_path)


def test_cli_engine_spark_then_load_parquet_match_a_local_ingest(spark, tmp_path):
    """`warstats ingest --engine spark --spark-out DIR` and `warstats
    load-parquet DIR` give the same facts as a local `warstats ingest`."""
    from click.testing import CliRunner

    from etl.cli import cli

    runner = CliRunner()
    out = tmp_path / "parquet"
    spark_run = runner.invoke(cli, ["--db", str(tmp_path / "spark.duckdb"), "ingest",
                                    "--engine", "spark", "--spark-out", str(out), str(SEEDS)])
    assert spark_run.exit_code == 0, spark_run.output
    reload = runner.invoke(cli, ["--db", str(tmp_path / "again.duckdb"), "load-parquet", str(out)])
    assert reload.exit_code == 0, reload.output
    local = runner.invoke(cli, ["--db", str(tmp_path / "local.duckdb"), "ingest", "--quiet",
                                "--jobs", "1", str(SEEDS)])
    assert local.exit_code == 0, local.output

    def facts(db):
        with duckdb.connect(str(db)) as con:
            return con.sql("select doc, metric, value, quote from facts order by all").fetchall()

    want = facts(tmp_path / "local.duckdb")
    assert want and facts(tmp_path / "spark.duckdb") == want == facts(tmp_path / "again.duckdb")
