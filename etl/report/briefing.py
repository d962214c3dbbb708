"""Render a markdown template whose every number comes from a named query.

The syntax is documented at the top of `reports/briefing.md`. In short:
`{{ value:QUERY }}`, `{{ value:QUERY.COLUMN }}`, `{{ table:QUERY }}`,
`{{ chart:QUERY }}`, `{{ filters }}`; `{# ... #}` is a comment.

A query column `X__facts` (a list of claim ids, "doc:fact_no", as the views
give them) is not shown: it cites the facts behind column `X`, as markdown
footnotes, each saying the figure's kind and whether a headline total
counts it.
"""
from __future__ import annotations

import re
from pathlib import Path

import duckdb

from etl import warehouse
from etl.report import queries
from etl.report.charts import query_frame, render_chart, write_csv
from etl.report.queries import Filters, ReportError
from etl.report.safe import format_cell, md_link, md_text

# One pass over the template, so line numbers in errors are the file's own
# and nothing a query returns is ever read as a placeholder.
_TOKEN = re.compile(r"(?P<comment>\{#.*?#\}\n?)|\{\{(?P<spec>.*?)\}\}", re.DOTALL)
_FORM = re.compile(r"(value|table|chart):([a-z0-9_]+)(?:\.([A-Za-z0-9_]+))?"
                   r"|filters")
CITES = "__facts"
# Rows a table shows in the markdown; every row is in its CSV.
MAX_TABLE_ROWS = 150
# Footnotes per figure: a total over thousands of events would otherwise
# carry thousands of marks (the query's rows, or its view, list them all).
MAX_CITES = 5
CHART_KINDS = ("barh", "bar", "line")  # NOTE: keep in sync with charts.render_chart
SYNTAX = ("{{ value:QUERY }}, {{ value:QUERY.COLUMN }}, {{ table:QUERY }}, "
          "{{ chart:QUERY }} or {{ filters }}")


class Citations:
    """Footnote numbers per fact (its claim id, "doc:fact_no"), in order of
    first citation (one per fact).

    Only the cited facts are read back (query `citations`), so a large
    warehouse is not loaded into memory for a few footnotes.
    """

    def __init__(self):
        self.numbers: dict[int, int] = {}

    def marks(self, keys) -> str:
        """[^n] for each fact, the first MAX_CITES of them, then how many more."""
        if keys is None:
            return ""
        keys = keys if isinstance(keys, (list, tuple)) else [keys]
        keys = list(dict.fromkeys(str(k) for k in keys if k is not None))
        out = []
        for key in keys[:MAX_CITES]:
            n = self.numbers.setdefault(key, len(self.numbers) + 1)
            out.append(f"[^{n}]")
        if len(keys) > MAX_CITES:
            out.append(f" (and {len(keys) - MAX_CITES:,} more figures)")
        return "".join(out)

    def footnotes(self, cols: list[str], rows: list) -> str:
        facts = {r[0]: dict(zip(cols, r)) for r in rows}
        lines = []
        for key, n in self.numbers.items():
            if key not in facts:
                raise ReportError(f"claim {key!r} is not in scoped_facts — a "
                                  "__facts column must list claim ids "
                                  "(scoped_facts.claim_id, 'doc:fact_no')")
            lines.append(f"[^{n}]: {_cite(facts[key])}")
        return "\n".join(lines)


def _cite(f: dict) -> str:
    """outlet, date, “title” (id, figure n) [link]: “quote”; all escaped."""
    date = f["published"].isoformat() if f["published"] else "undated"
    source = ", ".join(md_text(x) for x in (f["outlet"], date) if x)
    if f["title"]:
        source += f", “{md_text(f['title'])}”"
    link = md_link("link", f["url"])
    note = f" — {md_text(f['note'])}" if f.get("note") else ""
    return (f"{source} (id {md_text(f['doc'])}, figure {f['fact_no']})"
            f"{' ' + link if link else ''}: “{md_text(f['quote'])}”{note}")


class Renderer:
    """Fills one template from one read-only connection and set of filters."""

    def __init__(self, con, folder: Path, filters: Filters, out_dir: Path,
                 template: Path, table_rows: int = MAX_TABLE_ROWS):
        self.con, self.folder, self.filters = con, folder, filters
        self.out_dir, self.template, self.table_rows = out_dir, template, table_rows
        self.results: dict[str, tuple[list, list]] = {}
        self.cite = Citations()

    def result(self, name: str):
        if name not in self.results:
            path = queries.query_path(name, self.folder)
            self.results[name] = queries.run_sql(self.con, path, self.filters)
        return self.results[name]

    def render(self) -> str:
        text = self.template.read_text(encoding="utf-8")
        body = _TOKEN.sub(self._fill, text)
        cols, rows = queries.run_sql(
            self.con, queries.query_path("citations", self.folder),
            self.filters, keys=list(self.cite.numbers))
        notes = self.cite.footnotes(cols, rows)
        return body.rstrip("\n") + "\n" + (f"\n{notes}\n" if notes else "")

    def _fill(self, m: re.Match) -> str:
        if m["comment"]:
            return ""
        spec = m["spec"].strip()
        form = _FORM.fullmatch(spec)
        line = m.string.count("\n", 0, m.start()) + 1
        where = f"{self.template}:{line}: {{{{ {spec} }}}}"
        if not form:
            raise ReportError(f"{where} is not a placeholder — use {SYNTAX}")
        kind, name, column = form[1], form[2], form[3]
        try:
            if spec == "filters":
                return md_text(self.filters.describe())
            return getattr(self, f"_{kind}")(name, column)
        except ReportError as e:
            raise ReportError(f"{where}: {e}") from e

    def _value(self, name: str, column: str | None) -> str:
        cols, rows = self.result(name)
        if len(rows) != 1:
            raise ReportError(f"a value query must return one row, "
                              f"{name}.sql returned {len(rows)}")
        column = column or cols[0]
        if column not in cols:
            raise ReportError(f"{name}.sql has no column {column!r} "
                              f"(it has {', '.join(cols)})")
        row = dict(zip(cols, rows[0]))
        value = row[column]
        marks = self.cite.marks(row.get(column + CITES)) if value is not None else ""
        return format_cell(value) + marks

    def _table(self, name: str, _column) -> str:
        """The table in markdown, its first `table_rows` rows (a dated query
        lists the most recent first); every row goes to charts/<name>.csv."""
        cols, rows = self.result(name)
        shown = [c for c in cols if not c.endswith(CITES)]
        csv = write_csv(query_frame(cols, rows)[shown], self.out_dir, name)
        link = f"[{md_text(csv.name)}](charts/{csv.name})"
        if not rows:
            return "_No figures in scope._"
        lines = ["| " + " | ".join(md_text(c) for c in shown) + " |",
                 "|" + "|".join("---" for _ in shown) + "|"]
        for r in rows[:self.table_rows]:
            row = dict(zip(cols, r))
            cells = [format_cell(row[c]) + (self.cite.marks(row.get(c + CITES))
                                            if row[c] is not None else "")
                     for c in shown]
            lines.append("| " + " | ".join(cells) + " |")
        if len(rows) > self.table_rows:
            lines.append(f"\n_The first {self.table_rows:,} of {len(rows):,} rows; "
                         f"every row: {link}._")
        else:
            lines.append(f"\n_As CSV: {link}_")
        return "\n".join(lines)

    def _chart(self, name: str, _column) -> str:
        cols, rows = self.result(name)
        meta = queries.front_matter(queries.query_path(name, self.folder))
        if meta.setdefault("kind", "barh") not in CHART_KINDS:
            raise ReportError(f"{name}.sql: '-- kind: {meta['kind']}' is not a "
                              f"chart kind — use one of {', '.join(CHART_KINDS)}")
        n_articles = self.result("n_articles")[1][0][0]
        source = (f"Source: warstats extraction of {n_articles:,} articles; "
                  f"query {name}")
        if any(v is not None for v in self.filters.params().values()):
            source += f"; filters: {self.filters.describe()}"
        data = query_frame(cols, rows)
        data = data[[c for c in cols if not c.endswith(CITES)]]  # drawn: values
        files = render_chart(data, self.out_dir, name, meta, source,
                             self.folder.parent / "style.mplstyle")
        title = md_text(meta.get("title", name))
        rel = {s: p.relative_to(self.out_dir.resolve()).as_posix()
               for s, p in files.items()}
        return (f"![{title}]({rel['png']})\n\n"
                f"_Chart data: [CSV]({rel['csv']}) · [SVG]({rel['svg']})_")


def connect_read_only(db) -> duckdb.DuckDBPyConnection:
    """The warehouse's read-only open: NoDatabase / DatabaseBusy say the fix."""
    return warehouse.connect(db, read_only=True)
