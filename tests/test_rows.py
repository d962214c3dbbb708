"""Workers send plain columns (etl.warehouse.rows); the parent makes Arrow
tables of them. They must be the rows the dataclasses give, column for
column: checked on the seeds and on an article whose extractor wrote
another doc id."""
from pathlib import Path

from etl.extract import extract_article
from etl.sources import read_articles
from etl.warehouse import rows, tables

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_plain_columns_make_the_rows_the_dataclasses_give():
    articles = list(read_articles([SEEDS]))
    extracted = [extract_article(a) for a in articles]
    extracted[0].facts[0].doc = "what the extractor wrote"   # the article id wins
    ids = [a.id for a in articles]
    cols = rows.columns(ids, extracted)
    facts = tables._table(tables.FACTS, cols["facts"], rows.FACT_ATTRIBUTE, 7).to_pylist()
    rejections = tables._table(tables.REJECTIONS, cols["rejections"],
                               rows.REJECTION_ATTRIBUTE, 7).to_pylist()
    want_facts = [tables.fact_row(f, a, n, 7) for a, x in zip(ids, extracted)
                  for n, f in enumerate(x.facts, 1)]
    want_rejections = [tables.rejection_row(r, a, 7) for a, x in zip(ids, extracted)
                       for r in x.rejections]
    assert len(facts) > 10 and len(rejections) > 10
    assert facts == want_facts and rejections == want_rejections
    assert facts[0]["doc"] == ids[0]


def test_batches_joined_for_one_transaction_are_their_articles_together():
    articles = list(read_articles([SEEDS]))
    extracted = [extract_article(a) for a in articles]
    ids = [a.id for a in articles]
    cut = len(ids) // 2
    joined = rows.joined([rows.columns(ids[:cut], extracted[:cut]),
                          rows.columns(ids[cut:], extracted[cut:])])
    assert cut > 1 and joined == rows.columns(ids, extracted)
