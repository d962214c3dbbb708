"""sql/views/30_events: given hand-written claims, expect events and disputes.

The database holds sql/schema.sql and only the 30_events views, so these
tests do not depend on the base and mart views. `fact()` and `article()`
fill the columns a test does not care about. The story in most tests: one
Air Force bulletin about the night of Feb 7-8, 2024, repeated by several
outlets, and the other side's ministry giving its own figure.
"""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from etl.warehouse import apply_sql

from etl.warehouse import SQL_DIR

NIGHT = dict(window_start=date(2024, 2, 7), window_end=date(2024, 2, 8),
             period="overnight")
NEXT_NIGHT = dict(window_start=date(2024, 2, 8), window_end=date(2024, 2, 9),
                  period="overnight")
AF = "Ukrainian Air Force"
MOD = "Russian Defence Ministry"


def article(id, published=date(2024, 2, 8), outlet=None):
    return dict(id=id, title=f"title {id}", outlet=outlet or f"{id}.example",
                url=None, published=published, published_from="field",
                origin="test", n_chars=100, content_hash="h",
                extractor_version="v", run_id=1)


PERIOD_KINDS = {"cumulative": "running_tally", "day": "period_total",
                "week": "period_total", "month": "period_total", "year": "period_total"}


def fact(doc, metric, value, **given):
    row = dict(doc=doc, metric=metric, value=value, low=value, high=value,
               qualifier="exact", unit="item", side=None, location=None,
               place=None, weapon=None, period=None, is_part=False, claimant=None,
               claimant_raw=None, window_start=None, window_end=None,
               window_note=None, quote="q", quote_start=0, quote_end=1,
               surface="1", surface_start=0, rule="test", run_id=1)
    row = {**row, **given}
    # the kind the extractor gives a figure of that period (etl/extract/kinds.py)
    row.setdefault("kind", PERIOD_KINDS.get(row["period"], "incident"))
    return row


@pytest.fixture
def db():
    con = duckdb.connect(":memory:")
    apply_sql(con)     # the events views build on fact_details
    yield con
    con.close()


def given(con, articles=(), facts=()):
    """Insert rows; facts are numbered per doc in the order given."""
    numbers = {}
    for row in articles:
        insert(con, "articles", row)
    for row in facts:
        numbers[row["doc"]] = numbers.get(row["doc"], 0) + 1
        insert(con, "facts", {"fact_no": numbers[row["doc"]], **row})


def insert(con, table, row):
    marks = ", ".join("?" for _ in row)
    con.execute(f"insert into {table} ({', '.join(row)}) values ({marks})",
                list(row.values()))


def rows(con, sql):
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


# --- claims ------------------------------------------------------------------

def test_claims_fall_back_to_the_article_date_and_raw_claimant(db):
    given(db, [article("a"), article("u", published=None)], [
        fact("a", "people_killed", 3, claimant_raw="the regional governor"),
        fact("a", "drones_downed", 88, claimant=AF, **NIGHT),
        fact("u", "drones_downed", 40, claimant=MOD),
    ])
    got = rows(db, "select claim_id, claimant, claimant_side, window_start, "
                   "window_end, is_window_article_date from claims "
                   "order by claim_id")
    assert got == [
        dict(claim_id="a:1", claimant="the regional governor",
             claimant_side=None, window_start=date(2024, 2, 8),
             window_end=date(2024, 2, 8), is_window_article_date=True),
        dict(claim_id="a:2", claimant=AF, claimant_side="ukraine",
             window_start=date(2024, 2, 7), window_end=date(2024, 2, 8),
             is_window_article_date=False),
        dict(claim_id="u:1", claimant=MOD, claimant_side="russia",
             window_start=None, window_end=None, is_window_article_date=False),
    ]


# --- events ------------------------------------------------------------------

def test_one_bulletin_in_many_outlets_is_one_event(db):
    downed = dict(side="russia", claimant=AF, weapon="Shahed")
    given(db, [
        article("a", outlet="kyivpost.example"),
        article("b", outlet="reuters.example"),
        article("c", outlet="reuters.example"),        # same outlet again
        article("d", published=date(2024, 2, 9), outlet="bbc.example"),
        article("e", outlet="ap.example"),             # no window: its date
        article("f", published=date(2024, 2, 9)),      # the next night
    ], [
        fact("a", "drones_downed", 88, **downed, **NIGHT),
        fact("a", "drones_downed", 10, **downed, **NIGHT, is_part=True,
             location="Kyiv"),
        fact("b", "drones_downed", 88, **downed, **NIGHT),
        fact("c", "drones_downed", 88, **NIGHT, side="russia"),  # no weapon
        fact("d", "drones_downed", 88, **downed, **NIGHT),
        fact("e", "drones_downed", 88, side="russia"),
        fact("f", "drones_downed", 88, **downed, **NEXT_NIGHT),
    ])
    got = rows(db, "select * from events order by window_start, is_part")
    assert [(e["value"], e["is_part"], e["n_sources"]) for e in got] == [
        (88, False, 5), (10, True, 1), (88, False, 1)]
    night = got[0]
    assert night["doc_ids"] == ["a", "b", "c", "d", "e"]
    assert night["outlets"] == ["ap.example", "bbc.example", "kyivpost.example",
                                "reuters.example"]
    assert night["n_outlets"] == 4
    assert night["claimants"] == [AF]
    assert night["weapon"] == "Shahed"       # c and e name none: they join
    assert night["earliest_report"] == date(2024, 2, 8)
    assert (night["window_start"], night["window_end"]) == (
        date(2024, 2, 7), date(2024, 2, 8))
    assert got[2]["window_end"] == date(2024, 2, 9)   # next night: apart


def test_weapons_split_events_only_when_both_name_one(db):
    given(db, [article(x) for x in "abc"], [
        fact("a", "missiles_downed", 5, weapon="Kh-101", **NIGHT),
        fact("b", "missiles_downed", 5, weapon="Kinzhal", **NIGHT),
        fact("c", "missiles_downed", 5, **NIGHT),     # which? stays apart
    ])
    got = rows(db, "select weapon, doc_ids from events order by weapon")
    assert got == [dict(weapon="Kh-101", doc_ids=["a"]),
                   dict(weapon="Kinzhal", doc_ids=["b"]),
                   dict(weapon=None, doc_ids=["c"])]


def test_one_place_spelled_two_ways_is_one_event(db):
    given(db, [article("tass"), article("ukrinform"), article("old")], [
        fact("tass", "drones_downed", 30, location="Kiev region",
             place="Kyiv region", **NIGHT),
        fact("ukrinform", "drones_downed", 30, location="Kyiv region",
             place="Kyiv region", **NIGHT),
        # a row from before `place` existed: its location stands in
        fact("old", "drones_downed", 30, location="Kyiv region", **NIGHT),
    ])
    got = rows(db, "select location, doc_ids from events")
    assert got == [dict(location="Kyiv region", doc_ids=["old", "tass", "ukrinform"])]
    written = rows(db, "select doc, location, location_as_written from claims "
                       "order by doc")
    assert [(c["location"], c["location_as_written"]) for c in written] == [
        ("Kyiv region", "Kyiv region"), ("Kyiv region", "Kiev region"),
        ("Kyiv region", "Kyiv region")]


def test_every_claim_lands_in_exactly_one_event(db):
    given(db, [article("a"), article("b"), article("c"),
               article("u", published=None)], [
        fact("a", "drones_launched", 132, **NIGHT),
        fact("b", "drones_launched", 132, **NIGHT),
        fact("a", "drones_downed", 90, **NIGHT),
        fact("c", "drones_downed", 90, **NEXT_NIGHT),
        # undated: joins the one dated event with its figure ...
        fact("u", "drones_launched", 132),
        # ... but not when two dated events share it, nor alone, nor
        # when the figure is too small to tell events apart
        fact("u", "drones_downed", 90),
        fact("u", "drones_lost", 40),
        fact("a", "drones_returned", 2, **NIGHT),
        fact("u", "drones_returned", 2),
    ])
    events = rows(db, "select event_id, claim_ids, n_sources, "
                      "n_undated_sources from events order by event_id")
    assert events == [
        dict(event_id="a:1", claim_ids=["a:1", "b:1", "u:1"], n_sources=3,
             n_undated_sources=1),
        dict(event_id="a:2", claim_ids=["a:2"], n_sources=1,
             n_undated_sources=0),
        dict(event_id="a:3", claim_ids=["a:3"], n_sources=1,
             n_undated_sources=0),
        dict(event_id="c:1", claim_ids=["c:1"], n_sources=1,
             n_undated_sources=0),
        dict(event_id="u:2", claim_ids=["u:2"], n_sources=1,
             n_undated_sources=1),
        dict(event_id="u:3", claim_ids=["u:3"], n_sources=1,
             n_undated_sources=1),
        dict(event_id="u:4", claim_ids=["u:4"], n_sources=1,
             n_undated_sources=1),
    ]


def test_event_bounds_are_the_loosest_any_source_gives(db):
    given(db, [article("a"), article("b")], [
        fact("a", "drones_launched", 100, **NIGHT),
        fact("b", "drones_launched", 100, qualifier="at_least", high=None,
             **NIGHT),
    ])
    assert rows(db, "select low, high from events") == [
        dict(low=100, high=None)]


# --- disputed_claims -----------------------------------------------------------

def test_two_claimants_disagreeing_give_one_row_with_both_figures(db):
    over_russia = dict(side="ukraine", **NIGHT)      # Ukrainian drones
    given(db, [article(x) for x in "abcd"], [
        fact("a", "drones_downed", 45, claimant=MOD, **over_russia),
        fact("b", "drones_downed", 45, claimant=MOD, **over_russia),
        fact("c", "drones_downed", 20, claimant="Ukrainian General Staff",
             **over_russia),
        fact("d", "drones_downed", 20, claimant="Ukrainian General Staff",
             **{**over_russia, **NEXT_NIGHT}),     # another night: no part
    ])
    got = rows(db, "select * from disputed_claims")
    assert len(got) == 1
    row = got[0]
    assert row["values"] == [20, 45]
    assert row["figures"] == [
        {"value": 20, "claimants": ["Ukrainian General Staff"], "n_sources": 1},
        {"value": 45, "claimants": [MOD], "n_sources": 2}]
    assert row["claimants"] == [MOD, "Ukrainian General Staff"]
    assert (row["n_values"], row["n_claimants"], row["n_sources"]) == (2, 2, 3)
    assert row["is_contested"] is True
    # Policies: Russia defends against Ukrainian drones, so its figure.
    assert row["defending_side"] == "russia"
    assert (row["defender_value"], row["min_value"], row["max_value"],
            row["chart_value"]) == (45, 20, 45, 45)
    assert (row["window_start"], row["window_end"]) == (
        date(2024, 2, 7), date(2024, 2, 8))


def test_defender_value_is_the_defenders_most_reported_figure(db):
    over_ukraine = dict(side="russia", **NIGHT)
    given(db, [article(x) for x in "abcd"], [
        fact("a", "drones_downed", 88, claimant=AF, **over_ukraine),
        fact("b", "drones_downed", 88, claimant=AF, **over_ukraine),
        fact("c", "drones_downed", 90, claimant="Zelensky", **over_ukraine),
        fact("d", "drones_downed", 150, claimant=MOD, **over_ukraine),
    ])
    row = rows(db, "select * from disputed_claims")[0]
    assert row["values"] == [88, 90, 150]
    assert (row["defender_value"], row["max_value"], row["min_value"],
            row["most_reported_value"]) == (88, 150, 88, 88)


@pytest.mark.parametrize("periods", [("overnight", "day"), ("day", "overnight")])
def test_an_event_reported_with_two_periods_takes_the_same_one_whatever_the_order(db, periods):
    window = dict(window_start=date(2024, 2, 7), window_end=date(2024, 2, 8))
    given(db, [article("a"), article("b")], [
        fact(doc, "drones_downed", 88, side="russia", period=period, **window)
        for doc, period in zip("ab", periods)])
    got = rows(db, "select period, n_sources from events")
    assert got == [{"period": "day", "n_sources": 2}]


@pytest.mark.parametrize("order", [(120, 90), (90, 120)])
def test_the_defenders_tied_figures_give_the_lower_whatever_the_order(db, order):
    over_ukraine = dict(side="russia", **NIGHT)
    given(db, [article("a"), article("b")], [      # one source each, same day
        fact(doc, "drones_downed", value, claimant=AF, **over_ukraine)
        for doc, value in zip("ab", order)])
    row = rows(db, "select * from disputed_claims")[0]
    assert (row["defender_value"], row["chart_value"]) == (90, 90)


def test_agreeing_claimants_are_listed_but_not_contested(db):
    given(db, [article(x) for x in "abc"], [
        fact("a", "prisoners_swapped", 95, claimant="Zelensky"),
        fact("b", "prisoners_swapped", 95, claimant=MOD),
        # "about 100" is within 10% of 95: no contradiction
        fact("c", "prisoners_swapped", 100, qualifier="approx", low=None,
             high=None),
    ])
    row = rows(db, "select * from disputed_claims")[0]
    assert (row["values"], row["is_contested"]) == ([95, 100], False)
    assert row["defending_side"] is None                # no policy: the
    assert row["chart_value"] == row["most_reported_value"] == 95   # mode


def test_a_growing_tally_and_a_lone_source_are_not_disputes(db):
    given(db, [article("a", published=date(2024, 8, 1)),
               article("b", published=date(2024, 8, 2)),
               article("c")], [
        fact("a", "drones_downed", 30000, period="cumulative",
             window_start=date(2022, 2, 24), window_end=date(2024, 8, 1)),
        fact("b", "drones_downed", 30120, period="cumulative",
             window_start=date(2022, 2, 24), window_end=date(2024, 8, 2)),
        fact("c", "drones_downed", 88, **NIGHT),
        fact("c", "drones_downed", 10, is_part=True, location="Kyiv", **NIGHT),
    ])
    assert rows(db, "select * from disputed_claims") == []


def test_one_article_quoting_both_sides_is_a_dispute(db):
    given(db, [article("a"), article("b")], [
        fact("a", "drones_downed", 88, claimant=AF, side="russia", **NIGHT),
        fact("a", "drones_downed", 150, claimant=MOD, side="russia", **NIGHT),
        # one article, one voice, two figures: two things, not a dispute
        fact("b", "people_killed", 5, **NIGHT),
        fact("b", "people_killed", 2, **NIGHT),
    ])
    got = rows(db, "select metric, values, n_sources, is_contested, "
                   "defender_value from disputed_claims")
    assert got == [dict(metric="drones_downed", values=[88, 150], n_sources=1,
                        is_contested=True, defender_value=88)]


# --- tally_deltas --------------------------------------------------------------

def test_a_running_tally_with_a_correction_flags_the_drop(db):
    staff = dict(metric="drones_downed", side="russia", period="cumulative",
                 claimant="Ukrainian General Staff",
                 window_start=date(2022, 2, 24))
    days = [date(2024, 8, d) for d in (1, 2, 3, 4)]
    given(db, [article(f"d{d.day}", published=d) for d in days]
          + [article("copy", published=days[1])], [
        fact("d1", value=30000, window_end=days[0], **staff),
        fact("d2", value=30120, window_end=days[1], **staff),
        fact("copy", value=30120, window_end=days[1], **staff),
        fact("d3", value=30100, window_end=days[2], **staff),
        fact("d4", value=30200, window_end=days[3], **staff),
        fact("d4", value=2000, qualifier="vague", window_end=days[3], **staff),
    ])
    got = rows(db, "select as_of, value, n_sources, delta, is_correction "
                   "from tally_deltas order by as_of")
    assert [(r["value"], r["n_sources"], r["delta"], r["is_correction"])
            for r in got] == [(30000, 1, None, False), (30120, 2, 120, False),
                              (30100, 1, -20, True), (30200, 1, 100, False)]


def test_two_totals_on_one_date_give_no_delta(db):
    """Two figures of one series on one date are two things (tanks and
    guns, with no weapon named): no delta to or from that date."""
    series = dict(metric="equipment_destroyed", side="russia",
                  period="cumulative", window_start=date(2022, 2, 24))
    days = [date(2024, 8, d) for d in (1, 2, 3)]
    given(db, [article(f"d{d.day}", published=d) for d in days], [
        fact("d1", value=8000, window_end=days[0], **series),
        fact("d2", value=8010, window_end=days[1], **series),
        fact("d2", value=15000, window_end=days[1], **series),
        fact("d3", value=8020, window_end=days[2], **series),
    ])
    got = rows(db, "select value, n_values_on_date, previous_value, delta "
                   "from tally_deltas order by as_of, value")
    assert got == [
        dict(value=8000, n_values_on_date=1, previous_value=None, delta=None),
        dict(value=8010, n_values_on_date=2, previous_value=8000, delta=None),
        dict(value=15000, n_values_on_date=2, previous_value=8000, delta=None),
        dict(value=8020, n_values_on_date=1, previous_value=None, delta=None),
    ]


def test_tallies_of_different_claimants_are_separate_series(db):
    common = dict(metric="equipment_destroyed", period="cumulative",
                  side="russia", window_start=date(2022, 2, 24))
    given(db, [article("a", published=date(2024, 8, 1)),
               article("b", published=date(2024, 8, 2))], [
        fact("a", value=9000, claimant="Ukrainian General Staff",
             window_end=date(2024, 8, 1), **common),
        fact("b", value=3000, claimant=MOD, window_end=date(2024, 8, 2),
             **common),
    ])
    got = rows(db, "select claimant, delta, is_correction from tally_deltas "
                   "order by claimant")
    assert got == [dict(claimant=MOD, delta=None, is_correction=False),
                   dict(claimant="Ukrainian General Staff", delta=None,
                        is_correction=False)]


# --- undated_articles ----------------------------------------------------------

def test_undated_articles_lists_articles_with_no_date(db):
    given(db, [article("dated"), article("undated", published=None),
               article("empty", published=None)], [
        fact("undated", "drones_launched", 40),
        fact("undated", "drones_downed", 30, window_start=date(2024, 2, 7),
             window_end=date(2024, 2, 8)),
        fact("dated", "drones_launched", 40),
    ])
    got = rows(db, "select article_id, n_facts, n_facts_without_window "
                   "from undated_articles")
    assert got == [dict(article_id="empty", n_facts=0, n_facts_without_window=0),
                   dict(article_id="undated", n_facts=2,
                        n_facts_without_window=1)]


# --- grain ---------------------------------------------------------------------

@pytest.mark.parametrize("view, key", [
    ("claims", "claim_id"), ("events", "event_id"),
    ("disputed_claims", "dispute_id"), ("undated_articles", "article_id"),
])
def test_keys_are_unique(db, view, key):
    nights = [NIGHT, NEXT_NIGHT]
    given(db, [article(f"n{i}") for i in range(8)]
          + [article("u", published=None)], [
        fact(f"n{i}", metric, value, claimant=who, side="russia",
             **nights[i % 2])
        for i in range(8)
        for metric, value, who in [("drones_launched", 100 + i % 3, AF),
                                   ("drones_downed", 80, MOD),
                                   ("drones_downed", 70 + i % 2, AF)]
    ] + [fact("u", "drones_downed", 80), fact("u", "drones_downed", 80)])
    dupes = rows(db, f"select {key}, count(*) n from {view} group by 1 "
                     "having count(*) > 1")
    assert dupes == []
    assert rows(db, f"select count(*) n from {view}")[0]["n"] > 0


def test_every_view_states_its_grain():
    for path in (SQL_DIR / "views" / "30_events").glob("**/*.sql"):
        assert path.read_text().startswith("-- One row per "), path
