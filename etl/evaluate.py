"""Score extracted facts against gold facts, exactly as ../shared/eval/score.py.

Facts are keyed per document by (metric, value rounded to 1e-6); duplicates
within a document collapse to the first row; precision, recall and F1 are
micro-averaged; attributes are scored on matched facts where gold is non-null,
after lower-casing and dropping " region"/" oblast"/" province" from places.
`evaluate` adds attribute precision (where we fill one), which score.py lacks.
NOTE: keep `score` in sync with ../shared/eval/score.py (tests compare them).
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from etl.errors import GoldFileError

ATTRS = ("qualifier", "side", "location", "weapon", "period", "is_part")
_PLACE_TAILS = (" region", " oblast", " province")


def norm_value(v):
    """
    >>> norm_value("12"), norm_value(1/3), norm_value(None)
    (12.0, 0.333333, None)
    """
    try:
        return round(float(v), 6)
    except (TypeError, ValueError):
        return None


def norm_attr(name, v):
    """
    >>> norm_attr("location", " Kursk Region"), norm_attr("is_part", False)
    ('kursk', 'false')
    >>> norm_attr("side", "") is None
    True
    """
    if v is None:
        return None
    v = str(v).strip().lower()
    if name == "location":
        for tail in _PLACE_TAILS:
            if v.endswith(tail):
                v = v[: -len(tail)]
    return v or None


def keyed(rows, docs=None) -> dict:
    """{doc: {(metric, value): first row}}, rows outside `docs` dropped."""
    out = defaultdict(dict)
    for r in rows:
        doc, metric, value = str(r.get("doc")), r.get("metric"), norm_value(r.get("value"))
        if docs is not None and doc not in docs:
            continue
        if metric is None or value is None:
            continue
        out[doc].setdefault((metric, value), r)
    return out


def score(gold_rows, pred_rows, docs=None) -> dict:
    """tp/fp/fn, precision/recall/f1, per_metric, attribute_accuracy,
    misses [(doc, metric, value)] and extras [(doc, metric, value, quote)]."""
    gold, pred = keyed(gold_rows, docs), keyed(pred_rows, docs)
    tp = fp = fn = 0
    per_metric = defaultdict(lambda: [0, 0, 0])
    attr_hits = defaultdict(lambda: [0, 0])
    misses, extras = [], []
    for doc in sorted(set(gold) | set(pred)):
        g, p = gold.get(doc, {}), pred.get(doc, {})
        for k in g.keys() & p.keys():
            tp += 1
            per_metric[k[0]][0] += 1
            for a in ATTRS:
                gv = norm_attr(a, g[k].get(a))
                if gv is not None:
                    attr_hits[a][1] += 1
                    attr_hits[a][0] += gv == norm_attr(a, p[k].get(a))
        for k in g.keys() - p.keys():
            fn += 1
            per_metric[k[0]][2] += 1
            misses.append((doc, *k))
        for k in p.keys() - g.keys():
            fp += 1
            per_metric[k[0]][1] += 1
            extras.append((doc, *k, p[k].get("quote") or p[k].get("evidence") or ""))
    prec, rec, f1 = prf(tp, fp, fn)
    return {
        "tp": tp, "fp": fp, "fn": fn,
        "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
        "per_metric": {m: dict(tp=v[0], fp=v[1], fn=v[2])
                       for m, v in sorted(per_metric.items())},
        "attribute_accuracy": {a: round(h / n, 4) if n else None
                               for a, (h, n) in attr_hits.items()},
        "misses": misses, "extras": extras,
    }


def attribute_precision(gold_rows, pred_rows, docs=None) -> dict:
    """On matched facts, the share of the attributes we fill that equal the
    gold's (a value where the gold has none counts as wrong): the other
    half of `attribute_accuracy`, which only looks where the gold has one.
    Not in score.py.

    >>> attribute_precision([{"doc": "d", "metric": "m", "value": 1, "weapon": None}],
    ...                     [{"doc": "d", "metric": "m", "value": 1, "weapon": "Shahed"}])["weapon"]
    0.0
    """
    gold, pred = keyed(gold_rows, docs), keyed(pred_rows, docs)
    hits = defaultdict(lambda: [0, 0])
    for doc in gold.keys() & pred.keys():
        for k in gold[doc].keys() & pred[doc].keys():
            for a in ATTRS:
                pv = norm_attr(a, pred[doc][k].get(a))
                if pv is not None:
                    hits[a][1] += 1
                    hits[a][0] += pv == norm_attr(a, gold[doc][k].get(a))
    return {a: round(h / n, 4) if n else None for a, (h, n) in hits.items()}


def prf(tp, fp, fn) -> tuple[float, float, float]:
    """
    >>> prf(3, 1, 0)
    (0.75, 1.0, 0.8571428571428571)
    >>> prf(0, 0, 0)
    (0.0, 0.0, 0.0)
    """
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def format_score(result: dict, show: bool = False) -> str:
    """score.py's report, with precision/recall/F1 added per metric."""
    lines = [f"{'metric':24} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}"]
    for m, c in result["per_metric"].items():
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        lines.append(f"{m:24} {c['tp']:4} {c['fp']:4} {c['fn']:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    lines.append("attribute accuracy on matched facts: " + ", ".join(
        f"{a} {v}" for a, v in sorted(result["attribute_accuracy"].items())))
    if "attribute_precision" in result:
        lines.append("attribute precision on matched facts (filled and right): " + ", ".join(
            f"{a} {v}" for a, v in sorted(result["attribute_precision"].items())))
    if show:
        lines += [f"MISS  {d}  {m}={v:g}" for d, m, v in result["misses"]]
        lines += [f"EXTRA {d}  {m}={v:g}  {q[:120]}" for d, m, v, q in result["extras"]]
    lines.append(f"precision {result['precision']:.3f} recall {result['recall']:.3f} "
                 f"f1 {result['f1']:.3f}")
    return "\n".join(lines)


def load_jsonl(path) -> list[dict]:
    """Rows of a gold or prediction file; a bad line raises GoldFileError."""
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise GoldFileError(f"{path}: cannot read: {e.strerror} — check the path") from e
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldFileError(f"{path}:{n}: not JSON ({e.msg}) — each line must "
                                "be one JSON object") from e
        if not isinstance(row, dict):
            raise GoldFileError(f"{path}:{n}: a JSON {type(row).__name__}, not an "
                                "object — each line must be one fact as an object")
        rows.append(row)
    return rows


def evaluate(gold_path, articles_path, *, on_problem=None) -> dict:
    """Extract the articles in `articles_path` and score them against gold.

    Scoring is restricted to the articles read (score.py --docs), so gold
    for other documents is ignored and articles without gold count as empty.
    """
    from etl.warehouse import extract_sources

    gold = load_jsonl(gold_path)
    docs, predicted = set(), []
    for article, extraction in extract_sources([articles_path], on_problem=on_problem):
        docs.add(str(article.id))
        predicted += [f.to_json_dict() for f in extraction.facts]
    return {**score(gold, predicted, docs),
            "attribute_precision": attribute_precision(gold, predicted, docs)}
