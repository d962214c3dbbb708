"""Where extraction spends its time: pyinstrument over `extract_article`.

    .venv/bin/python -m bench.profile --mb 1          # text tree to stdout
    .venv/bin/python -m bench.profile --mb 1 --html bench/out/profile.html

Profiles the first `--mb` MB of the benchmark corpus, in-process, one core.
Needs pyinstrument (pip install pyinstrument); the bench itself does not.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from bench.corpus import ensure_corpus, sample_articles


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="MB of text to profile")
    parser.add_argument("--corpus-mb", type=float, default=20,
                        help="corpus to take it from (generated if missing)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--html", type=Path, help="also write an HTML report here")
    args = parser.parse_args(argv)
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("pyinstrument is not installed: pip install pyinstrument")
    from etl.extract import extract_article

    articles = sample_articles(ensure_corpus(args.corpus_mb, args.seed), args.mb)
    extract_article(articles[0])  # imports and compiled patterns: not the loop
    profiler = Profiler(interval=0.0005)
    with profiler:
        for article in articles:
            extract_article(article)
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if args.html:
        args.html.write_text(profiler.output_html())


if __name__ == "__main__":
    main()
