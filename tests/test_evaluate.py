"""etl.evaluate scores exactly like ../shared/eval/score.py."""
from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import SHARED, needs_shared
from etl import evaluate
from etl.errors import GoldFileError

# Hand-written rows that touch every rule: rounding, duplicates, docs filter,
# attribute normalisation (case, " region"), null gold attributes, quotes.
GOLD = [
    {"doc": "d1", "metric": "drones_launched", "value": 120, "qualifier": "exact",
     "side": "russia", "location": None, "weapon": "Shahed", "period": "overnight",
     "is_part": False},
    {"doc": "d1", "metric": "drones_downed", "value": 95, "qualifier": "exact",
     "side": "russia", "location": "Kharkiv Region", "weapon": None,
     "period": "overnight", "is_part": False},
    {"doc": "d1", "metric": "drones_downed", "value": 95, "side": "ukraine"},  # dup
    {"doc": "d2", "metric": "people_killed", "value": 2, "qualifier": "exact",
     "location": "Odesa", "is_part": False},
    {"doc": 3, "metric": "prisoners_swapped", "value": 0.1 + 0.2, "qualifier": "approx"},
    {"doc": "other", "metric": "attacks", "value": 7},
    {"doc": "d1", "metric": None, "value": 1},
]
PRED = [
    {"doc": "d1", "metric": "drones_launched", "value": 120.0, "qualifier": "EXACT",
     "side": "russia", "weapon": "shahed", "period": "day", "is_part": False,
     "quote": "launched 120 drones"},
    {"doc": "d1", "metric": "drones_downed", "value": "95", "qualifier": "exact",
     "side": "ukraine", "location": "kharkiv", "period": "overnight", "is_part": False},
    {"doc": "d1", "metric": "drones_lost", "value": 4, "quote": "4 drones went missing"},
    {"doc": "d2", "metric": "people_injured", "value": 2, "evidence": "two hurt"},
    {"doc": "3", "metric": "prisoners_swapped", "value": 0.3, "qualifier": "approx"},
    {"doc": "d4", "metric": "attacks", "value": "n/a"},
    {"doc": "other", "metric": "attacks", "value": 8},
]


def shared_score():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
@pytest.mark.parametrize("docs", [None, {"d1", "d2", "3"}], ids=["all", "docs"])
def test_score_matches_shared_score_py(docs):
    expected = json.loads(json.dumps(shared_score().score(GOLD, PRED, docs)))
    assert json.loads(json.dumps(evaluate.score(GOLD, PRED, docs))) == expected


def test_score_counts():
    result = evaluate.score(GOLD, PRED, {"d1", "d2", "3"})
    assert (result["tp"], result["fp"], result["fn"]) == (3, 2, 1)
    assert result["per_metric"]["drones_downed"] == {"tp": 1, "fp": 0, "fn": 0}
    assert result["attribute_accuracy"]["location"] == 1.0   # "Kharkiv Region" = "kharkiv"
    assert result["attribute_accuracy"]["side"] == 0.5
    assert result["misses"] == [("d2", "people_killed", 2.0)]
    assert ("d2", "people_injured", 2.0, "two hurt") in result["extras"]


def test_attribute_precision_counts_what_we_fill_where_gold_has_none():
    gold = [{"doc": "a", "metric": "drones_downed", "value": 30, "weapon": None,
             "location": "Kyiv"},
            {"doc": "a", "metric": "drones_launched", "value": 40, "weapon": "Shahed"}]
    pred = [{"doc": "a", "metric": "drones_downed", "value": 30, "weapon": "Shahed",
             "location": "Kyiv region"},
            {"doc": "a", "metric": "drones_launched", "value": 40, "weapon": "Shahed"}]
    # score.py's accuracy looks only where gold has a weapon: no fault found
    assert evaluate.score(gold, pred)["attribute_accuracy"]["weapon"] == 1.0
    precision = evaluate.attribute_precision(gold, pred)
    assert (precision["weapon"], precision["location"]) == (0.5, 1.0)
    assert "side" not in precision          # never filled: nothing to score
    text = evaluate.format_score({**evaluate.score(gold, pred),
                                  "attribute_precision": precision})
    assert "attribute precision on matched facts (filled and right): " \
           "location 1.0, weapon 0.5" in text


def test_format_score_lists_metrics_and_with_show_misses_and_extras():
    result = evaluate.score(GOLD, PRED, {"d1", "d2", "3"})
    text = evaluate.format_score(result)
    assert "drones_downed" in text and "prec" in text and "MISS" not in text
    assert text.splitlines()[-1] == "precision 0.600 recall 0.750 f1 0.667"
    shown = evaluate.format_score(result, show=True)
    assert "MISS  d2  people_killed=2" in shown
    assert "EXTRA d1  drones_lost=4  4 drones went missing" in shown


@needs_shared
def test_format_score_keeps_score_py_lines_for_misses_and_totals(tmp_path, capsys,
                                                                  monkeypatch):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in GOLD))
    pred.write_text("\n".join(json.dumps(r) for r in PRED))
    monkeypatch.setattr("sys.argv", ["score.py", str(gold), str(pred), "--show"])
    shared_score().main()
    theirs = capsys.readouterr().out.splitlines()
    ours = evaluate.format_score(evaluate.score(GOLD, PRED), show=True).splitlines()
    keep = ("MISS", "EXTRA", "precision", "attribute accuracy")
    assert [x for x in ours if x.startswith(keep)] == [x for x in theirs if x.startswith(keep)]


def test_load_jsonl_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "a", "metric": "attacks", "value": 1}\n\n{oops\n')
    with pytest.raises(GoldFileError, match=r"gold.jsonl:3: not JSON"):
        evaluate.load_jsonl(path)
    path.write_text("[1, 2]\n")
    with pytest.raises(GoldFileError, match=r"gold.jsonl:1: a JSON list"):
        evaluate.load_jsonl(path)
    with pytest.raises(GoldFileError, match="cannot read"):
        evaluate.load_jsonl(tmp_path / "missing.jsonl")
