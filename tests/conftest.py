"""Shared fixtures: small databases and stand-ins for modules built elsewhere.

- `fresh_db`: an in-memory DuckDB with sql/schema.sql and every view applied.
- `db_path`: a database file path in tmp_path (not created).
- `pipeline`: stand-ins for etl.sources.read_articles and the extractor, so
  warehouse/CLI tests do not depend on extraction quality. Articles are
  written as JSON lines; the stand-in extractor reads "<N> drones launched"
  style phrases, and raises on the word BOOM.
- `needs_shared`: skip marker for tests that read ../shared.
"""
from __future__ import annotations

import json
import sys
import textwrap
import types
from datetime import date
from pathlib import Path

import pytest

from etl import settings, warehouse
from etl.errors import SourceError
from etl.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is absent")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes seconds (a 50 MB file, killed "
                            "subprocesses); `pytest -m 'not slow'` leaves them out")


# Written to a file so that spawned worker processes can import it too.
FAKE_EXTRACTOR = textwrap.dedent('''
    import re
    from etl.model import Extraction, Fact, Rejection

    EXTRACTOR_VERSION = "fake-1"
    PHRASE = re.compile(r"(\\d+) (drones|missiles) (launched|downed|lost)")

    def extract_article(article):
        if "BOOM" in article.text:
            raise ValueError("the stand-in extractor was told to fail")
        out = Extraction()
        for m in PHRASE.finditer(article.text):
            out.facts.append(Fact(
                doc=article.id, metric=f"{m[2]}_{m[3]}", value=int(m[1]),
                low=int(m[1]), high=int(m[1]), qualifier="exact",
                unit=m[2][:-1], start=m.start(), end=m.end(), quote=m[0],
                surface=m[1], surface_start=m.start(), rule="fake",
                period="overnight"))
        for m in re.finditer(r"in (\\d{4})", article.text):
            out.rejections.append(Rejection(
                doc=article.id, surface=m[1], start=m.start(1), end=m.end(1),
                reason="year", quote=m[0]))
        return out
''')


class FakeSourceWarning(SourceError):
    """Stands in for etl.sources.SourceWarning: a problem, article kept."""


def fake_read_articles(paths, *, strict=False, on_problem=None, columns=None,
                       on_bytes=None):
    """Stand-in for etl.sources.read_articles over JSON-lines files."""
    for path in paths:
        for n, line in enumerate(Path(path).read_text().splitlines(), 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                error = SourceError(f"{path}:{n}", "not JSON", "fix the line")
                if strict or on_problem is None:
                    raise error
                on_problem(error)
                continue
            published = row.get("published")
            if published == "someday":  # the article loads, with a warning
                on_problem(FakeSourceWarning(f"{path}:{n}", "not a date", "fix it"))
                published = None
            yield Article(id=row["id"], text=row["text"], title=row.get("title"),
                          outlet=row.get("outlet"),
                          published=date.fromisoformat(published) if published else None,
                          origin=f"{path}:{n}")


class Pipeline:
    """Writes article files for the stand-in reader."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path

    def articles(self, name: str, rows: list, bad_lines: int = 0) -> Path:
        path = self.tmp_path / name
        lines = [json.dumps(r) for r in rows] + ["{not json"] * bad_lines
        path.write_text("\n".join(lines) + "\n")
        return path


@pytest.fixture
def pipeline(tmp_path, monkeypatch):
    module_dir = tmp_path / "fake_modules"
    module_dir.mkdir()
    (module_dir / "warstats_fake_extract.py").write_text(FAKE_EXTRACTOR)
    monkeypatch.syspath_prepend(str(module_dir))
    sys.modules.pop("warstats_fake_extract", None)
    monkeypatch.setitem(settings.DEFAULTS, "EXTRACTOR",
                        "warstats_fake_extract:extract_article")
    sources = types.ModuleType("etl.sources")
    sources.read_articles = fake_read_articles
    sources.SourceWarning = FakeSourceWarning
    monkeypatch.setitem(sys.modules, "etl.sources", sources)
    return Pipeline(tmp_path)


@pytest.fixture
def fresh_db():
    con = warehouse.connect(":memory:")
    warehouse.apply_sql(con)
    yield con
    con.close()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.duckdb"


def drone_text(launched: int, downed: int) -> str:
    """A made-up sentence the stand-in extractor reads as two facts."""
    return f"Overnight {launched} drones launched at the city; {downed} drones downed."

