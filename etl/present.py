"""How facts and query results look on a terminal: JSON lines, tables, CSV.

Fact tables stream: columns have fixed widths and long cells are cut with
"…", so a row can be printed as soon as its article is extracted. Query
results (`ResultWriter`) are written as DuckDB hands them over, never
through pandas, so a count stays an int ("810", never "810.0").
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import islice
from uuid import UUID

from etl.model import Fact, Rejection

# (header, width); the quote takes the rest of the line.
FACT_COLUMNS = (("doc", 22), ("metric", 20), ("value", 11), ("qualifier", 9),
                ("side", 11), ("location", 16), ("weapon", 12), ("period", 10))
QUOTE_WIDTH = 70


def cut(text, width: int) -> str:
    """
    >>> cut("Kharkiv region", 8), cut(None, 4), cut("Odesa", 8)
    ('Kharkiv…', '', 'Odesa')
    """
    text = "" if text is None else " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def number(value: float) -> str:
    """
    >>> number(1500.0), number(2.5), number(1200000.0)
    ('1,500', '2.5', '1,200,000')
    """
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def fact_json(fact: Fact) -> str:
    """One `warstats extract --format jsonl` line."""
    return json.dumps(fact.to_json_dict(), ensure_ascii=False, default=_iso)


def fact_table_header() -> str:
    cells = [f"{name:<{width}}" for name, width in FACT_COLUMNS]
    return " ".join(cells) + " quote"


def fact_table_row(fact: Fact) -> str:
    values = dict(doc=fact.doc, metric=fact.metric, value=number(fact.value),
                  qualifier=fact.qualifier, side=fact.side, location=fact.location,
                  weapon=fact.weapon, period=fact.period)
    cells = [f"{cut(values[name], width):<{width}}" for name, width in FACT_COLUMNS]
    return " ".join(cells) + " " + cut(fact.quote, QUOTE_WIDTH)


def rejection_line(rejection: Rejection) -> str:
    """
    >>> rejection_line(Rejection("d1", "2024", 10, 14, "year", "in 2024 the"))
    "  rejected d1 '2024' at 10: year — in 2024 the"
    """
    return (f"  rejected {rejection.doc} {rejection.surface!r} at {rejection.start}: "
            f"{rejection.reason} — {cut(rejection.quote, QUOTE_WIDTH)}")


def _iso(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


# -- query results (`warstats sql`) ---------------------------------------

RESULT_FORMATS = ("table", "csv", "tsv", "json", "jsonl")
TABLE_LIMIT = 40      # rows a table shows unless --limit says otherwise
MIN_CELL = 6          # a column is never cut narrower than this
ROWS_AT_ONCE = 2000   # rows written at a time: any result size in flat memory


def plain(value):
    """A value as JSON holds it: whole numbers as ints, dates as ISO text.

    >>> from decimal import Decimal
    >>> plain(Decimal("12")), plain(Decimal("0.5")), plain(date(2025, 1, 2)), plain(3)
    (12, 0.5, '2025-01-02', 3)
    """
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, (timedelta, UUID)):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def cell(value) -> str:
    """A value as the text of a table or CSV cell: ints stay whole, lists
    and structs are JSON. (NULL is the caller's: "" in CSV, NULL in a table.)

    >>> cell(810), cell(0.25), cell(2.0), cell([1, "a"]), cell(date(2025, 1, 2))
    ('810', '0.25', '2.0', '[1, "a"]', '2025-01-02')
    """
    value = plain(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _numeric(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


class ResultWriter:
    """Prints query results in one of RESULT_FORMATS through `echo`
    (click.echo's signature: text, nl=, err=).

    `limit`: rows printed per result; None means the format's default (a
    table TABLE_LIMIT, the others every row), 0 every row. Rows left out
    are counted and said. `width`: a table is fitted to it by cutting the
    widest cells (with "…").
    """

    def __init__(self, fmt: str, echo, *, limit: int | None = None, width: int = 120):
        self.fmt, self.echo, self.width = fmt, echo, width
        if limit is None:
            limit = TABLE_LIMIT if fmt == "table" else 0
        self.limit = limit or None

    def write(self, columns: list[str], rows, title: str | None = None) -> None:
        """One result; `rows` is any iterable of tuples, read as it comes."""
        self.left = 0
        rows = self._limited(rows)
        if self.fmt == "table":
            self._table(columns, list(rows), title)
            return
        for chunk_no, chunk in enumerate(_chunks(rows, ROWS_AT_ONCE)):
            self.echo(self._text(columns, chunk, chunk_no), nl=False)
        if self.fmt == "json":
            self.echo("]")
        if self.left:
            # not in the output: csv and json stay machine-readable
            self.echo(f"note: {self.left:,} more rows not shown (--limit {self.limit}; "
                      "--limit 0 prints every row)", err=True)

    def _limited(self, rows):
        for n, row in enumerate(rows):
            if self.limit is None or n < self.limit:
                yield row
            else:
                self.left += 1

    def _text(self, columns, rows, chunk_no: int) -> str:
        if self.fmt in ("csv", "tsv"):
            buffer = io.StringIO()
            out = csv.writer(buffer, delimiter="," if self.fmt == "csv" else "\t",
                             lineterminator="\n")
            if chunk_no == 0:
                out.writerow(columns)
            out.writerows([["" if v is None else cell(v) for v in row] for row in rows])
            return buffer.getvalue()
        objects = [json.dumps(dict(zip(columns, plain(row))), ensure_ascii=False)
                   for row in rows]
        if self.fmt == "jsonl":
            return "".join(o + "\n" for o in objects)
        # json: one array; the first chunk opens it (even when empty)
        return ("[" if chunk_no == 0 else ",\n") + ",\n".join(objects) \
            if objects or chunk_no == 0 else ""

    def _table(self, columns, rows, title) -> None:
        if title:
            self.echo(title)
        if not columns:
            self.echo("(no result)")
            return
        texts = [["NULL" if v is None else " ".join(cell(v).split()) for v in row]
                 for row in rows]
        widths = fit([max([len(c)] + [len(r[i]) for r in texts])
                      for i, c in enumerate(columns)], self.width, sep=2)
        # numbers line up on the right; a column with no value is text
        right = [any(_numeric(r[i]) for r in rows)
                 and all(_numeric(r[i]) or r[i] is None for r in rows)
                 for i in range(len(columns))]

        def line(cells):
            return "  ".join((f"{cut(t, w):>{w}}" if r else f"{cut(t, w):<{w}}")
                             for t, w, r in zip(cells, widths, right)).rstrip()
        self.echo(line(columns))
        self.echo("  ".join("-" * w for w in widths))
        for row in texts:
            self.echo(line(row))
        if self.left:
            self.echo(f"({len(rows):,} of {len(rows) + self.left:,} rows; "
                      "--limit 0 for all)")
        elif not rows:
            self.echo("(no rows)")


def _chunks(rows, size: int):
    """Lists of `size` rows; at least one (perhaps empty) list."""
    iterator = iter(rows)
    chunk = list(islice(iterator, size))
    yield chunk
    while chunk := list(islice(iterator, size)):
        yield chunk


def fit(widths: list[int], width: int, sep: int) -> list[int]:
    """Column widths that fit in `width` with `sep` between them: the widest
    columns are cut to one cap, never below MIN_CELL.

    >>> fit([4, 60, 30], 60, 2)
    [4, 26, 26]
    >>> fit([4, 5], 80, 2)
    [4, 5]
    """
    room = width - sep * (len(widths) - 1)
    if sum(widths) <= room:
        return list(widths)
    low, high = MIN_CELL, max(widths)     # the largest cap that fits
    while low < high:
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in widths) <= room:
            low = cap
        else:
            high = cap - 1
    return [min(w, low) for w in widths]


def write_results(results, writer: ResultWriter, several: bool = False) -> None:
    """Each (statement, columns, rows) of `results` through `writer`; with
    `several` statements, each table is headed by its statement."""
    for n, (statement, columns, rows) in enumerate(results):
        if several and n:
            writer.echo("")
        writer.write(columns, rows, title=f"-- {cut(statement, 100)}" if several else None)
