"""Ctrl-C and SIGTERM stop a real `warstats ingest` cleanly.

The corpus, the extractor's expected facts and a clean run's facts are
tests/test_kill.py's (600 articles, three transactions of two batches). A `warstats`
subprocess is sent real signals - by itself at an exact point
(WARSTATS_KILL_AT with WARSTATS_KILL_SIGNAL), or from here after a delay,
to its whole process group as a terminal's Ctrl-C is - and then:

- it exits with 128 + the signal, says it was stopped and that the same
  command resumes, with no traceback and no leaked-semaphore warning;
- the run is `interrupted` (and finished), every stored article has all
  its facts, and no worker process is left;
- the same command run again completes, and the facts equal a clean run's.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest

from tests.test_kill import (N_ARTICLES, WARSTATS, check_all_or_nothing, clean_facts,  # noqa: F401
                             corpus, expected, read_db, rerun_finishes_the_work,
                             session_processes)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGTERM") or not os.path.isdir("/proc"),
                       reason="needs POSIX signals and /proc"),
]


def run_and_signal(corpus, db, *, at: str | None = None, send: str = "INT",
                   after_s: float | None = None, group: bool = False, jobs: int = 2):
    """Run the real CLI in its own session. It signals itself at `at`
    (WARSTATS_KILL_AT), or gets `send` from here `after_s` seconds in (to its
    process group with `group`, as Ctrl-C in a terminal). Returns (exit
    status, stdout, stderr)."""
    env = {**os.environ, "WARSTATS_KILL_AT": at or "", "WARSTATS_KILL_SIGNAL": send}
    victim = subprocess.Popen(
        [*WARSTATS, "ingest", str(corpus), "--jobs", str(jobs), "--db", str(db)],
        env=env, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    try:
        if after_s is not None:
            # Not before the ingest runs: its worker processes are up (under
            # load, starting Python alone can take seconds).
            for _ in range(600):
                if len(session_processes(victim.pid)) > jobs or victim.poll() is not None:
                    break
                time.sleep(0.1)
            try:
                victim.wait(timeout=after_s)
            except subprocess.TimeoutExpired:
                number = signal.Signals[f"SIG{send}"]
                (os.killpg if group else os.kill)(victim.pid, number)
        out, err = victim.communicate(timeout=300)
        for _ in range(100):
            if not session_processes(victim.pid):
                break
            time.sleep(0.1)
        assert not session_processes(victim.pid), "processes outlived the ingest"
        return victim.returncode, out, err
    finally:
        for pid in session_processes(victim.pid):
            os.kill(pid, signal.SIGKILL)


def assert_stopped_cleanly(status, out, err, send):
    number = signal.Signals[f"SIG{send}"].value
    assert status == 128 + number, (status, out, err)
    assert "run 1 interrupted in " in out
    assert (f"stopped by SIG{send}: each batch was written whole or not at all; run "
            "the same command again to resume") in out
    assert f"SIG{send}: stopping - the batches extracted so far are written" in err
    assert "Traceback" not in err and "leaked semaphore" not in err, err


@pytest.mark.parametrize("send", ["INT", "TERM"])
def test_a_signal_between_transactions_stops_after_it(tmp_path, corpus, expected,
                                                         clean_facts, send):
    db = tmp_path / "s.duckdb"
    status, out, err = run_and_signal(corpus, db, at="after-commit:1", send=send)
    assert_stopped_cleanly(status, out, err, send)
    stored = check_all_or_nothing(db, expected)
    # transaction 1, and the batches extracted by then
    assert len(stored) in (200, 300, 400, 500, 600)
    runs = read_db(db)[2]
    assert [(s, finished) for _, s, finished in runs] == [("interrupted", True)]
    rerun_finishes_the_work(db, corpus, clean_facts, len(stored), stale=0)


def test_a_signal_inside_a_write_lets_that_transaction_commit_whole(tmp_path, corpus, expected,
                                                                clean_facts):
    db = tmp_path / "s.duckdb"
    status, out, err = run_and_signal(corpus, db, at="in-transaction:1", send="TERM")
    assert_stopped_cleanly(status, out, err, "TERM")
    stored = check_all_or_nothing(db, expected)
    assert len(stored) in (200, 300, 400, 500, 600)    # transaction 1 committed, whole
    rerun_finishes_the_work(db, corpus, clean_facts, len(stored), stale=0)


def test_a_second_signal_stops_at_once_and_rolls_the_transaction_back(tmp_path, corpus,
                                                                  expected, clean_facts):
    db = tmp_path / "s.duckdb"
    status, out, err = run_and_signal(corpus, db, at="in-transaction:2", send="INT,INT",
                                      jobs=1)
    assert status == 128 + signal.SIGINT and "run 1 interrupted" in out, (out, err)
    assert "Traceback" not in err
    assert len(check_all_or_nothing(db, expected)) == 200     # transaction 2 rolled back
    assert [s for _, s, _ in read_db(db)[2]] == ["interrupted"]
    rerun_finishes_the_work(db, corpus, clean_facts, 200, stale=0)


@pytest.mark.parametrize("send,group", [("INT", True), ("TERM", False)],
                         ids=["Ctrl-C to the process group", "SIGTERM to the ingest"])
def test_a_signal_from_outside_after_a_delay(tmp_path, corpus, expected, clean_facts,
                                             send, group):
    """Wherever the signal lands once the workers are up (one starting,
    mid-batch, in a worker), the ingest stops cleanly or, on a fast
    machine, has finished."""
    db = tmp_path / "s.duckdb"
    status, out, err = run_and_signal(corpus, db, send=send, after_s=1.0, group=group)
    if status == 0:
        pytest.skip("the ingest finished before the signal")   # a fast machine
    assert_stopped_cleanly(status, out, err, send)
    stored = check_all_or_nothing(db, expected)
    runs = [s for _, s, _ in read_db(db)[2]]
    assert runs in ([], ["interrupted"])
    rerun_finishes_the_work(db, corpus, clean_facts, len(stored), stale=0)
