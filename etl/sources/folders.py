"""Paths to readers: folders walked in sorted order, manifest.csv applied.

A folder is read file by file, recursively, sorted by name so every run
yields the same order. Hidden files and folders (".git", ".DS_Store") are
passed over in silence. Each real file and folder is read once per run: one
reached again (passed twice, a symlink, a symlink loop) is reported and
skipped, never followed forever.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from etl.model import Article
from etl.sources.columns import MANIFEST_ALIASES
from etl.sources.readers import CANNOT_READ_FIX, READERS, Meta, csv_rows
from etl.sources.reading import Reading

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("published", "outlet", "title", "url")  # and `file`
DESCRIBED = {".txt", ".html", ".htm"}      # what a manifest row can describe


def read_path(path: Path, reading: Reading) -> Iterator[Article]:
    """All articles under one path given by the caller."""
    if not os.path.lexists(path):
        reading.report(path, "does not exist", "check the path")
    elif path.is_dir():
        yield from read_folder(path, reading)
    elif not path.exists():
        reading.report(path, "is a symlink to nothing (or to itself)",
                       "check the path, or point the link at a file")
    elif path.name == MANIFEST:
        reading.report(path, "is a manifest, which describes articles but holds none",
                       "pass the folder that holds it instead")
    else:
        yield from read_file(path, reading)


def input_size(paths) -> int | None:
    """The bytes `read_articles(paths)` will read (the files it reads by
    their type, and manifests), or None when a path is neither a file nor a
    folder (a pipe: its size is not known). For progress; symlinked
    folders are not followed, so it may fall short."""
    total = 0
    for path in map(Path, paths):
        if path.is_dir():
            for root, folders, names in os.walk(path):
                folders[:] = [f for f in folders if not _not_an_input(f)]
                total += sum(_size(os.path.join(root, n)) for n in names
                             if not _not_an_input(n)
                             and (n == MANIFEST or Path(n).suffix.lower() in READERS))
        elif path.is_file():
            total += _size(path)
        elif path.exists():
            return None
    return total


def _size(path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def read_file(path: Path, reading: Reading, meta: Meta = Meta()) -> Iterator[Article]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        reading.report(path, f"is not a file type I read ({path.suffix or 'no extension'})",
                       "use .txt, .html, .jsonl, .csv or .tsv, or move it out of the "
                       "folder; skipped")
        return
    try:
        stat = path.stat()
    except OSError as e:
        reading.report(path, f"cannot be read ({e.strerror or e})", CANNOT_READ_FIX)
        return
    if reading.first_visit(path, stat):
        before = reading.bytes_read
        yield from reader(path, reading, meta)
        # what the reader did not count line by line (a whole .txt or .html)
        reading.count_bytes(before + stat.st_size - reading.bytes_read)


# A warstats database kept beside its corpus is not part of it: a folder read
# passes over it (and hidden files) without a word.
DATABASE_SUFFIXES = (".duckdb", ".duckdb.wal", ".wal", ".duckdb.tmp")


def _not_an_input(name: str) -> bool:
    """
    >>> [_not_an_input(n) for n in ("a.txt", ".DS_Store", "warstats.duckdb", "w.duckdb.wal")]
    [False, True, True, True]
    """
    return name.startswith(".") or name.lower().endswith(DATABASE_SUFFIXES)


def read_folder(folder: Path, reading: Reading) -> Iterator[Article]:
    try:
        stat = folder.stat()
        with os.scandir(folder) as scan:
            names = sorted(e.name for e in scan if not _not_an_input(e.name))
    except OSError as e:
        reading.report(folder, f"cannot be opened ({e.strerror or e})", CANNOT_READ_FIX)
        return
    if not reading.first_visit(folder, stat):
        return
    manifest = read_manifest(folder / MANIFEST, reading) if MANIFEST in names else None
    for name in names:
        path = folder / name
        if name == MANIFEST:
            continue
        if path.is_dir():
            yield from read_folder(path, reading)
        elif not path.exists():
            reading.report(path, "is a symlink to nothing (or to itself)",
                           "fix or remove the link; skipped")
        elif manifest is not None and path.suffix.lower() in DESCRIBED:
            meta = manifest.get(name)
            if meta is None:
                reading.report(path, f"is not listed in {MANIFEST}",
                               "add a row for it to give it a date, outlet and "
                               "title; read without them", warning=True)
            yield from read_file(path, reading, meta or Meta())
        else:
            yield from read_file(path, reading)


def read_manifest(path: Path, reading: Reading) -> dict[str, Meta] | None:
    """{file name: Meta} from a folder's manifest.csv; None if it is unusable.

    Columns: `file`, then any of published, outlet, title, url, under any
    of their aliases (others are ignored, and noted). Rows naming files
    that are not there are reported; so is a second row for the same file
    (the first one counts).
    """
    with reading.file(path):
        return _manifest_entries(path, reading)


def _manifest_entries(path: Path, reading: Reading) -> dict[str, Meta] | None:
    rows = csv_rows(path, reading, MANIFEST_ALIASES, required=("file",))
    entries: dict[str, Meta] = {}
    first_row: dict[str, str] = {}
    read_any = False
    for line_no, row, _ in rows:
        read_any = True
        where, name = f"{path}:{line_no}", row["file"].strip()
        if not name:
            reading.report(where, "has no file name", "fill in the file column, or delete the row")
        elif "/" in name or os.sep in name:
            reading.report(where, f"names {name!r} in another folder",
                           f"list it in that folder's {MANIFEST}; row ignored")
        elif not (path.parent / name).is_file():
            reading.report(where, f"names {name!r}, which is not in {path.parent}",
                           "fix the file name, or delete the row")
        elif Path(name).suffix.lower() not in DESCRIBED:
            reading.report(where, f"names {name!r}, but a manifest only describes "
                           ".txt and .html files", "delete the row; that file is read on its own")
        elif name in entries:
            reading.report(where, f"lists {name!r} again (first at {first_row[name]})",
                           "keep one row per file; this row is ignored")
        else:
            first_row[name] = where
            entries[name] = Meta(where=where, **{
                col: (row.get(col) or "").strip() or None for col in MANIFEST_COLUMNS})
    # An empty manifest, or one without a `file` column, was reported by
    # csv_rows; treat the folder as having none rather than warn per file.
    return entries if read_any else None
