"""How far an ingest has got, and how to stop one cleanly.

`Progress` draws a bar (percent, rate, ETA) on a terminal and writes a
plain line every few seconds elsewhere (a log, a pipe). `StopSignals`
turns the first Ctrl-C or SIGTERM into a request the ingest loop reads
between batches and while it waits for workers: a batch being written
commits whole, the ones extracted are written, the rest are left, and the
run is marked `interrupted`. A second signal stops at once (a batch being
written then rolls back whole).
"""
from __future__ import annotations

import shutil
import signal
import sys
import threading
import time
from contextlib import contextmanager

import click

from etl.settings import DEFAULTS

BAR_WIDTH = 24
BAR_EVERY_S = 0.25     # a terminal bar is redrawn at most this often


def size(n: float) -> str:
    """
    >>> size(512), size(7_900), size(210_000_000)
    ('512 B', '7.9 kB', '210.0 MB')
    """
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n:,.0f} B"


def duration(seconds: float) -> str:
    """
    >>> duration(2.44), duration(65), duration(3725), duration(0.04)
    ('2.4 s', '1 min 05 s', '1 h 02 min', '0.0 s')
    """
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """Where an ingest is, on stderr; silent when disabled.

    `total_bytes`: the size of the inputs when known (files, not pipes):
    then percent and ETA are shown, from the input bytes behind the batches
    extracted so far (written at most a transaction later). `tty`: draw a bar redrawn in place (default: whether
    stderr is a terminal); else a line every PROGRESS_EVERY_S seconds or
    PROGRESS_EVERY_N articles.
    """

    def __init__(self, enabled: bool, total_bytes: int | None = None, *,
                 tty: bool | None = None, echo=None, width: int | None = None,
                 started: float | None = None):
        self.enabled, self.total = enabled, total_bytes or None
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.echo = echo or (lambda text, nl=True: click.echo(text, err=True, nl=nl))
        self.width = (width or shutil.get_terminal_size().columns) if self.tty else 0
        self.started = started or time.monotonic()
        self.last_time, self.last_count = self.started, 0
        self.done_bytes = 0
        self.drawn = False

    def tick(self, s, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty:
            if force or now - self.last_time >= BAR_EVERY_S:
                self.last_time = now
                line = self.bar_line(s, now)[: self.width - 1]
                self.echo("\r" + line.ljust(self.width - 1), nl=False)
                self.drawn = True
            return
        due = (now - self.last_time >= DEFAULTS["PROGRESS_EVERY_S"]
               or s.read - self.last_count >= DEFAULTS["PROGRESS_EVERY_N"])
        if due or force:
            self.last_time, self.last_count = now, s.read
            self.echo(self.plain_line(s, now))

    def finish(self) -> None:
        """Clear the bar, so the summary starts on a clean line."""
        if self.enabled and self.drawn:
            self.echo("\r" + " " * (self.width - 1) + "\r", nl=False)
            self.drawn = False

    def _share(self) -> float | None:
        if not self.total:
            return None
        return min(self.done_bytes / self.total, 1.0)

    def _eta(self, now: float) -> str | None:
        share = self._share()
        if share is None or not 0 < share < 1:
            return None
        elapsed = now - self.started
        return duration(elapsed * (1 - share) / share)

    def _rates(self, s, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        return f"{s.read / elapsed:,.0f} articles/s, {s.bytes / elapsed / 1e6:.1f} MB/s"

    def bar_line(self, s, now: float) -> str:
        """  [#########---------------]  40%  4,000 articles  133/s  0.1 MB/s  ETA 45.0 s  9,000 facts"""
        share, eta = self._share(), self._eta(now)
        elapsed = max(now - self.started, 1e-9)
        parts = [f"{s.read:,} articles", f"{s.read / elapsed:,.0f}/s",
                 f"{s.bytes / elapsed / 1e6:.1f} MB/s"]
        if share is not None:
            filled = int(share * BAR_WIDTH)
            parts.insert(0, f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {share:4.0%}")
        if eta:
            parts.append(f"ETA {eta}")
        parts.append(f"{s.facts:,} facts" + (f", {s.failed:,} failed" if s.failed else ""))
        return "  " + "  ".join(parts)

    def plain_line(self, s, now: float) -> str:
        """  42% of 210.0 MB, ETA 1 min 05 s: 12,345 articles (...): ... loaded, ..."""
        share, eta = self._share(), self._eta(now)
        where = ""
        if share is not None:
            where = f"{share:.0%} of {size(self.total)}" + (f", ETA {eta}" if eta else "") + ": "
        return (f"  {where}{s.read:,} articles ({self._rates(s, now)}): {s.loaded:,} "
                f"loaded, {s.skipped:,} skipped, {s.failed:,} failed, {s.facts:,} facts")


class StopSignals:
    """While active, the first SIGINT (Ctrl-C) or SIGTERM asks the ingest to
    stop (`requested` holds the signal's name); a second raises
    KeyboardInterrupt at once. Handlers can only be
    set in the main thread; elsewhere this does nothing."""

    SIGNALS = ("SIGINT", "SIGTERM")

    def __init__(self, echo=None):
        self.requested: str | None = None
        self.echo = echo or (lambda text: click.echo(text, err=True))
        self.previous: dict = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for name in self.SIGNALS:
                number = getattr(signal, name, None)
                if number is not None:
                    self.previous[number] = signal.signal(number, self._handle)
        return self

    def __exit__(self, *exc):
        for number, handler in self.previous.items():
            signal.signal(number, handler)
        self.previous.clear()
        return False

    def _handle(self, number, _frame):
        name = signal.Signals(number).name
        if self.requested:
            raise KeyboardInterrupt(name)
        self.requested = name
        self.echo(f"\n{name}: stopping - the batches extracted so far are written, "
                  "the rest left for the next run (send it again to stop at once)")


@contextmanager
def signals_held():
    """SIGINT and SIGTERM held back (blocked, not lost) in this thread: a
    process started meanwhile inherits them blocked, through fork and exec.
    Worker processes start so, and ignore both before they take them again
    (etl.warehouse.worker.exit_with_parent): a Ctrl-C that reaches them while
    they start cannot kill them."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
