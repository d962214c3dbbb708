"""warstats: figures from war reporting, with a quote and a source behind each.

Stages, in the order data flows:
    etl.sources    read articles from .txt folders, JSONL, CSV (stream)
    etl.extract    article -> facts (and rejected numbers, with reasons)
    etl.warehouse  facts -> DuckDB tables; sql/ views
    etl.report     views -> markdown briefing, charts (PNG, SVG, CSV)
    etl.evaluate   score facts against a gold set
"""

__version__ = "0.1.0"
