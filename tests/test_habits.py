"""Issue 15: the inputs analysts have and the commands they type.

Every test runs the real CLI (click's CliRunner, or a subprocess) with the
real reader and extractor, on small exports written here: the sentences are
made up for these tests.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import cli

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
