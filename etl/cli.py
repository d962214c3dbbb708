"""`warstats`: a thin click layer over etl.* — parse options, call, report.

Exit status: 0 on success, 1 on an error (a message, never a traceback),
2 on bad usage, 3 when some inputs could not be read or extracted.
"""
from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import click

import etl
from etl.errors import EtlError, SourceError
from etl.settings import DEFAULTS

# The stage modules (DuckDB, pandas, pyarrow behind them) are imported inside
# each command: ingest's worker processes re-import this module when they
# start, and should carry only the extractor.

CONTEXT_SETTINGS = dict(help_option_names=["-h", "--help"], max_content_width=100)
INPUTS_FAILED = 3


class InputsFailed(click.ClickException):
    """Some inputs failed (or --strict stopped at one): exit status 3."""

    exit_code = INPUTS_FAILED


def reports_errors(command):
    """Turn EtlError into a one-line message; a SourceError exits with 3."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except SourceError as e:
            raise InputsFailed(str(e)) from e
        except EtlError as e:
            raise click.ClickException(str(e)) from e
    return wrapper


def source_arguments(command):
    return click.argument("sources", nargs=-1, required=True,
                          type=click.Path(exists=True))(command)


def echo_problem(problem):
    """One problem on stderr as it happens: `problem: PATH:LINE: ... — fix`
    (`warning: ...` when the article still loaded, `note: ...` for how a
    file was read)."""
    from etl.warehouse import is_note, is_warning
    kind = "note" if is_note(problem) else "warning" if is_warning(problem) else "problem"
    click.echo(f"{kind}: {problem}", err=True)


def _column_mapping(_ctx, _param, values):
    if not values:
        return {}
    from etl.sources import MappingError, parse_mapping
    try:
        return parse_mapping(values)
    except MappingError as e:
        raise click.BadParameter(str(e)) from e


def columns_option(command):
    """`--columns text=content,published=date`: the column (CSV) or key
    (JSONL) of a field that is under none of its common names."""
    return click.option(
        "--columns", multiple=True, metavar="FIELD=COLUMN,...", callback=_column_mapping,
        help="Where a field is, when its column (CSV) or key (JSONL) has none of the "
             "common names (text: content, body, article, full_text; published: "
             "date, published_at, pubdate, datetime; outlet: source, publisher, "
             "site, domain; url: link, href; title: headline; id: article_id, "
             "doc_id, guid). E.g. --columns text=story,published=when")(command)


def database_option(command=None, *, used: bool = True):
    """`--db FILE` after the command, meaning what it means before it:
    `warstats ingest x --db war.duckdb` = `warstats --db war.duckdb ingest x`.
    Given in both places, the one after the command wins. The command body
    still gets the file through @click.pass_obj. A command that opens no
    database (`used=False`) says so on stderr rather than drop it silently.
    """
    def remember(ctx, _param, value):
        if value is None:
            return
        if used:
            ctx.obj = value
        else:
            click.echo(f"note: {ctx.info_name} opens no database; --db {value} is "
                       "not used (load articles with `warstats ingest`)", err=True)

    def decorate(command):
        return click.option(
            "--db", type=click.Path(dir_okay=False), default=None, metavar="FILE",
            expose_value=False, callback=remember,
            help=("The DuckDB database file; also before the command, or "
                  "$WARSTATS_DB  [default: warstats.duckdb]" if used else
                  "Accepted, like every command's; this one opens no database."),
        )(command)
    return decorate(command) if command else decorate


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(etl.__version__, "--version", prog_name="warstats")
@click.option("--db", envvar=DEFAULTS["DB_ENVVAR"], default=DEFAULTS["DB"],
              show_default=True, show_envvar=True, type=click.Path(dir_okay=False),
              help="The DuckDB database file.")
@click.pass_context
def cli(ctx, db):
    """Figures from war reporting, each with a quote and a source, in DuckDB.

    \b
    Example:
        warstats ingest seeds/
        warstats sql "select * from air_attacks"
        warstats report --out reports/out

    Exit status: 0 ok, 1 error, 2 bad usage, 3 some inputs failed,
    130 / 143 an ingest stopped by Ctrl-C / SIGTERM (the same command resumes).
    """
    ctx.obj = db


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction  [default: all cores]")
@click.option("--strict", is_flag=True, help="Stop at the first bad input (exit 3).")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines; summary only.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local",
              show_default=True,
              help="local: worker processes here. spark: the same extraction "
                   "through PySpark (pip install 'warstats[spark]').")
@click.option("--master", default="local[2]", show_default=True,
              help="With --engine spark: the Spark master (local[N], "
                   "spark://host:7077, yarn).")
@click.option("--spark-out", type=click.Path(file_okay=False), default=None,
              help="With --engine spark: keep the Parquet output here.")
@columns_option
@database_option
@click.pass_obj
@reports_errors
def ingest(db, sources, jobs, strict, quiet, engine, master, spark_out, columns):
    """Read, extract and load articles from SOURCES (files or folders).

    Unchanged articles are skipped; changed ones replace their facts. Each
    bad input is named on stderr as it is met; a summary with the counts
    ends the run. Exits with 3 when some inputs could not be read or
    extracted (the rest are loaded), or when --strict stopped at one.
    With --engine spark, SOURCES may also be s3a:// or hdfs:// paths.

    CSV and JSONL columns are read under their common names (text may be
    content or body, published may be date, ...); which ones were mapped
    or ignored is said once per file. Name others with --columns.

    On a terminal a bar shows the percent done, the rate and the time left
    (elsewhere, a line every few seconds). Ctrl-C or SIGTERM stops cleanly:
    each batch is written whole or not at all, the run is marked
    interrupted, and the same command resumes where it stopped.

    \b
    Example:
        warstats ingest seeds/ more/articles.jsonl --db war.duckdb --jobs 4
        warstats ingest export.csv --columns text=story,published=when
        warstats ingest --engine spark --master yarn s3a://bucket/articles/
    """
    if engine == "spark" and columns:
        raise click.UsageError("--columns is not read by --engine spark yet: name "
                               "the fields id, text, published, url, outlet, title")
    if engine == "spark":
        from etl.warehouse import run_spark_ingest
        summary = run_spark_ingest(list(sources), db, master=master, out_dir=spark_out)
    else:
        missing = [s for s in sources if not Path(s).exists() and not Path(s).is_symlink()]
        if missing:
            raise click.BadParameter(f"{missing[0]!r} does not exist — check the path",
                                     param_hint="SOURCES")
        from etl import warehouse
        summary = warehouse.ingest(list(sources), db, jobs=jobs, strict=strict,
                                   progress=not quiet, on_problem=echo_problem,
                                   columns=columns)
    click.echo(summary.describe())
    if summary.exit_code:
        raise SystemExit(summary.exit_code)


@cli.command("load-parquet")
@click.argument("parquet_dir")
@database_option
@click.pass_obj
@reports_errors
def load_parquet(db, parquet_dir):
    """Load the Parquet written by `ingest --engine spark --spark-out DIR`
    (or a cluster job) into the database, as one run.

    \b
    Example:
        warstats load-parquet /data/warstats-parquet --db war.duckdb
    """
    from etl.warehouse import load_parquet as load
    summary = load(db, parquet_dir)
    click.echo(summary.describe())
    if summary.exit_code:
        raise SystemExit(summary.exit_code)


@cli.command("load-bulletins")
@click.argument("path", type=click.Path(dir_okay=False))
@database_option
@click.pass_obj
@reports_errors
def load_bulletins(db, path):
    """Load the Air Force bulletins from PATH into the database.

    PATH is the public "Massive Missile Attacks on Ukraine" dataset
    (missile_attacks_daily.csv, compiled from Ukrainian Air Force posts).
    An unchanged file is skipped; a changed one replaces the previous load.
    Bad rows are listed as PATH:LINE and left out (exit 3); the rest loads.
    The briefing then holds the news against the bulletins.

    \b
    Example:
        warstats load-bulletins ../shared/reference/missile_attacks_daily.csv
        warstats sql "select * from bulletin_nights order by night desc limit 5"
    """
    from etl.bulletin import load_bulletins as load
    result = load(path, db)
    for problem in result.problems:
        click.echo(f"problem: {problem}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(result.describe())
    if result.exit_code:
        raise SystemExit(result.exit_code)


@cli.command()
@source_arguments
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True, help="One JSON object per fact, or aligned columns.")
@click.option("--explain", is_flag=True,
              help="Also print each rejected number with its reason (to stderr "
                   "with --format jsonl).")
@columns_option
@database_option(used=False)
@reports_errors
def extract(sources, fmt, explain, columns):
    """Print the facts in SOURCES without touching the database.

    \b
    Example:
        warstats extract seeds/ --format table --explain
        warstats extract export.csv --columns text=story,published=when
    """
    from etl import present
    from etl.warehouse import extract_sources
    problems = []
    if fmt == "table":
        click.echo(present.fact_table_header())
    for _, extraction in extract_sources(sources, on_problem=problems.append,
                                         columns=columns):
        for fact in extraction.facts:
            click.echo(present.fact_json(fact) if fmt == "jsonl"
                       else present.fact_table_row(fact))
        for rejection in extraction.rejections if explain else ():
            click.echo(present.rejection_line(rejection), err=fmt == "jsonl")
    _exit_on_problems(problems)


@cli.command()
@click.option("--out", "out_dir", default="reports/out", show_default=True,
              type=click.Path(file_okay=False), help="Folder for briefing.md and charts.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only figures on or after this date.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only figures on or before this date.")
@click.option("--metric", metavar="METRIC", multiple=True,
              help="Only this metric, e.g. drones_launched; repeat it (or use "
                   "commas) for several.")
@click.option("--side", metavar="SIDE", multiple=True,
              help="Only this side, e.g. russia; repeatable.")
@click.option("--outlet", metavar="OUTLET", multiple=True,
              help="Only figures from articles of this outlet (any case); repeatable.")
@click.option("--place", metavar="PLACE", multiple=True,
              help="Only figures at this place, as written or in its one "
                   "spelling (Kyiv region); repeatable.")
@click.option("--table-rows", type=click.IntRange(min=1), default=150, show_default=True,
              help="Rows a briefing table shows (the most recent first); every "
                   "row is in its CSV beside the charts.")
@database_option
@click.pass_obj
@reports_errors
def report(db, out_dir, since, until, metric, side, outlet, place, table_rows):
    """Write a markdown briefing with charts from the database.

    Each filter may be given several times: a figure matching any of its
    values is kept. Charts go to OUT/charts/ (PNG, SVG and the CSV of their
    data), and so does every table of the briefing, whole, as CSV.

    \b
    Example:
        warstats report --out reports/out --since 2024-08-01 --side russia
        warstats report --metric drones_launched --metric drones_downed \\
            --outlet Reuters --outlet TASS --place "Kyiv region" --db war.duckdb
        warstats report --table-rows 50 --out weekly/
    """
    from etl.report import write_briefing  # heavy (matplotlib): load on use

    path = write_briefing(db, out_dir, since=since, until=until, metric=metric,
                          side=side, outlet=outlet, place=place, table_rows=table_rows)
    click.echo(f"wrote {path}\ncharts and every table as CSV: {path.parent / 'charts'}/")


# NOTE: keep in sync with etl.present.RESULT_FORMATS (not imported here:
# the CLI module stays light for ingest's worker processes).
SQL_FORMATS = ("table", "csv", "tsv", "json", "jsonl")


@cli.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from FILE (- for stdin).")
@click.option("--format", "fmt", type=click.Choice(SQL_FORMATS), default="table",
              show_default=True, help="How to print the rows.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="Rows printed per result; 0 for all  [default: 40 in a table, "
                   "all in the other formats]")
@database_option
@click.pass_obj
@reports_errors
def sql(db, query, query_file, fmt, limit):
    """Run a read-only QUERY against the database and print the rows.

    QUERY may hold several statements (`select 1; select 2`): a table
    prints each result, the other formats take one statement. `-` as QUERY,
    or -f FILE, reads it from stdin or a file. A table fits the terminal
    (long cells are cut with …) and shows the first --limit rows, saying
    how many more there are.

    Tables: runs, articles, facts, rejections; views: fact_details,
    air_attacks, prisoner_exchanges, troop_deployments, casualties, ...

    \b
    Example:
        warstats sql "select doc, launched, downed from air_attacks" --format csv
        warstats sql -f queries/weekly.sql --format jsonl --db war.duckdb
        echo "select * from events" | warstats sql - --limit 0 > events.txt
    """
    from etl import present, warehouse

    statements = warehouse.split_statements(db, _query_text(query, query_file))
    if len(statements) > 1 and fmt != "table":
        raise click.UsageError(
            f"the query holds {len(statements)} statements and --format {fmt} prints "
            "one result: run them one at a time, or use --format table, which "
            "prints each")
    width = shutil.get_terminal_size((120, 24)).columns
    present.write_results(warehouse.query_each(db, statements),
                          present.ResultWriter(fmt, click.echo, limit=limit, width=width),
                          several=len(statements) > 1)


def _query_text(query, query_file) -> str:
    """The SQL of `warstats sql`: QUERY, stdin for `-`, or -f FILE."""
    if query is not None and query_file is not None:
        raise click.UsageError("give the query once: as QUERY or with -f FILE, not both")
    if query_file is not None:
        return query_file.read()
    if query == "-":
        with click.open_file("-", encoding="utf-8") as stdin:
            return stdin.read()
    if query is None:
        raise click.UsageError('no query: give it as QUERY ("select ..."), with -f '
                               "FILE, or as - to read it from stdin")
    return query


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("articles", type=click.Path(exists=True))
@click.option("--show", is_flag=True, help="List misses and extras with quotes.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@database_option(used=False)
@reports_errors
def eval_(gold, articles, show, as_json):
    """Extract ARTICLES and score the facts against GOLD (JSON lines).

    Scored as ../shared/eval/score.py: (doc, metric, value) sets per
    article, micro-averaged precision/recall/F1, attribute accuracy.

    \b
    Example:
        warstats eval eval/dev/gold.jsonl eval/dev/articles.jsonl --show
    """
    from etl import evaluate
    problems = []
    result = evaluate.evaluate(gold, articles, on_problem=problems.append)
    if as_json:
        hidden = () if show else ("misses", "extras")
        click.echo(json.dumps({k: v for k, v in result.items() if k not in hidden}))
    else:
        click.echo(evaluate.format_score(result, show=show))
    _exit_on_problems(problems)


def _exit_on_problems(problems):
    """Report problems on stderr; exit 3 if any input failed (not warnings)."""
    from etl.warehouse import is_warning
    for problem in problems:
        echo_problem(problem)
    if not all(is_warning(p) for p in problems):
        raise SystemExit(INPUTS_FAILED)
