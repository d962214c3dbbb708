"""`make bench`: how fast warstats is, measured against a bare digit scan.

    .venv/bin/python -m bench.run --mb 200 --runs 3 --out bench/out/bench.json
    .venv/bin/python -m bench.run --mb 20 --spark     # also the Spark path

Every figure is the median of `--runs` runs. The reference is the cheapest
pass any extractor must make: `re.finditer(r"\\d[\\d,.]*")` over the same
article text. "x scan" is how many of those scans' time a figure costs
(its time over the scan's time for the same bytes), so the ratio stays
meaningful on a faster or slower machine.

Ingest runs as a subprocess (`warstats ingest`, a fresh database each run);
its peak RSS is the sum over the process tree (workers included), sampled
from /proc, with the largest single process from wait4() beside it. Peak
PSS is the same sum with shared pages split between the processes sharing
them: summed RSS counts the shared libraries once per worker.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.corpus import MB, OUT_DIR, ensure_corpus, long_article, sample_articles
from bench.realnews import ensure_news

DIGITS = re.compile(r"\d[\d,.]*")
PAGE = os.sysconf("SC_PAGE_SIZE")


# --- measuring a subprocess -----------------------------------------------

def _tree(root: int) -> list[int]:
    """`root` and its descendants, from the ppid field of /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:  # gone since scandir
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, now."""
    total = 0
    for pid in _tree(root):
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def tree_pss(root: int) -> int:
    """Proportional set size of `root` and its descendants, now: resident
    bytes with each page shared by n processes counted 1/n in each. Summed
    RSS counts the shared libraries (Python, NumPy, ...) once per worker;
    summed PSS is what the tree takes from the machine."""
    total = 0
    for pid in _tree(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
        except (OSError, IndexError, ValueError):
            pass
    return total


def run_measured(cmd: list[str], every: float = 0.05) -> dict:
    """Run `cmd`; wall seconds, CPU seconds, peak tree RSS and largest process."""
    started = time.perf_counter()
    # The summary (and any problems) go to stdout; keep them for a failure.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak, peak_pss, done = [0], [0], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(proc.pid))
            peak_pss[0] = max(peak_pss[0], tree_pss(proc.pid))
            done.wait(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stdout.read()  # drains the pipe while the command runs
    # wait4: this child's own rusage, its reaped workers included.
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # 3: some articles failed and the rest loaded; the time still counts.
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n"
                           + stderr.decode(errors="replace")[-2000:])
    if proc.returncode == 3:
        print(f"warning: {' '.join(cmd)}: some inputs failed:\n"
              + stderr.decode(errors="replace")[-600:], file=sys.stderr)
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_tree_rss": peak[0], "peak_tree_pss": peak_pss[0],
            "max_process_rss": usage.ru_maxrss * 1024}


def warstats(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("warstats")
    base = [str(exe)] if exe.exists() else [sys.executable, "-c",
                                            "from etl.cli import cli; cli()"]
    return [*base, *args]


# `warstats` that writes its own CPU seconds (not its workers') to the file
# named first: the parent's share of an ingest's CPU.
_OWN_CPU = """import atexit, resource, sys
out = sys.argv.pop(1)
def save():
    u = resource.getrusage(resource.RUSAGE_SELF)
    with open(out, "w") as f:
        f.write(repr(u.ru_utime + u.ru_stime))
atexit.register(save)
from etl.cli import cli
cli(prog_name="warstats")
"""


def ingest(db: Path, corpus: Path, jobs: int, scratch: Path) -> dict:
    """`warstats ingest --jobs N` measured, with the parent's own CPU."""
    own = scratch / "parent_cpu.txt"
    own.unlink(missing_ok=True)
    m = run_measured([sys.executable, "-c", _OWN_CPU, str(own), "--db", str(db), "ingest",
                      "--quiet", "--jobs", str(jobs), str(corpus)])
    m["parent_cpu_seconds"] = float(own.read_text())
    return m


# --- the figures ------------------------------------------------------------

def digit_scan(texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        for _ in DIGITS.finditer(text):
            pass
    return time.perf_counter() - started


def extraction_only(articles) -> float:
    """CPU seconds of extracting `articles` in this process (CPU, not wall
    time: the machine is shared, and extraction is all CPU)."""
    from etl.extract import extract_article

    started = time.process_time()
    for article in articles:
        extract_article(article)
    return time.process_time() - started


# Article lengths for the length-scaling line: seconds per MB at each.
SCALE_SIZES = (5_000, 100_000, 1_000_000, 5_000_000)


def length_scaling(text: str, sizes=SCALE_SIZES) -> dict[int, float]:
    """CPU seconds per MB of extracting `text` cut into articles of each
    size (the same text at every size, so only the length differs)."""
    from etl.model import Article

    out = {}
    for size in sizes:
        if size > len(text):
            continue
        whole = len(text) // size * size
        pieces = [Article(id=f"scale-{i}", text=text[i:i + size])
                  for i in range(0, whole, size)]
        out[size] = extraction_only(pieces) / (whole / MB)
    return out


def corpus_texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.open(encoding="utf-8")]


def spark_ingest(corpus: Path, db: Path) -> list[str]:
    """The Spark path end to end (local[2]): extract to Parquet, load into db."""
    code = ("import sys; from etl.warehouse.spark import run_spark_ingest; "
            "s = run_spark_ingest([sys.argv[1]], sys.argv[2]); sys.exit(s.exit_code)")
    return [sys.executable, "-c", code, str(corpus), str(db)]


# Real news, for an extraction figure beside the synthetic corpus's (when
# ../shared is there, as in CI; its text never enters the project).
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles.jsonl"


def dev_articles() -> list:
    from etl.sources import read_articles

    return list(read_articles([DEV])) if DEV.exists() else []


def one_run(corpus: Path, small: Path, sample, scratch: Path, spark: bool = False,
            dev=(), news: Path | None = None, news_sample=(), scale_text: str = "") -> dict:
    """One round of every figure; the rounds are interleaved so drift in
    machine load spreads over all figures alike."""
    texts = corpus_texts(corpus)
    out = {"digit_scan_s": digit_scan(texts)}
    del texts
    out["extract_s"] = extraction_only(sample)
    if dev:
        out["extract_dev_s"] = extraction_only(dev)
    if news_sample:
        out["extract_news_s"] = extraction_only(news_sample)
    if scale_text:
        out.update({f"scale_{size}_s_per_mb": v
                    for size, v in length_scaling(scale_text).items()})
    if news:
        for jobs in (1, 2):
            m = ingest(_fresh(scratch / f"news_j{jobs}.duckdb"), news, jobs, scratch)
            out.update({f"news_j{jobs}_{k}": v for k, v in m.items()})
    for jobs in (1, 2):
        db = _fresh(scratch / f"j{jobs}.duckdb")
        m = ingest(db, corpus, jobs, scratch)
        out.update({f"ingest_j{jobs}_{k}": v for k, v in m.items()})
    # j2.duckdb now holds the corpus: re-ingest it unchanged, then report.
    m = run_measured(warstats("--db", str(db), "ingest", "--quiet", "--jobs", "2",
                              str(corpus)))
    out.update({f"reingest_{k}": v for k, v in m.items()})
    report_dir = scratch / "report"
    shutil.rmtree(report_dir, ignore_errors=True)
    m = run_measured(warstats("--db", str(db), "report", "--out", str(report_dir)))
    out.update({f"report_{k}": v for k, v in m.items()})
    m = run_measured(warstats("--db", str(_fresh(scratch / "small.duckdb")), "ingest",
                              "--quiet", "--jobs", "2", str(small)))
    out.update({f"small_{k}": v for k, v in m.items()})
    if spark:
        m = run_measured(spark_ingest(corpus, _fresh(scratch / "spark.duckdb")))
        out.update({f"spark_{k}": v for k, v in m.items()})
    return out


def _fresh(db: Path) -> Path:
    for path in (db, db.with_name(db.name + ".wal")):
        path.unlink(missing_ok=True)
    return db


def summarise(runs: list[dict], corpus: Path, small: Path, sample, dev=(),
              news: Path | None = None, news_sample=()) -> dict:
    """Medians, rates and ratios to the digit scan from the raw runs."""
    med = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    size, small_size = corpus.stat().st_size, small.stat().st_size
    sample_bytes = sum(len(a.text.encode("utf-8")) for a in sample)
    text_bytes = sum(len(t.encode("utf-8")) for t in corpus_texts(corpus))
    scan_rate = text_bytes / med["digit_scan_s"]  # bytes of text per second

    def scan_s(nbytes):  # what a digit scan of nbytes takes
        return nbytes / scan_rate

    def rate(seconds, nbytes, **extra):
        return {"value": nbytes / seconds / MB, "unit": "MB/s",
                "x_scan": seconds / scan_s(nbytes), **extra}

    figures = {
        "digit scan (reference)": {"value": scan_rate / MB, "unit": "MB/s", "x_scan": 1.0},
        "extraction, 1 core": rate(med["extract_s"], sample_bytes,
                                   articles_per_s=len(sample) / med["extract_s"]),
        **({"extraction, 1 core, dev (real news)": rate(
            med["extract_dev_s"], sum(len(a.text.encode("utf-8")) for a in dev),
            articles_per_s=len(dev) / med["extract_dev_s"])} if dev else {}),
        "ingest --jobs 1": rate(med["ingest_j1_seconds"], size,
                                cpu_s=med["ingest_j1_cpu_seconds"]),
        "ingest --jobs 2": rate(med["ingest_j2_seconds"], size,
                                cpu_s=med["ingest_j2_cpu_seconds"]),
        "ingest --jobs 2 over --jobs 1": ratio(runs, "ingest"),
        "parent's share of CPU, --jobs 2": share(runs, "ingest"),
        **(news_figures(runs, med, news, news_sample, rate) if news else {}),
        **scale_figures(med),
        "ingest --jobs 2, small corpus": rate(med["small_seconds"], small_size,
                                              cpu_s=med["small_cpu_seconds"]),
        "peak RSS, ingest --jobs 1": {"value": med["ingest_j1_peak_tree_rss"] / 2**20,
                                      "unit": "MiB"},
        "peak RSS, ingest --jobs 2": {"value": med["ingest_j2_peak_tree_rss"] / 2**20,
                                      "unit": "MiB"},
        "peak RSS, small corpus --jobs 2": {"value": med["small_peak_tree_rss"] / 2**20,
                                            "unit": "MiB"},
        "peak RSS ratio, full : small": {
            "value": med["ingest_j2_peak_tree_rss"] / med["small_peak_tree_rss"],
            "unit": f"x ({size / small_size:.0f}x the bytes)"},
        "peak PSS, ingest --jobs 2": {"value": med["ingest_j2_peak_tree_pss"] / 2**20,
                                      "unit": "MiB"},
        "peak PSS ratio, full : small": {
            "value": med["ingest_j2_peak_tree_pss"] / med["small_peak_tree_pss"],
            "unit": f"x ({size / small_size:.0f}x the bytes)"},
        **({"Spark local[2] ingest + load": rate(med["spark_seconds"], size),
            "peak RSS, Spark (JVM + workers)": {"value": med["spark_peak_tree_rss"] / 2**20,
                                                "unit": "MiB"}}
           if "spark_seconds" in med else {}),
        "re-ingest unchanged": {"value": med["reingest_seconds"], "unit": "s",
                                "x_scan": med["reingest_seconds"] / scan_s(size),
                                "pct_of_first": 100 * med["reingest_seconds"]
                                / med["ingest_j2_seconds"]},
        "write the briefing": {"value": med["report_seconds"], "unit": "s",
                               "x_scan": med["report_seconds"] / scan_s(size)},
    }
    return {"medians": med, "figures": figures}


def ratio(runs, prefix) -> dict:
    """--jobs 1 time over --jobs 2 time: the median of each run's ratio."""
    return {"value": statistics.median(r[f"{prefix}_j1_seconds"] / r[f"{prefix}_j2_seconds"]
                                       for r in runs), "unit": "x"}


def share(runs, prefix) -> dict:
    """The ingest process's own CPU over its tree's (workers included),
    --jobs 2: the median over runs."""
    return {"value": 100 * statistics.median(
        r[f"{prefix}_j2_parent_cpu_seconds"] / r[f"{prefix}_j2_cpu_seconds"] for r in runs),
        "unit": "% of CPU s"}


def news_figures(runs, med, news: Path, sample, rate) -> dict:
    """The same figures on the real-news-like corpus (bench.realnews)."""
    size = news.stat().st_size
    sample_bytes = sum(len(a.text.encode("utf-8")) for a in sample)
    return {
        "news-like: extraction, 1 core": rate(med["extract_news_s"], sample_bytes,
                                              articles_per_s=len(sample) / med["extract_news_s"]),
        "news-like: ingest --jobs 1": rate(med["news_j1_seconds"], size,
                                           cpu_s=med["news_j1_cpu_seconds"]),
        "news-like: ingest --jobs 2": rate(med["news_j2_seconds"], size,
                                           cpu_s=med["news_j2_cpu_seconds"]),
        "news-like: --jobs 2 over --jobs 1": ratio(runs, "news"),
        "news-like: parent's share, --jobs 2": share(runs, "news"),
    }


def scale_figures(med) -> dict:
    """CPU seconds per MB by article length, and each over that at 5 KB."""
    sizes = sorted(int(k.split("_")[1]) for k in med if k.startswith("scale_"))
    base = med.get(f"scale_{sizes[0]}_s_per_mb") if sizes else None
    return {f"length: {size // 1000:,} KB articles": {
        "value": med[f"scale_{size}_s_per_mb"], "unit": "CPU s per MB",
        "note": f"{med[f'scale_{size}_s_per_mb'] / base:.2f}x that at {sizes[0] // 1000} KB"}
        for size in sizes}


def format_table(result: dict) -> str:
    p = result["params"]
    lines = [f"warstats bench: {p['corpus_mb']:g} MB corpus ({p['articles']:,} articles), "
             f"small {p['small_mb']:g} MB, extraction sample {p['extract_mb']:g} MB, "
             f"news-like {p.get('news_mb', 0):g} MB, length line on {p.get('scale_text')} "
             f"text, median of {p['runs']} runs (extraction: CPU seconds)",
             f"{'figure':34} {'median':>12}  {'unit':<22} {'x scan':>8}  note",
             "-" * 96]
    for name, f in result["figures"].items():
        x = f"{f['x_scan']:8.1f}" if "x_scan" in f else f"{'':8}"
        note = (f["note"] if "note" in f else
                f"{f['articles_per_s']:.1f} articles/s" if "articles_per_s" in f else
                f"{f['pct_of_first']:.1f}% of first ingest" if "pct_of_first" in f else
                f"{f['cpu_s']:.1f} CPU s (all processes)" if "cpu_s" in f else "")
        lines.append(f"{name:34} {f['value']:12.2f}  {f['unit']:<22} {x}  {note}")
    return "\n".join(lines)


def machine() -> dict:
    import duckdb

    from etl.extract import EXTRACTOR_VERSION

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=Path(__file__).parent).stdout.strip()
    return {"python": platform.python_version(), "duckdb": duckdb.__version__,
            "cpus": os.cpu_count(), "load_avg_at_start": os.getloadavg(),
            "extractor_version": EXTRACTOR_VERSION, "commit": commit}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200, help="corpus size in MB")
    parser.add_argument("--small-mb", type=float, help="small corpus for the RSS "
                        "ratio (default: a quarter of --mb)")
    parser.add_argument("--extract-mb", type=float, default=10,
                        help="MB of text for the in-process extraction figure")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=OUT_DIR / "bench.json")
    parser.add_argument("--spark", action="store_true",
                        help="also time the Spark path (needs pyspark and Java)")
    parser.add_argument("--news-mb", type=float, default=20,
                        help="MB of real-news-like text (bench.realnews; 0: none)")
    parser.add_argument("--scale-mb", type=float, default=5,
                        help="the longest article of the length-scaling line, in MB")
    args = parser.parse_args(argv)
    small_mb = args.small_mb or args.mb / 4
    # Below jobs x INFLIGHT_PER_JOB x BATCH_SIZE articles (~8 MB) the small
    # corpus never fills the pipeline, and the RSS ratio says little.
    if small_mb < 8:
        print(f"note: a {small_mb:g} MB small corpus does not fill the ingest "
              "pipeline; the RSS ratio is only meaningful from ~8 MB (--mb 32)",
              file=sys.stderr)
    extract_mb = min(args.extract_mb, args.mb)

    corpus, small = ensure_corpus(args.mb, args.seed), ensure_corpus(small_mb, args.seed)
    sample = sample_articles(corpus, extract_mb)
    from etl.extract import extract_article
    extract_article(sample[0])  # imports and compiled patterns: not the figure
    dev = dev_articles()
    extraction_only(dev)  # ... and the unit registry, which its square miles load
    # Real-news-like text (when ../shared is here): a corpus to ingest, a
    # sample to extract, and the text of the length-scaling line.
    news = ensure_news(args.news_mb, args.seed) if args.news_mb else None
    news_sample = sample_articles(news, min(extract_mb, args.news_mb)) if news else []
    if news is None:
        print("note: no ../shared/eval passages here (or --news-mb 0): the "
              "real-news-like figures are skipped; the length line uses the "
              "generated corpus", file=sys.stderr)
    scale_text = long_article(int(args.scale_mb * MB), args.seed,
                              source=corpus_texts(news) if news else None).text
    scratch = OUT_DIR / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    started = machine()
    runs = []
    for i in range(args.runs):
        runs.append(one_run(corpus, small, sample, scratch, args.spark, dev,
                            news, news_sample, scale_text))
        print(f"run {i + 1}/{args.runs}: ingest --jobs 2 "
              f"{runs[-1]['ingest_j2_seconds']:.1f}s", file=sys.stderr)
    result = {"params": {"corpus_mb": args.mb, "small_mb": small_mb, "extract_mb": extract_mb,
                         "runs": args.runs, "seed": args.seed, "corpus": str(corpus),
                         "articles": sum(1 for _ in corpus.open(encoding="utf-8")),
                         "news_corpus": str(news) if news else None,
                         "news_mb": args.news_mb if news else 0,
                         "scale_text": "news-like" if news else "generated",
                         "scale_mb": args.scale_mb},
              "machine": started,
              **summarise(runs, corpus, small, sample, dev, news, news_sample), "runs": runs}
    print(format_table(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, default=str))
    print(f"\nwritten to {args.out}")
    return result


if __name__ == "__main__":
    main()
