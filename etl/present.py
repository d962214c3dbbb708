"""How facts and query results look on a terminal: JSON lines, tables, CSV.

Fact tables stream: columns have fixed widths and long cells are cut with
"…", so a row can be printed as soon as its article is extracted.
"""
from __future__ import annotations

import json
from datetime import date

import pandas as pd

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


def frame_text(frame: pd.DataFrame, fmt: str) -> str:
    """A query result as 'table', 'csv' or 'json' (a list of objects)."""
    if fmt == "csv":
        return frame.to_csv(index=False).rstrip("\n")
    if fmt == "json":
        return _dates_as_text(frame).to_json(orient="records", force_ascii=False)
    if frame.empty:
        return "(no rows)" if len(frame.columns) else "(no result)"
    # Text columns show None for null and numbers NaN: write NULL for both,
    # as the duckdb shell does.
    frame = _dates_as_text(frame)
    for column in frame.columns:
        if not pd.api.types.is_float_dtype(frame[column]):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), "NULL")
    return frame.to_string(index=False, na_rep="NULL")


def _dates_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """DuckDB dates arrive as midnight timestamps; write them as 2025-01-02."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            values = frame[column]
            midnight = (values.dropna() == values.dropna().dt.normalize()).all()
            text = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M:%S")
            frame[column] = text.where(values.notna(), None)
    return frame


def _iso(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
