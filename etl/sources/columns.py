"""Columns as people name them: an export's column (or JSON key) -> a field.

Each article field has the names exports commonly give it (ALIASES, the
field's own name first); `--columns text=content,published=date` names the
column for a field outright. For one file, `Columns.resolve` picks the
column of each field - the one given, else the first alias present, matched
in any case, with spaces and dashes read as `_` - and keeps the others as
ignored, so that a reader can say once per file what it read, what it
mapped and what it left out. Nothing is dropped without a word.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# NOTE: keep in sync with README.md (Sources) and etl.model.Article.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "guid"),
    "text": ("text", "content", "body", "article", "full_text"),
    "published": ("published", "date", "published_at", "pubdate", "datetime"),
    "outlet": ("outlet", "source", "publisher", "site", "domain"),
    "url": ("url", "link", "href"),
    "title": ("title", "headline"),
}
ARTICLE_FIELDS = tuple(ALIASES)
# A manifest.csv row describes a file: its name, and the article's metadata.
MANIFEST_ALIASES: dict[str, tuple[str, ...]] = {
    "file": ("file", "filename", "file_name", "path"),
    **{name: ALIASES[name] for name in ("published", "outlet", "title", "url")},
}
MAPPING_EXAMPLE = "--columns text=content,published=date"


class MappingError(ValueError):
    """A --columns value that cannot be read; the message says how to write it."""


def key(name: str) -> str:
    """A column name as it is compared: lower case, spaces and dashes as _.

    >>> key(" Published-At "), key("\\ufeffFull Text")
    ('published_at', 'full_text')
    """
    return re.sub(r"[\s-]+", "_", name.replace("\ufeff", "").strip().lower())


def parse_mapping(specs: str | Iterable[str] | None) -> dict[str, str]:
    """{field: column} from "text=content,published=date" (or several such).

    >>> parse_mapping(["text=content", "published = Date,url=link"])
    {'text': 'content', 'published': 'Date', 'url': 'link'}
    >>> parse_mapping("body")
    Traceback (most recent call last):
    ...
    etl.sources.columns.MappingError: 'body' is not FIELD=COLUMN — write it as --columns text=content,published=date (fields: id, text, published, outlet, url, title)
    """
    if specs is None:
        return {}
    items = [specs] if isinstance(specs, str) else list(specs)
    fields = ", ".join(ARTICLE_FIELDS)
    mapping: dict[str, str] = {}
    for part in (p.strip() for item in items for p in item.split(",")):
        if not part:
            continue
        name, eq, column = (s.strip() for s in part.partition("="))
        if not eq or not name or not column:
            raise MappingError(f"{part!r} is not FIELD=COLUMN — write it as "
                               f"{MAPPING_EXAMPLE} (fields: {fields})")
        if name.lower() not in ALIASES:
            raise MappingError(f"{name!r} is not a field warstats reads — use one of "
                               f"{fields}, as in {MAPPING_EXAMPLE}")
        if name.lower() in mapping:
            raise MappingError(f"the field {name.lower()!r} is mapped twice "
                               f"({mapping[name.lower()]}, {column}) — give each field "
                               f"one column, as in {MAPPING_EXAMPLE}")
        mapping[name.lower()] = column
    return mapping


@dataclass
class Columns:
    """One file's columns: which field each one feeds, and which are ignored."""

    source_of: dict[str, str] = field(default_factory=dict)   # field -> column
    ignored: list[str] = field(default_factory=list)
    missing_mapped: list[str] = field(default_factory=list)   # "text=content" not found

    @classmethod
    def resolve(cls, names: Iterable[str], mapping: Mapping[str, str] | None = None,
                aliases: Mapping[str, tuple[str, ...]] = ALIASES) -> "Columns":
        """Match `names` (a header, or a record's keys) to the fields.

        >>> c = Columns.resolve(["ID", "date", "source", "Content", "author"])
        >>> c.source_of, c.ignored
        ({'id': 'ID', 'text': 'Content', 'published': 'date', 'outlet': 'source'}, ['author'])
        >>> Columns.resolve(["story", "when"], {"text": "story"}).source_of
        {'text': 'story'}
        """
        names = list(names)
        by_key: dict[str, str] = {}
        for name in names:
            by_key.setdefault(key(name), name)
        taken: set[str] = set()
        out = cls()
        for name, column in (mapping or {}).items():
            if name not in aliases:
                continue
            found = by_key.get(key(column))
            if found is None:
                out.missing_mapped.append(f"{name}={column}")
            else:
                out.source_of[name] = found
                taken.add(found)
        for name, candidates in aliases.items():
            if name in out.source_of:
                continue
            for candidate in candidates:
                found = by_key.get(candidate)
                if found is not None and found not in taken:
                    out.source_of[name] = found
                    taken.add(found)
                    break
        out.source_of = {n: out.source_of[n] for n in aliases if n in out.source_of}
        out.ignored = [n for n in names if n not in taken and key(n)]
        return out

    def record(self, row: Mapping[str, object]) -> dict[str, object]:
        """`row` with the fields' names as keys; columns not read are left out."""
        return {f: row[c] for f, c in self.source_of.items() if c in row}

    def column(self, name: str) -> str:
        """The column a field is read from (its own name if not mapped)."""
        return self.source_of.get(name, name)


class ColumnLog:
    """What one file's columns were, gathered over its records (JSONL keys
    differ from line to line), to be said once per file by `note()`."""

    def __init__(self, fields: tuple[str, ...] = ARTICLE_FIELDS):
        self.fields = fields
        self.read: dict[str, str] = {}      # column -> field
        self.ignored: dict[str, None] = {}  # ordered set
        self.missing_mapped: dict[str, None] = {}

    def add(self, columns: Columns) -> None:
        for name, column in columns.source_of.items():
            self.read.setdefault(column, name)
        for column in columns.ignored:
            self.ignored.setdefault(column)
        for spec in columns.missing_mapped:
            self.missing_mapped.setdefault(spec)

    def note(self) -> tuple[str, str] | None:
        """(what, what to do) when a column was mapped, ignored or not found;
        None when every column is read under its own name."""
        mapped = [f"{c} as {f}" for c, f in self.read.items() if key(c) != f]
        ignored = [c for c in self.ignored if c not in self.read]
        if not (mapped or ignored or self.missing_mapped):
            return None
        parts = [f"columns read: {', '.join(self.read) or 'none'}"]
        if mapped:
            parts.append(f"mapped: {', '.join(mapped)}")
        if ignored:
            parts.append(f"ignored columns: {', '.join(ignored)}")
        if self.missing_mapped:
            parts.append(f"not found: {', '.join(self.missing_mapped)} (--columns)")
        fix = (f"if an ignored column holds an article field, name it: --columns "
               f"FIELD={ignored[0]} (fields: {', '.join(self.fields)})"
               if ignored else "nothing to do; said once per file")
        return "; ".join(parts), fix
