"""Is the extractor's output unchanged? For speed work, which must not move it.

    .venv/bin/python -m bench.snapshot save             # before the change
    .venv/bin/python -m bench.snapshot check            # after: exit 1 on a diff

Every fact (all fields, windows included) and every rejection of the seeds,
the dev and dev2 gold articles (when ../shared is there), the first `--mb` MB of
the bench corpus and two long generated articles (100 and 400 KB), written to bench/out/snapshot.jsonl, one line per article.
`check` prints the first articles that differ and the CPU seconds taken,
beside those of `save`.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

from bench.corpus import OUT_DIR, ensure_corpus, long_article, sample_articles

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def corpora(bench: Path, mb: float) -> dict[str, list]:
    from etl.sources import read_articles

    out = {"seeds": list(read_articles([ROOT / "seeds"]))}
    for name in ("dev", "dev2"):
        path = EVAL / name / "articles.jsonl"
        if path.exists():
            out[name] = list(read_articles([path]))
    out["bench"] = sample_articles(bench, mb)
    # Long articles: rules that look across a whole article (a period said
    # once for an attack, a figure's earlier mentions) meet many figures.
    out["long"] = [long_article(chars, seed) for chars, seed in LONG]
    return out


# (characters, seed) of the long articles: a report and a long transcript.
LONG = [(100_000, 2), (400_000, 3)]


def snapshot(bench: Path, mb: float) -> tuple[list[str], dict[str, float]]:
    from etl.extract import extract_article

    lines, seconds = [], {}
    for name, articles in corpora(bench, mb).items():
        started = time.process_time()
        results = [extract_article(a) for a in articles]
        seconds[name] = time.process_time() - started
        for article, x in zip(articles, results):
            lines.append(json.dumps({
                "corpus": name, "doc": article.id,
                "facts": [dataclasses.asdict(f) for f in x.facts],
                "rejections": [dataclasses.asdict(r) for r in x.rejections],
            }, default=str, sort_keys=True))
    return lines, seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("--mb", type=float, default=1.0, help="MB of the bench corpus")
    parser.add_argument("--file", type=Path, default=OUT_DIR / "snapshot.jsonl")
    args = parser.parse_args(argv)
    # The bench corpus the snapshot was saved from, even if the generator
    # has changed since.
    source = args.file.with_suffix(".corpus")
    bench = Path(source.read_text().strip()) if args.action == "check" \
        else ensure_corpus(20)
    lines, seconds = snapshot(bench, args.mb)
    times = " ".join(f"{k} {v:.2f}s" for k, v in seconds.items())
    if args.action == "save":
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_text("\n".join(lines) + "\n")
        args.file.with_suffix(".times").write_text(times + "\n")
        source.write_text(f"{bench}\n")
        print(f"saved {len(lines)} articles to {args.file} (CPU {times})")
        return 0
    saved = args.file.read_text().splitlines()
    before = args.file.with_suffix(".times")
    print(f"CPU now: {times}\nCPU at save: {before.read_text().strip() if before.exists() else '?'}")
    # Compared as values, not text: 132 and 132.0 are the same figure (counts
    # became ints in extractor 0.2.19).
    diffs = [(a, b) for a, b in zip(saved, lines) if a != b and json.loads(a) != json.loads(b)]
    if len(saved) != len(lines):
        print(f"DIFFERENT: {len(saved)} articles saved, {len(lines)} now")
        return 1
    for a, b in diffs[:5]:
        old, new = json.loads(a), json.loads(b)
        print(f"DIFFERENT {new['corpus']} {new['doc']}:")
        for kind in ("facts", "rejections"):
            gone = [x for x in old[kind] if x not in new[kind]]
            came = [x for x in new[kind] if x not in old[kind]]
            for x in gone:
                print(f"  - {kind[:-1]}: {json.dumps(x)[:400]}")
            for x in came:
                print(f"  + {kind[:-1]}: {json.dumps(x)[:400]}")
    if diffs:
        print(f"{len(diffs)} of {len(lines)} articles differ")
        return 1
    print(f"identical: {len(lines)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
