"""Named report queries: `reports/queries/<name>.sql`, run with bound filters.

The briefing's filters are applied once, in the scope queries under
`reports/queries/scope/`: each is stored as a temp table of the same name
(`metric_vocabulary`, `scoped_facts`, `scoped_articles`, and the events
layer: `scoped_events`, `scoped_disputes`, `scoped_tallies`,
`scoped_undated`) and every other query reads those tables, so a filter
reaches every section. (`all_events` and `all_disputes` hold the views
`events` and `disputed_claims` unfiltered, computed once for the scope
queries that read them.) Events and disputes are in scope when one of their
claims is in `scoped_facts`. Temp tables live in memory, so this works on a
read-only connection.

Filter values are only ever bound as parameters (`$since`, `$until`,
`$metric`, `$side`), never pasted into SQL text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.errors import EtlError, SqlFileError

REPORTS_DIR = Path(__file__).resolve().parents[2] / "reports"
# Built in this order: later scope queries read the earlier tables.
SCOPE_TABLES = ("metric_vocabulary", "scoped_facts", "scoped_articles",
                "all_events", "all_disputes", "scoped_events", "scoped_air_events",
                "scoped_disputes", "scoped_tallies", "scoped_undated")
_QUERY_NAME = re.compile(r"[a-z0-9_]+")
_PARAM = re.compile(r"\$([a-z_]+)\b")
_SQL_COMMENT = re.compile(r"--[^\n]*")
_SIDE = re.compile(r"[a-z][a-z_]*")
_FRONT_MATTER = re.compile(r"--\s*(title|value_axis|kind):\s*(.+)")


class ReportError(EtlError, ValueError):
    """A briefing that cannot be built: bad filter, template or query."""


@dataclass(frozen=True)
class Filters:
    """The briefing's filters; None means "no filter"."""

    since: date | None = None
    until: date | None = None
    metric: str | None = None
    side: str | None = None

    def params(self) -> dict:
        return {"since": self.since, "until": self.until,
                "metric": self.metric, "side": self.side}

    def describe(self) -> str:
        given = [f"{k} {v}" for k, v in self.params().items() if v is not None]
        return ", ".join(given) if given else "none (every figure)"


def _as_date(name: str, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ReportError(f"{name}={value!r} is not a date — "
                          "give it as YYYY-MM-DD, e.g. 2024-08-25") from None


def parse_filters(since=None, until=None, metric=None, side=None) -> Filters:
    """Check and normalise the filters; the metric is checked later,
    against the vocabulary (`check_metric`).

    >>> parse_filters(since="2024-08-01", side="Russia")
    Filters(since=datetime.date(2024, 8, 1), until=None, metric=None, side='russia')
    """
    lo, hi = _as_date("since", since), _as_date("until", until)
    if lo and hi and lo > hi:
        raise ReportError(f"since={lo} is after until={hi} — swap them")
    if side is not None:
        side = str(side).strip().lower().replace(" ", "_")
        if not _SIDE.fullmatch(side):
            raise ReportError(f"side={side!r} is not a side — use a lower-case "
                              "country name such as russia, ukraine, north_korea")
    if metric is not None:
        metric = str(metric).strip().lower()
    return Filters(lo, hi, metric or None, side or None)


def query_path(name: str, folder: Path) -> Path:
    """The file of query `name`; the name cannot point outside `folder`."""
    if not _QUERY_NAME.fullmatch(name):
        raise ReportError(f"query name {name!r} is not valid — use lower-case "
                          "letters, digits and _ (the stem of a file in "
                          f"{folder})")
    path = folder / f"{name}.sql"
    if not path.is_file():
        raise ReportError(f"query {name!r} not found: no file {path} — "
                          "add it or fix the name in the template")
    return path


def front_matter(path: Path) -> dict[str, str]:
    """The `-- key: value` comment lines at the top of a query file."""
    meta = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("--"):
            break
        if m := _FRONT_MATTER.fullmatch(line.strip()):
            meta[m[1]] = m[2].strip()
    return meta


def _bind(path: Path, params: dict) -> tuple[str, dict]:
    """The SQL of `path` and the parameters it uses, by name (DuckDB
    rejects parameters a statement does not use)."""
    sql = path.read_text(encoding="utf-8").strip().rstrip(";")
    used = set(_PARAM.findall(_SQL_COMMENT.sub("", sql)))
    return sql, {k: v for k, v in params.items() if k in used}


def run_sql(con, path: Path, filters: Filters, **extra):
    """Run one query file with the filters (and `extra` parameters) bound.

    Returns (column names, rows). A failure names the file.
    """
    sql, params = _bind(path, filters.params() | extra)
    try:
        cur = con.execute(sql, params)
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as e:
        raise SqlFileError(path, 1, e) from e


def build_scope(con, folder: Path, filters: Filters) -> None:
    """Store each scope query as a temp table the other queries read."""
    for name in SCOPE_TABLES:
        path = folder / "scope" / f"{name}.sql"
        sql, params = _bind(path, filters.params())
        try:
            # A new line, so a trailing comment in the file cannot eat SQL.
            con.execute(f"create or replace temp table {name} as\n{sql}\n",
                        params)
        except duckdb.Error as e:
            raise SqlFileError(path, 1, e) from e


def check_metric(con, filters: Filters) -> None:
    """An unknown metric is an error, not an empty briefing."""
    if filters.metric is None:
        return
    known = [r[0] for r in con.execute(
        "select metric from metric_vocabulary order by metric").fetchall()]
    if filters.metric not in known:
        raise ReportError(f"metric={filters.metric!r} is not a known metric — "
                          f"use one of: {', '.join(known)}")
