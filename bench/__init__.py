"""Benchmarks for warstats: a synthetic corpus generator and a timing harness.

    python -m bench.corpus --mb 200      write bench/out/corpus-200mb-s1.jsonl
    python -m bench.run --mb 200         the `make bench` figures
    python -m bench.profile --mb 5       where extraction spends its time
"""
