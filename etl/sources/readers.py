"""One reader per file type. Each yields Articles and reports what it skips.

Row formats (JSONL, CSV) are read a line or a row at a time; one-article
formats (.txt, .html) are read whole, since the article is the unit anyway.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from etl.model import Article
from etl.sources.columns import ALIASES, ColumnLog, Columns
from etl.sources.decoding import Undecodable, iter_lines, read_text
from etl.sources.html import html_to_page
from etl.sources.reading import Reading

# A whole article can sit in one CSV field; the csv module's default cap is
# 128 KiB. NOTE: this is process-wide, and only ever raised, never lowered.
MAX_CSV_FIELD = 256 * 1024 * 1024
CANNOT_READ_FIX = "check that it exists and that you may read it (permissions)"


@dataclass(frozen=True)
class Meta:
    """What a manifest.csv row says about one file; `where` is that row."""

    where: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None


def normalise_newlines(text: str) -> str:
    r"""Windows and old-Mac line ends as "\n", as Python's text mode reads them.

    >>> normalise_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _whole_text(path: Path, reading: Reading) -> str | None:
    try:
        text = normalise_newlines(read_text(path))
    except OSError as e:
        reading.report(path, f"cannot be read ({e.strerror or e})", CANNOT_READ_FIX)
        return None
    except Undecodable as e:
        reading.report(path, e.problem, e.fix)
        return None
    if not text.strip():
        reading.report(path, "is empty", "add the article text, or remove the file")
        return None
    return text


def read_txt(path: Path, reading: Reading, meta: Meta = Meta()) -> Iterator[Article]:
    """One article; its id is the file name without `.txt`."""
    text = _whole_text(path, reading)
    if text is None:
        return
    article = reading.article(
        id=path.stem, text=text, origin=str(path), published=meta.published,
        published_where=meta.where, url=meta.url, outlet=meta.outlet,
        title=meta.title)
    if article:
        yield article


def read_html(path: Path, reading: Reading, meta: Meta = Meta()) -> Iterator[Article]:
    """One article: the page's visible text; manifest values beat <meta> tags."""
    html = _whole_text(path, reading)
    if html is None:
        return
    page = html_to_page(html)
    if not page.text:
        reading.report(path, "has no visible text",
                       "check that it is the article page, not a redirect or a shell")
        return
    article = reading.article(
        id=path.stem, text=page.text, origin=str(path),
        published=meta.published or page.published,
        published_where=meta.where if meta.published else str(path),
        url=meta.url or page.url, outlet=meta.outlet or page.outlet,
        title=meta.title or page.title)
    if article:
        yield article


def read_jsonl(path: Path, reading: Reading, meta: Meta = Meta()) -> Iterator[Article]:
    """One JSON object a line: `text`, and `id`, `published`, `url`, ... ,
    under any of their aliases (etl.sources.columns). Problems met on many
    lines are reported once, with a count; so are the keys read, mapped and
    ignored."""
    with reading.file(path):
        yield from _jsonl_articles(path, reading)


def _jsonl_articles(path: Path, reading: Reading) -> Iterator[Article]:
    any_lines = False
    seen = ColumnLog()
    resolved: dict[tuple, Columns] = {}    # the same keys on most lines: once

    def bad_line(line_no: int, e: Undecodable) -> None:
        nonlocal any_lines
        any_lines = True
        reading.report(f"{path}:{line_no}", e.problem, e.fix)

    try:
        for line_no, line in enumerate(iter_lines(path, bad_line, reading.count_bytes), 1):
            if not line.strip():
                continue
            any_lines = True
            where = f"{path}:{line_no}"
            try:
                record = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as e:
                reading.report(where, f"is not valid JSON ({e.msg} at column {e.colno})",
                               "fix or remove this line; the other lines are read",
                               many="are not valid JSON")
                continue
            if not isinstance(record, dict):
                reading.report(where, f"is a JSON {type(record).__name__}, not an object",
                               'write one {"id": ..., "text": ...} object a line')
                continue
            keys = tuple(record)
            if keys not in resolved:
                resolved[keys] = Columns.resolve(keys, reading.columns)
                seen.add(resolved[keys])
            columns = resolved[keys]
            article = article_from_record(columns.record(record), where,
                                          f"{path.stem}:{line_no}", reading, columns)
            if article:
                yield article
    except OSError as e:
        reading.report(path, f"cannot be read ({e.strerror or e})", CANNOT_READ_FIX)
    except Undecodable as e:
        reading.report(path, e.problem, e.fix)
    else:
        if not any_lines:
            reading.report(path, "is empty", "add one JSON object a line, or remove the file")
    if note := seen.note():
        reading.note(path, *note)


def read_csv(path: Path, reading: Reading, meta: Meta = Meta()) -> Iterator[Article]:
    """A header row naming at least the text column (or an alias of it);
    one article a row. `,` `;` or tab separated (sniffed from the header)."""
    with reading.file(path):
        rows = csv_rows(path, reading, ALIASES, required=("text",))
        for line_no, row, columns in rows:
            article = article_from_record(row, f"{path}:{line_no}",
                                          f"{path.stem}:{line_no}", reading, columns)
            if article:
                yield article


# The separators a CSV export may use; the header row decides.
DELIMITERS = (",", ";", "\t")


def sniff_delimiter(header: str) -> str:
    r"""The separator the header line uses most, outside quotes; "," if none.

    >>> sniff_delimiter("id;published;text"), sniff_delimiter("id\ttext")
    (';', '\t')
    >>> sniff_delimiter('id,"a;b",text'), sniff_delimiter("text")
    (',', ',')
    """
    outside = "".join(header.split('"')[::2])
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(path: Path, reading: Reading, aliases: Mapping[str, tuple[str, ...]],
             required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str], Columns]]:
    """(first line of the row, {field: value}, the file's Columns) for each
    well-formed row.

    Columns are matched to `aliases`' fields (and --columns) in any case;
    what was read, mapped and ignored is noted once, at the header. A
    missing required field is reported once, for the whole file.
    """
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_FIELD))
    def bad_line(line_no: int, e: Undecodable) -> None:
        reading.report(f"{path}:{line_no}", e.problem, e.fix)

    try:
        lines = iter_lines(path, bad_line, reading.count_bytes)
        first = next(lines, "")
        rows = csv.reader(chain([first], lines), delimiter=sniff_delimiter(first))
        try:
            header = [name.strip() for name in next(rows, [])]
        except csv.Error as e:
            reading.report(f"{path}:1", f"has a header row that is not valid CSV ({e})",
                           "check the quotes and line ends of the first row; "
                           "the file is skipped")
            return
        if not any(header):
            reading.report(path, "is empty", "add a header row and one row an article, or remove the file")
            return
        columns = Columns.resolve(header, reading.columns, aliases)
        missing = [name for name in required if name not in columns.source_of]
        if missing:
            names = ", ".join(f"{n} ({', '.join(aliases[n])})" for n in missing)
            reading.report(path, f"has no {', '.join(missing)} column (header: "
                           f"{', '.join(header)})",
                           f"name the columns in the first row: {names}; or say "
                           f"which column it is, e.g. --columns {missing[0]}=COLUMN")
            return
        log = ColumnLog(tuple(aliases))
        log.add(columns)
        if note := log.note():
            reading.note(path, *note)
        any_rows = False
        while True:
            next_line = rows.line_num + 1
            try:
                row = next(rows)
            except StopIteration:
                if not any_rows:
                    reading.report(path, "has a header but no rows",
                                   "add one row an article, or remove the file")
                return
            except csv.Error as e:
                any_rows = True
                reading.report(f"{path}:{next_line}", f"is not valid CSV ({e})",
                               "check the quotes on this row; it is skipped",
                               many="are not valid CSV")
                continue
            if not row:
                continue                    # a blank line
            any_rows = True
            if len(row) != len(header):
                reading.report(f"{path}:{next_line}", f"has {len(row)} fields "
                               f"but the header has {len(header)}",
                               "quote fields that hold commas; this row is skipped",
                               many=f"have a number of fields other than the "
                                    f"header's {len(header)}")
                continue
            yield next_line, columns.record(dict(zip(header, row))), columns
    except OSError as e:
        reading.report(path, f"cannot be read ({e.strerror or e})", CANNOT_READ_FIX)
    except Undecodable as e:
        reading.report(path, e.problem, e.fix)


def article_from_record(record: dict, where: str, default_id: str,
                        reading: Reading, columns: Columns | None = None
                        ) -> Article | None:
    """An Article from one JSONL object or CSV row, or None after reporting.

    `record` is keyed by field names (`columns.record` renames an export's
    columns); `columns` names them in messages. `id`: a string, or a number
    (taken as its text); absent or "" gives `default_id` ("stem:line");
    null, true/false, lists and objects are rejected, since no one meant
    them as ids.
    """
    columns = columns or Columns()
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        if "text" not in columns.source_of and columns.ignored:
            problem = "has no text field"
            fix = (f"name the field that holds the article text, e.g. --columns "
                   f"text={columns.ignored[0]} (fields: {', '.join(columns.ignored)}); "
                   "skipped")
        else:
            problem = ("has no text" if text is None or text == "" else
                       "has blank text" if isinstance(text, str) else
                       f"has text that is a {type(text).__name__}, not a string")
            fix = "give it the article text; it is skipped"
        reading.report(where, problem, fix)
        return None
    doc_id = record.get("id", "")
    if isinstance(doc_id, (int, float)) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str):
        reading.report(where, f"has an id that is {json.dumps(doc_id)[:40]}",
                       "make the id a string (or leave it out); it is skipped")
        return None
    return reading.article(
        id=doc_id.strip() or default_id, text=text, origin=where,
        published=record.get("published"), published_column=columns.column("published"),
        **{key: _optional_text(record, key, where, reading)
           for key in ("url", "outlet", "title")})


def _optional_text(record: dict, key: str, where: str, reading: Reading) -> str | None:
    value = record.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if value is not None and not isinstance(value, str):
        reading.report(where, f"has a {key} that is a {type(value).__name__}",
                       f"make {key} a string; the article loads without it",
                       warning=True)
        return None
    return value.strip() or None if value else None


READERS = {
    ".txt": read_txt, ".html": read_html, ".htm": read_html,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".csv": read_csv, ".tsv": read_csv,
}
