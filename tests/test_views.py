"""sql/views: given hand-written rows, expect the view's rows (dbt unit-test style).

Each test inserts a few articles and facts into a fresh in-memory database
with the schema and views applied, then compares selected view columns with
the expected rows. `fact()` fills the columns a test does not care about.
"""
from __future__ import annotations

from datetime import date

import pytest

from etl import warehouse

ARTICLE_DEFAULTS = dict(title=None, outlet=None, url=None, published=None,
                        published_from=None, origin="test", n_chars=100,
                        content_hash="h", extractor_version="v", run_id=1)
FACT_DEFAULTS = dict(low=None, high=None, qualifier="exact", unit="item", side=None,
                     location=None, weapon=None, period=None, is_part=False,
                     claimant=None, claimant_raw=None, window_start=None,
                     window_end=None, window_note=None, quote="q", quote_start=0,
                     quote_end=1, surface="1", surface_start=0, rule="test", run_id=1)


def given(con, articles=(), facts=()):
    """Insert rows; facts are numbered per doc in the order given."""
    for a in articles:
        insert(con, "articles", {**ARTICLE_DEFAULTS, **a})
    numbers = {}
    for f in facts:
        numbers[f["doc"]] = numbers.get(f["doc"], 0) + 1
        insert(con, "facts", {**FACT_DEFAULTS, "fact_no": numbers[f["doc"]], **f})


def insert(con, table, row):
    # Row-by-row is fine here: tests hold a handful of hand-written rows.
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"insert into {table} ({columns}) values ({marks})", list(row.values()))


def expect(con, view, columns, order_by):
    return con.execute(f"select {', '.join(columns)} from {view} "
                       f"order by {order_by}").fetchall()


def test_fact_details_joins_the_article(fresh_db):
    given(fresh_db,
          articles=[dict(id="a", title="Night raid", outlet="news.example",
                         url="https://news.example/1", published=date(2025, 3, 1))],
          facts=[dict(doc="a", metric="drones_launched", value=40),
                 dict(doc="orphan", metric="attacks", value=3)])
    rows = expect(fresh_db, "fact_details",
                  ["doc", "fact_no", "metric", "value", "title", "outlet", "url", "published"],
                  "doc")
    assert rows == [
        ("a", 1, "drones_launched", 40.0, "Night raid", "news.example",
         "https://news.example/1", date(2025, 3, 1)),
        ("orphan", 1, "attacks", 3.0, None, None, None, None),
    ]


def test_fact_details_keeps_every_fact_column(fresh_db):
    fact_columns = [r[0] for r in fresh_db.execute("describe facts").fetchall()]
    view_columns = [r[0] for r in fresh_db.execute("describe fact_details").fetchall()]
    assert view_columns[: len(fact_columns)] == fact_columns


def test_air_attacks_one_row_per_doc_period_weapon_class(fresh_db):
    given(fresh_db,
          articles=[dict(id="a", outlet="o1", published=date(2025, 5, 2))],
          facts=[
              dict(doc="a", metric="drones_launched", value=100, period="overnight"),
              dict(doc="a", metric="drones_downed", value=80, period="overnight"),
              dict(doc="a", metric="drones_downed", value=30, period="overnight",
                   is_part=True, location="Kyiv"),          # a part: ignored
              dict(doc="a", metric="drones_lost", value=12, period="overnight"),
              dict(doc="a", metric="drones_returned", value=1, period="overnight"),
              dict(doc="a", metric="missiles_launched", value=6, period="overnight"),
              dict(doc="a", metric="drones_downed", value=5000, period="cumulative"),
              dict(doc="a", metric="people_killed", value=2),  # not an air metric
              dict(doc="b", metric="missiles_downed", value=4),
              dict(doc="b", metric="missiles_downed", value=3),  # max wins
          ])
    rows = expect(fresh_db, "air_attacks",
                  ["doc", "period", "weapon_class", "launched", "downed", "lost",
                   "returned", "interception_rate", "published", "outlet"],
                  "doc, period nulls last, weapon_class")
    assert rows == [
        ("a", "cumulative", "drone", None, 5000.0, None, None, None,
         date(2025, 5, 2), "o1"),
        ("a", "overnight", "drone", 100.0, 80.0, 12.0, 1.0, 0.8, date(2025, 5, 2), "o1"),
        ("a", "overnight", "missile", 6.0, None, None, None, None, date(2025, 5, 2), "o1"),
        ("b", None, "missile", None, 4.0, None, None, None, None, None),
    ]


def test_air_attacks_gives_no_rate_when_sides_mix(fresh_db):
    given(fresh_db, facts=[
        dict(doc="m", metric="drones_launched", value=168, side="russia"),
        dict(doc="m", metric="drones_downed", value=47, side="russia"),
        dict(doc="m", metric="drones_downed", value=193, side="ukraine"),
        dict(doc="s", metric="missiles_launched", value=10, side="russia"),
        dict(doc="s", metric="missiles_downed", value=9),  # unstated: no conflict
    ])
    rows = expect(fresh_db, "air_attacks",
                  ["doc", "side", "is_mixed_sides", "launched", "downed",
                   "interception_rate"], "doc")
    assert rows == [("m", None, True, 168.0, 193.0, None),
                    ("s", "russia", False, 10.0, 9.0, 0.9)]


def test_air_attacks_has_no_rate_without_launches(fresh_db):
    given(fresh_db, facts=[dict(doc="z", metric="drones_launched", value=0),
                           dict(doc="z", metric="drones_downed", value=0)])
    assert expect(fresh_db, "air_attacks", ["launched", "interception_rate"], "doc") == [
        (0.0, None)]


def test_prisoner_exchanges(fresh_db):
    given(fresh_db,
          articles=[dict(id="p", outlet="o", published=date(2024, 12, 30))],
          facts=[dict(doc="p", metric="prisoners_swapped", value=150, side="ukraine",
                      quote="150 prisoners came home"),
                 dict(doc="p", metric="bodies_repatriated", value=500, qualifier="approx"),
                 dict(doc="p", metric="people_killed", value=1)])
    rows = expect(fresh_db, "prisoner_exchanges",
                  ["doc", "fact_no", "exchange_kind", "value", "qualifier", "side",
                   "published", "quote"], "fact_no")
    assert rows == [
        ("p", 1, "prisoners", 150.0, "exact", "ukraine", date(2024, 12, 30),
         "150 prisoners came home"),
        ("p", 2, "bodies", 500.0, "approx", None, date(2024, 12, 30), "q"),
    ]


def test_troop_deployments(fresh_db):
    given(fresh_db, facts=[
        dict(doc="t", metric="troops_deployed", value=8000, side="north_korea",
             location="Kursk region", qualifier="at_most", high=8000),
        dict(doc="t", metric="troops_mobilized", value=160000, period="year"),
        dict(doc="t", metric="troops_deserted", value=10)])
    rows = expect(fresh_db, "troop_deployments",
                  ["deployment_kind", "value", "high", "qualifier", "side",
                   "location", "period"], "fact_no")
    assert rows == [
        ("deployed", 8000.0, 8000.0, "at_most", "north_korea", "Kursk region", None),
        ("mobilized", 160000.0, None, "exact", None, None, "year"),
    ]


def test_casualties_keeps_parts_flagged(fresh_db):
    given(fresh_db,
          articles=[dict(id="c", outlet="wire", published=date(2025, 1, 9))],
          facts=[dict(doc="c", metric="people_killed", value=3, location="Odesa"),
                 dict(doc="c", metric="people_injured", value=8),
                 dict(doc="c", metric="people_injured", value=1, is_part=True,
                      location="Kyiv"),
                 dict(doc="c", metric="casualties", value=1500, side="russia",
                      period="day", qualifier="vague", low=1500, high=1999)])
    rows = expect(fresh_db, "casualties",
                  ["casualty_kind", "value", "is_part", "side", "location", "period",
                   "published", "outlet"], "fact_no")
    assert rows == [
        ("killed", 3.0, False, None, "Odesa", None, date(2025, 1, 9), "wire"),
        ("injured", 8.0, False, None, None, None, date(2025, 1, 9), "wire"),
        ("injured", 1.0, True, None, "Kyiv", None, date(2025, 1, 9), "wire"),
        ("casualties", 1500.0, False, "russia", None, "day", date(2025, 1, 9), "wire"),
    ]


def view_paths():
    return sorted((warehouse.SQL_DIR / "views").glob("**/*.sql"))


@pytest.mark.parametrize("path", view_paths(), ids=lambda p: p.stem)
def test_every_view_can_be_selected_from(fresh_db, path):
    fresh_db.execute(f"select * from {path.stem} limit 1").fetchall()


@pytest.mark.parametrize("path", view_paths(), ids=lambda p: p.stem)
def test_every_view_states_its_grain(path):
    assert path.read_text().startswith("-- One row per "), (
        f"{path}: open the file with '-- One row per ...' stating the grain")
