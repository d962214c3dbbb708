"""Extraction at cluster scale: the same `extract_article`, run by Spark.

    ingest_spark("articles.jsonl", "out/")       # local[2]; or a cluster master
    load_parquet("warstats.duckdb", "out/")      # -> articles, facts, runs

Spark reads JSONL or Parquet articles (id, text, published, url, outlet,
title), runs each pandas batch through `extract_article` in `mapInPandas`,
and writes Parquet that `load_parquet` loads into the DuckDB tables, so the
views, `warstats sql` and `warstats report` work unchanged:

    out/articles/part-*.parquet
    out/facts/published_date=2024-08-23/part-*.parquet   (undated: __HIVE_DEFAULT_PARTITION__)
    out/rejections/part-*.parquet
    out/_warstats.json                           what ran, and the counts

Rows are built by the same helpers as `warstats ingest` (etl.warehouse.tables), so a
fact is the same row whichever path made it. PySpark is optional:
pip install 'warstats[spark]'.
"""
from __future__ import annotations

import json
import os
import sys
import warnings
from datetime import datetime
from functools import partial
from pathlib import Path

import pyarrow as pa

from etl.warehouse import tables
from etl.errors import EtlError
from etl.warehouse.loader import RunSummary, content_hash, load_extractor
from etl.model import Extraction
from etl.settings import DEFAULTS

NO_PYSPARK = "PySpark is not installed: pip install 'warstats[spark]'"
META_FILE = "_warstats.json"
# Columns of an input article; anything else in the source is ignored.
INPUT_COLUMNS = ("id", "text", "published", "url", "outlet", "title", "origin")
# Articles per pandas batch: bounds a worker's memory (~5 KB of text each).
BATCH_ROWS = 500

# Local mode starts offline and small: no UI, loopback only, two shuffle
# partitions (the only shuffle is the tiny count at the end).
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.driver.memory": "1g",
    "spark.sql.shuffle.partitions": "2",
}
COMMON_CONF = {
    "spark.sql.execution.arrow.maxRecordsPerBatch": str(BATCH_ROWS),
    # Extraction costs ~1000x a scan per byte: split files small (default
    # 128m) so one JSONL file still spreads over every core.
    "spark.sql.files.maxPartitionBytes": "8m",
}


def _pyspark():
    try:
        import pyspark  # noqa: F401
    except ImportError as e:
        raise EtlError(NO_PYSPARK) from e
    # PySpark 4 warns on pandas 3; mapInPandas here only moves plain columns.
    warnings.filterwarnings("ignore", message=".*does not yet fully support pandas",
                            category=FutureWarning)
    from pyspark.sql import SparkSession, functions
    return SparkSession, functions


def spark_session(master: str = "local[2]", conf: dict | None = None):
    """A SparkSession for `master` ("local[2]", "spark://host:7077", "yarn")."""
    SparkSession, _ = _pyspark()
    settings = dict(COMMON_CONF)
    if master.startswith("local"):
        settings.update(LOCAL_CONF)
        # Workers must run this interpreter: it is the one with etl installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    settings.update(conf or {})
    builder = SparkSession.builder.master(master).appName("warstats")
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


# --- schemas: the etl.warehouse.tables Arrow schemas as Spark DDL, less run_id -------

_SPARK_TYPES = {pa.string(): "string", pa.int32(): "int", pa.int64(): "bigint",
                pa.date32(): "date", pa.bool_(): "boolean"}


def _fields(schema: pa.Schema, sep: str = " ") -> str:
    """"`doc` string, ..." (a table) or with sep=": " (a struct's fields)."""
    return ", ".join(f"`{f.name}`{sep}{_SPARK_TYPES[f.type]}"
                     for f in schema if f.name != "run_id")


def _columns(schema: pa.Schema) -> list[str]:
    return [f.name for f in schema if f.name != "run_id"]


ARTICLE_COLUMNS = _columns(tables.ARTICLES)
# One row per article, its facts and rejections nested: one extraction pass
# feeds all three outputs.
EXTRACTED_DDL = (f"{_fields(tables.ARTICLES)}, `error` string, "
                 f"`facts` array<struct<{_fields(tables.FACTS, ': ')}>>, "
                 f"`rejections` array<struct<{_fields(tables.REJECTIONS, ': ')}>>")


# --- the worker side ------------------------------------------------------

def article_from_record(record: dict, reading):
    """One input row -> Article, by the rules `read_articles` uses for JSONL.

    Null columns count as absent (a JSON line without them); a Parquet date
    column is read as its ISO text.
    """
    from etl.sources import article_from_record as from_record

    record = {k: v for k, v in record.items() if v is not None}
    if "published" in record and not isinstance(record["published"], str):
        record["published"] = record["published"].isoformat()
    where = record.pop("origin", None) or f"spark:{record.get('id', '?')}"
    return from_record(record, where, where, reading)


def extract_rows(records, extract, version) -> list[dict]:
    """Extract each record; one nested row per article (`error` on failure)."""
    from etl.sources import Reading

    problems = []
    reading = Reading(strict=False, on_problem=problems.append)
    rows = []
    for record in records:
        seen = len(problems)
        article = article_from_record(record, reading)
        if article is None:  # unreadable: counted as failed, as locally
            rows.append({"id": str(record.get("id")), "error": str(problems[-1]),
                         "facts": [], "rejections": []})
            continue
        error = None
        try:
            extraction = extract(article)
        except Exception as e:  # one bad article must not sink the job
            extraction = Extraction()
            error = f"{article.origin}: extraction failed: {type(e).__name__}: {e}"
        del problems[seen:]  # warnings (a bad date): the article still loads
        row = tables.article_row(article, content_hash(article), version, None)
        # run_id is given when the Parquet is loaded (load_parquet).
        row.update(error=error, rejections=[
            _no_run(tables.rejection_row(r, article.id, None)) for r in extraction.rejections])
        row["facts"] = [_no_run(tables.fact_row(f, article.id, n, None))
                        for n, f in enumerate(extraction.facts, 1)]
        rows.append(_no_run(row))
    return rows


def _no_run(row: dict) -> dict:
    del row["run_id"]
    return row


def _extract_batches(spec: str, batches):
    """mapInPandas body: pandas batches of input rows -> nested rows."""
    import pandas as pd

    extract, version = load_extractor(spec)
    columns = [*ARTICLE_COLUMNS, "error", "facts", "rejections"]
    for batch in batches:
        records = batch.astype(object).where(batch.notna(), None).to_dict("records")
        yield pd.DataFrame(extract_rows(records, extract, version), columns=columns)


# --- the driver side ------------------------------------------------------

def read_source(spark, source):
    """JSONL and/or Parquet (files, folders, globs): one DataFrame of articles."""
    sources = _as_list(source)
    parquet = [s for s in sources if _is_parquet(s)]
    jsonl = [s for s in sources if s not in parquet]
    frames = []
    if parquet:
        frames.append(_articles(spark.read.parquet(*parquet), parquet))
    if jsonl:
        # An explicit schema spares Spark a full pass to infer one.
        schema = ", ".join(f"`{c}` string" for c in INPUT_COLUMNS if c != "origin")
        frames.append(_articles(spark.read.schema(schema).json(jsonl), jsonl))
    df = frames[0]
    for other in frames[1:]:
        df = df.unionByName(other, allowMissingColumns=True)
    return df


def _articles(df, sources):
    """The input columns, `published` as text, and `origin` for every row."""
    _, F = _pyspark()
    missing = {"id", "text"} - set(df.columns)
    if missing:
        raise EtlError(f"{', '.join(sources)}: no column {', '.join(sorted(missing))} "
                       f"— articles need at least id and text ({', '.join(INPUT_COLUMNS)})")
    present = [c for c in INPUT_COLUMNS if c in df.columns]
    if "published" in present:
        df = df.withColumn("published", df["published"].cast("string"))
    df = df.select(*present)
    # Where each row came from: as written by write_articles_parquet, else its file.
    here = F.input_file_name()
    return df.withColumn("origin", F.coalesce("origin", here) if "origin" in present else here)


def _as_list(source) -> list[str]:
    return [str(s) for s in ([source] if isinstance(source, (str, Path)) else source)]


def _is_parquet(source: str) -> bool:
    """A .parquet file or glob, or a local folder holding Parquet. (A remote
    folder of Parquet is read as JSONL unless named *.parquet or globbed.)"""
    path = Path(source)
    if path.is_dir():
        return any(path.rglob("*.parquet"))
    return source.endswith(".parquet") or source.endswith(".parquet/")


def ingest_spark(source, out_dir, *, master: str = "local[2]", spark=None,
                 partitions: int | None = None,
                 extractor: str = DEFAULTS["EXTRACTOR"]) -> dict:
    """Extract `source` with Spark into Parquet under `out_dir`; returns counts.

    `spark`: an existing SparkSession (then `master` is not used).
    `partitions`: repartition the input first, to spread a few big files
    over more tasks than their block count gives.
    `extractor`: "module:function", importable on every worker.
    """
    from pyspark import StorageLevel
    _, F = _pyspark()
    spark = spark or spark_session(master)
    out = str(out_dir).rstrip("/")
    _, version = load_extractor(extractor)
    started = datetime.now()

    articles = read_source(spark, source)
    if partitions:
        articles = articles.repartition(partitions)
    extracted = articles.mapInPandas(partial(_extract_batches, extractor), EXTRACTED_DDL)
    # Three writes read this; keep it rather than extract three times.
    extracted = extracted.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        good = extracted.where(F.col("error").isNull())
        good.select(*ARTICLE_COLUMNS).write.mode("overwrite").parquet(f"{out}/articles")
        # Gathering each date's facts into one task first writes one file
        # per date, not one per date and input split.
        (good.select("published", F.explode("facts").alias("f"))
             .select("f.*", F.date_format("published", "yyyy-MM-dd").alias("published_date"))
             .repartition("published_date")
             .write.mode("overwrite").partitionBy("published_date").parquet(f"{out}/facts"))
        (good.select(F.explode("rejections").alias("r")).select("r.*")
             .write.mode("overwrite").parquet(f"{out}/rejections"))
        counts = extracted.agg(
            F.count("*").alias("read"),
            F.count("error").alias("failed"),
            F.sum(F.when(F.col("error").isNull(), F.size("facts"))).alias("facts"),
        ).first().asDict()
        problems = [f"{r.error} (article {r.id})" for r in
                    extracted.where(F.col("error").isNotNull())
                             .select("id", "error").limit(DEFAULTS["MAX_PROBLEMS_KEPT"]).collect()]
    finally:
        extracted.unpersist()
    meta = {
        "sources": _as_list(source),
        "extractor_version": version, "master": spark.sparkContext.master,
        "started_at": started.isoformat(), "finished_at": datetime.now().isoformat(),
        "read": counts["read"], "failed": counts["failed"], "facts": counts["facts"] or 0,
        "problems": problems,
    }
    if "://" not in out:  # a local folder; on HDFS/S3 the counts are returned only
        Path(out, META_FILE).write_text(json.dumps(meta, indent=2))
    return meta


def load_parquet(db, parquet_dir) -> RunSummary:
    """Load `ingest_spark` output into the DuckDB tables as one run.

    Articles in the Parquet replace their earlier rows (and facts), in one
    transaction; the run is recorded in `runs` like a `warstats ingest`.
    """
    from etl.warehouse.database import apply_sql, connect

    root = str(parquet_dir).rstrip("/")
    meta = _read_meta(root)
    con = connect(db)
    try:
        apply_sql(con)
        summary = RunSummary(run_id=0, db=str(db or DEFAULTS["DB"]))
        summary.stale_runs = tables.close_stale_runs(con)
        summary.run_id = tables.start_run(con, meta.get("sources") or [root],
                                          meta.get("extractor_version", "unknown"))
        summary.read, summary.failed = meta.get("read", 0), meta.get("failed", 0)
        summary.problems = meta.get("problems", [])
        try:
            _load(con, root, summary)
            summary.status = "complete"
        except BaseException:
            summary.status = "incomplete"
            raise
        finally:
            tables.finish_run(con, summary)
        return summary
    finally:
        con.close()


def _read_meta(root: str) -> dict:
    path = Path(root, META_FILE)
    if "://" in root or not path.exists():
        if "://" not in root and not Path(root, "articles").is_dir():
            raise EtlError(f"{root}: no articles/ folder here — point load_parquet "
                           "at the out_dir given to ingest_spark")
        return {}
    return json.loads(path.read_text())


def _parquet(con, pattern: str) -> str | None:
    """`read_parquet(...)` for the files matching `pattern`, or None if none.

    Spark writes no file at all for an empty output (e.g. no facts).
    """
    (n,) = con.execute("select count(*) from glob(?)", [pattern]).fetchone()
    escaped = pattern.replace("'", "''")
    return f"read_parquet('{escaped}', hive_partitioning = false)" if n else None


def _load(con, root: str, summary: RunSummary) -> None:
    articles = _parquet(con, f"{root}/articles/*.parquet")
    if articles is None:
        return
    (dupes,) = con.execute(f"select list(id) from (select id from {articles} "
                           "group by id having count(*) > 1 limit 5)").fetchone()
    if dupes:
        raise EtlError(f"{root}: ids appear more than once, e.g. {dupes} — give each "
                       "article its own id (ingest_spark does not de-duplicate)")
    run = summary.run_id
    con.begin()
    try:
        con.execute(f"create temp table spark_ids as select id from {articles}")
        for table, key in (("facts", "doc"), ("rejections", "doc"), ("articles", "id")):
            con.execute(f"delete from {table} where {key} in (select id from spark_ids)")
        con.execute(f"insert into articles by name select *, {run} as run_id from {articles}")
        facts = _parquet(con, f"{root}/facts/*/*.parquet")
        if facts:
            con.execute(f"insert into facts by name select *, {run} as run_id from {facts}")
        rejections = _parquet(con, f"{root}/rejections/*.parquet")
        if rejections:
            con.execute("insert into rejections by name "
                        f"select *, {run} as run_id from {rejections}")
        (summary.loaded,) = con.execute("select count(*) from spark_ids").fetchone()
        (summary.facts,) = con.execute("select count(*) from facts where run_id = ?",
                                       [run]).fetchone()
        con.execute("drop table spark_ids")
        con.commit()
    except BaseException:
        con.rollback()
        raise


def write_articles_parquet(paths, out_file, *, strict: bool = False) -> int:
    """Any source `read_articles` reads (.txt folders, HTML, CSV) -> one
    Parquet file that `ingest_spark` reads; returns the articles written."""
    import pyarrow.parquet as pq
    from etl.warehouse.loader import batches
    from etl.sources import read_articles

    schema = pa.schema([("id", pa.string()), ("text", pa.string()),
                        ("published", pa.date32()), ("url", pa.string()),
                        ("outlet", pa.string()), ("title", pa.string()),
                        ("origin", pa.string())])
    n = 0
    with pq.ParquetWriter(str(out_file), schema) as writer:
        for batch in batches(read_articles(paths, strict=strict), DEFAULTS["BATCH_SIZE"]):
            rows = [{name: getattr(a, name) for name in schema.names} for a in batch]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(batch)
    return n


SPARK_READS = (".jsonl", ".ndjson", ".json", ".parquet")


def run_spark_ingest(paths, db, *, master: str = "local[2]", out_dir=None,
                     spark=None) -> RunSummary:
    """`warstats ingest --engine spark`: extract with Spark, load into `db`.

    JSONL and Parquet inputs go to Spark as they are; other sources (.txt
    folders, HTML, CSV) are first converted with `write_articles_parquet`.
    The Parquet goes to `out_dir` (kept), else to a temporary folder.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="warstats-spark-") as tmp:
        out = Path(out_dir) if out_dir else Path(tmp)
        direct = [str(p) for p in paths if str(p).endswith(SPARK_READS) or "://" in str(p)]
        others = [p for p in paths if str(p) not in direct]
        if others:
            # Not "_input": Spark skips files whose names start with _ or .
            converted = out / "input" / "articles.parquet"
            converted.parent.mkdir(parents=True, exist_ok=True)
            write_articles_parquet(others, converted)
            direct.append(str(converted))
        meta = ingest_spark(direct, out, master=master, spark=spark)
        summary = load_parquet(db, out)
        summary.failed, summary.problems = meta["failed"], meta["problems"]
        return summary
