"""Read articles from files and folders, one at a time, reporting bad input.

    >>> from etl.sources import read_articles
    >>> for article in read_articles(["seeds/", "extra.jsonl"]):   # doctest: +SKIP
    ...     print(article.id, article.published)

Inputs, each read by its extension (case does not matter):

    .txt           one article; id = file name without .txt
    .html / .htm   one article: the visible text; <title> is the title
    .jsonl         one JSON object a line: text, and id, published, url,
                   outlet, title (all optional but text)
    .csv / .tsv    a header row, then one article a row, same columns;
                   separated by `,` `;` or tab (the header decides), quoted
                   fields may hold separators and line breaks
    folder         everything in it, recursively, sorted by name; a
                   manifest.csv gives .txt/.html files their metadata
                   (columns: file, then any of published, outlet, title, url)

Columns (CSV) and keys (JSONL) are matched in any case under their common
names (`ALIASES`: text may be content, body, article or full_text; published
may be date, published_at, pubdate or datetime; ...), or under the names a
`columns` mapping gives ({"text": "story"}, from `--columns text=story`).
Once per file, a `SourceNote` says which columns were read, mapped and
ignored, when any was mapped or ignored: nothing is dropped without a word.

Ids: a JSONL/CSV row without an id is "<file stem>:<line>". Numbers are
taken as ids (42 -> "42"); null, true/false, lists and objects are not.
An id already read in this run is reported and the later article skipped.

Dates: `published` is parsed from the field (2024-08-23, 2024-08-23T10:00Z,
August 23, 2024, 23 Aug 2024, ...). With no field, the text's own stamp is
used (`date_from_text`); with neither, None. A field that is not a date is a
warning (`SourceWarning`): the article still loads, dated from its text if
it can be.

Problems: each bad file, line or row is one `SourceError` (message
"PATH:LINE: what is wrong — what to do"), given to `on_problem` once; then
reading goes on with the rest. A problem met on several lines of one file
is one report when the file ends, with the count (`problem.count`) and the
first line numbers ("PATH:4: 30 lines have no text (lines 4, 5, ...)"). Problems where the article still loaded are
`SourceWarning`s (a subclass). With `strict=True` the first problem, warning
or not, is raised instead. With neither, problems are logged as warnings to
the "etl.sources" logger. `SourceStats` counts them for a summary.

Bytes that are not UTF-8 are read as cp1252 (or latin-1), the UTF-8 around
them kept, with an INFO note on that logger; line ends may be LF, CRLF or
CR alone; only binary content (NUL or control bytes) is a problem.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from etl.errors import SourceError
from etl.model import Article
from etl.sources.dates import date_from_text, parse_date
from etl.sources.folders import input_size, read_path
from etl.sources.columns import ALIASES, MappingError, parse_mapping
from etl.sources.readers import article_from_record
from etl.sources.reading import Reading, SourceNote, SourceStats, SourceWarning

# `Reading` and `article_from_record` are for engines that read rows
# themselves (etl.warehouse.spark): one row -> Article by the JSONL rules.
__all__ = ["read_articles", "input_size", "date_from_text", "parse_date", "SourceStats",
           "SourceWarning", "SourceNote", "Reading", "article_from_record",
           "ALIASES", "MappingError", "parse_mapping"]


def read_articles(paths: str | os.PathLike | Iterable[str | os.PathLike], *,
                  strict: bool = False,
                  on_problem: Callable[[SourceError], None] | None = None,
                  columns: dict[str, str] | None = None,
                  on_bytes: Callable[[int], None] | None = None,
                  ) -> Iterator[Article]:
    """Yield each article under `paths` (one path or several), in order.

    Lazy: nothing is opened until the first article is asked for, and a
    JSONL or CSV file is read a line or a row at a time. `columns`: the
    --columns mapping, {field: column} (`parse_mapping("text=content")`).
    `on_bytes(n)`: told as the inputs' bytes are read (of `input_size`).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    reading = Reading(strict=strict, on_problem=on_problem, columns=columns,
                      on_bytes=on_bytes)
    for path in paths:
        yield from read_path(Path(path), reading)
