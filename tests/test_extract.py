"""The extractor against golden cases (tests/cases/extract_cases.py), the
seeds gold set, and properties every extraction must hold."""
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import extract_text
from etl.extract.rules import lexicon, patterns
from cases import attribute_cases
from cases.extract_cases import KNOWN_MISSES, NEW, NO_FIGURE

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _matches(fact, expected):
    return all(getattr(fact, k) == v for k, v in expected.items())


def _check(case):
    facts = extract_text(case.text).facts
    for expected in case.facts:
        assert any(_matches(f, expected) for f in facts), (
            f"missing {expected} in {[(f.metric, f.value, f.side, f.period) for f in facts]}")
    got = {(f.metric, f.value) for f in facts}
    want = {(e["metric"], e["value"]) for e in case.facts}
    assert got <= want, f"unexpected facts {got - want}"


@pytest.mark.parametrize("case", NEW + attribute_cases.NEW, ids=lambda c: c.text[:60])
def test_new_cases(case):
    _check(case)


@pytest.mark.parametrize("case", NO_FIGURE, ids=lambda c: c.text[:60])
def test_no_figure_cases(case):
    out = extract_text(case.text)
    assert out.facts == []
    if case.reason:
        assert case.reason in {r.reason for r in out.rejections}


@pytest.mark.parametrize("case", KNOWN_MISSES + attribute_cases.KNOWN_MISSES,
                         ids=lambda c: c.text[:60])
@pytest.mark.xfail(strict=True, reason="shape not handled yet")
def test_known_misses(case):
    _check(case)


def test_every_metric_has_a_case():
    covered = {e["metric"] for c in NEW for e in c.facts}
    assert set(lexicon.METRICS.values()) - covered == set()


def test_every_item_and_event_class_has_a_case():
    """Each row of lexicon.ITEMS and lexicon.EVENTS fires in some NEW case
    (read from the fact's rule id, "item+event:how"); "hit" only rejects."""
    fired = {part for c in NEW for f in extract_text(c.text).facts
             for part in re.split(r"[+:]", f.rule)}
    assert {n for n, _ in lexicon.ITEMS} - fired == set()
    assert {n for n, _ in lexicon.EVENTS} - fired == {"hit"}


def test_fact_values_are_whole_numbers():
    """Counts are ints ("1.2 million" is 1200000, not 1200000.0); a count
    that is not whole is rejected (NO_FIGURE), territory rounded to km²."""
    texts = [c.text for c in NEW] + ["Russia sent 1.2 million troops to the front.",
                                     "Moscow has taken 2.6 square kilometres."]
    facts = [f for t in texts for f in extract_text(t).facts]
    assert {f.metric for f in facts} >= {"troops_deployed", "territory_captured"}
    for f in facts:
        assert type(f.value) is int, (f.surface, f.value)
        assert all(v is None or type(v) is int for v in (f.low, f.high)), f.surface


def test_every_rejection_reason_has_a_case():
    covered = {c.reason for c in NO_FIGURE}
    reasons = {reason for reason, _ in patterns.NOT_A_FACT}
    assert reasons - covered == set()


def test_quote_is_the_span_of_the_text():
    text = "Intro line.\nRussia launched 132 drones overnight; 88 were downed."
    for f in extract_text(text).facts:
        assert text[f.start:f.end] == f.quote
        assert text[f.surface_start:f.surface_start + len(f.surface)] == f.surface


def _seed_articles():
    path = ROOT / "seeds"
    manifest = (path / "manifest.csv").read_text().splitlines()[1:]
    return {line.split(",")[0].removesuffix(".txt"): (path / line.split(",")[0]).read_text()
            for line in manifest}


def test_seed_001_yields_no_facts():
    text = _seed_articles()["001_e7cc25376205238f"]
    assert extract_text(text).facts == []


def test_seed_002_page_furniture_yields_nothing():
    text = _seed_articles()["002_09c88585df490df9"]
    out = extract_text(text)
    surfaces = {f.surface for f in out.facts}
    assert "0" not in surfaces and "20" not in surfaces
    reasons = {r.surface: r.reason for r in out.rejections}
    assert reasons["0"] == "page furniture" and reasons["20"] == "id or phone number"


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared is absent")
def test_seeds_gold_scores_perfectly():
    import sys
    sys.path.insert(0, str(SHARED / "eval"))
    import score
    from etl.model import Article
    from etl.extract import extract_article
    arts = [json.loads(line) for line in open(SHARED / "eval/seeds/articles.jsonl")]
    preds = [f.to_json_dict() for a in arts
             for f in extract_article(Article(id=a["id"], text=a["text"])).facts]
    gold = score.load(SHARED / "eval/seeds/gold.jsonl")
    assert score.score(gold, preds, {a["id"] for a in arts})["f1"] == 1.0


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_spans_hold(text):
    out = extract_text(text)
    for f in out.facts:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.quote == text[f.start:f.end]
        if f.low is not None:
            assert f.low <= f.value
        if f.high is not None:
            assert f.value <= f.high
    assert [f.to_json_dict() for f in extract_text(text).facts] == \
        [f.to_json_dict() for f in out.facts]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "Russia launched", "drones", "88 of them", "were shot down", "killed",
    "3", "twelve", "over", "up to", "dozens of", "people", "in Kyiv", ",", ".",
    "overnight", "including", "1,200", "missiles", "between 5 and 9", "all",
]), max_size=25))
def test_war_like_word_salad_never_raises(words):
    text = " ".join(words)
    for f in extract_text(text).facts:
        assert f.quote == text[f.start:f.end]
