"""Defaults in one place. CLI options and arguments override them.

Grouped by the stage that reads them; `check()` rejects unknown or
out-of-range values by name so a typo fails loudly instead of being ignored.
"""
from __future__ import annotations

import os

from etl.errors import EtlError

DEFAULTS = {
    # -- database
    "DB": "warstats.duckdb",          # --db / WARSTATS_DB override it
    "DB_ENVVAR": "WARSTATS_DB",
    # Files are written in this storage format so the DuckDB 1.5 shell
    # (pip install duckdb-cli) can still open them.
    "STORAGE_VERSION": "v1.5.0",
    # -- ingest
    "BATCH_SIZE": 200,                # articles per worker task
    # Articles per transaction, about: the parent writes the batches
    # extracted together, once they hold this many (and at the end, or
    # when stopped). Each commit costs the parent ~40 ms of CPU; more
    # articles a transaction means fewer commits, but more rows held until
    # written (~22 MB per 1,000 news-like articles: at 1,000, peak RSS of
    # `--jobs 2` rose from 363 to 404 MiB) and more work lost to a kill.
    "TRANSACTION_ARTICLES": 600,
    "INFLIGHT_PER_JOB": 2,            # batches queued per worker: bounds memory
    # DuckDB's buffer pool while ingesting. Left at its default (80% of RAM)
    # it keeps every block written so far, and ingest memory grows with the
    # corpus; past this it writes blocks out and stays flat. At 64MB it was
    # still filling between a 50 and a 200 MB corpus (+15% peak); 32MB is
    # full by then. Raise it if a very large database reports that it is
    # out of memory.
    "INGEST_MEMORY_LIMIT": "32MB",
    "PROGRESS_EVERY_S": 2.0,          # seconds between progress lines
    "PROGRESS_EVERY_N": 5000,         # ...or articles, whichever comes first
    "MAX_PROBLEMS_KEPT": 50,          # problem messages kept for the summary
    # Longer "articles" are reported and skipped, for memory, not time:
    # extraction time grows with length alone (a 5 MB report transcript
    # loads at the same MB/s as news stories), but extracting one article
    # holds an index of all its words, about 35 bytes a character (5 MB:
    # 170 MB), in each worker at once. 20 million characters (~700 MB a
    # worker) is far beyond any report; a larger file is a whole feed.
    "MAX_ARTICLE_CHARS": 20_000_000,
    # Where the extractor lives, as "module:function". A string, not the
    # function, so worker processes import it themselves.
    "EXTRACTOR": "etl.extract:extract_article",
}

_POSITIVE = ("BATCH_SIZE", "TRANSACTION_ARTICLES", "INFLIGHT_PER_JOB", "PROGRESS_EVERY_S",
             "PROGRESS_EVERY_N", "MAX_PROBLEMS_KEPT", "MAX_ARTICLE_CHARS")


def check(settings: dict) -> dict:
    """Return `settings` if every key is known and every count positive.

    >>> check({"BATCH_SIZE": 10})["BATCH_SIZE"]
    10
    >>> check({"BATCH_SIZ": 10})
    Traceback (most recent call last):
    ...
    etl.errors.EtlError: Unknown setting "BATCH_SIZ" — known settings: ...
    """
    for key, value in settings.items():
        if key not in DEFAULTS:
            raise EtlError(f'Unknown setting "{key}" — known settings: '
                           + ", ".join(sorted(DEFAULTS)))
        if key in _POSITIVE and not value > 0:
            raise EtlError(f'"{key}" must be greater than 0, got {value!r}')
    return settings


def default_db() -> str:
    """The database path: $WARSTATS_DB if set, else ./warstats.duckdb."""
    return os.environ.get(DEFAULTS["DB_ENVVAR"]) or DEFAULTS["DB"]
