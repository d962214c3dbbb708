"""A batch's extractions as plain columns: what a worker sends the parent.

A worker could send its Extraction objects back, but the parent would then
unpickle some 30 dataclass objects an article and read them again field by
field to build its Arrow columns: a sixth of the parent's CPU, which with
two workers on two cores is taken from them. Lists of strings, ints and
dates pickle and unpickle in C, and `pa.array` takes them as they are.

No pyarrow or DuckDB here: a worker imports this module (etl.warehouse.tables
holds the Arrow schemas; tests/test_warehouse.py keeps the names in step).
"""
from __future__ import annotations

import operator

# The facts and rejections table columns a worker fills, in table order
# (the parent adds run_id).
FACT_COLUMNS = (
    "doc", "fact_no", "metric", "value", "low", "high", "qualifier", "unit", "side",
    "location", "place", "weapon", "period", "is_part", "claimant", "claimant_raw",
    "window_start", "window_end", "window_note", "quote", "quote_start", "quote_end",
    "surface", "surface_start", "rule",
)
REJECTION_COLUMNS = ("doc", "surface", "surface_start", "surface_end", "reason", "quote")

# Table column -> model attribute, where the two names differ.
FACT_ATTRIBUTE = {"quote_start": "start", "quote_end": "end"}
REJECTION_ATTRIBUTE = {"surface_start": "start", "surface_end": "end"}


def columns(ids, extractions) -> dict:
    """The facts and rejections of the articles `ids` (their Extractions,
    in the same order) as {"facts": {column: list}, "rejections": {...}}.
    `doc` is the article's id, whatever the extractor wrote: replacement
    deletes by article id, so the two must agree. fact_no counts from 1 in
    each article."""
    facts, fact_docs, fact_nos, rejections, rejection_docs = [], [], [], [], []
    for doc, x in zip(ids, extractions):
        facts += x.facts
        fact_docs += [doc] * len(x.facts)
        fact_nos += range(1, len(x.facts) + 1)
        rejections += x.rejections
        rejection_docs += [doc] * len(x.rejections)
    return {"facts": _read(FACT_COLUMNS, facts, FACT_ATTRIBUTE,
                           doc=fact_docs, fact_no=fact_nos),
            "rejections": _read(REJECTION_COLUMNS, rejections, REJECTION_ATTRIBUTE,
                                doc=rejection_docs)}


def _read(names, objects, attribute, **given) -> dict[str, list]:
    """Column by column: the `given` ones as they are, every other read
    off `objects` by the attribute of its name (or `attribute[name]`)."""
    out = {}
    for name in names:
        if name in given:
            out[name] = given[name]
        else:
            read = operator.attrgetter(attribute.get(name, name))
            out[name] = [read(o) for o in objects]
    return out
