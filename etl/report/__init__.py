"""Views -> a markdown briefing with charts, every number from a named query.

    write_briefing(db, out_dir, *, since=None, until=None, metric=None,
                   side=None, outlet=None, place=None, table_rows=150) -> Path

Pieces: `queries` (named SQL files, bound filters, the scope tables),
`briefing` (the template renderer and citations), `charts` (PNG/SVG/CSV),
`safe` (escaping untrusted article text).
"""
from __future__ import annotations

from pathlib import Path

from etl.report import queries
from etl.report.briefing import MAX_TABLE_ROWS, Renderer, connect_read_only
from etl.report.queries import ReportError
from etl.warehouse import check_sql_version

__all__ = ["write_briefing", "ReportError"]


def write_briefing(db, out_dir, *, since=None, until=None, metric=None,
                   side=None, outlet=None, place=None, template=None,
                   table_rows: int = MAX_TABLE_ROWS) -> Path:
    """Write `out_dir/briefing.md` and `out_dir/charts/*` from database `db`.

    Each chart is charts/QUERY.png, .svg and .csv; each table is also
    charts/QUERY.csv, every row of it, while the markdown shows its first
    `table_rows` (a dated query lists the most recent first).

    `since`/`until` (YYYY-MM-DD or date) keep figures whose window, else
    article date, overlaps them; `metric`, `side`, `outlet` and `place` (one
    value or a list) keep figures of any of the metrics / sides / outlets /
    places (the place as the article names it or in its one spelling).
    `template` defaults to `reports/briefing.md`; its queries are read from
    `queries/` beside it. Raises ReportError (an EtlError) on
    a bad filter, placeholder or query, naming it.

    Example: write_briefing("warstats.duckdb", "reports/out", since="2024-08-01")
    """
    filters = queries.parse_filters(since, until, metric, side, outlet, place)
    template = Path(template) if template else queries.REPORTS_DIR / "briefing.md"
    if not template.is_file():
        raise ReportError(f"template {template} not found")
    folder = template.parent / "queries"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = connect_read_only(db)
    try:
        check_sql_version(con, db)
        queries.build_scope(con, folder, filters)
        queries.check_metric(con, filters)
        queries.check_values(con, filters)
        text = Renderer(con, folder, filters, out_dir, template, table_rows).render()
    finally:
        con.close()
    out = out_dir / "briefing.md"
    partial = out.with_suffix(".md.partial")  # readers never see half a file
    partial.write_text(text, encoding="utf-8")
    partial.replace(out)
    return out
