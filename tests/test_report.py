"""etl.report.write_briefing: a markdown briefing bound to named queries.

Each test builds a small warehouse by hand (sql/ applied, rows written
here), renders the briefing into tmp_path and reads the files back. Numbers
are compared with what the queries or the rows say, never typed in.
"""
from __future__ import annotations

import csv
import hashlib
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from etl import warehouse
from etl.errors import EtlError, SqlFileError
from etl.report import ReportError, queries, write_briefing
from etl.report.briefing import Citations
from etl.report.safe import md_text, path_inside, safe_stem

TEMPLATE = queries.REPORTS_DIR / "briefing.md"
BODY = re.sub(r"\{#.*?#\}", "", TEMPLATE.read_text(), flags=re.DOTALL)
CHARTS = re.findall(r"\{\{\s*chart:(\w+)\s*\}\}", BODY)
FOOTNOTE = re.compile(r"^\[\^(\d+)\]: (.*)$", re.MULTILINE)


# -- building a warehouse by hand ---------------------------------------------

def article(id, published=None, outlet=None, title=None, url=None):
    return dict(id=id, published=published, outlet=outlet, title=title, url=url)


def fact(doc, metric, value, quote, *, qualifier="exact", low=None, high=None,
         side=None, location=None, period=None, is_part=False,
         window=(None, None)):
    return dict(doc=doc, metric=metric, value=value, quote=quote,
                qualifier=qualifier, low=low, high=high, side=side,
                location=location, period=period, is_part=is_part,
                window_start=window[0], window_end=window[1])


ARTICLES = [
    article("kyiv-night", date(2024, 9, 10), "Example Wire",
            "Night of drones over the capital", "https://example.org/kyiv"),
    article("swap-oct", date(2024, 10, 2), "Daily Example", "Captives come home"),
    article("undated-1"),  # no date, outlet or title: cited by id, "undated"
    article("old-spring", date(2024, 3, 1), "Spring Times", "Front line report"),
]
FACTS = [
    fact("kyiv-night", "drones_launched", 64, "sent 64 attack drones overnight",
         side="russia", period="overnight"),
    fact("kyiv-night", "drones_downed", 51, "crews brought down 51 of them",
         side="russia", period="overnight"),
    fact("kyiv-night", "drones_downed", 12, "12 of those over the capital",
         side="russia", period="overnight", is_part=True, location="Kyiv"),
    fact("kyiv-night", "missiles_launched", 4, "four cruise missiles",
         side="russia", period="overnight"),
    fact("kyiv-night", "people_injured", 3, "three residents were hurt",
         side="ukraine", location="Kyiv"),
    fact("swap-oct", "prisoners_swapped", 95, "95 servicemen returned home",
         side="ukraine"),
    fact("swap-oct", "bodies_repatriated", 250, "about 250 bodies handed over",
         qualifier="approx"),
    fact("undated-1", "troops_deployed", 8000, "up to 8,000 soldiers massed",
         qualifier="at_most", high=8000, side="north_korea"),
    fact("undated-1", "people_killed", 7, "seven soldiers died", side="russia"),
    fact("undated-1", "prisoners_swapped", 40, "forty captives were freed"),
    fact("old-spring", "drones_launched", 20, "a wave of 20 drones in March",
         side="russia", period="overnight"),
    fact("old-spring", "casualties", 1000, "between 1,000 and 1,200 losses",
         qualifier="range", low=1000, high=1200, side="russia", period="week"),
    fact("old-spring", "territory_captured", 40, "roughly 40 square km",
         qualifier="approx", window=(date(2024, 2, 20), date(2024, 2, 29))),
]


# The kind the extractor gives a figure of each period (etl/extract/kinds.py).
KIND_OF_PERIOD = {"cumulative": "running_tally", "day": "period_total",
                  "week": "period_total", "month": "period_total",
                  "year": "period_total"}


def build_db(path: Path, articles, facts) -> Path:
    con = warehouse.connect(path)
    warehouse.apply_sql(con)
    for a in articles:
        con.execute(
            "insert into articles (id, title, outlet, url, published, "
            "content_hash, extractor_version, run_id) "
            "values ($id, $title, $outlet, $url, $published, 'h', 'test', 1)", a)
    numbers: dict[str, int] = {}
    for f in facts:
        numbers[f["doc"]] = numbers.get(f["doc"], 0) + 1
        con.execute(
            "insert into facts (doc, fact_no, metric, value, low, high, "
            "qualifier, unit, side, location, period, is_part, window_start, "
            "window_end, kind, kind_reason, quote, quote_start, quote_end, "
            "surface, surface_start, rule, run_id) values ($doc, $fact_no, "
            "$metric, $value, $low, $high, $qualifier, 'count', $side, "
            "$location, $period, $is_part, $window_start, $window_end, $kind, "
            "'test', $quote, 0, length($quote), 'n', 0, 'test', 1)",
            {**f, "fact_no": numbers[f["doc"]],
             "kind": f.get("kind") or KIND_OF_PERIOD.get(f["period"], "incident")})
    con.close()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The hand-written warehouse; tests only read it."""
    return build_db(tmp_path_factory.mktemp("db") / "w.duckdb", ARTICLES, FACTS)


@pytest.fixture(scope="module")
def built(db, tmp_path_factory):
    """The unfiltered briefing's folder, rendered once (charts are slow)."""
    out = tmp_path_factory.mktemp("briefing")
    write_briefing(db, out)
    return out


@pytest.fixture
def briefing(built):
    return (built / "briefing.md").read_text()


def run_query(db, name, **filters):
    """What a named query returns under the given filters."""
    f = queries.parse_filters(**filters)
    con = warehouse.connect(db, read_only=True)
    try:
        folder = TEMPLATE.parent / "queries"
        queries.build_scope(con, folder, f)
        return queries.run_sql(con, queries.query_path(name, folder), f)
    finally:
        con.close()


def footnotes(text: str) -> dict[str, str]:
    return dict(FOOTNOTE.findall(text))


def table_rows(text: str):
    """(header, cells) for every body row of every markdown table."""
    header = None
    for line in text.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if header is None:
            header = cells
        elif not set(line) <= set("|-: "):
            yield header, cells


# -- the briefing and its charts ----------------------------------------------

def test_briefing_is_written_with_headline_from_queries(db, built):
    text = (built / "briefing.md").read_text()
    cols, rows = run_query(db, "counts")
    counts = dict(zip(cols, rows[0]))
    assert f"and {counts['figures']} figures" in text
    assert counts["figures"] == len(FACTS)
    # the headline prints the view's numbers: a SQL user gets the same
    con = warehouse.connect(db, read_only=True)
    headline = dict(con.execute("select metric, total from headline").fetchall())
    con.close()
    # one incident each: the dated swap of 95 (the undated 40 is no total's)
    assert headline["prisoners_swapped"] == 95
    assert f"Prisoners swapped: **{headline['prisoners_swapped']}[^" in text
    assert f"injured: **{headline['people_injured']}[^" in text
    assert "{{" not in text and "{#" not in text


@pytest.mark.parametrize("chart", CHARTS)
def test_each_chart_has_png_svg_and_csv(built, chart):
    stem = built / "charts" / chart
    for suffix in (".png", ".svg", ".csv"):
        assert stem.with_suffix(suffix).stat().st_size > 0
    assert stem.with_suffix(".png").read_bytes()[:4] == b"\x89PNG"
    text = (built / "briefing.md").read_text()
    assert f"](charts/{chart}.png)" in text


def test_at_least_three_charts():
    assert len(CHARTS) >= 3


@pytest.mark.parametrize("chart", CHARTS)
def test_chart_csv_equals_its_query(db, built, chart):
    with open(built / "charts" / f"{chart}.csv", newline="") as fh:
        got = list(csv.reader(fh))
    cols, rows = run_query(db, chart)
    assert got[0] == cols
    assert len(got) - 1 == len(rows)
    for line, row in zip(got[1:], rows):
        for cell, value in zip(line, row):
            if value is None:
                assert cell == ""  # not reported, which is not zero
            elif isinstance(value, int):
                assert cell == str(value)  # a count is whole: 810, not 810.0
            elif isinstance(value, float):
                assert float(cell) == pytest.approx(value)
            else:
                assert cell == str(value)


@pytest.mark.parametrize("name", ["headline_figures", "incidents_by_month",
                                  "exchanges_by_month", "drones_by_night"])
def test_sums_of_counts_are_integers(db, name):
    """DuckDB sums a BIGINT into a HUGEINT, which pandas reads as a float:
    the queries cast their sums back."""
    cols, rows = run_query(db, name)
    sums = [v for row in rows for v in row if isinstance(v, (int, float))]
    assert sums and all(type(v) is int for v in sums)


def test_empty_database_renders_no_data(tmp_path):
    db = build_db(tmp_path / "empty.duckdb", [], [])
    text = write_briefing(db, tmp_path / "out").read_text()
    assert "_No figures in scope._" in text
    # no largest attack to date: said so, not "the night into —"
    assert "missiles, no night reported" in text and "the night into —" not in text
    for chart in CHARTS:
        rows = list(csv.reader(open(tmp_path / "out" / "charts" / f"{chart}.csv")))
        assert len(rows) == 1  # the header only
        assert (tmp_path / "out" / "charts" / f"{chart}.png").is_file()


def test_database_is_opened_read_only(db, tmp_path):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    con = warehouse.connect(db, read_only=True)  # a reader alongside is fine
    try:
        write_briefing(db, tmp_path / "out")
    finally:
        con.close()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_database_built_by_another_sql_is_refused_with_the_fix(tmp_path):
    # A file whose views an older warstats built: reading it with this
    # version's queries would fail on a missing column, or worse, not fail.
    db = build_db(tmp_path / "old.duckdb", [], [])
    con = warehouse.connect(db)
    con.execute("update sql_version set sql_hash = 'an older sql/'")
    con.close()
    with pytest.raises(EtlError, match=r"old\.duckdb.*run `warstats ingest` on it again"):
        write_briefing(db, tmp_path / "out")
    con = warehouse.connect(db)
    warehouse.apply_sql(con)  # what ingest does first
    con.close()
    assert write_briefing(db, tmp_path / "out").is_file()


# -- citations ----------------------------------------------------------------

# Columns that hold no figure: dates, names, ids, and counts of the sources
# that carry an event ("Reported by"); the figures beside them cite those.
NOT_FIGURES = ("Date", "As of", "Source", "Article", "Title", "Metric",
               "Period", "Reported by", "Night into", "Day", "Day or night into",
               "Article date", "Sources", "Reports", "Series", "Place", "Change")


def test_every_table_figure_has_a_footnote_citing_its_article(briefing):
    notes = footnotes(briefing)
    cited = 0
    for header, cells in table_rows(briefing):
        if header[0] == "Metric":  # counts of figures, not figures
            continue
        for name, cell in zip(header, cells):
            if name in NOT_FIGURES or cell == "—":
                continue
            if re.search(r"\d", cell.split("[^")[0]):
                marks = re.findall(r"\[\^(\d+)\]", cell)
                assert marks, f"{name}={cell!r} has no footnote"
                for n in marks:
                    assert n in notes
                    cited += 1
    assert cited >= len(FACTS) - 2  # air cells show one figure per cell


def test_a_figure_cites_its_first_five_facts_and_counts_the_rest():
    cite = Citations()
    assert cite.marks(["a:1", "a:2", "a:2"]) == "[^1][^2]"   # one mark per fact
    marks = cite.marks([f"b:{i}" for i in range(1000)])       # a total over 1,000
    assert re.findall(r"\[\^(\d+)\]", marks) == ["3", "4", "5", "6", "7"]
    assert marks.endswith(" (and 995 more figures)")
    assert list(cite.numbers) == ["a:1", "a:2", "b:0", "b:1", "b:2", "b:3", "b:4"]


def test_a_footnote_says_whether_a_total_counts_its_figure(briefing):
    notes = footnotes(briefing).values()
    swap = next(n for n in notes if md_text("95 servicemen returned home") in n)
    assert "counted in the headline total of prisoners swapped" in swap
    undated = next(n for n in notes if md_text("forty captives were freed") in n)
    assert "counted" not in undated


@pytest.mark.parametrize("f", FACTS, ids=lambda f: f["quote"][:30])
def test_each_figure_shown_cites_article_and_quote(briefing, f):
    a = next(a for a in ARTICLES if a["id"] == f["doc"])
    notes = [n for n in footnotes(briefing).values() if md_text(f["quote"]) in n]
    if f["is_part"] and f["metric"].startswith("drones"):
        return  # the air table shows whole figures only; parts are not cited
    assert len(notes) == 1, "one footnote per fact, however often it is cited"
    note = notes[0]
    assert (md_text(a["outlet"]) if a["outlet"] else "") in note
    assert (a["published"].isoformat() if a["published"] else "undated") in note
    assert md_text(a["title"] or "") in note and f"(id {a['id']}," in note


# -- filters ------------------------------------------------------------------

def test_since_drops_figures_before_it(db, briefing, tmp_path):
    old = md_text("a wave of 20 drones in March")
    assert old in briefing
    text = write_briefing(db, tmp_path / "since", since="2024-06-01").read_text()
    assert old not in text
    assert md_text("sent 64 attack drones overnight") in text
    assert md_text("seven soldiers died") not in text  # undated: out of range
    cols, rows = run_query(db, "counts", since="2024-06-01")
    assert f"and {dict(zip(cols, rows[0]))['figures']} figures" in text


def test_until_and_fact_window(db, tmp_path):
    text = write_briefing(db, tmp_path / "o", until="2024-02-25").read_text()
    # the territory figure's window starts on 2024-02-20: it overlaps
    assert md_text("roughly 40 square km") in text
    assert md_text("a wave of 20 drones in March") not in text


def test_metric_and_side_filter_every_section(db, tmp_path):
    text = write_briefing(db, tmp_path / "m", metric="prisoners_swapped").read_text()
    assert md_text("95 servicemen returned home") in text
    assert md_text("about 250 bodies handed over") not in text
    # air, the bulletin's two tables, disputed, period totals, running
    # tallies, unknown span, rejected numbers (the undated article holds a
    # swap: it is listed)
    assert text.count("_No figures in scope._") == 8
    side = write_briefing(db, tmp_path / "s", side="North Korea").read_text()
    assert md_text("up to 8,000 soldiers massed") in side
    assert md_text("sent 64 attack drones overnight") not in side
    with open(tmp_path / "s" / "charts" / "drones_by_night.csv") as fh:
        assert len(list(csv.reader(fh))) == 1


@pytest.mark.parametrize("filters, says", [
    (dict(since="2024-13-01"), "since='2024-13-01' is not a date"),
    (dict(until="last week"), "until='last week' is not a date"),
    (dict(since="2024-09-01", until="2024-08-01"), "is after until"),
    (dict(metric="drones_shot"), "metric='drones_shot' is not a known metric"),
    (dict(side="russia'; drop table facts; --"), "is not a side"),
], ids=lambda v: str(v)[:40])
def test_bad_filter_values_fail_clearly(db, tmp_path, filters, says):
    with pytest.raises(EtlError, match=re.escape(says)):
        write_briefing(db, tmp_path / "out", **filters)
    assert not (tmp_path / "out" / "briefing.md").exists()


# -- untrusted article text ---------------------------------------------------

INJECTIONS = {
    "script": "<script>alert('x')</script>",
    "html": '<img src=x onerror="alert(1)"><b>bold</b><!-- hidden -->',
    "js_link": "[click me](javascript:alert(1))",
    "image": "![tracker](https://evil.example/pixel.png)",
    "pipe_newline": "a | b\n| c | d |\n\n# Heading",
    "backticks": "`code` ```fence```",
    "footnote": "[^1] [^1]: forged citation",
    "autolink": "<javascript:alert(1)> <https://evil.example>",
    "entity": "&lt;script&gt; &#60;script&#62;",
    "template": "{{ value:n_articles }} {# x #}",
    "controls": "\u202eevil\u202c\x00\x1b[31m red",
    "reference": "[x]: javascript:alert(1)\n[y][x]",
}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    """One article per injection: in its id-free fields and its quote."""
    arts, facts = [], []
    for i, (name, bad) in enumerate(INJECTIONS.items()):
        # the id is untrusted too: shown as the source when there is no outlet
        doc = f"bad-{i}" if i % 2 else f"{bad}-{i}"
        arts.append(article(doc, date(2024, 9, 1), outlet=bad if i % 2 else None,
                            title=bad, url="javascript:alert(1)"))
        facts.append(fact(doc, "drones_launched", 10 + i, f"{name}: {bad}",
                          side="russia", period="overnight"))
        facts.append(fact(doc, "people_killed", 1 + i, bad, location=bad))
    tmp = tmp_path_factory.mktemp("injected")
    db = build_db(tmp / "bad.duckdb", arts, facts)
    return write_briefing(db, tmp / "out").read_text()


def test_injected_text_is_escaped_in_markdown(injected):
    for line in injected.splitlines():
        assert "<script" not in line.lower() and "<img" not in line.lower()
        assert "](javascript:" not in line
        assert "[^1]: forged" not in line
    # each table row stays one row with its own number of cells
    for header, cells in table_rows(injected):
        assert len(cells) == len(header)
    assert "{{" not in injected and "{#" not in injected
    assert "\u202e" not in injected and "\x00" not in injected


def test_injected_text_is_inert_in_html(injected):
    markdown = pytest.importorskip("markdown")
    html = markdown.markdown(injected, extensions=["tables", "footnotes"])
    parser = Tags()
    parser.feed(html)
    allowed = {"h1", "h2", "p", "ul", "li", "strong", "em", "table", "thead",
               "tbody", "tr", "th", "td", "a", "img", "sup", "div", "ol",
               "hr"}
    assert set(parser.tags) <= allowed, set(parser.tags) - allowed
    assert "<script" not in html.lower()
    for tag, name, value in parser.attrs:
        assert not name.startswith("on"), (tag, name)
        assert "javascript:" not in value.lower(), (tag, name, value)
        if tag == "img":
            assert re.fullmatch(r"charts/[A-Za-z0-9_-]+\.png", value) or name == "alt"
    assert parser.tags.count("img") == len(CHARTS)
    # the generated markup: tables and footnotes only where the template has them
    n_tables = BODY.count("{{ table:") - injected.count("_No figures in scope._")
    assert parser.tags.count("table") == n_tables


# -- names that cannot escape, templates that fail loudly ----------------------

@pytest.mark.parametrize("name", ["../../x", "..", "/etc/passwd", "a/../../b",
                                  "c:\\temp\\x", "", "né ïd", "x\x00y"])
def test_file_names_stay_inside_out_dir(tmp_path, name):
    stem = safe_stem(name)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", stem)
    path = path_inside(tmp_path, name, ".png")
    assert path.parent == tmp_path.resolve()


def _template(tmp_path, body: str) -> Path:
    """A copy of reports/ with its own template, for the failure cases."""
    reports = tmp_path / "reports"
    shutil.copytree(queries.REPORTS_DIR, reports,
                    ignore=shutil.ignore_patterns("out"))
    (reports / "briefing.md").write_text(body)
    return reports / "briefing.md"


@pytest.mark.parametrize("body, says", [
    ("{{ chart:../../x }}", "is not a placeholder"),
    ("x\n{{ value:no_such_query }}", "query 'no_such_query' not found"),
    ("{{ value:counts.nope }}", "has no column 'nope'"),
    ("{{ value:incident_table }}", "must return one row"),
    ("{# a\ncomment #}\n\n{{ graph:counts }}", "briefing.md:4"),
])
def test_bad_placeholders_fail_naming_them(db, tmp_path, body, says):
    with pytest.raises(ReportError, match=re.escape(says)):
        write_briefing(db, tmp_path / "out", template=_template(tmp_path, body))


def test_unknown_chart_kind_names_the_query(db, tmp_path):
    template = _template(tmp_path, "{{ chart:pie }}")
    (template.parent / "queries" / "pie.sql").write_text(
        "-- kind: pie\nselect metric, count(*) from scoped_facts group by 1")
    with pytest.raises(ReportError, match=r"pie\.sql: '-- kind: pie'"):
        write_briefing(db, tmp_path / "out", template=template)


def test_failing_query_names_its_file(db, tmp_path):
    template = _template(tmp_path, "{{ value:broken }}")
    (template.parent / "queries" / "broken.sql").write_text(
        "select count(*) from no_such_table")
    with pytest.raises(SqlFileError, match=r"broken\.sql"):
        write_briefing(db, tmp_path / "out", template=template)


def test_every_placeholder_in_the_template_names_a_query():
    folder = TEMPLATE.parent / "queries"
    names = re.findall(r"\{\{\s*\w+:(\w+)", BODY)
    assert names
    for name in names:
        assert queries.query_path(name, folder).is_file()


def test_every_query_file_is_used_and_states_its_grain():
    folder = TEMPLATE.parent / "queries"
    # the renderer's own: footnotes, and the article count under each chart
    used = set(re.findall(r"\{\{\s*\w+:(\w+)", BODY)) | {"citations", "n_articles"}
    used |= set(queries.SCOPE_TABLES)
    for path in sorted(folder.glob("**/*.sql")):
        assert path.stem in used, f"{path} is not used by {TEMPLATE}"
        text = path.read_text()
        assert re.search(r"^-- One row\b", text, re.MULTILINE), \
            f"{path}: open with a '-- One row per ...' grain comment"
