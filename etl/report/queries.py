"""Named report queries: `reports/queries/<name>.sql`, run with bound filters.

The briefing's filters are applied once, in the scope queries under
`reports/queries/scope/`: each is stored as a temp table of the same name
(`metric_vocabulary`, `scoped_facts`, `scoped_articles`, `scoped_undated`).
Then, when a filter is given, the facts in scope stand in for the table
`facts` (a temp view of that name, which every view reads before the
database's own table), so the views themselves (`incidents`, `air_nights`,
`headline`, ...) give the briefing's numbers for its scope, and without
filters exactly what a SQL user sees. Temp tables live in memory, so this
works on a read-only connection.

Filter values are only ever bound as parameters (`$since`, `$until`, and
the lists `$metric`, `$side`, `$outlet`, `$place`), never pasted into SQL
text.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from etl.errors import EtlError, SqlFileError

REPORTS_DIR = Path(__file__).resolve().parents[2] / "reports"
# Built in this order: later scope queries read the earlier tables.
SCOPE_TABLES = ("metric_vocabulary", "scoped_facts", "scoped_articles",
                "scoped_undated")
_QUERY_NAME = re.compile(r"[a-z0-9_]+")
_PARAM = re.compile(r"\$([a-z_]+)\b")
_SQL_COMMENT = re.compile(r"--[^\n]*")
_SIDE = re.compile(r"[a-z][a-z_]*")
_FRONT_MATTER = re.compile(r"--\s*(title|value_axis|kind):\s*(.+)")


class ReportError(EtlError, ValueError):
    """A briefing that cannot be built: bad filter, template or query."""


# Filters that take several values: a figure matching any of them is kept.
LIST_FILTERS = ("metric", "side", "outlet", "place")


@dataclass(frozen=True)
class Filters:
    """The briefing's filters; None (or no values) means "no filter".

    The list filters are bound as lists (`$metric`, `$side`, `$outlet`,
    `$place`: VARCHAR[] or NULL), matched with `list_contains`. Outlets and
    places are compared lower-cased.
    """

    since: date | None = None
    until: date | None = None
    metric: tuple[str, ...] = ()
    side: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    place: tuple[str, ...] = ()

    def params(self) -> dict:
        return {"since": self.since, "until": self.until,
                **{name: list(getattr(self, name)) or None for name in LIST_FILTERS}}

    def describe(self) -> str:
        given = [f"{k} {v}" for k, v in (("since", self.since), ("until", self.until))
                 if v is not None]
        given += [f"{name} {' or '.join(getattr(self, name))}" for name in LIST_FILTERS
                  if getattr(self, name)]
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


def _values(given) -> tuple[str, ...]:
    """One value, several, or comma-separated ones, stripped, in order, once each.

    >>> _values(["russia", "ukraine,russia"]), _values(None), _values("Reuters")
    (('russia', 'ukraine'), (), ('Reuters',))
    """
    if given is None:
        return ()
    items = [given] if isinstance(given, str) else list(given)
    parts = (part.strip() for item in items for part in str(item).split(","))
    return tuple(dict.fromkeys(part for part in parts if part))


def parse_filters(since=None, until=None, metric=None, side=None, outlet=None,
                  place=None) -> Filters:
    """Check and normalise the filters; each list filter takes one value,
    several, or a comma-separated string. The metrics are checked later,
    against the vocabulary (`check_metric`), outlets and places against the
    warehouse (`check_values`).

    >>> parse_filters(since="2024-08-01", side=["Russia", "north korea"])
    Filters(since=datetime.date(2024, 8, 1), until=None, metric=(), side=('russia', 'north_korea'), outlet=(), place=())
    """
    lo, hi = _as_date("since", since), _as_date("until", until)
    if lo and hi and lo > hi:
        raise ReportError(f"since={lo} is after until={hi} — swap them")
    sides = tuple(v.lower().replace(" ", "_") for v in _values(side))
    for one in sides:
        if not _SIDE.fullmatch(one):
            raise ReportError(f"side={one!r} is not a side — use a lower-case "
                              "country name such as russia, ukraine, north_korea")
    return Filters(lo, hi, metric=tuple(v.lower() for v in _values(metric)),
                   side=sides, outlet=tuple(v.lower() for v in _values(outlet)),
                   place=tuple(v.lower() for v in _values(place)))


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
    """Store each scope query as a temp table the other queries read, and
    with filters, let the facts in scope stand in for `facts`."""
    for name in SCOPE_TABLES:
        path = folder / "scope" / f"{name}.sql"
        sql, params = _bind(path, filters.params())
        try:
            # A new line, so a trailing comment in the file cannot eat SQL.
            con.execute(f"create or replace temp table {name} as\n{sql}\n",
                        params)
        except duckdb.Error as e:
            raise SqlFileError(path, 1, e) from e
    if any(v is not None for v in filters.params().values()):
        # A temp view is found before the database's table of the same name,
        # by every view that reads `facts`. (It reads a copy: a view of
        # `facts` over `main.facts` would bind to itself.)
        con.execute("create or replace temp table facts_in_scope as "
                    "select facts.* from main.facts as facts "
                    "semi join scoped_facts using (doc, fact_no)")
        con.execute("create or replace temp view facts as "
                    "select * from facts_in_scope")


def check_metric(con, filters: Filters) -> None:
    """An unknown metric is an error, not an empty briefing."""
    known = [r[0] for r in con.execute(
        "select metric from metric_vocabulary order by metric").fetchall()]
    for metric in filters.metric:
        if metric not in known:
            raise ReportError(f"metric={metric!r} is not a known metric — "
                              f"use one of: {', '.join(known)}")


# Where an outlet or place filter's values are looked up (lower-cased), the
# most frequent first, and how many an error suggests.
_KNOWN_VALUES = {
    "outlet": "select lower(outlet) as v from articles where outlet is not null "
              "group by v order by count(*) desc, v",
    "place": "select lower(v) as v from facts, unnest([place, location]) as u(v) "
             "where v is not null group by 1 order by count(*) desc, 1",
}
MAX_SUGGESTED = 8


def check_values(con, filters: Filters) -> None:
    """An outlet or place that no article names is an error (a typo, most
    likely), not an empty briefing. The message suggests the known values
    that contain it or look like it, else the most frequent ones."""
    for name, sql in _KNOWN_VALUES.items():
        wanted = getattr(filters, name)
        if not wanted:
            continue
        known = [r[0] for r in con.execute(sql).fetchall()]
        for value in wanted:
            if value in known:
                continue
            alike = [k for k in known if value in k]
            alike += difflib.get_close_matches(value, known, n=MAX_SUGGESTED, cutoff=0.6)
            alike = list(dict.fromkeys(alike))[:MAX_SUGGESTED]
            if alike:
                hint = f"did you mean: {', '.join(alike)}?"
            elif known:
                hint = f"the most frequent: {', '.join(known[:MAX_SUGGESTED])}"
            else:
                hint = f"no article in this database names an {name}"
            raise ReportError(f"{name}={value!r} is in no article (compared in any "
                              f"case) — {hint}")
