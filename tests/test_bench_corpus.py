"""The benchmark corpus: well-formed, deterministic, streamed, reused.

Small corpora (a fraction of a MB) keep this fast; no timing is asserted.
"""
import json
import re
from datetime import date
from pathlib import Path

import pytest

from bench.corpus import corpus_path, ensure_corpus, num, ordinal, words, write_corpus

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles.jsonl"
KEYS = {"id", "text", "published", "outlet", "url", "title"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return ensure_corpus(0.3, seed=7, out_dir=tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def rows(corpus) -> list[dict]:
    return [json.loads(line) for line in corpus.open(encoding="utf-8")]


def test_every_line_is_an_article(rows):
    assert len(rows) > 20
    for row in rows:
        assert set(row) == KEYS
        assert 2_000 <= len(row["text"].encode("utf-8")) <= 8_100, row["id"]
        if row["published"] is not None:
            date.fromisoformat(row["published"])
    assert len({row["id"] for row in rows}) == len(rows)


def test_size_is_close_to_the_target(corpus):
    assert 300_000 <= corpus.stat().st_size < 300_000 + 10_000


def test_same_seed_same_bytes_and_smaller_is_a_prefix(tmp_path, corpus):
    again = tmp_path / "again.jsonl"
    write_corpus(again, 0.3, seed=7)
    assert again.read_bytes() == corpus.read_bytes()
    small = tmp_path / "small.jsonl"
    write_corpus(small, 0.1, seed=7)
    assert corpus.read_bytes().startswith(small.read_bytes())


def test_another_seed_differs(tmp_path, corpus):
    other = tmp_path / "other.jsonl"
    write_corpus(other, 0.3, seed=8)
    assert other.read_bytes()[:2000] != corpus.read_bytes()[:2000]


def test_an_existing_corpus_is_reused(corpus):
    mtime = corpus.stat().st_mtime_ns
    assert ensure_corpus(0.3, seed=7, out_dir=corpus.parent) == corpus
    assert corpus.stat().st_mtime_ns == mtime
    assert corpus_path(0.3, 7, corpus.parent) == corpus
    assert not list(corpus.parent.glob("*.part"))


@pytest.mark.parametrize("shape", [
    r"attacked with [\w,]+ \S+ attack UAVs",       # Air Force bulletin
    r"[\w ]+ Ukrainian drones over",               # ministry claim
    r"tanks – [\d,]+ \(\+\d+\)",                   # General Staff tally
    r"prisoners of war",                           # swaps
    r"killed [\w-]+ people and injured",           # casualties
    r"\d+mm",                                      # calibre: not a fact
    r"Su-\d+|Kh-\d+",                              # model names: not facts
    r"\d+-year-old",                               # ages: not facts
    r"\d+(\.\d)?%",                                # percentages: not facts
    r"\+380 44 \d{3} \d{4}",                       # phone numbers
])
def test_the_corpus_has_each_shape(rows, shape):
    assert any(re.search(shape, row["text"]) for row in rows)


@pytest.mark.parametrize("n, expected", [
    (1, "one"), (13, "thirteen"), (40, "forty"), (88, "eighty-eight"),
])
def test_words(n, expected):
    assert words(n) == expected


@pytest.mark.parametrize("n, expected", [
    (1, "1st"), (2, "2nd"), (11, "11th"), (13, "13th"), (42, "42nd"), (63, "63rd"),
])
def test_ordinal(n, expected):
    assert ordinal(n) == expected


def test_numbers_read_back():
    import random
    rng = random.Random(0)
    for n in (3, 88, 999, 1_200, 45_000):
        text = num(rng, n)
        assert text in {words(n) if n < 100 else None, str(n), f"{n:,}",
                        f"{n:,}".replace(",", " ")}


SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DIGITS = re.compile(r"\d[\d,.]*")


def per_kb(texts: list[str]) -> tuple[float, float]:
    """(numbers, extracted facts) per KB of text."""
    from etl.extract import extract_text

    size = sum(len(t.encode("utf-8")) for t in texts) / 1000
    numbers = sum(len(DIGITS.findall(t)) for t in texts)
    facts = sum(len(extract_text(t).facts) for t in texts)
    return numbers / size, facts / size


def test_as_dense_in_numbers_and_facts_as_real_reporting(rows):
    """Between whole articles (the seeds) and the dev excerpts, which are cut
    around their figures: a denser corpus would time mostly filler."""
    numbers, facts = per_kb([row["text"] for row in rows])
    seed_numbers, seed_facts = per_kb([p.read_text() for p in SEEDS.glob("*.txt")])
    assert seed_numbers < numbers and seed_facts < facts
    if DEV.exists():
        dev = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8")]
        dev_numbers, dev_facts = per_kb(dev)
        assert numbers < 1.25 * dev_numbers and facts < 1.25 * dev_facts


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev is not here")
def test_no_dev_sentence_is_copied(rows):
    text = "\n".join(row["text"] for row in rows)
    for line in DEV.open(encoding="utf-8"):
        for sentence in re.split(r"(?<=[.!?])\s+", json.loads(line)["text"]):
            if len(sentence) >= 60:
                assert sentence not in text


# --- the harness's measuring helpers (bench.run): no timing asserted --------

def test_run_measured_sees_a_child_process_memory():
    import sys
    from bench.run import run_measured

    # A parent that holds 60 MB and a child that holds 80 MB at the same time.
    code = ("import subprocess, sys, time; a = bytearray(60_000_000); "
            "subprocess.run([sys.executable, '-c', "
            "'import time; b = bytearray(80_000_000); time.sleep(0.5)'])")
    m = run_measured([sys.executable, "-c", code], every=0.02)
    assert m["peak_tree_rss"] >= 140_000_000       # the tree, summed
    # Private memory counts whole in PSS too; shared pages only in part.
    assert 140_000_000 <= m["peak_tree_pss"] <= m["peak_tree_rss"]
    assert m["max_process_rss"] >= 80_000_000     # the largest one, from wait4
    assert m["seconds"] > 0 and m["cpu_seconds"] > 0


def test_a_failing_command_is_reported():
    import sys
    from bench.run import run_measured

    with pytest.raises(RuntimeError, match="exited 1"):
        run_measured([sys.executable, "-c", "print('nope'); raise SystemExit(1)"])


# --- the real-news-like corpus (bench.realnews): shapes kept, numbers moved --

def test_shift_moves_numbers_and_dates_but_keeps_their_shape():
    import random
    from bench.realnews import MONTHS, shift

    text = ("On 23 August 2024, 1,250 drones and 87 missiles were launched; "
            "by March the toll was 12,400.")
    moved = [shift(text, random.Random(seed), months=3, years=1) for seed in range(20)]
    shape = re.compile(r"On \d{1,2} November 2025, \d,\d{3} drones and \d{2} missiles were "
                       r"launched; by June the toll was \d{2},\d{3}\.")
    assert all(shape.fullmatch(m) for m in moved), moved[0]
    assert len(set(moved)) > 10             # the numbers are redrawn
    days = {int(m.split()[1]) for m in moved}
    assert days <= set(range(1, 29))        # a date stays a date
    assert MONTHS.index("November") - MONTHS.index("August") == 3


def test_news_corpus_is_skipped_without_shared(monkeypatch, tmp_path):
    import bench.realnews as realnews

    monkeypatch.setattr(realnews, "EVAL", tmp_path / "no-shared")
    assert realnews.ensure_news(1) is None
