"""The bad-input matrix: the real `warstats ingest` over good articles plus
one bad input each, end to end (sources -> real extractor -> DuckDB).

Each case writes a folder in tmp_path holding GOOD (three articles with
figures: a .txt and two JSONL lines) and its own files, runs
`warstats --db DB ingest FOLDER --quiet` through click's CliRunner, then
checks the exit status, the one problem line on stderr
(`problem: PATH:LINE: what is wrong — what to do`, or `warning: ...` when
the article still loaded), the summary counts on stdout, and that every
good article is in `articles` with the facts the extractor gives its text.

Exit status (README, `warstats -h`): 0 when every article loaded, warnings
included (a date that is not a date, a file not in the manifest); 3 when
any input was skipped, or --strict stopped. Text that is not UTF-8
(Latin-1, cp1252, stray bytes) or that carries a BOM is decoded, not
reported.

New bad input? Add a `Case(...)` to CASES. The library-level cases, with
every variant, are in tests/test_sources.py.
"""
from __future__ import annotations

import codecs
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb
import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.extract import extract_article
from etl.model import Article
from etl.settings import DEFAULTS
from etl.sources import decoding, folders

# -- the good articles every case is read beside ------------------------------

RAID = ("KYIV, March 3, 2025 — Russia launched 40 drones overnight; air defence "
        "shot down 31 of them, the Ukrainian Air Force said.\n")
SWAP = "Ukraine and Russia exchanged 150 prisoners of war on Friday, officials said."
MISSILES = ("Russia fired 12 missiles at Kharkiv overnight; 9 were intercepted, "
            "the air force said.")
GOOD_TEXTS = {"good-raid": RAID, "g-swap": SWAP, "g-missiles": MISSILES}


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False))
                   + "\n" for r in records)


GOOD_FILES = {
    "good-raid.txt": RAID,
    "good.jsonl": jsonl({"id": "g-swap", "text": SWAP, "published": "2025-03-07"},
                        {"id": "g-missiles", "text": MISSILES}),
}

# Texts of articles that a case's own files load, beside the good ones.
DRONES = "Russia launched 18 drones at Sumy overnight; 15 were shot down."
KILLED = ("At least 7 people were killed and 21 injured in the strike on Dnipro, "
          "the governor said.")
TROOPS = "Russia has deployed 11,000 troops to the Kursk region, Ukrainian intelligence said."
UTF8_STRAY = ("Russia launched 25 drones at Kharkiv’s outskirts overnight; 20 were "
              "shot down.\nThe mayor said more later.")
LATIN1 = "Russia fired 14 missiles at the région overnight; 9 were downed, officials said."
CP1252 = "“Russia launched 60 drones overnight — 52 were shot down,” the air force said."
UTF16 = "Russia launched 33 drones at Odesa overnight; 28 were destroyed, the navy said."
HTML_TEXT = "Overnight, Russia launched 55 Shahed drones at Odesa. Air defence destroyed 48 of them."
HTML_PAGE = ("<html><head><title>Odesa raid</title><style>p {}</style></head><body>"
             "<nav>Home | World</nav><p>Overnight, Russia launched 55 Shahed drones at "
             "Odesa.</p><p>Air defence destroyed 48 of them.</p>"
             "<script>var drones = 99;</script></body></html>")


@dataclass
class Case:
    files: dict[str, str | bytes]
    where: str | list[str] | None   # the problem's PATH[:LINE], relative (a list:
                                    # one problem each); None: no problem
    says: str = ""              # in what is wrong
    fix: str = ""               # in what to do
    status: int = 3             # the exit status
    warning: bool = False       # the article still loaded (a warning, status 0)
    loads: dict[str, str] = field(default_factory=dict)   # id -> text, besides GOOD
    setup: Callable | None = None                          # (folder, monkeypatch)
    extra_read: int = 0         # articles read and then failed (not loaded)
    notes: list[str] = field(default_factory=list)  # `note:` lines on stderr, in
                                # each: how a file's columns were read (not a problem)


def _deny_file(name):
    """Reading `name` fails as it would for chmod 000 (root reads anything)."""
    def setup(folder, monkeypatch):
        real, denied = decoding.open_binary, folder / name

        def fake(path):
            if Path(path) == denied:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)
        monkeypatch.setattr(decoding, "open_binary", fake)
    return setup


def _deny_folder(name):
    def setup(folder, monkeypatch):
        real, denied = os.scandir, folder / name

        def fake(path="."):
            if Path(path) == denied:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)
        monkeypatch.setattr(folders.os, "scandir", fake)
    return setup


def _symlinks(**links):
    def setup(folder, monkeypatch):
        for name, target in links.items():
            os.symlink(folder if target == "." else target, folder / name)
    return setup


def _huge_file(name, chars):
    def setup(folder, monkeypatch):
        sentence = "Officials met again in the capital and talked late into the evening. "
        with open(folder / name, "w") as f:
            f.write(DRONES + " ")
            for _ in range(chars // len(sentence) + 1):
                f.write(sentence)
    return setup


CASES = {
    # -- encodings: decoded, not reported
    "utf-8 with a stray byte keeps its letters": Case(
        {"stray.txt": UTF8_STRAY.encode().replace(b"mayor", b"mayor \x97")},
        None, status=0, loads={"stray": UTF8_STRAY.replace("mayor", "mayor —")}),
    "latin-1": Case({"latin.txt": LATIN1.encode("latin-1")}, None, status=0,
                    loads={"latin": LATIN1}),
    "windows-1252": Case({"win.txt": CP1252.encode("cp1252")}, None, status=0,
                         loads={"win": CP1252}),
    "utf-16 with BOM, txt": Case({"u16.txt": UTF16.encode("utf-16")}, None, status=0,
                                 loads={"u16": UTF16}),
    "utf-16 with BOM, jsonl": Case(
        {"u16.jsonl": codecs.BOM_UTF16_LE + jsonl({"id": "u", "text": UTF16}).encode("utf-16-le")},
        None, status=0, loads={"u": UTF16}),
    # -- encodings and binary: reported
    "utf-16 without BOM": Case({"u16.txt": UTF16.encode("utf-16-le")},
                               "u16.txt", "is binary", "save it as UTF-8"),
    "utf-16 BOM, broken after it": Case({"b16.txt": codecs.BOM_UTF16_LE + b"a\x00\x00\xd8"},
                                        "b16.txt", "not valid utf-16", "re-save it as UTF-8"),
    "binary file": Case({"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))},
                        "photo.txt", "is binary, not text", "skip it"),
    "binary jsonl": Case({"dump.jsonl": b"\x00\x01\x02\x03" * 100}, "dump.jsonl", "is binary",
                         "skip it"),
    # -- empty files
    "empty txt": Case({"empty.txt": ""}, "empty.txt", "is empty", "add the article text"),
    "empty jsonl": Case({"empty.jsonl": "\n\n"}, "empty.jsonl", "is empty",
                        "add one JSON object a line"),
    "empty csv": Case({"empty.csv": ""}, "empty.csv", "is empty", "add a header row"),
    "empty html": Case({"empty.html": "<html><script>x()</script></html>"}, "empty.html",
                       "has no visible text", "not a redirect"),
    # -- size
    "50 MB single article": pytest.param(Case(
        {}, "huge.txt (article huge)", "would hold about 1.6 GB in memory in each worker",
        "split it into its articles", setup=_huge_file("huge.txt", 50_000_000),
        extra_read=1), marks=pytest.mark.slow),
    "long article under the limit loads": Case(
        {}, None, status=0, setup=_huge_file("long.txt", 60_000),
        loads={"long": None}),
    # -- HTML and a folder of every type
    "html": Case({"odesa.html": HTML_PAGE}, None, status=0, loads={"odesa": HTML_TEXT}),
    "mixed folder: txt, jsonl, csv, html, htm": Case(
        {"a/raid.htm": HTML_PAGE, "b/casualties.csv": f'id,text\nc-killed,"{KILLED}"\n',
         "b/troops.txt": TROOPS, "c.jsonl": jsonl({"id": "j-sumy", "text": DRONES})},
        None, status=0, loads={"raid": HTML_TEXT, "c-killed": KILLED, "troops": TROOPS,
                               "j-sumy": DRONES}),
    # -- JSONL
    "jsonl malformed line": Case(
        {"feed.jsonl": jsonl({"id": "f1", "text": DRONES}, '{"id": "f2", "text": "Russia laun',
                             {"id": "f3", "text": KILLED})},
        "feed.jsonl:2", "is not valid JSON", "the other lines are read",
        loads={"f1": DRONES, "f3": KILLED}),
    "jsonl missing text": Case({"feed.jsonl": jsonl({"id": "f1"}, {"id": "f2", "text": DRONES})},
                               "feed.jsonl:1", "has no text", "give it the article text",
                               loads={"f2": DRONES}),
    "jsonl empty text": Case({"feed.jsonl": jsonl({"id": "f1", "text": ""})},
                             "feed.jsonl:1", "has no text", "it is skipped"),
    "jsonl blank text": Case({"feed.jsonl": jsonl({"id": "f1", "text": " \n "})},
                             "feed.jsonl:1", "has blank text", "it is skipped"),
    "jsonl list id": Case({"feed.jsonl": jsonl({"id": ["f1"], "text": DRONES})},
                          "feed.jsonl:1", 'has an id that is ["f1"]', "make the id a string"),
    "jsonl boolean id": Case({"feed.jsonl": jsonl({"id": True, "text": DRONES})},
                             "feed.jsonl:1", "has an id that is true", "make the id a string"),
    "jsonl duplicate ids": Case(
        {"feed.jsonl": jsonl({"id": "f1", "text": DRONES}, {"id": "f1", "text": KILLED})},
        "feed.jsonl:2", "repeats id 'f1', first read at", "give each article its own id",
        loads={"f1": DRONES}),
    "duplicate id across files": Case(
        {"more.jsonl": jsonl({"id": "good-raid", "text": KILLED})},
        "more.jsonl:1", "repeats id 'good-raid'", "give each article its own id"),
    # -- CSV
    "csv quoted commas and newlines": Case(
        {"wire.csv": f'id,text,published\nw1,"{DRONES}\nMore, later.",2025-03-08\n'
                     f'w2,"{KILLED}",\n'},
        None, status=0, loads={"w1": DRONES + "\nMore, later.", "w2": KILLED}),
    "csv extra header column ignored": Case(
        {"wire.csv": f'id,text,desk\nw1,"{DRONES}",east\n'}, None, status=0,
        loads={"w1": DRONES}, notes=["wire.csv: columns read: id, text; ignored columns: desk"]),
    "csv row with a missing column": Case(
        {"wire.csv": f'id,text,title\nw1,"{DRONES}",Sumy\nw2,"{KILLED}"\n'},
        "wire.csv:3", "has 2 fields but the header has 3", "this row is skipped",
        loads={"w1": DRONES}),
    "csv row with an extra column": Case(
        {"wire.csv": f'id,text\nw1,{KILLED}\nw2,"{DRONES}"\n'},
        "wire.csv:2", "has 3 fields but the header has 2", "quote fields that hold commas",
        loads={"w2": DRONES}),
    "csv bad row counted after a quoted newline": Case(
        {"wire.csv": f'id,text\nw1,"{DRONES}\nMore."\nw2\n'},
        "wire.csv:4", "has 1 fields", "this row is skipped", loads={"w1": DRONES + "\nMore."}),
    "csv with old-Mac line ends (CR only)": Case(
        {"wire.csv": f'id,text\rw1,"{DRONES}"\rw2,"{KILLED}"\r'}, None, status=0,
        loads={"w1": DRONES, "w2": KILLED}),
    "jsonl with old-Mac line ends (CR only)": Case(
        {"feed.jsonl": jsonl({"id": "f1", "text": DRONES}).replace("\n", "\r")
         + jsonl({"id": "f2", "text": KILLED}).replace("\n", "\r")},
        None, status=0, loads={"f1": DRONES, "f2": KILLED}),
    "csv without a text column": Case(
        {"wire.csv": f'id,story\nw1,"{DRONES}"\n'},
        "wire.csv", "has no text column", "--columns text=COLUMN"),
    # -- manifests (in a subfolder, so the good .txt needs no row)
    "manifest row naming a missing file": Case(
        {"m/manifest.csv": "file,published,title\nsumy.txt,2025-03-09,Sumy\ngone.txt,2025-03-09,Gone\n",
         "m/sumy.txt": DRONES},
        "m/manifest.csv:3", "names 'gone.txt', which is not in", "fix the file name",
        loads={"sumy": DRONES}),
    # -- dates: warnings, the article loads
    "jsonl unparseable date": Case(
        {"feed.jsonl": jsonl({"id": "f1", "text": DRONES, "published": "last Tuesday"})},
        "feed.jsonl:1", "published 'last Tuesday' is not a date", "YYYY-MM-DD",
        status=0, warning=True, loads={"f1": DRONES}),
    "csv unparseable date": Case(
        {"wire.csv": f'id,text,published\nw1,"{DRONES}",31/02/2025\n'},
        "wire.csv:2", "published '31/02/2025' is not a date", "YYYY-MM-DD",
        status=0, warning=True, loads={"w1": DRONES}),
    "manifest unparseable date": Case(
        {"m/manifest.csv": "file,published\nsumy.txt,soon\n", "m/sumy.txt": DRONES},
        "m/manifest.csv:2", "published 'soon' is not a date", "YYYY-MM-DD",
        status=0, warning=True, loads={"sumy": DRONES}),
    # -- the file system
    "unknown file type": Case({"brief.pdf": b"%PDF-1.7\n"}, "brief.pdf",
                              "is not a file type I read (.pdf)", "move it out of the folder"),
    "no extension": Case({"NOTES": "x"}, "NOTES", "(no extension)", "use .txt, .html"),
    "unreadable file": Case({"locked.txt": DRONES}, "locked.txt",
                            "cannot be read (Permission denied)", "permissions",
                            setup=_deny_file("locked.txt")),
    "unreadable jsonl": Case({"locked.jsonl": jsonl({"id": "l", "text": DRONES})},
                             "locked.jsonl", "cannot be read (Permission denied)",
                             "permissions", setup=_deny_file("locked.jsonl")),
    "unreadable folder": Case({"locked/inner.txt": DRONES}, "locked",
                              "cannot be opened (Permission denied)", "permissions",
                              setup=_deny_folder("locked")),
    "symlink loop to the folder": Case({}, "loop", "was already read in this run",
                                       "remove the link", setup=_symlinks(loop=".")),
    "symlink loop between two links": Case({}, ["a.txt", "b.txt"],
                                           "is a symlink to nothing (or to itself)",
                                           "fix or remove the link",
                                           setup=_symlinks(**{"a.txt": "b.txt", "b.txt": "a.txt"})),
}


# -- running it ------------------------------------------------------------------

SUMMARY = re.compile(r"run (\d+) (\w+) in [\d.]+ s: ([\d,]+) articles read, ([\d,]+) "
                     r"loaded, ([\d,]+) skipped \(unchanged\), ([\d,]+) failed, ([\d,]+) "
                     r"warnings; (?:no changes|[\d,]+ facts loaded); ([\d,]+) facts from "
                     r"[\d,]+ articles in (.*)")


def ingest(db: Path, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", *map(str, args)])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception            # a traceback is a failure of its own
    return result


def summary_counts(stdout: str) -> dict[str, int]:
    found = SUMMARY.search(stdout)
    assert found, f"no summary in:\n{stdout}"
    names = ("run", "status", "read", "loaded", "skipped", "failed", "warnings", "facts")
    return {name: (int(v.replace(",", "")) if name != "status" else v)
            for name, v in zip(names, found.groups())}


def facts_by_doc(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select a.id, f.metric, f.value, f.quote from articles a "
                           "left join facts f on f.doc = a.id order by a.id, f.fact_no"
                           ).fetchall()
    finally:
        con.close()
    out: dict[str, list[tuple]] = {}
    for doc, *fact in rows:
        out.setdefault(doc, [])
        if fact[0] is not None:
            out[doc].append(tuple(fact))
    return out


def expected_facts(doc: str, text: str) -> list[tuple]:
    return [(f.metric, f.value, f.quote) for f in extract_article(Article(id=doc, text=text)).facts]


def write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)


def test_good_articles_have_facts():
    """The matrix is only as good as its good articles: each gives facts."""
    for doc, text in GOOD_TEXTS.items():
        assert expected_facts(doc, text), doc


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input(tmp_path, monkeypatch, case):
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write(folder, {**GOOD_FILES, **case.files})
    if case.setup:
        case.setup(folder, monkeypatch)

    result = ingest(db, folder, "--quiet")

    # the exit status
    assert result.exit_code == case.status, result.output
    # the message: a line on stderr, PATH[:LINE]: what is wrong — what to do
    wheres = [case.where] if isinstance(case.where, str) else case.where or []
    lines = [line for line in result.stderr.splitlines() if not line.startswith("note: ")]
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
    assert len(lines) == len(wheres), result.stderr
    assert len(notes) == len(case.notes), result.stderr
    for line, note in zip(notes, case.notes):
        assert line.startswith(f"note: {folder}/") and note in line, line
    for line, where in zip(lines, wheres):
        kind = "warning" if case.warning else "problem"
        assert line.startswith(f"{kind}: {folder / where}: "), line
        problem, _, fix = line.partition(" — ")
        assert case.says in problem and case.fix in fix, line
    assert "Traceback" not in result.output
    # the summary
    loads = {**GOOD_TEXTS, **case.loads}
    counts = summary_counts(result.stdout)
    assert counts["status"] == "complete"
    assert (counts["read"], counts["loaded"], counts["skipped"]) == (
        len(loads) + case.extra_read, len(loads), 0)
    assert (counts["failed"], counts["warnings"]) == (
        (0, len(wheres)) if case.warning else (len(wheres), 0))
    # every good article, with its facts
    stored = facts_by_doc(db)
    assert set(stored) == set(loads)
    for doc, text in loads.items():
        if text is None:            # generated by setup: read it back
            text = (folder / f"{doc}.txt").read_text()
        assert stored[doc] == expected_facts(doc, text), doc
        assert stored[doc], f"{doc}: no facts"
    assert counts["facts"] == sum(len(f) for f in stored.values())


def test_strict_stops_at_the_first_problem(tmp_path):
    """--strict: status 3, the problem as the error, the run left incomplete,
    nothing after the problem read."""
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write(folder, {**GOOD_FILES, "feed.jsonl": jsonl({"id": "f1", "text": DRONES},
                                                     "{oops", {"id": "f3", "text": KILLED})})
    result = ingest(db, folder, "--quiet", "--strict")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {folder / 'feed.jsonl'}:2: is not valid JSON")
    assert " — fix or remove this line" in result.stderr
    assert "Traceback" not in result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select status, finished_at from runs").fetchall() == [
            ("incomplete", None)]
        assert con.execute("select count(*) from articles where id = 'f3'").fetchone() == (0,)
    finally:
        con.close()
    # Without --strict the next run loads everything good and reports the line.
    again = ingest(db, folder, "--quiet")
    assert again.exit_code == 3
    assert set(facts_by_doc(db)) == {*GOOD_TEXTS, "f1", "f3"}


def test_strict_stops_at_a_warning_too(tmp_path):
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write(folder, {"feed.jsonl": jsonl({"id": "f1", "text": DRONES, "published": "soon"})})
    result = ingest(db, folder, "--quiet", "--strict")
    assert result.exit_code == 3 and "published 'soon' is not a date" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode; the monkeypatched "
                           "'unreadable file' case stands in")
def test_unreadable_file_for_real(tmp_path):
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write(folder, {**GOOD_FILES, "locked.txt": DRONES})
    (folder / "locked.txt").chmod(0)
    try:
        result = ingest(db, folder, "--quiet")
    finally:
        (folder / "locked.txt").chmod(0o644)
    assert result.exit_code == 3
    assert f"problem: {folder / 'locked.txt'}: cannot be read (Permission denied)" in result.stderr
    assert set(facts_by_doc(db)) == set(GOOD_TEXTS)


def test_more_problems_than_the_summary_keeps_all_reach_stderr(tmp_path):
    """The summary lists the first MAX_PROBLEMS_KEPT; stderr has every one."""
    n = DEFAULTS["MAX_PROBLEMS_KEPT"] + 5
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write(folder, {**GOOD_FILES, **{f"feed{i:02}.jsonl": "{oops\n" for i in range(n)}})
    result = ingest(db, folder, "--quiet")
    assert result.exit_code == 3
    assert [line.split(": ")[1] for line in result.stderr.splitlines()] == [
        f"{folder / f'feed{i:02}.jsonl'}:1" for i in range(n)]
    assert "... and 5 more problems" in result.stdout
    assert summary_counts(result.stdout)["failed"] == n


def test_a_problem_on_many_lines_of_a_file_is_one_line_with_a_count(tmp_path):
    """60 bad lines in one file: one message with the count and the first
    line numbers, on stderr and in the summary; each line still counts."""
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    lines = [jsonl({"id": f"f{i}", "text": DRONES}) if i % 3 == 0 else "{oops\n"
             for i in range(1, 91)]
    write(folder, {**GOOD_FILES, "feed.jsonl": "".join(lines)})
    result = ingest(db, folder, "--quiet")
    assert result.exit_code == 3
    [line] = result.stderr.splitlines()
    assert line.startswith(f"problem: {folder / 'feed.jsonl'}:1: 60 lines are not "
                           "valid JSON (lines 1, 2, 4, 5, 7 and 55 more; the first: "
                           "is not valid JSON (")
    assert line.endswith(" — fix or remove this line; the other lines are read")
    counts = summary_counts(result.stdout)
    assert (counts["failed"], counts["loaded"]) == (60, len(GOOD_TEXTS) + 30)
    assert result.stdout.count("60 lines are not valid JSON") == 1
    assert "more problems" not in result.stdout


def test_rerun_after_bad_input_is_fixed_loads_only_that(tmp_path):
    """Fix the bad line, run again: the good articles are skipped as unchanged."""
    folder, db = tmp_path / "corpus", tmp_path / "w.duckdb"
    write(folder, {**GOOD_FILES, "feed.jsonl": jsonl({"id": "f1", "text": DRONES}, "{oops")})
    assert ingest(db, folder, "--quiet").exit_code == 3
    write(folder, {"feed.jsonl": jsonl({"id": "f1", "text": DRONES}, {"id": "f2", "text": KILLED})})
    result = ingest(db, folder, "--quiet")
    assert result.exit_code == 0 and result.stderr == ""
    counts = summary_counts(result.stdout)
    assert (counts["read"], counts["loaded"], counts["skipped"]) == (5, 1, 4)
