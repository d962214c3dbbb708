"""Facts -> DuckDB: the tables, the sql/ views, ingest runs.

Public surface:
    connect(db, read_only=False)      open the file (DuckDB 1.5-readable)
    apply_sql(con)                    tables of sql/schema.sql, views of sql/views/
    query(db, sql, params)            one read-only query -> DataFrame
    check_sql_version(con, db)        were db's views built by this sql/?
    split_statements(db, sql)         its statements, each checked to only read
    query_each(db, statements)        (statement, columns, rows) per statement
    ingest(paths, db, ...) -> RunSummary   read, extract in workers, load
    extract_sources(paths, ...)       (article, extraction) pairs, no database
    is_warning(problem)               a problem whose article still loaded
    is_note(problem)                  not a problem: how a file was read
    load_parquet(db, dir), run_spark_ingest(...)   the Spark engine
    NoDatabase, QueryError, SQL_DIR

Inside: `database` (connect, apply_sql, query), `loader` (runs and
batches), `tables` (the atomic per-batch writes), `worker` (what an
extraction process runs), `spark`.
"""
import importlib

# Names are loaded on first use: a worker process imports
# etl.warehouse.worker, and so this file, and should not pay for DuckDB,
# pandas and pyarrow, which it never uses (~50 MB a worker).
_WHERE = {
    "connect": "database", "apply_sql": "database", "query": "database",
    "split_statements": "database", "query_each": "database",
    "NoDatabase": "database", "QueryError": "database", "SQL_DIR": "database",
    "check_sql_version": "database",
    "ingest": "loader", "RunSummary": "loader", "extract_sources": "loader",
    "is_warning": "loader", "is_note": "loader", "content_hash": "loader",
    "load_parquet": "spark", "run_spark_ingest": "spark",
}


def __getattr__(name):
    if name not in _WHERE:
        raise AttributeError(f"module 'etl.warehouse' has no attribute {name!r}")
    return getattr(importlib.import_module(f"etl.warehouse.{_WHERE[name]}"), name)


__all__ = sorted(_WHERE)
