"""warstats CLI: help texts, thin commands, error messages and exit codes."""
from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.conftest import drone_text
from etl import warehouse
from etl.cli import cli
from etl.errors import DatabaseBusy, EtlError

COMMANDS = sorted(cli.commands)
README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture
def run(db_path):
    """Invoke warstats with --db pointing at a fresh file."""
    def invoke(*args, env=None):
        return CliRunner().invoke(cli, ["--db", str(db_path), *map(str, args)], env=env)
    return invoke


@pytest.fixture
def loaded(run, pipeline):
    source = pipeline.articles("in.jsonl", [
        {"id": "n1", "text": drone_text(50, 40) + " It began in 2022.",
         "published": "2025-02-03", "outlet": "wire.example"},
        {"id": "n2", "text": "Only 6 missiles launched."}])
    assert run("ingest", source, "--jobs", "1", "--quiet").exit_code == 0
    return source


# -- help

@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_every_help_has_an_example(name):
    args = [name, "-h"] if name else ["--help"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and "Example" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert f"warstats {name}" in README.read_text()


def test_exit_status_3_is_documented():
    assert "3 some inputs failed" in CliRunner().invoke(cli, ["-h"]).output
    assert "3 when some inputs" in " ".join(
        CliRunner().invoke(cli, ["ingest", "-h"]).output.split())
    assert "exit status 3" in README.read_text().lower()


def test_version():
    assert "warstats, version" in CliRunner().invoke(cli, ["--version"]).output


# -- ingest

def test_ingest_prints_a_summary_and_skips_on_rerun(run, loaded, db_path):
    result = run("ingest", loaded, "--jobs", "1", "--quiet")
    assert result.exit_code == 0
    assert "2 articles read, 0 loaded, 2 skipped (unchanged), 0 failed" in result.stdout
    assert warehouse.query(db_path, "select count(*) as n from facts")["n"][0] == 3


def test_ingest_with_bad_inputs_exits_3_and_names_them(run, pipeline):
    source = pipeline.articles("bad.jsonl", [{"id": "ok", "text": drone_text(2, 1)}],
                               bad_lines=1)
    result = run("ingest", source, "--jobs", "1")
    assert result.exit_code == 3
    assert "1 loaded" in result.stdout and "bad.jsonl:2: not JSON" in result.stdout


def test_ingest_strict_exits_3_with_a_message_not_a_traceback(run, pipeline):
    source = pipeline.articles("bad.jsonl", [], bad_lines=1)
    result = run("ingest", source, "--jobs", "1", "--strict")
    assert result.exit_code == 3
    assert "Error: " in result.stderr and "not JSON" in result.stderr
    assert "Traceback" not in result.output


def test_ingest_missing_source_is_a_usage_error(run):
    result = run("ingest", "no/such/dir")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_busy_database_is_a_clean_error(run, pipeline, monkeypatch):
    def busy(*args, **kwargs):
        raise DatabaseBusy("x.duckdb is locked by process 42 — wait for it")
    monkeypatch.setattr("etl.warehouse.loader.connect", busy)
    result = run("ingest", pipeline.articles("a.jsonl", []), "--jobs", "1")
    assert result.exit_code == 1
    assert "Error: x.duckdb is locked by process 42" in result.stderr


def test_db_comes_from_the_environment(pipeline, tmp_path):
    db = tmp_path / "env.duckdb"
    source = pipeline.articles("a.jsonl", [{"id": "e", "text": drone_text(1, 1)}])
    result = CliRunner().invoke(cli, ["ingest", str(source), "-j", "1", "-q"],
                                env={"WARSTATS_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


# -- sql

def test_sql_formats(run, loaded):
    query = "select doc, launched, downed from air_attacks order by doc"
    table = run("sql", query)
    assert table.exit_code == 0 and "n1" in table.stdout and " 50  " in table.stdout
    assert "50.0" not in table.stdout   # counts are whole numbers
    csv = run("sql", query, "--format", "csv").stdout.splitlines()
    assert csv[:2] == ["doc,launched,downed", "n1,50,40"]
    rows = json.loads(run("sql", "select id, published from articles order by id",
                          "--format", "json").stdout)
    assert rows == [{"id": "n1", "published": "2025-02-03"},
                    {"id": "n2", "published": None}]


def test_sql_refuses_writes(run, loaded):
    result = run("sql", "drop table facts")
    assert result.exit_code == 1 and "read-only" in result.stderr
    assert "Traceback" not in result.output


def test_sql_without_a_database_says_to_ingest(run):
    result = run("sql", "select 1")
    assert result.exit_code == 1 and "warstats ingest" in result.stderr


def test_sql_bad_query_names_the_database(run, loaded, db_path):
    result = run("sql", "select nothing from nowhere")
    assert result.exit_code == 1 and str(db_path) in result.stderr


# -- extract

def test_extract_jsonl_one_fact_per_line(run, pipeline, db_path):
    source = pipeline.articles("x.jsonl", [{"id": "k", "text": "Київ: 7 drones downed."}])
    result = run("extract", source)
    assert result.exit_code == 0
    fact = json.loads(result.stdout)
    assert (fact["doc"], fact["metric"], fact["value"]) == ("k", "drones_downed", 7)
    assert list(fact)[:3] == ["doc", "metric", "value"]
    assert not db_path.exists()


def test_extract_table_with_explain(run, pipeline):
    source = pipeline.articles("x.jsonl", [{"id": "k", "text": drone_text(12, 9)
                                            + " Unlike in 2014."}])
    result = run("extract", source, "--format", "table", "--explain")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["doc", "metric", "value", "qualifier", "side",
                                "location", "weapon", "period", "quote"]
    assert "drones_launched" in lines[1] and "12 drones launched" in lines[1]
    assert "rejected k '2014' at" in result.stdout and "year" in result.stdout


def test_extract_reports_failed_articles_and_exits_3(run, pipeline):
    source = pipeline.articles("x.jsonl", [{"id": "b", "text": "BOOM"},
                                           {"id": "g", "text": drone_text(3, 3)}])
    result = run("extract", source)
    assert result.exit_code == 3
    assert "extraction failed" in result.stderr and len(result.stdout.splitlines()) == 2


# -- report

def test_report_passes_the_filters(run, monkeypatch, tmp_path, db_path):
    calls = []
    fake = types.ModuleType("etl.report")
    fake.write_briefing = lambda db, out, **kw: calls.append((db, out, kw)) or Path(out) / "b.md"
    monkeypatch.setitem(sys.modules, "etl.report", fake)
    result = run("report", "--out", tmp_path, "--since", "2024-08-01", "--side", "russia")
    assert result.exit_code == 0 and "b.md" in result.stdout
    assert calls == [(str(db_path), str(tmp_path), dict(
        since="2024-08-01", until=None, metric=(), side=("russia",), outlet=(),
        place=(), table_rows=150))]


def test_report_errors_are_messages(run, monkeypatch):
    fake = types.ModuleType("etl.report")

    def fail(*args, **kwargs):
        raise EtlError("--since 'soon': not a date — use YYYY-MM-DD")
    fake.write_briefing = fail
    monkeypatch.setitem(sys.modules, "etl.report", fake)
    result = run("report", "--since", "soon")
    assert result.exit_code == 1 and "not a date" in result.stderr


# -- eval

@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [{"doc": "g1", "metric": "drones_launched", "value": 30, "period": "overnight"},
            {"doc": "g1", "metric": "drones_downed", "value": 25},
            {"doc": "elsewhere", "metric": "attacks", "value": 1}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_eval_prints_scores_and_with_show_the_misses(run, pipeline, gold):
    articles = pipeline.articles("art.jsonl", [
        {"id": "g1", "text": "Overnight 30 drones launched; 20 drones downed."}])
    result = run("eval", gold, articles, "--show")
    assert result.exit_code == 0
    assert "MISS  g1  drones_downed=25" in result.stdout
    assert "EXTRA g1  drones_downed=20" in result.stdout
    assert result.stdout.splitlines()[-1] == "precision 0.500 recall 0.500 f1 0.500"


def test_eval_json(run, pipeline, gold):
    articles = pipeline.articles("art.jsonl", [{"id": "g1", "text": drone_text(30, 25)}])
    scores = json.loads(run("eval", gold, articles, "--json").stdout)
    assert (scores["f1"], scores["attribute_accuracy"]["period"]) == (1.0, 1.0)
    assert "misses" not in scores


def test_eval_bad_gold_names_the_line(run, pipeline, tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{nope\n")
    articles = pipeline.articles("art.jsonl", [])
    result = run("eval", bad, articles)
    assert result.exit_code == 1 and "gold.jsonl:1: not JSON" in result.stderr


def test_etl_errors_become_click_exceptions():
    from etl.cli import reports_errors

    @reports_errors
    def broken():
        raise EtlError("what, where, fix")
    with pytest.raises(click.ClickException, match="what, where, fix"):
        broken()


def test_sql_table_shows_null_and_plain_dates(run, loaded):
    result = run("sql", "select id, outlet, published from articles order by id")
    assert result.stdout.splitlines() == [
        "id  outlet        published",
        "--  ------------  ----------",
        "n1  wire.example  2025-02-03",
        "n2  NULL          NULL",
    ]
