"""Article -> facts: the rule engine and the rules it applies.

Public surface:
    extract_article(article) -> Extraction   facts and rejected numbers
    extract_text(text, doc, published)        the same for a bare text
    EXTRACTOR_VERSION                         re-ingest re-extracts older ones

Inside, in the order a number goes through them: `numbers` finds
quantities, `not_a_fact` rejects dates, ages, money..., `engine` names what
a figure counts and what happened to it, `attributes` gives its side,
place, weapon, period and claimant (`claimants`), `timewindow` the dates it
covers, `units` its unit. `rules/` holds the lexicons and pattern tables
(data); `scan` and `text` are the matching and sentence helpers.
"""

# Bump when rules change: re-ingest re-extracts articles of older versions.
# A string literal assigned here, so that an ingest can read it without
# importing the engine (etl.warehouse.worker.extractor_version).
EXTRACTOR_VERSION = "0.3.29"

from etl.extract.engine import extract_article, extract_text  # noqa: E402

__all__ = ["EXTRACTOR_VERSION", "extract_article", "extract_text"]
