"""Real-news-like text for the bench: the gold passages recombined.

The generated corpus (bench.corpus) is made of templates: most of its
sentences have no number, and half of its numbers are cheap rejections, so
real passages cost more per KB. A capacity figure users can trust comes
from text like theirs. This module builds articles of 2-8 KB from the dev
and dev2 passages of ../shared/eval, several passages an article, with
every number and date shifted (digits redrawn, months rotated, years moved),
so the same passages make many different articles.

It is written to bench/out at bench time and never committed: the gold
passages stay in ../shared. When ../shared is absent, `ensure_news` returns
None and the bench says it skipped these figures.

    .venv/bin/python -m bench.realnews --mb 20
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
from datetime import timedelta
from pathlib import Path

from bench.corpus import LAST_DAY, MB, OUT_DIR, WAR_START

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("dev", "dev2")
# Bump when the recombination changes, so cached corpora are not reused.
GENERATOR_VERSION = "2"

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
_MONTH = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
# A number: digits, with thousands commas when it has them ("1,250").
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+")


def sources() -> list[Path]:
    """The passage files present under ../shared/eval."""
    return [p for p in (EVAL / name / "articles.jsonl" for name in SETS) if p.exists()]


def passages(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            rows += [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if r.get("text")]


def shift(text: str, rng: random.Random, months: int, years: int) -> str:
    """The passage with its numbers and dates moved: month names `months`
    later, four-digit years by `years` (kept within the war), numbers up
    to 31 (days, small counts) redrawn below 29 so dates stay dates, and
    other numbers scaled by 0.6-1.4 within their number of digits, so
    "1,200" stays a four-digit figure written the same way."""
    def month(m):
        return MONTHS[(MONTHS.index(m.group()) + months) % 12]

    def number(m):
        written = m.group()
        digits = written.replace(",", "")
        value, n = int(digits), len(digits)
        if n == 4 and written == digits and 1990 <= value <= 2030:
            return str(min(max(value + years, 2014), 2026))
        if digits.startswith("0"):      # "05", "0": a clock or a code
            return written
        if value <= 31:
            return str(rng.randint(1, 28))
        low, high = 10 ** (n - 1), 10 ** n - 1
        value = min(max(round(value * rng.uniform(0.6, 1.4)), low), high)
        return f"{value:,}" if "," in written else str(value)

    return _DIGITS.sub(number, _MONTH.sub(month, text))


def make_article(rng: random.Random, n: int, pool: list[dict]) -> dict:
    """Article number `n`: passages of the pool, shifted, to 2-8 KB."""
    target = rng.randint(2_000, 8_000)
    months, years = rng.randint(0, 11), rng.choice((-1, 0, 0, 1))
    parts, size, outlets = [], 0, []
    while size < target:
        passage = rng.choice(pool)
        outlets.append(passage.get("outlet"))
        text = shift(passage["text"], rng, months, years)
        if parts and size + len(text) > 8_000:
            break
        parts.append(text)
        size += len(text) + 2
    day = WAR_START + timedelta(days=rng.randint(0, (LAST_DAY - WAR_START).days))
    return {"id": f"news-{n:07d}", "published": None if rng.random() < 0.1 else day.isoformat(),
            "outlet": outlets[0], "url": None, "text": "\n\n".join(parts)}


def corpus_path(mb: float, seed: int, paths: list[Path]) -> Path:
    """Named by size, seed and a digest of the passages: new gold, new corpus."""
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    for path in paths:
        digest.update(path.read_bytes())
    return OUT_DIR / f"news-{mb:g}mb-s{seed}-{digest.hexdigest()[:10]}.jsonl"


def ensure_news(mb: float, seed: int = 1) -> Path | None:
    """The real-news-like corpus of `mb` MB (generated if missing), or
    None when ../shared/eval has no passages."""
    paths = sources()
    if not paths:
        return None
    path = corpus_path(mb, seed, paths)
    if path.exists():
        return path
    pool, rng = passages(paths), random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp, written, n = path.with_suffix(".part"), 0, 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        while written < mb * MB:
            line = json.dumps(make_article(rng, n, pool), ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    os.replace(tmp, path)       # last, so a killed run leaves no file that looks done
    return path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    path = ensure_news(args.mb, args.seed)
    print(f"{path}" if path else f"no passages under {EVAL}: nothing written")


if __name__ == "__main__":
    main()
