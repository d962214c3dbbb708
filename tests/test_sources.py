"""etl.sources: every input format, every bad input, dates, HTML, streaming.

Groups:
    GOOD_FORMATS   one input of each kind, and what must come out of it
    BAD_INPUTS     one bad input each, written into a folder beside good files:
                   the problem must name the place and the fix, be reported
                   exactly once, and cost none of the good articles
    PARSE_DATES / TEXT_DATES   `published` fields and dates in article text
Every fixture is built in tmp_path; no text is copied from ../shared.
New bad input? Add a `Bad(...)` row to BAD_INPUTS.
"""
from __future__ import annotations

import codecs
import json
import logging
import os
import tracemalloc
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from etl.errors import SourceError
from etl.sources import (SourceNote, SourceStats, SourceWarning, date_from_text,
                         parse_date, read_articles)
from etl.sources import decoding
from etl.sources.html import html_to_page

SHARED = Path(__file__).resolve().parents[2] / "shared"
STORY = "KYIV, Aug 23, 2024 (Reuters) - Air defences downed 40 of 50 drones overnight.\n"
GOOD_FILES = {
    "good.txt": STORY,
    "good.jsonl": (json.dumps({"id": "g1", "text": "Ten drones were launched."}) + "\n"
                   + json.dumps({"id": "g2", "text": "Five were shot down."}) + "\n"),
}
GOOD_IDS = {"good", "g1", "g2"}


def write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)


def read(*paths, **kwargs) -> tuple[list, list[SourceError]]:
    """(articles, problems); notes on how files were read are not problems
    (see `read_noting`)."""
    articles, problems, _ = read_noting(*paths, **kwargs)
    return articles, problems


def read_noting(*paths, **kwargs) -> tuple[list, list[SourceError], list[SourceNote]]:
    said: list[SourceError] = []
    articles = list(read_articles(list(paths), on_problem=said.append, **kwargs))
    notes = [p for p in said if isinstance(p, SourceNote)]
    return articles, [p for p in said if not isinstance(p, SourceNote)], notes


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# --- good formats -----------------------------------------------------------

@dataclass
class Good:
    files: dict[str, str | bytes]
    expect: list[dict]          # per article, the fields to check, in order


GOOD_FORMATS = {
    "txt: id is the stem, date from dateline": Good(
        {"a-1.txt": STORY},
        [{"id": "a-1", "published": date(2024, 8, 23), "origin": "a-1.txt", "text": STORY}]),
    "txt: CRLF read as LF": Good(
        {"crlf.txt": b"Line one.\r\nLine two.\r\n"},
        [{"id": "crlf", "text": "Line one.\nLine two.\n"}]),
    "jsonl: all fields": Good(
        {"a.jsonl": jsonl({"id": "x", "text": "Some text.", "published": "2024-08-23T10:00:00Z",
                           "url": "https://example.org/x", "outlet": "Example", "title": "X"})},
        [{"id": "x", "published": date(2024, 8, 23), "url": "https://example.org/x",
          "outlet": "Example", "title": "X", "origin": "a.jsonl:1"}]),
    "jsonl: blank lines skipped, line numbers kept": Good(
        {"a.jsonl": "\n" + jsonl({"id": "x", "text": "T."})},
        [{"id": "x", "origin": "a.jsonl:2"}]),
    "jsonl: numeric id taken as text": Good(
        {"a.jsonl": jsonl({"id": 42, "text": "T."})}, [{"id": "42"}]),
    "jsonl: no id gives stem:line": Good(
        {"feed.jsonl": jsonl({"text": "T."}, {"text": "U."})},
        [{"id": "feed:1"}, {"id": "feed:2"}]),
    "jsonl: null published, date from text": Good(
        {"a.jsonl": jsonl({"id": "x", "text": "Published 23 Aug 2024\nText.", "published": None})},
        [{"published": date(2024, 8, 23)}]),
    "jsonl: UTF-16 with BOM": Good(
        {"a.jsonl": codecs.BOM_UTF16_LE + jsonl({"id": "x", "text": "Київ"}).encode("utf-16-le")},
        [{"id": "x", "text": "Київ"}]),
    "csv: quoted comma and newline, extra column ignored": Good(
        {"a.csv": 'id,text,published,notes\nx,"Forty, then\nfifty drones.",23 Aug 2024,n/a\n'
                  'y,Plain.,,\n'},
        [{"id": "x", "text": "Forty, then\nfifty drones.", "published": date(2024, 8, 23),
          "origin": "a.csv:2"},
         {"id": "y", "published": None, "origin": "a.csv:4"}]),
    "csv: header case and spaces, text only": Good(
        {"a.csv": " Text ,ID\nSome text.,x\n"}, [{"id": "x", "text": "Some text."}]),
    "txt: UTF-8 with BOM": Good(
        {"bom.txt": codecs.BOM_UTF8 + "Zelensky said.".encode()}, [{"text": "Zelensky said."}]),
    "txt: UTF-16 with BOM": Good(
        {"u16.txt": "Ракети".encode("utf-16")}, [{"text": "Ракети"}]),
    "txt: cp1252 read with a note": Good(
        {"win.txt": "Kyiv \u2014 \u201c40\u201d drones".encode("cp1252")},
        [{"text": "Kyiv \u2014 \u201c40\u201d drones"}]),
    "txt: latin-1 fallback": Good(
        {"odd.txt": b"Kyiv \x81 drones"}, [{"text": "Kyiv \x81 drones"}]),
    "html: visible text, title, meta": Good(
        {"page.html": '<html><head><title>Raid</title>'
                      '<meta property="article:published_time" content="2024-08-23T06:00:00+03:00">'
                      '<meta property="og:site_name" content="Example News">'
                      '<link rel="canonical" href="https://example.org/raid"></head>'
                      '<body><p>Forty drones.</p></body></html>'},
        [{"id": "page", "title": "Raid", "published": date(2024, 8, 23),
          "outlet": "Example News", "url": "https://example.org/raid",
          "text": "Forty drones.", "origin": "page.html"}]),
    "folder: sorted, recursive, mixed types": Good(
        {"b.txt": "B.", "a/z.jsonl": jsonl({"id": "z", "text": "Z."}),
         "a/y.htm": "<p>Y.</p>", "c.CSV": "id,text\nc,C.\n"},
        [{"id": "y"}, {"id": "z"}, {"id": "b"}, {"id": "c"}]),
}


@pytest.mark.parametrize("case", GOOD_FORMATS.values(), ids=GOOD_FORMATS.keys())
def test_good_formats(tmp_path, case):
    write(tmp_path, case.files)
    only = next(iter(case.files)) if len(case.files) == 1 else None
    articles, problems = read(tmp_path / only if only else tmp_path)
    assert problems == []
    assert len(articles) == len(case.expect)
    for article, expect in zip(articles, case.expect):
        for key, value in expect.items():
            if key == "origin":
                value = str(tmp_path / value)
            assert getattr(article, key) == value, key


def test_manifest_gives_metadata(tmp_path):
    write(tmp_path, {
        "manifest.csv": "file,published,outlet,title,url\n"
                        "a.txt,2024-08-25,Outlet A,Title A,https://a.example\n"
                        "b.txt,,,Title B,\n",
        "a.txt": "Text A.", "b.txt": "Published Aug 23, 2024\nText B.",
    })
    articles, problems = read(tmp_path)
    assert problems == []
    a, b = articles
    assert (a.published, a.outlet, a.title, a.url) == (
        date(2024, 8, 25), "Outlet A", "Title A", "https://a.example")
    assert (b.published, b.outlet, b.title, b.url) == (date(2024, 8, 23), None, "Title B", None)


def test_manifest_beats_html_meta(tmp_path):
    write(tmp_path, {"manifest.csv": "file,title\np.html,From manifest\n",
                     "p.html": "<title>From page</title><p>Body.</p>"})
    [article], problems = read(tmp_path)
    assert (article.title, problems) == ("From manifest", [])


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="../shared absent")
def test_shared_seeds_folder_and_jsonl_agree():
    folder, problems = read(SHARED / "seeds")
    lines, more = read(SHARED / "eval" / "seeds" / "articles.jsonl")
    assert problems == more == []
    assert [(a.id, a.text) for a in folder] == [(a.id, a.text) for a in lines]
    assert {a.published for a in folder} == {a.published for a in lines}


# --- bad inputs ---------------------------------------------------------------

@dataclass
class Bad:
    files: dict[str, str | bytes]
    where: str                  # relative to the folder; "" for the folder itself
    says: str                   # in the problem
    fix: str                    # in the fix
    loads: set[str] = field(default_factory=set)    # good ids besides GOOD_IDS
    warning: bool = False       # the article still loaded
    setup: Callable | None = None                   # (folder, monkeypatch) -> None
    extra_path: str | None = None                   # read this path too


def _deny(name):
    def setup(folder, monkeypatch):
        real = decoding.open_binary
        denied = folder / name

        def fake(path):
            if Path(path) == denied:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)
        monkeypatch.setattr(decoding, "open_binary", fake)
    return setup


def _symlink(name, target):
    def setup(folder, monkeypatch):
        os.symlink(target if target != "." else folder, folder / name)
    return setup


BAD_INPUTS = {
    # -- files that are not text
    "binary file": Bad({"pic.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
                       "pic.txt", "is binary", "UTF-8"),
    "UTF-16 without BOM": Bad({"u.txt": "abc".encode("utf-16-le")},
                              "u.txt", "is binary", "with a BOM"),
    "broken UTF-16 after BOM": Bad({"u.txt": codecs.BOM_UTF16_LE + b"a\x00\x00\xd8"},
                                   "u.txt", "not valid utf-16", "re-save it as UTF-8"),
    "broken UTF-16 JSONL line": Bad(
        {"u.jsonl": codecs.BOM_UTF16_LE
         + jsonl({"id": "u1", "text": "ok"}, "{}").encode("utf-16-le").replace(b"{\x00}\x00", b"\x00\xdc\x00\xdc")
         + jsonl({"id": "u3", "text": "ok"}).encode("utf-16-le")},
        "u.jsonl:2", "not valid utf-16", "re-save the file as UTF-8", loads={"u1", "u3"}),
    # -- empty files
    "empty txt": Bad({"e.txt": ""}, "e.txt", "is empty", "add the article text"),
    "blank txt": Bad({"e.txt": " \n\n"}, "e.txt", "is empty", "add the article text"),
    "empty jsonl": Bad({"e.jsonl": "\n\n"}, "e.jsonl", "is empty", "one JSON object a line"),
    "empty csv": Bad({"e.csv": ""}, "e.csv", "is empty", "header row"),
    "csv header only": Bad({"e.csv": "id,text\n"}, "e.csv", "no rows", "add one row"),
    "html without visible text": Bad({"e.html": "<script>x()</script>"},
                                     "e.html", "no visible text", "article page"),
    # -- JSONL lines
    "jsonl malformed line": Bad(
        {"b.jsonl": jsonl({"id": "b1", "text": "T."}, '{"id": "b2", "text": ', {"id": "b3", "text": "U."})},
        "b.jsonl:2", "is not valid JSON (Expecting value at column 22)", "the other lines are read",
        loads={"b1", "b3"}),
    "jsonl line not an object": Bad({"b.jsonl": jsonl(["a", "b"])},
                                    "b.jsonl:1", "is a JSON list", "object a line"),
    "jsonl missing text": Bad({"b.jsonl": jsonl({"id": "b1"})}, "b.jsonl:1", "has no text", "skipped"),
    "jsonl empty text": Bad({"b.jsonl": jsonl({"id": "b1", "text": ""})}, "b.jsonl:1", "has no text", "give it"),
    "jsonl blank text": Bad({"b.jsonl": jsonl({"id": "b1", "text": "  \n"})}, "b.jsonl:1", "blank text", "give it"),
    "jsonl text not a string": Bad({"b.jsonl": jsonl({"id": "b1", "text": 5})},
                                   "b.jsonl:1", "text that is a int", "give it"),
    "jsonl null id": Bad({"b.jsonl": jsonl({"id": None, "text": "T."})}, "b.jsonl:1", "id that is null", "string"),
    "jsonl list id": Bad({"b.jsonl": jsonl({"id": [1], "text": "T."})}, "b.jsonl:1", "id that is [1]", "string"),
    "jsonl object id": Bad({"b.jsonl": jsonl({"id": {"a": 1}, "text": "T."})}, "b.jsonl:1", "id that is {", "string"),
    "jsonl boolean id": Bad({"b.jsonl": jsonl({"id": True, "text": "T."})}, "b.jsonl:1", "id that is true", "string"),
    "jsonl bad published": Bad({"b.jsonl": jsonl({"id": "b1", "text": "T.", "published": "soon"})},
                               "b.jsonl:1", "'soon' is not a date", "YYYY-MM-DD",
                               loads={"b1"}, warning=True),
    "jsonl title not text": Bad({"b.jsonl": jsonl({"id": "b1", "text": "T.", "title": ["a"]})},
                                "b.jsonl:1", "title that is a list", "loads without it",
                                loads={"b1"}, warning=True),
    # -- duplicate ids
    "duplicate id in one file": Bad({"d.jsonl": jsonl({"id": "d", "text": "T."}, {"id": "d", "text": "U."})},
                                    "d.jsonl:2", "repeats id 'd', first read at", "its own id", loads={"d"}),
    "duplicate id across files": Bad({"z.jsonl": jsonl({"id": "good", "text": "T."})},
                                     "z.jsonl:1", "good.txt", "its own id"),
    # -- CSV shape
    "csv without text column": Bad({"c.csv": "id,story\n1,a\n2,b\n3,c\n"},
                                   "c.csv", "has no text column", "--columns text=COLUMN"),
    "csv row with too many fields": Bad({"c.csv": "id,text\nc1,T.\nc2,one, two\nc3,U.\n"},
                                        "c.csv:3", "has 3 fields but the header has 2",
                                        "quote fields", loads={"c1", "c3"}),
    "csv row with too few fields": Bad({"c.csv": "id,text,title\nc1,T.,x\nc2,U.\n"},
                                       "c.csv:3", "has 2 fields", "quote fields", loads={"c1"}),
    "csv row line counted after quoted newline": Bad(
        {"c.csv": 'id,text\nc1,"two\nlines"\nc2\n'}, "c.csv:4", "has 1 fields", "quote", loads={"c1"}),
    "csv row without text": Bad({"c.csv": "id,text\nc1,\nc2,T.\n"}, "c.csv:2", "has no text",
                                "give it", loads={"c2"}),
    # -- manifests (in a subfolder, so good.txt is not "unlisted")
    "manifest names a missing file": Bad(
        {"m/manifest.csv": "file,title\nm1.txt,One\ngone.txt,Gone\n", "m/m1.txt": "One."},
        "m/manifest.csv:3", "names 'gone.txt', which is not in", "fix the file name", loads={"m1"}),
    "file not in manifest": Bad(
        {"m/manifest.csv": "file,title\nm1.txt,One\n", "m/m1.txt": "One.", "m/m2.txt": "Two."},
        "m/m2.txt", "is not listed in manifest.csv", "add a row", loads={"m1", "m2"}, warning=True),
    "manifest without file column": Bad(
        {"m/manifest.csv": "name,title\nm1.txt,One\n", "m/m1.txt": "One.", "m/m2.txt": "Two."},
        "m/manifest.csv", "has no file column", "first row", loads={"m1", "m2"}),
    "manifest lists a file twice": Bad(
        {"m/manifest.csv": "file,title\nm1.txt,One\nm1.txt,Again\n", "m/m1.txt": "One."},
        "m/manifest.csv:3", "lists 'm1.txt' again (first at", "one row per file", loads={"m1"}),
    "manifest bad date": Bad(
        {"m/manifest.csv": "file,published\nm1.txt,23/23/2024\n", "m/m1.txt": "One."},
        "m/manifest.csv:2", "'23/23/2024' is not a date", "YYYY-MM-DD", loads={"m1"}, warning=True),
    "manifest row with empty file": Bad(
        {"m/manifest.csv": "file,title\n,One\nm1.txt,One\n", "m/m1.txt": "One."},
        "m/manifest.csv:2", "has no file name", "fill in", loads={"m1"}),
    "manifest names another folder": Bad(
        {"m/manifest.csv": "file\nm1.txt\nsub/x.txt\n", "m/m1.txt": "One.", "m/sub/x.txt": "X."},
        "m/manifest.csv:3", "in another folder", "that folder's manifest.csv", loads={"m1", "x"}),
    "manifest passed directly": Bad(
        {"m/manifest.csv": "file\nm1.txt\n", "m/m1.txt": "One."}, "m/manifest.csv",
        "is a manifest", "pass the folder", loads={"m1"}, extra_path="m/manifest.csv"),
    # -- the file system
    "unknown file type": Bad({"notes.pdf": b"%PDF-1.4"}, "notes.pdf", "not a file type I read (.pdf)",
                             "move it out of the folder"),
    "no extension": Bad({"README": "hi"}, "README", "no extension", ".txt, .html"),
    "unreadable txt": Bad({"locked.txt": "x"}, "locked.txt", "cannot be read (Permission denied)",
                          "permissions", setup=_deny("locked.txt")),
    "unreadable jsonl": Bad({"locked.jsonl": "{}"}, "locked.jsonl", "cannot be read (Permission denied)",
                            "permissions", setup=_deny("locked.jsonl")),
    "symlink loop": Bad({}, "loop", "was already read in this run, as", "remove the link",
                        setup=_symlink("loop", ".")),
    "symlink to a file already read": Bad({}, "link.txt", "already read in this run, as", "pass each",
                                          setup=_symlink("link.txt", "good.txt")),
    "folder passed twice": Bad({}, "", "already read in this run", "pass each file or folder once",
                               extra_path="."),
    "symlink to itself": Bad({}, "self.txt", "symlink to nothing (or to itself)", "remove the link",
                             setup=_symlink("self.txt", "self.txt")),
    "path does not exist": Bad({}, "nowhere.jsonl", "does not exist", "check the path",
                               extra_path="nowhere.jsonl"),
}


@pytest.mark.parametrize("case", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_reported_once_and_costs_nothing_good(tmp_path, monkeypatch, case):
    write(tmp_path, {**GOOD_FILES, ".hidden.bin": b"\x00", ".git/x.pdf": b"ignored", **case.files})
    if case.setup:
        case.setup(tmp_path, monkeypatch)
    paths = [tmp_path] + ([tmp_path / case.extra_path] if case.extra_path else [])
    articles, problems = read(*paths)

    assert [str(p) for p in problems] == [str(problems[0])], "reported exactly once"
    [problem] = problems
    assert problem.where == str(tmp_path / case.where)
    assert str(problem).startswith(f"{tmp_path / case.where}: ")
    assert case.says in problem.problem
    assert case.fix in problem.fix
    assert isinstance(problem, SourceWarning) == case.warning
    assert {a.id for a in articles} == GOOD_IDS | case.loads


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
@pytest.mark.parametrize("name", ["locked.txt", "locked"])
def test_permission_denied_for_real(tmp_path, name):
    write(tmp_path, {**GOOD_FILES, "locked.txt": "x", "locked/inner.txt": "y"})
    (tmp_path / name).chmod(0)
    try:
        articles, [problem] = read(tmp_path)
    finally:
        (tmp_path / name).chmod(0o755)
    assert problem.where == str(tmp_path / name) and "Permission denied" in problem.problem
    assert GOOD_IDS <= {a.id for a in articles}


def test_strict_raises_the_first_problem(tmp_path):
    write(tmp_path, {"a.jsonl": jsonl({"id": "a", "text": "T."}, "not json", "also not")})
    articles = read_articles(tmp_path / "a.jsonl", strict=True)
    assert next(articles).id == "a"
    with pytest.raises(SourceError, match=r"a\.jsonl:2: is not valid JSON .* — fix or remove"):
        next(articles)


def test_strict_raises_warnings_too(tmp_path):
    write(tmp_path, {"a.jsonl": jsonl({"id": "a", "text": "T.", "published": "someday"})})
    with pytest.raises(SourceWarning):
        list(read_articles(tmp_path, strict=True))


def test_problems_are_logged_when_no_one_listens(tmp_path, caplog):
    write(tmp_path, {"e.txt": ""})
    with caplog.at_level(logging.WARNING, logger="etl.sources"):
        assert list(read_articles(tmp_path)) == []
    assert f"{tmp_path / 'e.txt'}: is empty — add the article text" in caplog.text


def test_stats_count_skips_and_warnings(tmp_path):
    write(tmp_path, {**GOOD_FILES, "e.txt": "", "w.jsonl": jsonl({"id": "w", "text": "T.", "published": "x"})})
    seen = []
    stats = SourceStats(forward=seen.append)
    articles = list(read_articles(tmp_path, on_problem=stats))
    assert (len(articles), stats.skipped, stats.warned, len(seen)) == (4, 1, 1, 2)


# --- dates ------------------------------------------------------------------

PARSE_DATES = {
    "2024-08-23": date(2024, 8, 23),
    "2024-08-23T10:00:00Z": date(2024, 8, 23),
    "2024-08-23 23:30:00+03:00": date(2024, 8, 23),
    "2024.08.23 13:29": date(2024, 8, 23),
    "August 23, 2024": date(2024, 8, 23),
    "Aug. 23, 2024, 10:00 AM": date(2024, 8, 23),
    "Sept 3, 2024": date(2024, 9, 3),
    "23 Aug 2024": date(2024, 8, 23),
    "Friday, 23rd of August 2024": date(2024, 8, 23),
    "Fri, 23 Aug 2024 10:00:00 GMT": date(2024, 8, 23),
    "23/08/2024": date(2024, 8, 23),
    "08/23/2024": date(2024, 8, 23),
    "23.08.2024": date(2024, 8, 23),
    "04/04/2024": date(2024, 4, 4),
    "03/04/2024": None,             # March 4 or 3 April: not ours to guess
    "2024-08": None,
    "Aug 23": None,
    "2024-13-01": None,
    "2024-02-30": None,
    "20240823": None,
    "2024-08-23abc": None,
    "yesterday": None,
    "": None,
}


@pytest.mark.parametrize("value,expected", PARSE_DATES.items(), ids=repr)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


TEXT_DATES = {
    "reuters dateline with year": ("KYIV, Aug 23, 2024 (Reuters) - Drones ...", date(2024, 8, 23)),
    "dateline with country": ("KYIV, Ukraine, 23 August 2024 — Drones ...", date(2024, 8, 23)),
    "dateline without year": ("KYIV, Aug 23 (Reuters) - Drones ...", None),
    "tass dateline without year": ("MOSCOW, July 15. /TASS/. Drones ...", None),
    "date stamp": ("Headline\n date 2024-08-23 Body ...", date(2024, 8, 23)),
    "date stamp with colon": ("Date: 2024-08-23\nBody", date(2024, 8, 23)),
    "date stamp without day": (" date 2024-08 Body", None),
    "published": ("By A. Writer | Published August 23, 2024 | 11:39 PM", date(2024, 8, 23)),
    "published on": ("Published on: 23 Aug 2024", date(2024, 8, 23)),
    "posted at time then date": ("Posted at 8:35 AM, Aug 23, 2024", date(2024, 8, 23)),
    "updated only": ("Updated Aug 24, 2024\nText", date(2024, 8, 24)),
    "published beats updated": ("Updated 24 Aug 2024\nPublished 23 Aug 2024", date(2024, 8, 23)),
    "updated relative": ("Updated 17 minutes ago\nText", None),
    "published as a verb": ("The video, published by a channel on X, ...", None),
    "event date in body": ("Drones hit the city on August 23, 2024.", None),
    "stamp too far down": ("x" * 2500 + "\nPublished 23 Aug 2024", None),
    "no text": ("", None),
}


@pytest.mark.parametrize("text,expected", TEXT_DATES.values(), ids=TEXT_DATES.keys())
def test_date_from_text(text, expected):
    assert date_from_text(text) == expected


def test_date_field_beats_text(tmp_path):
    write(tmp_path, {"a.jsonl": jsonl({"id": "a", "text": "Published 1 Jan 2020\n", "published": "2024-08-23"})})
    [article], _ = read(tmp_path)
    assert article.published == date(2024, 8, 23)


def test_bad_date_field_falls_back_to_text(tmp_path):
    write(tmp_path, {"a.jsonl": jsonl({"id": "a", "text": STORY, "published": "n/a"})})
    [article], [problem] = read(tmp_path)
    assert article.published == date(2024, 8, 23) and isinstance(problem, SourceWarning)


# --- HTML -------------------------------------------------------------------

HTML_CASES = {
    "drops script style nav head": (
        "<html><head><title>T</title><style>.a{}</style></head><body><nav>Menu</nav>"
        "<script>var drones = 99;</script><p>Forty drones.</p></body></html>", "Forty drones."),
    "blocks become lines": ("<h1>Head</h1><p>One</p><ul><li>a</li><li>b</li></ul>", "Head\nOne\na\nb"),
    "br becomes a line": ("<p>One<br>Two<br/>Three</p>", "One\nTwo\nThree"),
    "inline stays inline": ("<p>Forty <b>Shahed</b> <a href='#'>drones</a>.</p>", "Forty Shahed drones."),
    "entities unescaped": ("<p>Kyiv &amp; Lviv &mdash; 40&#160;drones &lt;3</p>", "Kyiv & Lviv — 40 drones <3"),
    "source whitespace collapsed": ("<p>Forty\n     drones\n\tdowned</p>", "Forty drones downed"),
    "pre keeps its lines": ("<pre>a  b\nc</pre>", "a  b\nc"),
    "no closing head": ("<head><title>T</title><body><p>Body.</p>", "Body."),
    "not html at all": ("Just text.", "Just text."),
}


@pytest.mark.parametrize("html,text", HTML_CASES.values(), ids=HTML_CASES.keys())
def test_html_visible_text(html, text):
    assert html_to_page(html).text == text


def test_html_title_is_tidied():
    assert html_to_page("<title>\n  Night &amp;\n raid </title><p>x</p>").title == "Night & raid"


# --- streaming ----------------------------------------------------------------

def test_nothing_is_read_until_asked(tmp_path):
    problems = []
    articles = read_articles(tmp_path / "nowhere", on_problem=problems.append)
    assert problems == []
    assert list(articles) == [] and len(problems) == 1


def test_first_article_comes_before_later_lines_are_read(tmp_path):
    write(tmp_path, {"a.jsonl": jsonl({"id": "a", "text": "T."}) + "broken\n" * 1000})
    problems = []
    first = next(read_articles(tmp_path / "a.jsonl", on_problem=problems.append))
    assert first.id == "a" and problems == []


def test_jsonl_is_streamed_not_loaded(tmp_path):
    line = jsonl({"id": "{}", "text": "drones " * 1500})        # ~10 KB a line
    with open(tmp_path / "big.jsonl", "w") as f:
        for i in range(2000):                                   # ~20 MB in all
            f.write(line.replace('"{}"', f'"a{i}"'))
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_articles(tmp_path / "big.jsonl"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2000
    assert peak < 5_000_000, f"peak {peak:,} bytes: the file was held whole"


@pytest.mark.parametrize("name,content", [
    ("huge.txt", lambda text: text),
    ("huge.jsonl", lambda text: jsonl({"id": "huge", "text": text})),
    ("huge.csv", lambda text: "id,text\nhuge," + text + "\n"),
], ids=["txt", "jsonl", "csv"])
def test_a_50mb_article_loads_and_so_do_the_rest(tmp_path, name, content):
    text = "Forty drones were launched overnight. " * 1_400_000      # ~53 MB
    write(tmp_path, {**GOOD_FILES, name: content(text)})
    articles, problems = read(tmp_path)
    assert problems == []
    assert {a.id for a in articles} == GOOD_IDS | {"huge"}
    assert max(len(a.text) for a in articles) == len(text)


def test_a_database_beside_the_corpus_is_not_read(tmp_path):
    """`warstats --db corpus/w.duckdb ingest corpus/` must not read its own
    database or write-ahead log as articles, nor report them as problems."""
    (tmp_path / "a.txt").write_text("Russia launched 12 drones overnight.", encoding="utf-8")
    (tmp_path / "w.duckdb").write_bytes(b"DUCK\x00\x01")
    (tmp_path / "w.duckdb.wal").write_bytes(b"\x00\x02")
    problems = []
    ids = [a.id for a in read_articles([tmp_path], on_problem=problems.append)]
    assert ids == ["a"] and problems == []
