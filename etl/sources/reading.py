"""The state of one `read_articles` run: where problems go, which ids are taken.

Every reader builds its articles through `Reading.article` and reports
through `Reading.report`, so each problem is reported exactly once and the
id and date rules are the same for every format.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from etl.errors import SourceError
from etl.model import Article
from etl.sources.dates import date_from_text, parse_date

log = logging.getLogger("etl.sources")


class SourceWarning(SourceError):
    """A problem with an input whose article still loaded (e.g. a date field
    that is not a date). Plain `SourceError`s mean something was skipped."""


def log_problem(problem: SourceError) -> None:
    """The default `on_problem`: nothing is dropped without a word."""
    log.warning("%s", problem)


@dataclass
class SourceStats:
    """Counts for an ingest summary; pass it as `on_problem`.

    >>> stats = SourceStats()
    >>> stats(SourceError("a.jsonl:3", "is not valid JSON", "fix the line"))
    >>> stats(SourceWarning("b.txt", "is not in manifest.csv", "add a row"))
    >>> stats.skipped, stats.warned
    (1, 1)
    """

    forward: Callable[[SourceError], None] | None = None   # also pass them on
    skipped: int = 0     # problems that dropped a line, a row or a file
    warned: int = 0      # problems where the article still loaded
    problems: list[SourceError] = field(default_factory=list, repr=False)

    def __call__(self, problem: SourceError) -> None:
        if isinstance(problem, SourceWarning):
            self.warned += 1
        else:
            self.skipped += 1
        self.problems.append(problem)
        if self.forward:
            self.forward(problem)


class Reading:
    """One run: `strict` raises the first problem, else `on_problem` gets each."""

    def __init__(self, strict: bool = False,
                 on_problem: Callable[[SourceError], None] | None = None):
        self.strict = strict
        self.on_problem = on_problem or log_problem
        self.first_seen: dict[str, str] = {}     # id -> origin, to name both
        self.files_read: dict[tuple[int, int], str] = {}  # (dev, inode) -> path

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

    def report(self, where, problem: str, fix: str, *, warning: bool = False) -> None:
        error = (SourceWarning if warning else SourceError)(str(where), problem, fix)
        if self.strict:
            raise error
        self.on_problem(error)

    def published(self, value, text: str, where: str):
        """The date field if it reads as a date, else the text's own stamp.

        A field that is present but not a date is reported as a warning (the
        article still loads, dated from its text or undated): one bad
        date should not cost an article its figures.
        """
        if value is not None and value != "":
            day = parse_date(value) if isinstance(value, str) else None
            if day:
                return day
            self.report(where, f"published {value!r} is not a date I can read",
                        "write it as YYYY-MM-DD (e.g. 2024-08-23); the article "
                        "is loaded with the date in its text, if any",
                        warning=True)
        return date_from_text(text)

    def article(self, *, id: str, text: str, origin: str, published=None,
                published_where: str | None = None, url=None, outlet=None,
                title=None) -> Article | None:
        """The Article, or None after reporting a repeated id."""
        if id in self.first_seen:
            self.report(origin, f"repeats id {id!r}, first read at "
                        f"{self.first_seen[id]}",
                        "give each article its own id; this one is skipped")
            return None
        self.first_seen[id] = origin
        return Article(
            id=id, text=text, origin=origin, url=url, outlet=outlet, title=title,
            published=self.published(published, text, published_where or origin),
        )
