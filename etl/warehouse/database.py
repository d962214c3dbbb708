"""The database file: open it, apply sql/, run read-only queries."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

import etl
from etl.errors import DatabaseBusy, EtlError, NoDatabase, QueryError, SqlFileError
from etl.settings import DEFAULTS

if TYPE_CHECKING:
    # DuckDB's .df() imports pandas when a query wants a DataFrame: an
    # ingest that finds nothing changed never does (half a second saved).
    import pandas as pd

# The package is installed editable, so sql/ sits beside etl/.
SQL_DIR = Path(etl.__file__).resolve().parent.parent / "sql"

# DuckDB: 'Conflicting lock is held in /usr/bin/python3 (PID 4340)'.
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


def connect(db=None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open `db` (default $WARSTATS_DB or ./warstats.duckdb); ':memory:' works.

    New files are written in DuckDB 1.5 storage format so the 1.x shell can
    open them. Raises DatabaseBusy when another process holds the file, and
    NoDatabase when a read-only open finds no file.
    """
    db = str(db or DEFAULTS["DB"])
    if read_only and db != ":memory:" and not Path(db).exists():
        raise NoDatabase(f"{db}: no such database — run `warstats ingest SOURCE` "
                         "first, or point --db / WARSTATS_DB at an existing file")
    config = {"storage_compatibility_version": DEFAULTS["STORAGE_VERSION"]}
    if read_only:
        config = {}  # the setting only applies to writes
    try:
        return duckdb.connect(db, read_only=read_only, config=config)
    except duckdb.IOException as e:
        if "lock" not in str(e).lower():
            raise EtlError(f"{db}: cannot open the database: {e}") from e
        raise busy_error(db, e) from e


def busy_error(db: str, original: Exception) -> DatabaseBusy:
    """Name the file, the process holding it, and what to do."""
    found = _LOCK_HOLDER.search(str(original))
    holder = f"process {found.group(2)} ({found.group(1)})" if found else "another process"
    return DatabaseBusy(
        f"{db} is locked by {holder}, probably a `warstats ingest` still running. "
        "Wait for it to finish (or stop it), then retry; or use another --db file.")


def sql_files(sql_dir: Path = SQL_DIR) -> list[Path]:
    """schema.sql, then every views/**/*.sql in sorted path order."""
    if not (sql_dir / "schema.sql").is_file():
        raise EtlError(f"{sql_dir}/schema.sql not found — warstats looks for sql/ "
                       "next to the etl/ package; reinstall with `pip install -e .` "
                       "from the repository root")
    return [sql_dir / "schema.sql", *sorted((sql_dir / "views").glob("**/*.sql"))]


def sql_hash(sql_dir: Path = SQL_DIR) -> str:
    """sha256 of every file `apply_sql` runs, in its order."""
    digest = hashlib.sha256()
    for path in sql_files(sql_dir):
        digest.update(path.relative_to(sql_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def check_sql_version(con, db) -> None:
    """Raise EtlError when `db`'s views were built from another sql/ than
    this warstats' (an older version): say how to rebuild them."""
    try:
        (found,) = con.execute("select sql_hash from sql_version").fetchone() or (None,)
    except duckdb.CatalogException:
        found = None
    if found != sql_hash():
        raise EtlError(f"{db}: its views were built by another version of warstats "
                       "— run `warstats ingest` on it again (it rebuilds the views "
                       "and skips unchanged articles), then retry")


def view_statement(path: Path) -> str:
    """`create or replace view <stem> as <body>` for one bare-select file."""
    body = path.read_text(encoding="utf-8").strip().rstrip(";").rstrip()
    # The newline keeps a trailing `-- comment` from swallowing anything.
    return f"create or replace view {path.stem} as\n{body}\n"


def apply_sql(con, sql_dir: Path = SQL_DIR) -> list[str]:
    """Create the tables and (re)create every view; returns the view names.

    A failing statement raises SqlFileError naming the file and the number
    of the statement within it (DuckDB's LINE n counts from the statement).
    One transaction: a process killed half-way leaves the tables and views
    as they were, never some of them.
    """
    views = []
    con.begin()
    try:
        for path in sql_files(sql_dir):
            if path.name == "schema.sql":
                statements = [s.query for s in duckdb.extract_statements(path.read_text())]
            else:
                statements = [view_statement(path)]
                views.append(path.stem)
            for number, statement in enumerate(statements, 1):
                try:
                    con.execute(statement)
                except duckdb.Error as e:
                    raise SqlFileError(path, number, e) from e
            if path.name == "schema.sql":
                retype_columns(con)
        # Which sql/ built the views: a report on a file built by another
        # version would read other views than its queries expect.
        con.execute("create table if not exists sql_version (sql_hash varchar)")
        con.execute("delete from sql_version")
        con.execute("insert into sql_version values (?)", [sql_hash(sql_dir)])
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return views


# Columns whose type changed after warehouses were written with the old one,
# (table, column, type now): `apply_sql` converts an older file in place.
# Counts were DOUBLE until extractor 0.2.19; every one is whole (FACTS.md).
RETYPED_COLUMNS = (("facts", "value", "BIGINT"), ("facts", "low", "BIGINT"),
                   ("facts", "high", "BIGINT"))


def retype_columns(con) -> list[str]:
    """Convert the RETYPED_COLUMNS an older warehouse still has in their old
    type; returns them as "table.column". A value that is not whole (none
    should be) is rounded; its article is re-extracted on the next ingest
    anyway, since the extractor version changed with the type."""
    done = []
    for table, column, wanted in RETYPED_COLUMNS:
        have = con.execute(
            "select data_type from information_schema.columns where table_schema = "
            "current_schema() and table_name = ? and column_name = ?",
            [table, column]).fetchone()
        if have and have[0] != wanted:
            con.execute(f"alter table {table} alter {column} type {wanted} "
                        f"using round({column})::{wanted}")
            done.append(f"{table}.{column}")
    return done


# Statements `query` runs. A read-only connection already refuses writes to
# the database, but not COPY ... TO, EXPORT, ATTACH, INSTALL or SET, which
# write files or change the session. (show / describe / summarize are SELECTs.)
READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


def check_read_only(db, sql: str) -> None:
    """Raise QueryError unless every statement in `sql` only reads."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as e:
        raise QueryError(f"{db}: query failed: {e} — check the query's syntax") from e
    for statement in statements:
        if statement.type not in READ_STATEMENTS:
            raise QueryError(
                f"{db}: refused {statement.type.name}: queries here are read-only "
                "(select, with, show, describe, summarize, explain) — write with "
                "`warstats ingest`; to save rows, use --format csv > file.csv")


def query(db, sql: str, params=None) -> pd.DataFrame:
    """Run one read-only query against `db` and return the rows.

    Only SELECT-like statements run (READ_STATEMENTS); others raise
    QueryError before the database is opened. `params` are bound, never
    pasted into the SQL.
    """
    check_read_only(db, sql)
    con = connect(db, read_only=True)
    try:
        return con.execute(sql, params).df()
    except duckdb.Error as e:
        raise _query_error(db, e) from e
    finally:
        con.close()


def split_statements(db, sql: str) -> list[str]:
    """The statements of `sql`, each checked to only read (QueryError if
    one writes, or if there is none)."""
    check_read_only(db, sql)
    statements = [s.query.strip().rstrip(";").rstrip() for s in duckdb.extract_statements(sql)]
    if not statements:
        raise QueryError(f"{db}: the query is empty — give a statement, e.g. "
                         "warstats sql \"show tables\"")
    return statements


def query_each(db, statements: list[str], rows_at_once: int = 2000):
    """(statement, column names, rows) for each statement, run one after
    the other on one read-only connection; `rows` yields tuples, fetched
    `rows_at_once` at a time, and must be read before the next result is
    asked for. Values come as DuckDB gives them to Python: a BIGINT or
    HUGEINT as an int, never a float."""
    con = connect(db, read_only=True)
    try:
        for statement in statements:
            try:
                cursor = con.execute(statement)
            except duckdb.Error as e:
                raise _query_error(db, e) from e
            columns = [d[0] for d in cursor.description or ()]
            yield statement, columns, _fetch(db, cursor, rows_at_once)
    finally:
        con.close()


def _fetch(db, cursor, size):
    try:
        while rows := cursor.fetchmany(size):
            yield from rows
    except duckdb.Error as e:
        raise _query_error(db, e) from e


def _query_error(db, e: Exception) -> QueryError:
    hint = ("the database is opened read-only here; write with `warstats ingest`"
            if "read-only" in str(e) else "check the query against the tables "
            "and views listed by: warstats sql \"show tables\"")
    return QueryError(f"{db}: query failed: {e} — {hint}")
