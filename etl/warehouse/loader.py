"""Articles -> DuckDB: stream, skip unchanged, extract in workers, load in bulk.

One run is one `runs` row. Workers extract batches of articles; the parent
writes the batches extracted in transactions of about TRANSACTION_ARTICLES
articles, each deleting its articles' old rows and inserting the new ones,
so an article has all its facts or none. A run killed mid-way stays
`running`; the next ingest marks it `incomplete` and, since finished
articles are skipped by hash, picks up where it stopped. Worker processes
exit when the ingest process dies, however it dies. tests/test_kill.py
kills real runs at the `tables.KILL_POINTS`.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import multiprocessing
import os
import signal
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice

import click

from etl.errors import EtlError, SourceError
from etl.model import Article, Extraction
from etl.settings import DEFAULTS
from etl.warehouse import rows, tables
from etl.warehouse.database import apply_sql, connect
from etl.warehouse.progress import Progress, StopSignals, duration, signals_held
from etl.warehouse.worker import extract_batch, exit_with_parent, extractor_version, load_extractor


@dataclass
class RunSummary:
    """What one ingest run did; `exit_code` is the CLI's exit status."""

    run_id: int
    db: str
    status: str = "running"
    read: int = 0          # articles read from the sources
    loaded: int = 0        # articles (re-)extracted and written
    skipped: int = 0       # unchanged since they were last loaded
    failed: int = 0        # problems: unreadable inputs, extraction errors
    warnings: int = 0      # problems where the article still loaded
    facts: int = 0
    rejections: int = 0
    bytes: int = 0
    seconds: float = 0.0
    stale_runs: int = 0    # earlier killed runs marked incomplete
    problem_reports: int = 0   # messages behind failed + warnings
    stopped_by: str | None = None  # SIGINT / SIGTERM, when `interrupted`
    db_facts: int | None = None    # what the database holds after the run
    db_articles: int | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # how files were read

    @property
    def exit_code(self) -> int:
        if self.status == "interrupted":    # as the shell says it: 128 + signal
            return 128 + signal.Signals[self.stopped_by or "SIGINT"].value
        return 3 if self.failed or self.status != "complete" else 0

    def describe(self) -> str:
        """The summary: what the run did, in how long, and what the database
        now holds ("no changes; 23 facts from 5 articles in warstats.duckdb")."""
        change = "no changes" if not self.loaded else f"{self.facts:,} facts loaded"
        holds = (f"{self.db_facts:,} facts from {self.db_articles:,} articles in {self.db}"
                 if self.db_facts is not None else f"database {self.db}")
        text = (f"run {self.run_id} {self.status} in {duration(self.seconds)}: "
                f"{self.read:,} articles read, "
                f"{self.loaded:,} loaded, {self.skipped:,} skipped (unchanged), "
                f"{self.failed:,} failed, {self.warnings:,} warnings; {change}; {holds}")
        if self.status == "interrupted":
            text += (f"\nstopped by {self.stopped_by}: each batch was written whole or "
                     "not at all; run the same command again to resume (the articles "
                     "loaded are skipped)")
        if self.stale_runs:
            text += f"\n{self.stale_runs} interrupted earlier run(s) marked incomplete"
        text += "".join(f"\n  note: {n}" for n in self.notes)
        shown = self.problems[: DEFAULTS["MAX_PROBLEMS_KEPT"]]
        text += "".join(f"\n  problem: {p}" for p in shown)
        # a problem met on many lines of a file is one message: count them
        if self.problem_reports > len(shown):
            more = self.problem_reports - len(shown)
            text += f"\n  ... and {more:,} more problems"
        return text


def content_hash(article: Article) -> str:
    """sha256 of the text and the metadata that extraction may read.

    `origin` is left out: moving a file does not change the article.
    """
    published = article.published.isoformat() if article.published else None
    payload = [article.text, article.title, article.outlet, article.url, published]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


# Memory that extracting one article takes, per character of its text
# (the index of its words and their prefixes; measured on a 5 MB article).
EXTRACTION_BYTES_PER_CHAR = 35


def oversized(article: Article) -> SourceError | None:
    """The problem with an article too long to extract in the memory of a
    worker (one file holding a whole feed, say), or None."""
    limit = DEFAULTS["MAX_ARTICLE_CHARS"]
    if len(article.text) <= limit:
        return None
    where = f"{article.origin} (article {article.id})" if article.origin else article.id
    need = len(article.text) * EXTRACTION_BYTES_PER_CHAR / 2**30
    return SourceError(where, f"is {len(article.text):,} characters long, more than "
                       f"one article may be ({limit:,}; MAX_ARTICLE_CHARS): extracting "
                       f"it would hold about {need:.1f} GB in memory in each worker, "
                       f"{EXTRACTION_BYTES_PER_CHAR} bytes a character",
                       "split it into its articles (a .txt file or a JSONL line "
                       "each); it is skipped")


def extract_sources(paths, *, strict=False, on_problem=None, columns=None):
    """Yield (Article, Extraction) for each article under `paths`, in-process.

    For `warstats extract` and `eval`: no database. An article whose
    extraction fails is reported like an unreadable input and yields an
    empty Extraction, so it still counts as a document (raised if `strict`
    or when there is no `on_problem`).
    """
    sources = importlib.import_module("etl.sources")
    extract, _ = load_extractor(DEFAULTS["EXTRACTOR"])
    for article in sources.read_articles(paths, strict=strict, on_problem=on_problem,
                                         columns=columns):
        if too_long := oversized(article):
            if strict or on_problem is None:
                raise too_long
            on_problem(too_long)
            yield article, Extraction()
            continue
        try:
            yield article, extract(article)
        except Exception as e:
            error = extraction_error(article, f"{type(e).__name__}: {e}")
            if strict or on_problem is None:
                raise error from e
            on_problem(error)
            yield article, Extraction()


def extraction_error(article: Article, message: str) -> SourceError:
    where = f"{article.origin} (article {article.id})" if article.origin else article.id
    return SourceError(where, f"extraction failed: {message}",
                       "the article was not loaded; fix the extractor and re-run "
                       "(articles already loaded are skipped)")


class _Inline:
    """An executor that runs the task at once: --jobs 1, and easy debugging."""

    def submit(self, fn, *args):
        future = Future()
        future.set_result(fn(*args))
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


class _Workers(ProcessPoolExecutor):
    """Worker processes, started (on demand, by submit) with SIGINT and
    SIGTERM held back: the signals are the parent's to act on."""

    def submit(self, fn, /, *args, **kwargs):
        with signals_held():
            return super().submit(fn, *args, **kwargs)


def _executor(jobs: int):
    if jobs == 1:
        return _Inline()
    # spawn, not fork: the parent holds a multi-threaded DuckDB connection.
    return _Workers(jobs, mp_context=multiprocessing.get_context("spawn"),
                    initializer=exit_with_parent, initargs=(os.getpid(),))


def batches(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(paths, db=None, *, jobs=None, strict=False, progress=True,
           on_problem=None, columns=None) -> RunSummary:
    """Load the articles under `paths` into `db`; returns the run's summary.

    Unchanged articles (same content hash and extractor version) are skipped;
    others replace their earlier facts. Unreadable inputs and extraction
    errors are counted as `failed` and the run goes on, unless `strict`: then
    the first one is raised (a SourceError) and the run is left `incomplete`.
    An id seen twice in one batch: the last copy wins, the other is skipped.
    `progress`: True for a bar (on a terminal) or lines on stderr, False
    for none. The first SIGINT or SIGTERM stops the run (status
    `interrupted`): a transaction being written commits whole, the batches
    extracted are written, the rest left; a second one stops at once, the
    transaction being written rolled back whole. The same command then resumes.
    `on_problem` is
    also given each problem (a SourceError) as it happens: the summary keeps
    only the first MAX_PROBLEMS_KEPT. `columns`: the --columns mapping
    ({field: column}) for CSV and JSONL sources.
    """
    # By name, so that tests can stand in a module under sys.modules.
    sources = importlib.import_module("etl.sources")

    started = time.monotonic()
    spec = DEFAULTS["EXTRACTOR"]
    # The parent imports the extractor only if it extracts itself (--jobs 1).
    version = extractor_version(spec)
    jobs = jobs or os.cpu_count() or 1
    size = getattr(sources, "input_size", lambda _: None)(paths) if progress else None
    with StopSignals() as stop:
        con = connect(db)
        try:
            con.execute(f"set memory_limit = '{DEFAULTS['INGEST_MEMORY_LIMIT']}'")
            apply_sql(con)
            summary = RunSummary(run_id=0, db=str(db or DEFAULTS["DB"]))
            summary.stale_runs = tables.close_stale_runs(con)
            tables.kill_point("before-run-row")
            summary.run_id = tables.start_run(con, [str(p) for p in paths], version)
            tables.kill_point("after-run-row")
            _run(con, summary, sources, paths, spec, version, jobs, strict,
                 Progress(progress, size, started=started), on_problem, columns, stop)
            summary.db_facts, summary.db_articles = tables.holdings(con)
            summary.seconds = time.monotonic() - started
            tables.kill_point("after-finish")
            return summary
        finally:
            con.close()


def is_warning(problem: SourceError) -> bool:
    """A SourceWarning (e.g. a date field that is not a date) still loaded
    its article: it is counted, not failed. (A SourceNote is one too.)"""
    sources = importlib.import_module("etl.sources")
    return isinstance(problem, getattr(sources, "SourceWarning", ()))


def is_note(problem: SourceError) -> bool:
    """A SourceNote says how a file was read (columns mapped, ignored): no
    problem at all, so neither failed nor a warning."""
    sources = importlib.import_module("etl.sources")
    return isinstance(problem, getattr(sources, "SourceNote", ()))


def _run(con, summary, sources, paths, spec, version, jobs, strict, progress,
         tell=None, columns=None, stop=None):
    def on_problem(error: SourceError):
        if is_note(error):
            if len(summary.notes) < DEFAULTS["MAX_PROBLEMS_KEPT"]:
                summary.notes.append(str(error))
        else:
            warning = is_warning(error)
            summary.warnings += error.count if warning else 0
            summary.failed += 0 if warning else error.count
            summary.problem_reports += 1
            if len(summary.problems) < DEFAULTS["MAX_PROBLEMS_KEPT"]:
                summary.problems.append(("warning: " if warning else "") + str(error))
        if tell:
            tell(error)

    stop = stop or StopSignals()
    input_bytes = [0]   # of the sources, read so far (progress)

    def count_bytes(n: int) -> None:
        input_bytes[0] += n

    # Extracted batches wait in `ready` until they fill a transaction: a
    # commit costs the parent about 40 ms, over half of what building and
    # inserting a batch of 200 articles' rows does.
    ready = []          # (articles, hashes, extracted columns), oldest first

    def flush() -> None:
        """Write the ready batches, in one transaction."""
        if ready:
            _write(con, ready, version, summary, strict, on_problem)
            ready.clear()

    def take(item) -> bool:
        """Add the batch to `ready` once extracted, writing them when they
        fill a transaction; False if a stop came first."""
        results = _extracted(item[2], stop)
        if results is None:
            return False
        waiting = {a.id for articles, _, _ in ready for a in articles}
        if not waiting.isdisjoint(a.id for a in item[0]):
            flush()     # an id again: the first copy goes in first, the later replaces it
        ready.append((item[0], item[1], results))
        progress.done_bytes = item[3]
        if sum(len(articles) for articles, _, _ in ready) >= DEFAULTS["TRANSACTION_ARTICLES"]:
            flush()
        return True

    pool = _Inline()
    pending = deque()  # (articles, hashes, future, input bytes so far), oldest first
    try:
        articles = sources.read_articles(paths, strict=strict, on_problem=on_problem,
                                         columns=columns, on_bytes=count_bytes)
        batches_in = batches(articles, DEFAULTS["BATCH_SIZE"])
        # Starting worker processes costs about a second: only worth it
        # when there is more than one batch.
        head = list(islice(batches_in, 2))
        if len(head) > 1:
            pool = _executor(jobs)
        for batch in chain(head, batches_in):
            summary.read += len(batch)
            summary.bytes += sum(len(a.text.encode()) for a in batch)
            batch = _drop_oversized(batch, strict, on_problem)
            todo, hashes = _changed(con, batch, version, summary)
            if todo:
                pending.append((todo, hashes, pool.submit(extract_batch, spec, todo),
                                input_bytes[0]))
            elif not pending:
                progress.done_bytes = input_bytes[0]
            # Bounded in-flight work keeps memory flat for any corpus size.
            while len(pending) > jobs * DEFAULTS["INFLIGHT_PER_JOB"] \
                    and take(pending.popleft()):
                pass
            progress.tick(summary)
            if stop.requested:
                break
        # Stopped, the batches extracted already are written; the rest are
        # left to the next run (the same command skips what is loaded).
        while pending and take(pending.popleft()):
            pass
        flush()
        summary.status = "interrupted" if stop.requested else "complete"
        summary.stopped_by = stop.requested
    except KeyboardInterrupt:
        # a second signal: the batch being written was rolled back whole
        summary.status, summary.stopped_by = "interrupted", stop.requested or "SIGINT"
    except BaseException:
        summary.status = "incomplete"  # kept by `finally`, then re-raised
        raise
    finally:
        if summary.status == "interrupted":
            _end_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        tables.kill_point("before-finish")
        tables.finish_run(con, summary)
        progress.tick(summary, force=True)
        progress.finish()


def _end_workers(pool) -> None:
    """Stopping: end the workers now rather than wait for the batches they
    are extracting (left for the next run). They only compute, and ignore
    SIGTERM (the parent decides), so they get SIGKILL. (ProcessPoolExecutor
    has no public way to do this before Python 3.14.)"""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()


def _drop_oversized(batch, strict, on_problem):
    """`batch` without the articles too long to extract, each reported."""
    kept = []
    for article in batch:
        if problem := oversized(article):
            if strict:
                raise problem
            on_problem(problem)
        else:
            kept.append(article)
    return kept


def _changed(con, batch, version, summary):
    """The articles of `batch` that need extracting, and their hashes."""
    latest = {a.id: a for a in batch}  # last copy of a repeated id wins
    summary.skipped += len(batch) - len(latest)
    hashes = {i: content_hash(a) for i, a in latest.items()}
    stored = tables.stored_hashes(con, list(latest))
    todo = [a for i, a in latest.items() if stored.get(i) != (hashes[i], version)]
    summary.skipped += len(latest) - len(todo)
    return todo, hashes


def _extracted(future, stop):
    """The batch's extractions; None if a stop is requested before they are
    ready (waiting in short steps, so that a stop is not kept waiting)."""
    while True:
        if stop.requested and not future.done():
            return None
        try:
            return future.result(timeout=STOP_POLL_S)
        except TimeoutError:
            continue
        except BrokenProcessPool as e:
            raise EtlError("a worker process died while extracting (out of memory, "
                           "or killed?) — re-run with fewer --jobs; articles already "
                           "loaded are skipped") from e


# How often a wait for a worker looks for a stop request (seconds).
STOP_POLL_S = 0.2


def _write(con, ready, version, summary, strict, on_problem):
    """Write extracted batches, (articles, hashes, extracted columns) each,
    in one transaction; extraction errors become problems. With `strict`,
    the batches before the first error are written, then it is raised."""
    if not ready:
        return
    good, hashes = [], {}
    for k, (articles, batch_hashes, results) in enumerate(ready):
        for n, article in enumerate(articles):
            if n in results["errors"]:
                error = extraction_error(article, results["errors"][n])
                if strict:
                    _write(con, ready[:k], version, summary, strict, on_problem)
                    raise error
                on_problem(error)
            else:
                good.append(article)
        hashes.update(batch_hashes)
    extracted = rows.joined([results for _, _, results in ready])
    tables.replace_articles(con, good, extracted, hashes, version, summary.run_id)
    summary.loaded += len(good)
    summary.facts += len(extracted["facts"]["doc"])
    summary.rejections += len(extracted["rejections"]["doc"])


__all__ = ["ingest", "RunSummary", "content_hash", "extract_batch", "extract_sources"]
