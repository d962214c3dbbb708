"""Issue 15: the inputs analysts have and the commands they type.

Every test runs the real CLI (click's CliRunner, or a subprocess) with the
real reader and extractor, on small exports written here: the sentences are
made up for these tests.
"""
from __future__ import annotations

import codecs
import csv
import json
import re
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.sources import ALIASES
from tests.test_report import TEMPLATE, table_rows

# Made-up wire copy: each line gives the real extractor one or two figures.
STORIES = [
    ("w1", "2025-03-01", "Reuters", "Russia launched 48 drones at the Kharkiv region "
     "overnight, and air defence shot down 31 of them, the air force said."),
    ("w2", "2025-03-02", "TASS", "Ukraine and Russia exchanged 95 prisoners of war "
     "on Sunday, the defence ministry said."),
    ("w3", "2025-03-03", "Kyiv Independent", "Russia fired 12 missiles at Odesa "
     "overnight; 9 were intercepted, the air force said."),
]


def warstats(*args, env=None, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, input=input)


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture
def export(tmp_path) -> Path:
    return write_jsonl(tmp_path / "wire.jsonl", [
        {"id": i, "published": d, "outlet": o, "text": t} for i, d, o, t in STORIES])


def n_facts(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from facts").fetchone()[0]
    finally:
        con.close()


# -- --db before or after the command, or WARSTATS_DB ------------------------

@pytest.mark.parametrize("where", ["before", "after", "env"])
def test_db_before_or_after_the_command_or_from_the_environment(tmp_path, export, where):
    db = tmp_path / f"{where}.duckdb"
    args, env = ["ingest", export, "-q", "-j", "1"], None
    if where == "before":
        args = ["--db", db, *args]
    elif where == "after":
        args = [*args, "--db", db]
    else:
        env = {"WARSTATS_DB": str(db)}
    result = warstats(*args, env=env)
    assert result.exit_code == 0, result.output
    assert n_facts(db) > 0
    # every command that reads the database takes it in the same places
    out = tmp_path / f"out-{where}"
    sql = ["sql", "select count(*) as n from facts", "--format", "csv"]
    report = ["report", "--out", out]
    for command in (sql, report):
        if where == "before":
            read = warstats("--db", db, *command)
        elif where == "after":
            read = warstats(*command, "--db", db)
        else:
            read = warstats(*command, env=env)
        assert read.exit_code == 0, read.output
        if command is sql:
            assert read.stdout.split() == ["n", str(n_facts(db))]
    assert (out / "briefing.md").is_file()


def test_db_after_the_command_wins_over_the_one_before(tmp_path, export):
    before, after = tmp_path / "before.duckdb", tmp_path / "after.duckdb"
    result = warstats("--db", before, "ingest", export, "-q", "-j", "1", "--db", after,
                      env={"WARSTATS_DB": str(tmp_path / "env.duckdb")})
    assert result.exit_code == 0, result.output
    assert after.exists() and not before.exists()
    assert not (tmp_path / "env.duckdb").exists()


def test_db_given_to_a_command_that_opens_none_is_said_not_dropped(tmp_path, export):
    result = warstats("extract", export, "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 0
    assert "extract opens no database" in result.stderr
    assert not (tmp_path / "x.duckdb").exists()


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_takes_db_after_it(name):
    result = warstats(name, "-h")
    assert "--db FILE" in result.output


# -- repeatable report filters -----------------------------------------------

@pytest.fixture
def loaded(tmp_path, export) -> Path:
    db = tmp_path / "w.duckdb"
    assert warstats("ingest", export, "-q", "-j", "1", "--db", db).exit_code == 0
    return db


def briefing(db, out, *filters) -> str:
    result = warstats("report", "--out", out, "--db", db, *filters)
    assert result.exit_code == 0, result.output
    return (Path(out) / "briefing.md").read_text()


def test_repeated_metric_keeps_every_value(loaded, tmp_path):
    text = briefing(loaded, tmp_path / "m", "--metric", "drones_launched",
                    "--metric", "prisoners_swapped")
    assert "Filters: metric drones\\_launched or prisoners\\_swapped" in text
    assert "48 drones" in text and "95 prisoners" in text
    assert "12 missiles" not in text
    # commas mean the same as repeating the option
    same = briefing(loaded, tmp_path / "c", "--metric", "drones_launched,prisoners_swapped")
    assert same == text


def test_repeated_side_outlet_and_place(loaded, tmp_path):
    outlets = briefing(loaded, tmp_path / "o", "--outlet", "reuters", "--outlet", "TASS")
    assert "48 drones" in outlets and "95 prisoners" in outlets
    assert "12 missiles" not in outlets
    place = briefing(loaded, tmp_path / "p", "--place", "odesa")
    assert "12 missiles" in place and "48 drones" not in place


def test_unknown_outlet_is_an_error_with_suggestions(loaded, tmp_path):
    result = warstats("report", "--out", tmp_path / "x", "--db", loaded,
                      "--outlet", "Reuter")
    assert result.exit_code == 1
    assert "outlet='reuter' is in no article" in result.stderr
    assert "did you mean: reuters" in result.stderr


# -- columns as people name them ---------------------------------------------

def articles_in(db: Path) -> dict[str, tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select id, published, outlet, url, title, "
                           "(select count(*) from facts where doc = id) from articles"
                           ).fetchall()
    finally:
        con.close()
    return {r[0]: r[1:] for r in rows}


def ingest(db, *args):
    return warstats("ingest", *args, "-q", "-j", "1", "--db", db)


def notes(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("note: ")]


FIELD_ALIASES = [(field, alias) for field, names in ALIASES.items() for alias in names]


@pytest.mark.parametrize("field,alias", FIELD_ALIASES,
                         ids=[f"{f}={a}" for f, a in FIELD_ALIASES])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_every_alias_is_read_as_its_field(tmp_path, field, alias, fmt):
    values = {"id": "a1", "text": STORIES[0][3], "published": "2025-03-01",
              "outlet": "Reuters", "url": "https://example.org/a1", "title": "Night raid"}
    record = {(alias if name == field else name): v for name, v in values.items()}
    if fmt == "csv":
        path = tmp_path / "export.csv"
        path.write_text(",".join(record) + "\n"
                        + ",".join(f'"{v}"' for v in record.values()) + "\n")
    else:
        path = write_jsonl(tmp_path / "export.jsonl", [record])
    db = tmp_path / "w.duckdb"
    result = ingest(db, path)
    assert result.exit_code == 0, result.output
    [(published, outlet, url, title, facts)] = articles_in(db).values()
    assert (str(published), outlet, url, title) == (
        "2025-03-01", "Reuters", "https://example.org/a1", "Night raid")
    assert facts == 2
    assert "a1" in articles_in(db)
    said = notes(result)
    if alias == field:
        assert said == []                 # nothing mapped, nothing ignored
    else:
        [note] = said
        assert f"mapped: {alias} as {field}" in note and "ignored" not in note


def test_the_export_from_the_issue_loses_nothing(tmp_path):
    """id,date,source,link,text: every outlet, url and date is read, and the
    column warstats does not use is named, once."""
    rows = [f'w{i},2025-03-0{i + 1},Wire {i},https://example.org/{i},"{t}",Ann'
            for i, (_, _, _, t) in enumerate(STORIES)]
    path = tmp_path / "export.csv"
    path.write_text("id,date,source,link,text,author\n" + "\n".join(rows) + "\n")
    db = tmp_path / "w.duckdb"
    result = ingest(db, path)
    assert result.exit_code == 0, result.output
    stored = articles_in(db)
    assert sorted(stored) == ["w0", "w1", "w2"]
    assert all(p is not None and o and u for p, o, u, _, _ in stored.values())
    [note] = notes(result)
    assert note == (f"note: {path}: columns read: id, text, date, source, link; mapped: "
                    "date as published, source as outlet, link as url; ignored columns: "
                    "author — if an ignored column holds an article field, name it: "
                    "--columns FIELD=author (fields: id, text, published, outlet, url, title)")
    assert result.stdout.count("ignored columns: author") == 1   # and in the summary


def test_columns_option_maps_what_no_alias_names(tmp_path):
    path = write_jsonl(tmp_path / "feed.jsonl", [
        {"key": i, "story": t, "when": d, "paper": o} for i, d, o, t in STORIES])
    db = tmp_path / "w.duckdb"
    result = ingest(db, path, "--columns", "text=story,published=when",
                    "--columns", "id=key,outlet=paper")
    assert result.exit_code == 0, result.output
    stored = articles_in(db)
    assert sorted(stored) == ["w1", "w2", "w3"]
    assert stored["w2"][:2] == (date(2025, 3, 2), "TASS")
    [note] = notes(result)
    assert "mapped: key as id, story as text, when as published, paper as outlet" in note


@pytest.mark.parametrize("bad,says", [
    ("text", "'text' is not FIELD=COLUMN"),
    ("body=story", "'body' is not a field warstats reads"),
    ("text=a,text=b", "the field 'text' is mapped twice"),
])
def test_a_bad_columns_option_is_a_usage_error(tmp_path, export, bad, says):
    result = ingest(tmp_path / "w.duckdb", export, "--columns", bad)
    assert result.exit_code == 2 and says in result.stderr
    assert "--columns text=content,published=date" in result.stderr


def test_jsonl_without_text_is_one_message_with_a_count(tmp_path):
    path = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": f"n{i}", "story": STORIES[i % 3][3]} for i in range(30)])
    db = tmp_path / "w.duckdb"
    result = ingest(db, path)
    assert result.exit_code == 3
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem: ")]
    assert problems == [
        f"problem: {path}:1: 30 lines have no text field (lines 1, 2, 3, 4, 5 and 25 "
        "more) — name the field that holds the article text, e.g. --columns text=story "
        "(fields: story); skipped"]
    assert "30 failed" in result.stdout
    # as the message says
    again = ingest(db, path, "--columns", "text=story")
    assert again.exit_code == 0 and "30 loaded" in again.stdout


def test_semicolon_csv_with_a_bom_as_excel_exports_it(tmp_path):
    lines = ["id;published;outlet;text"] + [f'{i};{d};{o};"{t}"' for i, d, o, t in STORIES]
    path = tmp_path / "excel.csv"
    path.write_bytes(codecs.BOM_UTF8 + "\r\n".join(lines).encode() + b"\r\n")
    db = tmp_path / "w.duckdb"
    result = ingest(db, path)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert articles_in(db)["w3"][:2] == (date(2025, 3, 3), "Kyiv Independent")


def test_tab_separated_export(tmp_path):
    lines = ["ID\tContent\tDate"] + [f"{i}\t{t}\t{d}" for i, d, _, t in STORIES]
    path = tmp_path / "export.tsv"
    path.write_text("\n".join(lines) + "\n")
    db = tmp_path / "w.duckdb"
    assert ingest(db, path).exit_code == 0
    assert sorted(articles_in(db)) == ["w1", "w2", "w3"]


def test_unparseable_dates_are_one_warning_with_a_count_and_an_example(tmp_path):
    dates = ["2025-03-01", "the other day", "2025-03-03", "soon", "31/02/2025", "2025-03-06"]
    path = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": f"d{i}", "text": STORIES[i % 3][3], "date": d} for i, d in enumerate(dates)])
    db = tmp_path / "w.duckdb"
    result = ingest(db, path)
    assert result.exit_code == 0
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warning.startswith(
        f"warning: {path}:2: 3 lines have a published (column date) value that is not a "
        "date I can read (lines 2, 4, 5; the first: published (column date) 'the other "
        "day' is not a date I can read) — write it as YYYY-MM-DD")
    assert "3 warnings" in result.stdout and "6 loaded" in result.stdout


# -- warstats sql --------------------------------------------------------------

# sums are HUGEINT in DuckDB (pandas made them floats); the mean is a fraction
COUNTS = ("select metric, count(*) as n, sum(value) as total, sum(value) / 7 as mean, "
          "max(low) as low from facts group by metric order by metric")


def sql(db, *args, input=None, columns=None):
    env = {"COLUMNS": str(columns)} if columns else None
    return warstats("sql", *args, "--db", db, input=input, env=env)


def expected_counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(COUNTS).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("how", ["argument", "file", "stdin", "file from stdin"])
def test_sql_reads_the_query_from_an_argument_a_file_or_stdin(loaded, tmp_path, how):
    query_file = tmp_path / "q.sql"
    query_file.write_text(f"-- the figures per metric\n{COUNTS};\n")
    args, stdin = {"argument": ([COUNTS], None), "file": (["-f", query_file], None),
                   "stdin": (["-"], COUNTS), "file from stdin": (["-f", "-"], COUNTS)}[how]
    result = sql(loaded, *args, "--format", "csv", input=stdin)
    assert result.exit_code == 0, result.output
    rows = expected_counts(loaded)
    lines = result.stdout.splitlines()
    assert lines[0] == "metric,n,total,mean,low"
    assert lines[1:] == [f"{m},{n},{t},{a!r},{lo}" for m, n, t, a, lo in rows]


def test_sql_every_format_prints_whole_numbers_as_integers(loaded):
    rows = expected_counts(loaded)
    assert any(not float(a).is_integer() for *_, a, _ in rows)   # a real fraction too
    out = {fmt: sql(loaded, COUNTS, "--format", fmt).stdout
           for fmt in ("table", "csv", "tsv", "json", "jsonl")}
    records = [dict(metric=m, n=n, total=t, mean=a, low=lo) for m, n, t, a, lo in rows]
    assert json.loads(out["json"]) == records
    assert [json.loads(line) for line in out["jsonl"].splitlines()] == records
    for record in records:      # ints in JSON text, not 810.0
        assert f'"total": {record["total"]},' in out["json"]
    assert out["tsv"].splitlines()[1] == "\t".join(
        str(v) for v in (rows[0][0], rows[0][1], rows[0][2], repr(rows[0][3]), rows[0][4]))
    table = out["table"].splitlines()
    assert table[0].split() == ["metric", "n", "total", "mean", "low"]
    assert table[2].split() == [rows[0][0], str(rows[0][1]), str(rows[0][2]),
                                repr(rows[0][3]), str(rows[0][4])]
    for text in out.values():
        assert not re.search(r"\b\d+\.0\b", text), text


def test_sql_several_statements_print_every_result_in_a_table(loaded):
    result = sql(loaded, "select count(*) as articles from articles; "
                         "select count(*) as facts from facts")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "-- select count(*) as articles from articles"
    assert lines[1] == "articles" and lines[3].strip() == "3"
    assert "-- select count(*) as facts from facts" in lines
    assert lines[-1].strip() == str(n_facts(loaded))


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "jsonl"])
def test_sql_several_statements_in_one_result_format_are_refused(loaded, fmt):
    result = sql(loaded, "select 1; select 2", "--format", fmt)
    assert result.exit_code == 2
    assert (f"the query holds 2 statements and --format {fmt} prints one result"
            in result.stderr)


def test_sql_table_fits_the_terminal_and_says_what_it_left_out(loaded):
    result = sql(loaded, "select doc, metric, quote from facts order by doc, fact_no",
                 "--limit", "2", columns=60)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines), lines
    assert lines[2].endswith("…")                 # the quote was cut
    assert len(lines) == 2 + 2 + 1
    assert lines[-1] == f"(2 of {n_facts(loaded)} rows; --limit 0 for all)"
    every = sql(loaded, "select doc from facts", "--limit", "0")
    assert len(every.stdout.splitlines()) == 2 + n_facts(loaded)


def test_sql_limit_in_csv_is_said_on_stderr(loaded):
    result = sql(loaded, "select doc from facts", "--format", "csv", "--limit", "1")
    assert len(result.stdout.splitlines()) == 2
    assert f"note: {n_facts(loaded) - 1} more rows not shown (--limit 1" in result.stderr


@pytest.mark.parametrize("args,says", [
    ([], "no query: give it as QUERY"),
    (["select 1", "-f", "-"], "give the query once"),
])
def test_sql_without_one_query_is_a_usage_error(loaded, args, says):
    result = sql(loaded, *args, input="select 2")
    assert result.exit_code == 2 and says in result.stderr


def test_sql_empty_query_file_says_so(loaded, tmp_path):
    empty = tmp_path / "empty.sql"
    empty.write_text("-- nothing here\n")
    result = sql(loaded, "-f", empty)
    assert result.exit_code == 1 and "the query is empty" in result.stderr


# -- progress and the summary -------------------------------------------------

def test_summary_gives_the_time_and_what_the_database_holds(tmp_path, export):
    db = tmp_path / "w.duckdb"
    first = ingest(db, export)
    facts = n_facts(db)
    assert re.search(rf"run 1 complete in \d+\.\d s: 3 articles read, 3 loaded, .*; "
                     rf"{facts} facts loaded; {facts} facts from 3 articles in {db}$",
                     first.stdout.strip())
    again = ingest(db, export)
    assert re.search(rf"run 2 complete in \d+\.\d s: 3 articles read, 0 loaded, 3 skipped "
                     rf"\(unchanged\), 0 failed, 0 warnings; no changes; {facts} facts "
                     rf"from 3 articles in {db}$", again.stdout.strip())


def test_progress_off_a_terminal_is_a_plain_line_with_percent_and_eta(tmp_path, monkeypatch):
    from etl.settings import DEFAULTS
    monkeypatch.setitem(DEFAULTS, "BATCH_SIZE", 1)
    monkeypatch.setitem(DEFAULTS, "PROGRESS_EVERY_N", 1)
    path = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": f"p{i}", "text": STORIES[i % 3][3]} for i in range(8)])
    db = tmp_path / "w.duckdb"
    result = warstats("ingest", path, "-j", "1", "--db", db)
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("  ")]
    assert len(lines) >= 8
    size = path.stat().st_size
    assert all(re.match(rf"  \d+% of {size:,} B[,:]", line) for line in lines), lines
    assert any(", ETA " in line for line in lines)
    assert lines[-1].startswith(f"  100% of {size:,} B: 8 articles (")
    assert lines[-1].endswith(f"8 loaded, 0 skipped, 0 failed, {n_facts(db)} facts")
    assert "\r" not in result.stderr            # no bar off a terminal


def test_progress_on_a_terminal_is_a_bar_redrawn_in_place():
    from etl.warehouse.loader import RunSummary
    from etl.warehouse.progress import Progress
    drawn = []
    bar = Progress(True, 10_000_000, tty=True, width=100, started=time.monotonic() - 30,
                   echo=lambda text, nl=True: drawn.append((text, nl)))
    summary = RunSummary(run_id=1, db="w.duckdb", read=4000, bytes=4_000_000, facts=9000)
    bar.done_bytes = 4_000_000
    bar.tick(summary, force=True)
    text, nl = drawn[-1]
    assert not nl and text.startswith("\r  [#########---------------]  40%  4,000 articles")
    assert re.search(r"  133/s  0\.1 MB/s  ETA 4\d\.\d s  9,000 facts", text)
    assert len(text) == 100                     # the width, padded: no stray tail
    bar.finish()
    assert drawn[-1] == ("\r" + " " * 99 + "\r", False)


# -- the briefing's tables, whole, as CSV ------------------------------------

def many_swaps(n: int):
    """n prisoner swaps on n days, oldest first: more rows than a table shows."""
    return [{"id": f"s{i:03}", "published": f"2025-0{1 + i // 28}-{1 + i % 28:02}",
             "outlet": "Wire", "text": f"Ukraine and Russia exchanged {100 + i} prisoners "
                                       "of war, officials said."}
            for i in range(n)]


def test_every_table_is_written_whole_as_csv_and_the_page_shows_the_first_rows(tmp_path):
    db = tmp_path / "w.duckdb"
    assert ingest(db, write_jsonl(tmp_path / "swaps.jsonl", many_swaps(40))).exit_code == 0
    out = tmp_path / "out"
    result = warstats("report", "--out", out, "--table-rows", "10", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"wrote {out / 'briefing.md'}",
        f"charts and every table as CSV: {out / 'charts'}/"]
    text = (out / "briefing.md").read_text()
    tables = re.findall(r"\{\{\s*table:(\w+)\s*\}\}",
                        re.sub(r"\{#.*?#\}", "", TEMPLATE.read_text(), flags=re.DOTALL))
    for name in tables:
        assert (out / "charts" / f"{name}.csv").is_file(), name
    with open(out / "charts" / "incident_table.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 40                       # whole, the most recent first
    assert [r["Figure"] for r in rows[:2]] == ["139", "138"]
    assert not any(name.endswith("__facts") for name in rows[0])
    section = text.split("## Incidents")[1].split("\n## ")[0]
    shown = [dict(zip(header, cells))["Figure"] for header, cells in table_rows(section)]
    assert [f.split("[")[0] for f in shown] == [str(100 + i) for i in range(39, 29, -1)]
    assert ("_The first 10 of 40 rows; every row: "
            "[incident\\_table.csv](charts/incident_table.csv)._") in section


def test_a_table_in_full_still_points_at_its_csv(loaded, tmp_path):
    out = tmp_path / "out"
    assert warstats("report", "--out", out, "--db", loaded).exit_code == 0
    text = (out / "briefing.md").read_text()
    assert "_As CSV: [incident\\_table.csv](charts/incident_table.csv)_" in text


# -- help ------------------------------------------------------------------------

@pytest.mark.parametrize("command,options", [
    ("ingest", ["--db", "--columns"]),
    ("extract", ["--columns"]),
    ("report", ["--metric drones_launched --metric", "--outlet", "--place", "--db",
                "--table-rows"]),
    ("sql", ["-f ", "sql -", "--format jsonl", "--limit 0", "--db"]),
    ("load-parquet", ["--db"]),
])
def test_help_examples_show_the_new_options(command, options):
    text = warstats(command, "-h").output
    example = text.split("Example:")[1].split("Options:")[0]
    for option in options:
        assert option in example, (command, option)
