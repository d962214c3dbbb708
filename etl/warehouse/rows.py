"""A batch's extractions as plain columns: what a worker sends the parent.

A worker could send its Extraction objects back, but the parent would then
unpickle some 30 dataclass objects an article and read them again field by
field to build its Arrow columns: a sixth of the parent's CPU, which with
two workers on two cores is taken from them. Lists of strings, ints and
dates pickle and unpickle in C, and `pa.array` takes them as they are.

No pyarrow or DuckDB here: a worker imports this module (etl.warehouse.tables
holds the Arrow schemas, and picks its columns out of these lists).
"""
from __future__ import annotations

import dataclasses
from itertools import chain

from etl.model import Fact, Rejection

# Table column -> model attribute, where the two names differ.
FACT_ATTRIBUTE = {"quote_start": "start", "quote_end": "end"}
REJECTION_ATTRIBUTE = {"surface_start": "start", "surface_end": "end"}
_FACT_FIELDS = [f.name for f in dataclasses.fields(Fact)]
_REJECTION_FIELDS = [f.name for f in dataclasses.fields(Rejection)]


def columns(ids, extractions) -> dict:
    """The facts and rejections of the articles `ids` (their Extractions,
    in the same order) as {"facts": {field: list}, "rejections": {...}}:
    a list for every field of Fact and Rejection, and `fact_no`, counted
    from 1 in each article. `doc` is the article's id, whatever the
    extractor wrote: replacement deletes by article id, so the two must
    agree. (Every field, not the table's columns: a column added to the
    tables and the model needs no change here.)"""
    facts, fact_docs, fact_nos, rejections, rejection_docs = [], [], [], [], []
    for doc, x in zip(ids, extractions):
        facts += x.facts
        fact_docs += [doc] * len(x.facts)
        fact_nos += range(1, len(x.facts) + 1)
        rejections += x.rejections
        rejection_docs += [doc] * len(x.rejections)
    return {"facts": {**_fields(_FACT_FIELDS, facts), "doc": fact_docs, "fact_no": fact_nos},
            "rejections": {**_fields(_REJECTION_FIELDS, rejections), "doc": rejection_docs}}


def _fields(names, objects) -> dict[str, list]:
    return {name: [getattr(o, name) for o in objects] for name in names}


def joined(batches: list[dict]) -> dict:
    """The columns of several batches (each as `columns` gives them), one
    batch after another: what the parent writes in one transaction."""
    return {table: {name: list(chain.from_iterable(b[table][name] for b in batches))
                    for name in batches[0][table]}
            for table in ("facts", "rejections")}
