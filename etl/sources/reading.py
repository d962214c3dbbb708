"""The state of one `read_articles` run: where problems go, which ids are taken.

Every reader builds its articles through `Reading.article` and reports
through `Reading.report`, so each problem is reported exactly once and the
id and date rules are the same for every format.

Inside `Reading.file(path)`, the problems of that file's lines are gathered
and reported when the file ends: a problem met once is reported as it is
("PATH:LINE: what — fix"); one met on many lines is one report, with the
count and the first line numbers.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from etl.errors import SourceError
from etl.model import Article
from etl.sources.dates import date_from_text, parse_date

log = logging.getLogger("etl.sources")

# Line numbers a gathered report names before "and N more".
LINES_SHOWN = 5


class SourceWarning(SourceError):
    """A problem with an input whose article still loaded (e.g. a date field
    that is not a date). Plain `SourceError`s mean something was skipped."""


class SourceNote(SourceWarning):
    """Not a problem: what was read from a file and how (its columns, the
    ones mapped and the ones ignored). Counted neither as failed nor as a
    warning, and never stops a --strict run."""


def log_problem(problem: SourceError) -> None:
    """The default `on_problem`: nothing is dropped without a word."""
    log.warning("%s", problem)


@dataclass
class SourceStats:
    """Counts for an ingest summary; pass it as `on_problem`.

    >>> stats = SourceStats()
    >>> stats(SourceError("a.jsonl:3", "is not valid JSON", "fix the line"))
    >>> stats(SourceWarning("b.txt", "is not in manifest.csv", "add a row"))
    >>> stats(SourceNote("c.csv", "ignored columns: tags", "map it"))
    >>> stats.skipped, stats.warned, stats.noted
    (1, 1, 1)
    """

    forward: Callable[[SourceError], None] | None = None   # also pass them on
    skipped: int = 0     # problems that dropped a line, a row or a file
    warned: int = 0      # problems where the article still loaded
    noted: int = 0       # notes: how a file was read
    problems: list[SourceError] = field(default_factory=list, repr=False)

    def __call__(self, problem: SourceError) -> None:
        if isinstance(problem, SourceNote):
            self.noted += 1
        elif isinstance(problem, SourceWarning):
            self.warned += problem.count
        else:
            self.skipped += problem.count
        self.problems.append(problem)
        if self.forward:
            self.forward(problem)


# The verb a problem starts with, for several lines: "has no text" -> "have".
_PLURAL_VERBS = {"has": "have", "is": "are", "repeats": "repeat", "names": "name",
                 "lists": "list"}


def plural(problem: str) -> str:
    """
    >>> plural("has no text"), plural("is not valid JSON"), plural("odd")
    ('have no text', 'are not valid JSON', ': odd')
    """
    verb, _, rest = problem.partition(" ")
    return f"{_PLURAL_VERBS[verb]} {rest}" if verb in _PLURAL_VERBS else f": {problem}"


class _Gathered:
    """The problems met on the lines of one file, by kind, in order."""

    def __init__(self, path: str):
        self.prefix = f"{path}:"
        self.path = path
        self.kinds: dict[tuple, list[tuple[int, SourceError, str | None]]] = {}

    def line_of(self, where: str) -> int | None:
        rest = where[len(self.prefix):] if where.startswith(self.prefix) else ""
        return int(rest) if rest.isdecimal() else None

    def add(self, line: int, error: SourceError, many: str | None) -> None:
        kind = (type(error), many or plural(error.problem), error.fix)
        self.kinds.setdefault(kind, []).append((line, error, many))

    def reports(self):
        """One problem per kind: the error itself when met once."""
        for (cls, many, fix), found in self.kinds.items():
            first_line, first, given = found[0]
            if len(found) == 1:
                yield first
                continue
            lines = [str(line) for line, _, _ in found[:LINES_SHOWN]]
            more = len(found) - LINES_SHOWN
            shown = ", ".join(lines) + (f" and {more:,} more" if more > 0 else "")
            example = f"; the first: {first.problem}" if given else ""
            gathered = cls(f"{self.prefix}{first_line}",
                           f"{len(found):,} lines {many} (lines {shown}{example})", fix)
            gathered.count = len(found)
            yield gathered


class Reading:
    """One run: `strict` raises the first problem, else `on_problem` gets each.

    `columns` is the --columns mapping, {field: column name} (see
    etl.sources.columns). `on_bytes(n)` is told as the inputs' bytes are
    read, for a progress bar.
    """

    def __init__(self, strict: bool = False,
                 on_problem: Callable[[SourceError], None] | None = None,
                 columns: Mapping[str, str] | None = None,
                 on_bytes: Callable[[int], None] | None = None):
        self.strict = strict
        self.on_bytes = on_bytes               # told the input bytes read
        self.bytes_read = 0
        self.on_problem = on_problem or log_problem
        self.columns = dict(columns or {})
        self.first_seen: dict[str, str] = {}     # id -> origin, to name both
        self.files_read: dict[tuple[int, int], str] = {}  # (dev, inode) -> path
        self._file: _Gathered | None = None

    @contextmanager
    def file(self, path):
        """Gather the problems of `path`'s lines while it is read; report
        them when it ends (or when reading stops early)."""
        outer, self._file = self._file, _Gathered(str(path))
        try:
            yield
        finally:
            gathered, self._file = self._file, outer
            for problem in gathered.reports():
                self.on_problem(problem)

    def count_bytes(self, n: int) -> None:
        """`n` more bytes of the inputs read (for progress)."""
        if n > 0:
            self.bytes_read += n
            if self.on_bytes:
                self.on_bytes(n)

    def first_visit(self, path, stat) -> bool:
        """False (after reporting) if this file or folder was already read:
        passed twice, or reached again through a symlink (perhaps a loop)."""
        key = (stat.st_dev, stat.st_ino)
        if key in self.files_read:
            self.report(path, f"was already read in this run, as {self.files_read[key]} "
                        "(passed twice, or a symlink; a loop?)",
                        "pass each file or folder once, or remove the link; skipped")
            return False
        self.files_read[key] = str(path)
        return True

    def report(self, where, problem: str, fix: str, *, warning: bool = False,
               many: str | None = None) -> None:
        """Report one problem; `many` is the problem said of several lines
        ("have a published date I cannot read"), when it differs line by line."""
        error = (SourceWarning if warning else SourceError)(str(where), problem, fix)
        if self.strict:
            raise error
        line = self._file.line_of(str(where)) if self._file else None
        if line is not None:
            self._file.add(line, error, many)
        else:
            self.on_problem(error)

    def note(self, where, what: str, fix: str) -> None:
        """Say how a file was read (never raised, never counted as a problem)."""
        self.on_problem(SourceNote(str(where), what, fix))

    def published(self, value, text: str, where: str, column: str = "published"):
        """The date field if it reads as a date, else the text's own stamp.

        A field that is present but not a date is reported as a warning (the
        article still loads, dated from its text or undated): one bad
        date should not cost an article its figures.
        """
        if value is not None and value != "":
            day = parse_date(value) if isinstance(value, str) else None
            if day:
                return day
            name = "published" if column == "published" else f"published (column {column})"
            self.report(where, f"{name} {value!r} is not a date I can read",
                        "write it as YYYY-MM-DD (e.g. 2024-08-23); the article "
                        "is loaded with the date in its text, if any",
                        warning=True, many=f"have a {name} value that is not a date I can read")
        return date_from_text(text)

    def article(self, *, id: str, text: str, origin: str, published=None,
                published_where: str | None = None, published_column: str = "published",
                url=None, outlet=None, title=None) -> Article | None:
        """The Article, or None after reporting a repeated id."""
        if id in self.first_seen:
            self.report(origin, f"repeats id {id!r}, first read at "
                        f"{self.first_seen[id]}",
                        "give each article its own id; this one is skipped")
            return None
        self.first_seen[id] = origin
        return Article(
            id=id, text=text, origin=origin, url=url, outlet=outlet, title=title,
            published=self.published(published, text, published_where or origin,
                                     published_column),
        )

