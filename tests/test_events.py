"""sql/views/30_claims and 40_numbers: given hand-written facts, expect rows.

Each test inserts a few articles and facts into an in-memory database with
sql/schema.sql and every view applied, then compares view rows with the
rows worked out by hand from the facts it gives. `fact()` and `article()`
fill the columns a test does not care about; `fact()` gives a figure the
kind the extractor gives its period (etl/extract/kinds.py) unless a test
names one. The story in most tests: one Air Force bulletin about the night
of Feb 7-8, 2024 (the night into Feb 8), repeated by several outlets, and
the other side's ministry giving its own figure.

The views: `claims` (one row per fact), `incidents` (one per incident and
metric), `air_nights` (one per night, attacking side and weapon class),
`period_totals`, `running_tallies` (from `tally_deltas`), `headline` and
`undated_articles`. tests/test_briefing_e2e.py runs the same views on
facts the real extractor reads.
"""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from etl.bulletin import load_bulletins
from etl.warehouse import SQL_DIR, apply_sql, connect
from tests.test_bulletin import SMALL

NIGHT = dict(window_start=date(2024, 2, 7), window_end=date(2024, 2, 8),
             period="overnight")
NEXT_NIGHT = dict(window_start=date(2024, 2, 8), window_end=date(2024, 2, 9),
                  period="overnight")
THIRD_NIGHT = dict(window_start=date(2024, 2, 9), window_end=date(2024, 2, 10),
                   period="overnight")
FEB = {d: date(2024, 2, d) for d in range(1, 29)}
AF = "Ukrainian Air Force"
MOD = "Russian Defence Ministry"
STAFF = "Ukrainian General Staff"


def on(day: date) -> dict:
    """The window of a figure of one day."""
    return dict(window_start=day, window_end=day)


def article(id, published=FEB[8], outlet=None):
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


def vague(doc, metric, low, **given):
    """A vague figure ("scores", "dozens"): its value is its lower bound."""
    return fact(doc, metric, low, qualifier="vague", low=low, high=None, **given)


@pytest.fixture
def db():
    con = duckdb.connect(":memory:")
    apply_sql(con)
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


def one(con, sql):
    got = rows(con, sql)
    assert len(got) == 1, got
    return got[0]


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


# --- incidents: which reports are one incident ---------------------------------

def test_one_strike_in_many_outlets_is_one_incident(db):
    kharkiv = dict(location="Kharkiv", **on(FEB[8]))
    given(db, [
        article("a", outlet="kyivpost.example"),
        article("b", outlet="reuters.example"),
        article("c", outlet="reuters.example"),        # same outlet again
        article("d", published=FEB[9], outlet="bbc.example"),
        article("e", outlet="ap.example"),             # no window: its date
        article("f", published=FEB[9]),                # the next day
    ], [
        fact("a", "people_killed", 7, **kharkiv),
        fact("a", "people_killed", 2, is_part=True, **kharkiv),  # children
        fact("b", "people_killed", 7, **kharkiv),
        fact("c", "people_killed", 7, **on(FEB[8])),   # names no place
        fact("d", "people_killed", 7, **kharkiv),
        fact("e", "people_killed", 7, location="Kharkiv"),
        fact("f", "people_killed", 7, location="Kharkiv", **on(FEB[9])),
    ])
    got = rows(db, "select * from incidents order by day, is_part")
    assert [(i["day"], i["value"], i["is_part"], i["n_sources"]) for i in got] == [
        (FEB[8], 7, False, 5), (FEB[8], 2, True, 1), (FEB[9], 7, False, 1)]
    strike = got[0]
    assert strike["incident_id"] == "a:1"
    assert strike["claim_ids"] == ["a:1", "b:1", "c:1", "d:1", "e:1"]
    assert strike["place"] == "Kharkiv"       # c names none: it joins
    assert strike["outlets"] == ["ap.example", "bbc.example", "kyivpost.example",
                                 "reuters.example"]
    assert strike["n_outlets"] == 4
    assert (strike["earliest_report"], strike["latest_report"]) == (FEB[8], FEB[9])
    assert (strike["window_start"], strike["window_end"]) == (FEB[8], FEB[8])
    assert (strike["values"], strike["is_updated"], strike["is_disputed"]) == (
        [7], False, False)


def test_one_bulletin_in_many_outlets_is_one_night(db):
    downed = dict(side="russia", claimant=AF, weapon="Shahed")
    given(db, [
        article("a", outlet="kyivpost.example"),
        article("b", outlet="reuters.example"),
        article("c", outlet="reuters.example"),        # same outlet again
        article("d", published=FEB[9], outlet="bbc.example"),
        article("e", outlet="ap.example"),             # no window: its date
        article("f", published=FEB[9]),                # the next night
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
    got = rows(db, "select * from air_nights order by night")
    assert [(n["night"], n["side"], n["weapon_class"], n["downed"], n["n_sources"])
            for n in got] == [(FEB[8], "russia", "drone", 88, 5),
                              (FEB[9], "russia", "drone", 88, 1)]
    night = got[0]
    # the part ("10 of them over Kyiv") is in no night, not even as scoped
    assert night["claim_ids"] == ["a:1", "b:1", "c:1", "d:1", "e:1"]
    assert night["scoped_figures"] == []
    assert night["outlets"] == ["ap.example", "bbc.example", "kyivpost.example",
                                "reuters.example"]
    assert night["n_outlets"] == 4
    # c and e name no claimant: the same 88 is no other voice's figure
    assert (night["downed_by"], night["is_disputed"], night["other_figures"]) == (
        AF, False, [])
    assert night["launched"] is None and night["interception_rate"] is None


def test_a_bulletin_repeated_without_its_weapon_is_one_incident(db):
    given(db, [article(x) for x in "abc"], [
        fact("a", "drones_downed", 88, side="russia", weapon="Shahed", **NIGHT),
        fact("b", "drones_downed", 88, side="russia", weapon="Shahed", **NIGHT),
        fact("c", "drones_downed", 88, side="russia", **NIGHT),
    ])
    got = rows(db, "select weapon, claim_ids from incidents")
    assert got == [dict(weapon="Shahed", claim_ids=["a:1", "b:1", "c:1"])]


def test_one_place_spelled_two_ways_is_one_incident(db):
    given(db, [article("tass"), article("ukrinform"), article("old")], [
        fact("tass", "drones_downed", 30, side="russia", location="Kiev region",
             place="Kyiv region", **NIGHT),
        fact("ukrinform", "drones_downed", 30, side="russia",
             location="Kyiv region", place="Kyiv region", **NIGHT),
        # a row from before `place` existed: its location stands in
        fact("old", "drones_downed", 30, side="russia", location="Kyiv region",
             **NIGHT),
    ])
    got = rows(db, "select place, claim_ids from incidents")
    assert got == [dict(place="Kyiv region",
                        claim_ids=["old:1", "tass:1", "ukrinform:1"])]
    written = rows(db, "select doc, location, location_as_written from claims "
                       "order by doc")
    assert [(c["location"], c["location_as_written"]) for c in written] == [
        ("Kyiv region", "Kyiv region"), ("Kyiv region", "Kiev region"),
        ("Kyiv region", "Kyiv region")]
    # one region's figure, listed once however many report it
    night = one(db, "select * from air_nights")
    assert night["downed"] is None
    assert night["scoped_figures"] == [dict(measure="downed", value=30, figure="30",
                                            place="Kyiv region", weapon=None,
                                            claim_id="old:1")]


def test_every_claim_lands_in_exactly_one_incident(db):
    given(db, [article("a"), article("b"), article("c"),
               article("u", published=None)], [
        fact("a", "drones_launched", 132, **NIGHT),
        fact("b", "drones_launched", 132, **NIGHT),
        fact("a", "drones_downed", 90, **NIGHT),
        fact("c", "drones_downed", 90, **NEXT_NIGHT),
        # undated: joins the one dated incident with its figure ...
        fact("u", "drones_launched", 132),
        # ... but not when two dated incidents share it, nor alone, nor
        # when the figure is too small to tell incidents apart
        fact("u", "drones_downed", 90),
        fact("u", "drones_lost", 40),
        fact("a", "drones_returned", 2, **NIGHT),
        fact("u", "drones_returned", 2),
    ])
    incidents = rows(db, "select incident_id, day, claim_ids, n_sources, "
                         "n_undated_sources from incidents order by incident_id")
    assert incidents == [
        dict(incident_id="a:1", day=FEB[8], claim_ids=["a:1", "b:1", "u:1"],
             n_sources=3, n_undated_sources=1),
        dict(incident_id="a:2", day=FEB[8], claim_ids=["a:2"], n_sources=1,
             n_undated_sources=0),
        dict(incident_id="a:3", day=FEB[8], claim_ids=["a:3"], n_sources=1,
             n_undated_sources=0),
        dict(incident_id="c:1", day=FEB[9], claim_ids=["c:1"], n_sources=1,
             n_undated_sources=0),
        dict(incident_id="u:2", day=None, claim_ids=["u:2"], n_sources=1,
             n_undated_sources=1),
        dict(incident_id="u:3", day=None, claim_ids=["u:3"], n_sources=1,
             n_undated_sources=1),
        dict(incident_id="u:4", day=None, claim_ids=["u:4"], n_sources=1,
             n_undated_sources=1),
    ]
    landed = [c for i in incidents for c in i["claim_ids"]]
    claims = [r["claim_id"] for r in rows(db, "select claim_id from claims")]
    assert sorted(landed) == sorted(claims)


def test_an_undated_copy_joins_its_one_dated_incident(db):
    given(db, [article("mon", published=FEB[5]), article("copy", published=None),
               article("short", published=None)], [
        fact("mon", "people_killed", 14, location="Kharkiv", **on(FEB[5])),
        fact("mon", "people_killed", 3, location="Sumy", **on(FEB[5])),
        fact("copy", "people_killed", 14, location="Kharkiv"),
        # 3 is too small to tell incidents apart, unless it names the place
        fact("short", "people_killed", 3),
        fact("copy", "people_killed", 3, location="Sumy"),
    ])
    got = rows(db, "select day, place, value, claim_ids, n_undated_sources "
                   "from incidents order by day nulls last, place")
    assert got == [
        dict(day=FEB[5], place="Kharkiv", value=14,
             claim_ids=["copy:1", "mon:1"], n_undated_sources=1),
        dict(day=FEB[5], place="Sumy", value=3, claim_ids=["copy:2", "mon:2"],
             n_undated_sources=1),
        dict(day=None, place=None, value=3, claim_ids=["short:1"],
             n_undated_sources=1),
    ]


def test_a_report_naming_no_place_or_side_joins_the_days_only_one(db):
    given(db, [article(x) for x in "abcdefgh"], [
        # Feb 5: one side and one place named: the bare report joins them
        fact("a", "people_killed", 4, side="ukraine", location="Odesa",
             **on(FEB[5])),
        fact("b", "people_killed", 4, **on(FEB[5])),
        # Feb 6: two places named: a report naming none joins neither
        fact("c", "people_killed", 3, side="ukraine", location="Kharkiv",
             **on(FEB[6])),
        fact("d", "people_killed", 5, side="ukraine", location="Sumy",
             **on(FEB[6])),
        fact("e", "people_killed", 3, side="ukraine", **on(FEB[6])),
        # Feb 7: two sides named: a report naming none joins neither
        fact("f", "people_killed", 2, side="ukraine", **on(FEB[7])),
        fact("g", "people_killed", 2, side="russia", **on(FEB[7])),
        fact("h", "people_killed", 2, **on(FEB[7])),
    ])
    got = rows(db, "select day, side, place, claim_ids from incidents "
                   "order by day, side nulls last, place nulls last")
    assert got == [
        dict(day=FEB[5], side="ukraine", place="Odesa", claim_ids=["a:1", "b:1"]),
        dict(day=FEB[6], side="ukraine", place="Kharkiv", claim_ids=["c:1"]),
        dict(day=FEB[6], side="ukraine", place="Sumy", claim_ids=["d:1"]),
        dict(day=FEB[6], side="ukraine", place=None, claim_ids=["e:1"]),
        dict(day=FEB[7], side="russia", place=None, claim_ids=["g:1"]),
        dict(day=FEB[7], side="ukraine", place=None, claim_ids=["f:1"]),
        dict(day=FEB[7], side=None, place=None, claim_ids=["h:1"]),
    ]


def test_a_swap_is_one_incident_whichever_sides_people_a_report_counts(db):
    given(db, [article("kyiv"), article("moscow")], [
        fact("kyiv", "prisoners_swapped", 150, side="ukraine", **on(FEB[8])),
        fact("moscow", "prisoners_swapped", 150, side="russia", **on(FEB[8])),
    ])
    got = one(db, "select * from incidents")
    assert (got["value"], got["claim_ids"], got["is_disputed"]) == (
        150, ["kyiv:1", "moscow:1"], False)


def test_weapons_split_missile_incidents_and_a_model_is_not_the_nights(db):
    russian = dict(side="russia", **NIGHT)
    given(db, [article(x) for x in "abc"], [
        fact("a", "missiles_downed", 5, weapon="Kh-101", **russian),
        fact("b", "missiles_downed", 5, weapon="Kinzhal", **russian),
        fact("c", "missiles_downed", 5, **russian),     # which? stays apart
    ])
    got = rows(db, "select weapon, claim_ids from incidents "
                   "order by weapon nulls last")
    assert got == [dict(weapon="Kh-101", claim_ids=["a:1"]),
                   dict(weapon="Kinzhal", claim_ids=["b:1"]),
                   dict(weapon=None, claim_ids=["c:1"])]
    night = one(db, "select * from air_nights")
    assert (night["weapon_class"], night["downed"], night["downed_claim_id"]) == (
        "missile", 5, "c:1")
    assert night["scoped_figures"] == [
        dict(measure="downed", value=5, figure="5", place=None, weapon="Kh-101", claim_id="a:1"),
        dict(measure="downed", value=5, figure="5", place=None, weapon="Kinzhal", claim_id="b:1")]


# --- incidents: which figure an incident takes ---------------------------------

def test_a_toll_update_keeps_the_latest_figure(db):
    given(db, [article("mon", published=FEB[5]), article("tue", published=FEB[6])], [
        fact("mon", "people_killed", 12, location="Kharkiv", **on(FEB[5])),
        # "the toll from Monday's strike has risen to 14"
        fact("tue", "people_killed", 14, location="Kharkiv", **on(FEB[5])),
    ])
    got = one(db, "select * from incidents")
    assert (got["day"], got["value"], got["values"], got["value_claim_id"]) == (
        FEB[5], 14, [12, 14], "tue:1")
    assert (got["is_updated"], got["is_disputed"], got["n_sources"]) == (
        True, False, 2)
    assert (got["earliest_report"], got["latest_report"]) == (FEB[5], FEB[6])


def test_reports_of_one_date_that_differ_are_disputed(db):
    given(db, [article(x, published=FEB[7]) for x in "xyz"], [
        fact("x", "people_killed", 9, location="Sumy", **on(FEB[7])),
        fact("y", "people_killed", 9, location="Sumy", **on(FEB[7])),
        fact("z", "people_killed", 11, location="Sumy", **on(FEB[7])),
    ])
    got = one(db, "select * from incidents")
    # a toll only rises: the larger figure, the dispute flagged
    assert (got["value"], got["values"], got["is_disputed"], got["is_updated"]) == (
        11, [9, 11], True, False)


@pytest.mark.parametrize("published", [FEB[5], FEB[6]],
                         ids=["same date", "a day later"])
def test_a_vague_report_joins_the_stated_figure_of_its_day(db, published):
    border = dict(location="Sumy region", **on(FEB[5]))
    given(db, [article("a", published=FEB[5]), article("b", published=FEB[5]),
               article("scores", published=published)], [
        fact("a", "prisoners_swapped", 150, **border),
        fact("b", "prisoners_swapped", 150, **border),
        # "scores of prisoners came home", naming no place: the day's only
        # stated swap
        vague("scores", "prisoners_swapped", 20, **on(FEB[5])),
    ])
    got = one(db, "select * from incidents")
    assert (got["value"], got["qualifier"], got["values"], got["n_sources"]) == (
        150, "exact", [20, 150], 3)
    assert got["place"] == "Sumy region"
    assert got["claim_ids"] == ["a:1", "b:1", "scores:1"]


def test_a_vague_report_of_another_place_stays_apart(db):
    """"Dozens came home to the Chernihiv region" is no part of a Sumy swap."""
    given(db, [article("a", published=FEB[5]), article("scores", published=FEB[5])], [
        fact("a", "prisoners_swapped", 150, location="Sumy region", **on(FEB[5])),
        vague("scores", "prisoners_swapped", 20, location="Chernihiv region",
              **on(FEB[5])),
    ])
    got = rows(db, "select place, value, qualifier from incidents order by place")
    assert [(r["place"], r["value"], r["qualifier"]) for r in got] == [
        ("Chernihiv region", 20, "vague"), ("Sumy region", 150, "exact")]


@pytest.mark.parametrize("published", [FEB[5], FEB[6]],
                         ids=["same date", "a day later"])
def test_a_vague_report_neither_updates_nor_disputes_a_stated_figure(db, published):
    given(db, [article("a", published=FEB[5]), article("scores", published=published)], [
        fact("a", "prisoners_swapped", 150, **on(FEB[5])),
        vague("scores", "prisoners_swapped", 20, **on(FEB[5])),
    ])
    got = one(db, "select * from incidents")
    assert (got["value"], got["is_updated"], got["is_disputed"]) == (150, False, False)


def test_an_incident_takes_one_reports_figure_whatever_the_order():
    """Two reports of one date with the same figure, one of them "at least":
    the incident's qualifier and bounds are the cited report's, and do not
    depend on the order of the rows."""
    exact = fact("x", "drones_launched", 100, **NIGHT)
    over = fact("y", "drones_launched", 100, qualifier="at_least", high=None,
                **NIGHT)
    bounds = {"x:1": ("exact", 100, 100), "y:1": ("at_least", 100, None)}
    taken = []
    for order in ([exact, over], [over, exact]):
        con = duckdb.connect(":memory:")
        apply_sql(con)
        given(con, [article("x"), article("y")], order)
        got = one(con, "select value_claim_id, qualifier, low, high from incidents")
        con.close()
        assert (got["qualifier"], got["low"], got["high"]) == bounds[
            got["value_claim_id"]]
        taken.append(got["value_claim_id"])
    assert taken[0] == taken[1]


def test_one_articles_figures_of_a_day_are_one_incident_not_a_dispute(db):
    """"Kyiv brought home 189, Moscow 150, a combined 339": one swap, its
    largest figure, and no article disputes itself. (Two strikes an article
    gives without their places are read so too: a total counts once.)"""
    given(db, [article("b")], [
        fact("b", "prisoners_swapped", 189, **on(FEB[8])),
        fact("b", "prisoners_swapped", 150, **on(FEB[8])),
        fact("b", "prisoners_swapped", 339, **on(FEB[8])),
    ])
    got = rows(db, "select value, values, is_disputed from incidents")
    assert got == [dict(value=339, values=[150, 189, 339], is_disputed=False)]


def test_agreeing_claimants_are_listed_but_not_disputed(db):
    given(db, [article(x) for x in "abcd"], [
        fact("a", "prisoners_swapped", 95, claimant="Zelensky", **on(FEB[8])),
        fact("b", "prisoners_swapped", 95, claimant=MOD, **on(FEB[8])),
        fact("c", "drones_downed", 88, side="russia", claimant=AF, **NIGHT),
        fact("d", "drones_downed", 88, side="russia", claimant=MOD, **NIGHT),
    ])
    swap = one(db, "select * from incidents where metric = 'prisoners_swapped'")
    assert (swap["value"], swap["claimants"], swap["is_disputed"]) == (
        95, [MOD, "Zelensky"], False)
    night = one(db, "select * from air_nights")
    assert (night["downed"], night["downed_by"], night["is_disputed"],
            night["other_figures"], night["n_sources"]) == (88, AF, False, [], 2)


def test_an_approximate_figure_that_agrees_is_not_a_dispute(db):
    given(db, [article(x) for x in "abc"], [
        fact("a", "prisoners_swapped", 95, claimant="Zelensky", **on(FEB[8])),
        fact("b", "prisoners_swapped", 95, claimant=MOD, **on(FEB[8])),
        fact("c", "prisoners_swapped", 100, qualifier="approx", low=None,
             high=None, **on(FEB[8])),
    ])
    swap = one(db, "select * from incidents")
    assert (swap["value"], swap["values"], swap["is_disputed"]) == (
        95, [95, 100], False)


# --- air_nights: whose figure a night takes ------------------------------------

def test_two_claimants_disagreeing_give_the_defenders_figure_and_the_other(db):
    over_russia = dict(side="ukraine", **NIGHT)      # Ukrainian drones
    given(db, [article("a"), article("b", published=FEB[9]), article("c"),
               article("d", published=FEB[9])], [
        fact("a", "drones_downed", 45, claimant=MOD, **over_russia),
        fact("b", "drones_downed", 45, claimant=MOD, **over_russia),
        fact("c", "drones_downed", 20, claimant=STAFF, **over_russia),
        fact("d", "drones_downed", 20, claimant=STAFF,
             **{**over_russia, **NEXT_NIGHT}),     # another night: no part
    ])
    got = rows(db, "select * from air_nights order by night")
    assert [(n["night"], n["side"], n["downed"], n["is_disputed"]) for n in got] == [
        (FEB[8], "ukraine", 45, True), (FEB[9], "ukraine", 20, False)]
    night = got[0]
    # Russia defends against Ukrainian drones: its ministry's figure, the
    # latest of its reports cited
    assert (night["downed_by"], night["downed_claim_id"]) == (MOD, "b:1")
    assert night["other_figures"] == [
        dict(measure="downed", value=20, figure="20", by=STAFF, claim_id="c:1")]
    assert night["n_sources"] == 3
    assert got[1]["other_figures"] == []


def test_other_voices_show_their_figures_as_given(db):
    # "more than 80" beside the Air Force's 81: listed as ≥80, not as 80
    over_ukraine = dict(side="russia", **NIGHT)
    given(db, [article("a"), article("b")], [
        fact("a", "missiles_launched", 81, claimant=AF, **over_ukraine),
        fact("b", "missiles_launched", 80, qualifier="at_least", high=None,
             claimant=STAFF, **over_ukraine),
    ])
    night = one(db, "select * from air_nights")
    assert (night["launched"], night["other_figures"]) == (81, [
        dict(measure="launched", value=80, figure="≥80", by=STAFF, claim_id="b:1")])


def test_the_defenders_most_reported_voice_speaks_for_the_night(db):
    over_ukraine = dict(side="russia", **NIGHT)
    given(db, [article(x) for x in "abcd"], [
        fact("a", "drones_downed", 88, claimant=AF, **over_ukraine),
        fact("b", "drones_downed", 88, claimant=AF, **over_ukraine),
        fact("c", "drones_downed", 90, claimant="Zelensky", **over_ukraine),
        fact("d", "drones_downed", 150, claimant=MOD, **over_ukraine),
    ])
    night = one(db, "select * from air_nights")
    assert (night["downed"], night["downed_by"], night["is_disputed"]) == (
        88, AF, True)
    assert night["other_figures"] == [
        dict(measure="downed", value=150, figure="150", by=MOD, claim_id="d:1"),
        dict(measure="downed", value=90, figure="90", by="Zelensky", claim_id="c:1")]


@pytest.mark.parametrize("order", [(120, 90), (90, 120)])
def test_one_voices_figure_does_not_depend_on_the_order(db, order):
    over_ukraine = dict(side="russia", **NIGHT)
    given(db, [article("a"), article("b")], [      # one source each, same date
        fact(doc, "drones_downed", value, claimant=AF, **over_ukraine)
        for doc, value in zip("ab", order)])
    assert one(db, "select downed from air_nights")["downed"] == 120


@pytest.mark.parametrize("claimant", [None, AF], ids=["unattributed", "one claimant"])
def test_one_voices_two_figures_of_a_night_are_both_shown(db, claimant):
    given(db, [article("a"), article("b")], [
        fact("a", "drones_downed", 120, side="russia", claimant=claimant, **NIGHT),
        fact("b", "drones_downed", 90, side="russia", claimant=claimant, **NIGHT),
    ])
    night = one(db, "select * from air_nights")
    assert night["is_disputed"] is True
    assert sorted([night["downed"]] + [o["value"] for o in night["other_figures"]]) \
        == [90, 120]


def test_one_article_quoting_both_sides_is_a_dispute(db):
    given(db, [article("a")], [
        fact("a", "drones_downed", 88, claimant=AF, side="russia", **NIGHT),
        fact("a", "drones_downed", 150, claimant=MOD, side="russia", **NIGHT),
    ])
    night = one(db, "select * from air_nights")
    assert (night["downed"], night["is_disputed"], night["n_sources"]) == (
        88, True, 1)
    assert night["other_figures"] == [
        dict(measure="downed", value=150, figure="150", by=MOD, claim_id="a:2")]


@pytest.mark.parametrize("periods", [("overnight", "day"), ("day", "overnight")])
def test_a_night_reported_as_a_night_and_as_a_day_is_one_night(db, periods):
    """One outlet calls it the night's figure, another the day's (a period
    total of one day): one night, whatever the order; a week's total is in
    no night."""
    given(db, [article("a"), article("b"), article("w")], [
        *[fact(doc, "drones_downed", 88, side="russia", period=period,
               window_start=FEB[7], window_end=FEB[8])
          for doc, period in zip("ab", periods)],
        fact("w", "drones_downed", 500, side="russia", period="week",
             window_start=FEB[1], window_end=FEB[8]),
    ])
    night = one(db, "select * from air_nights")
    assert (night["night"], night["downed"], night["n_sources"], night["claim_ids"]) \
        == (FEB[8], 88, 2, ["a:1", "b:1"])


def test_a_growing_tally_and_a_part_are_no_nights_and_no_disputes(db):
    given(db, [article("a", published=date(2024, 8, 1)),
               article("b", published=date(2024, 8, 2)),
               article("c")], [
        fact("a", "drones_downed", 30000, side="russia", period="cumulative",
             window_start=date(2022, 2, 24), window_end=date(2024, 8, 1)),
        fact("b", "drones_downed", 30120, side="russia", period="cumulative",
             window_start=date(2022, 2, 24), window_end=date(2024, 8, 2)),
        fact("c", "drones_downed", 88, side="russia", **NIGHT),
        fact("c", "drones_downed", 10, side="russia", is_part=True,
             location="Kyiv", **NIGHT),
    ])
    night = one(db, "select * from air_nights")
    assert (night["night"], night["downed"], night["is_disputed"],
            night["scoped_figures"]) == (FEB[8], 88, False, [])
    tally = one(db, "select * from running_tallies")
    assert (tally["as_of"], tally["value"], tally["change"]) == (
        date(2024, 8, 2), 30120, 120)


# --- air_nights: national figures, scoped ones, the rate -----------------------

def test_a_regions_or_a_models_figure_is_listed_never_the_nights(db):
    given(db, [article(x) for x in "abcdef"], [
        fact("a", "drones_launched", 45, side="russia", claimant=AF, **NIGHT),
        fact("a", "drones_downed", 40, side="russia", claimant=AF, **NIGHT),
        fact("b", "drones_downed", 10, side="russia", location="Kyiv region",
             **NIGHT),
        fact("c", "missiles_downed", 30, side="russia", claimant=AF, **NIGHT),
        fact("c", "missiles_downed", 6, side="russia", weapon="Kinzhal",
             claimant=AF, **NIGHT),
        # a Shahed figure is national, another drone model is not
        fact("d", "drones_downed", 4, side="russia", weapon="Lancet", **NIGHT),
        # the next night only a region speaks, with a larger launch
        fact("e", "drones_launched", 300, side="russia", location="Odesa region",
             **NEXT_NIGHT),
        fact("f", "drones_downed", 12, side="russia", location="Odesa region",
             **NEXT_NIGHT),
    ])
    got = rows(db, "select * from air_nights order by night, weapon_class")
    assert [(n["night"], n["weapon_class"], n["launched"], n["downed"])
            for n in got] == [(FEB[8], "drone", 45, 40), (FEB[8], "missile", None, 30),
                              (FEB[9], "drone", None, None)]
    assert got[0]["scoped_figures"] == [
        dict(measure="downed", value=10, figure="10", place="Kyiv region", weapon=None,
             claim_id="b:1"),
        dict(measure="downed", value=4, figure="4", place=None, weapon="Lancet", claim_id="d:1")]
    assert got[1]["scoped_figures"] == [
        dict(measure="downed", value=6, figure="6", place=None, weapon="Kinzhal", claim_id="c:2")]
    assert got[2]["scoped_figures"] == [
        dict(measure="downed", value=12, figure="12", place="Odesa region", weapon=None,
             claim_id="f:1"),
        dict(measure="launched", value=300, figure="300", place="Odesa region", weapon=None,
             claim_id="e:1")]
    assert not any(n["is_disputed"] for n in got)
    # nor the headline's largest attack
    largest = one(db, "select * from headline where metric = 'drones_launched'")
    assert (largest["total"], largest["last_day"]) == (45, FEB[8])


def test_a_night_whose_reports_name_no_side_keeps_its_figures(db):
    given(db, [article("a"), article("b")], [
        fact("a", "drones_launched", 60, claimant=AF, **NIGHT),
        fact("a", "drones_downed", 45, claimant=AF, **NIGHT),
        fact("b", "drones_downed", 8, location="Odesa region", **NIGHT),
    ])
    night = one(db, "select * from air_nights")
    assert (night["side"], night["launched"], night["downed"],
            night["interception_rate"]) == (None, 60, 45, 75.0)
    assert night["scoped_figures"] == [dict(measure="downed", value=8, figure="8",
                                            place="Odesa region", weapon=None,
                                            claim_id="b:1")]


def test_a_mayors_or_a_governors_figure_is_scoped(db):
    given(db, [article(x) for x in "abcd"], [
        fact("a", "drones_downed", 40, side="russia", claimant=AF, **NIGHT),
        fact("b", "drones_downed", 15, side="russia",
             claimant="Kyiv mayor Vitali Klitschko", **NIGHT),
        # Ukrainian drones over Russia: the ministry's figure is the night's,
        # the governor's (as written: no canonical claimant) is his region's
        fact("c", "drones_downed", 30, side="ukraine", claimant=MOD, **NIGHT),
        fact("d", "drones_downed", 12, side="ukraine",
             claimant_raw="the regional governor", **NIGHT),
    ])
    got = rows(db, "select * from air_nights order by side")
    assert [(n["side"], n["downed"], n["downed_by"], n["is_disputed"])
            for n in got] == [("russia", 40, AF, False), ("ukraine", 30, MOD, False)]
    assert got[0]["scoped_figures"] == [
        dict(measure="downed", value=15, figure="15", place=None, weapon=None, claim_id="b:1")]
    assert got[1]["scoped_figures"] == [
        dict(measure="downed", value=12, figure="12", place=None, weapon=None, claim_id="d:1")]


def test_the_interception_rate_comes_from_one_voice_and_never_exceeds_100(db):
    russian = dict(side="russia")
    given(db, [article(x) for x in "abcdef"], [
        # Feb 8: one voice gives both
        fact("a", "drones_launched", 100, claimant=AF, **russian, **NIGHT),
        fact("a", "drones_downed", 80, claimant=AF, **russian, **NIGHT),
        fact("b", "missiles_launched", 10, claimant=AF, **russian, **NIGHT),
        fact("b", "missiles_downed", 10, claimant=AF, **russian, **NIGHT),
        # Feb 9: launched from one voice, downed from another
        fact("c", "drones_launched", 50, claimant=AF, **russian, **NEXT_NIGHT),
        fact("d", "drones_downed", 45, claimant=MOD, **russian, **NEXT_NIGHT),
        # Feb 10: more downed than launched (counts of different waves)
        fact("e", "drones_launched", 30, claimant=AF, **russian, **THIRD_NIGHT),
        fact("f", "drones_downed", 45, claimant=AF, **russian, **THIRD_NIGHT),
    ])
    got = rows(db, "select night, weapon_class, launched, downed, launched_by, "
                   "downed_by, mixes_voices, interception_rate from air_nights "
                   "order by night, weapon_class")
    assert got == [
        dict(night=FEB[8], weapon_class="drone", launched=100, downed=80,
             launched_by=AF, downed_by=AF, mixes_voices=False,
             interception_rate=80.0),
        dict(night=FEB[8], weapon_class="missile", launched=10, downed=10,
             launched_by=AF, downed_by=AF, mixes_voices=False,
             interception_rate=100.0),
        dict(night=FEB[9], weapon_class="drone", launched=50, downed=45,
             launched_by=AF, downed_by=MOD, mixes_voices=True,
             interception_rate=None),
        dict(night=FEB[10], weapon_class="drone", launched=30, downed=45,
             launched_by=AF, downed_by=AF, mixes_voices=False,
             interception_rate=None),
    ]


# --- period_totals -------------------------------------------------------------

def test_a_period_total_is_one_row_with_its_latest_figure(db):
    january = dict(period="month", window_start=date(2024, 1, 1),
                   window_end=date(2024, 1, 31))
    given(db, [article("un1", published=FEB[4]), article("un2", published=FEB[5]),
               article("un3", published=FEB[6]), article("dec", published=FEB[6])], [
        fact("un1", "people_killed", 196, claimant="UN", **january),
        fact("un2", "people_killed", 196, **january),
        fact("un3", "people_killed", 201, claimant="UN", **january),  # revised
        fact("dec", "people_killed", 150, claimant="UN", period="month",
             window_start=date(2023, 12, 1), window_end=date(2023, 12, 31)),
    ])
    got = rows(db, "select window_start, value, values, n_sources, claimants, "
                   "value_claim_id from period_totals order by window_start")
    assert got == [
        dict(window_start=date(2023, 12, 1), value=150, values=[150], n_sources=1,
             claimants=["UN"], value_claim_id="dec:1"),
        dict(window_start=date(2024, 1, 1), value=201, values=[196, 201],
             n_sources=3, claimants=["UN"], value_claim_id="un3:1"),
    ]
    assert rows(db, "select * from incidents") == []


# --- tally_deltas and running_tallies ------------------------------------------

def test_a_running_tally_with_a_correction_flags_the_drop(db):
    staff = dict(metric="drones_downed", side="russia", period="cumulative",
                 claimant=STAFF, window_start=date(2022, 2, 24))
    days = [date(2024, 8, d) for d in (1, 2, 3, 4)]
    given(db, [article(f"d{d.day}", published=d) for d in days]
          + [article("copy", published=days[1])], [
        fact("d1", value=30000, window_end=days[0], **staff),
        fact("d2", value=30120, window_end=days[1], **staff),
        fact("copy", value=30120, window_end=days[1], **staff),
        fact("d3", value=30100, window_end=days[2], **staff),
        fact("d4", value=30200, qualifier="at_least", high=None, window_end=days[3],
             **staff),
        fact("d4", value=2000, qualifier="vague", window_end=days[3], **staff),
    ])
    got = rows(db, "select as_of, value, n_sources, delta, is_correction "
                   "from tally_deltas order by as_of")
    assert [(r["value"], r["n_sources"], r["delta"], r["is_correction"])
            for r in got] == [(30000, 1, None, False), (30120, 2, 120, False),
                              (30100, 1, -20, True), (30200, 1, 100, False)]
    # running_tallies: the series' latest figure and its change
    latest = one(db, "select * from running_tallies")
    assert (latest["claimant"], latest["as_of"], latest["value"], latest["change"],
            latest["previous_as_of"], latest["is_correction"], latest["n_reports"],
            latest["claim_ids"]) == (
        STAFF, days[3], 30200, 100, days[2], False, 4, ["d4:1"])
    # shown as given: "more than 30,200"
    assert latest["figure"] == "≥30,200"


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


def test_two_figures_on_a_series_latest_date_are_both_listed(db):
    series = dict(metric="equipment_destroyed", side="russia",
                  period="cumulative", window_start=date(2022, 2, 24))
    days = [date(2024, 8, d) for d in (1, 2)]
    given(db, [article(f"d{d.day}", published=d) for d in days], [
        fact("d1", value=8000, window_end=days[0], **series),
        fact("d2", value=8010, window_end=days[1], **series),
        fact("d2", value=15000, window_end=days[1], **series),
    ])
    got = rows(db, "select as_of, value, change, n_values_on_date "
                   "from running_tallies order by value")
    assert got == [
        dict(as_of=days[1], value=8010, change=None, n_values_on_date=2),
        dict(as_of=days[1], value=15000, change=None, n_values_on_date=2)]


def test_tallies_of_different_claimants_are_separate_series(db):
    common = dict(metric="equipment_destroyed", period="cumulative",
                  side="russia", window_start=date(2022, 2, 24))
    given(db, [article("a", published=date(2024, 8, 1)),
               article("b", published=date(2024, 8, 2)),
               article("c", published=date(2024, 8, 3))], [
        fact("a", value=9000, claimant=STAFF, window_end=date(2024, 8, 1),
             **common),
        fact("b", value=3000, claimant=MOD, window_end=date(2024, 8, 2),
             **common),
        fact("c", value=2900, claimant=MOD, window_end=date(2024, 8, 3),
             **common),
    ])
    got = rows(db, "select claimant, delta, is_correction from tally_deltas "
                   "order by claimant, as_of")
    assert got == [dict(claimant=MOD, delta=None, is_correction=False),
                   dict(claimant=MOD, delta=-100, is_correction=True),
                   dict(claimant=STAFF, delta=None, is_correction=False)]
    latest = rows(db, "select claimant, value, change, is_correction "
                      "from running_tallies order by claimant")
    assert latest == [
        dict(claimant=MOD, value=2900, change=-100, is_correction=True),
        dict(claimant=STAFF, value=9000, change=None, is_correction=False)]


# --- headline --------------------------------------------------------------------

def test_the_headline_adds_dated_incidents_only(db):
    given(db, [
        article("mon", published=FEB[5]), article("tue", published=FEB[6]),
        article("un", published=FEB[6]), article("staff", published=FEB[6]),
        article("unknown", published=FEB[6]), article("odesa", published=None),
        article("week", published=FEB[9]),
        article("swap-a", published=FEB[7]), article("swap-b", published=FEB[7]),
        article("swap-c", published=FEB[8]),
        article("air", published=FEB[8]), article("air2", published=FEB[9]),
    ], [
        # killed: a toll update (12, then 14) and a strike with a part ...
        fact("mon", "people_killed", 12, location="Kharkiv", **on(FEB[5])),
        fact("tue", "people_killed", 14, location="Kharkiv", **on(FEB[5])),
        fact("tue", "people_killed", 3, location="Sumy", **on(FEB[6])),
        fact("tue", "people_killed", 1, location="Sumy", is_part=True,
             **on(FEB[6])),
        # ... beside a month's total, a running tally, a figure of unknown
        # span, an undated figure and one of several days: none added
        fact("un", "people_killed", 196, period="month",
             window_start=date(2024, 1, 1), window_end=date(2024, 1, 31)),
        fact("staff", "people_killed", 250000, side="russia", period="cumulative",
             window_start=date(2022, 2, 24), window_end=FEB[6]),
        fact("unknown", "people_killed", 12000, kind="unknown"),
        fact("odesa", "people_killed", 7, location="Odesa"),
        fact("week", "people_killed", 5, location="Dnipro",
             window_start=FEB[5], window_end=FEB[9]),
        # one swap in three outlets, with a part
        fact("swap-a", "prisoners_swapped", 150, **on(FEB[7])),
        fact("swap-a", "prisoners_swapped", 23, is_part=True, **on(FEB[7])),
        fact("swap-b", "prisoners_swapped", 150, side="russia", **on(FEB[7])),
        fact("swap-c", "prisoners_swapped", 150, **on(FEB[7])),
        # two nights' launches
        fact("air", "drones_launched", 120, side="russia", claimant=AF, **NIGHT),
        fact("air2", "drones_launched", 60, side="russia", claimant=AF,
             **NEXT_NIGHT),
    ])
    got = {r["metric"]: r for r in rows(db, "select * from headline order by line_no")}
    summary = {m: (r["total"], r["n_incidents"], r["rule"]) for m, r in got.items()}
    assert summary == {
        "people_killed": (17, 2, "sum of incidents"),
        "people_injured": (None, 0, "sum of incidents"),
        "prisoners_swapped": (150, 1, "sum of incidents"),
        "bodies_repatriated": (None, 0, "sum of incidents"),
        "drones_launched": (120, 2, "largest night"),
        "missiles_launched": (None, 0, "largest night"),
    }
    killed = got["people_killed"]
    assert (killed["n_period_totals"], killed["n_running_tallies"],
            killed["n_unknown_span"], killed["n_parts"], killed["n_undated"],
            killed["n_not_counted"]) == (1, 1, 1, 1, 2, 6)
    assert killed["claim_ids"] == ["tue:1", "tue:2"]   # one per incident
    assert (killed["first_day"], killed["last_day"]) == (FEB[5], FEB[6])
    assert (got["prisoners_swapped"]["n_parts"],
            got["prisoners_swapped"]["n_not_counted"]) == (1, 1)
    assert (got["drones_launched"]["last_day"],
            got["drones_launched"]["claim_ids"]) == (FEB[8], ["air:1"])


def test_a_days_national_figure_holds_its_places_figures(db):
    given(db, [article(x) for x in "abcdef"], [
        # Feb 8: "6 killed across Ukraine", "5 in the Lviv region": 6
        fact("a", "people_killed", 6, **on(FEB[8])),
        fact("b", "people_killed", 5, location="Lviv region", **on(FEB[8])),
        # Feb 9: a national 4, but its places give 3 + 2: 5
        fact("c", "people_killed", 4, **on(FEB[9])),
        fact("d", "people_killed", 3, location="Kharkiv", **on(FEB[9])),
        fact("e", "people_killed", 2, location="Sumy", **on(FEB[9])),
        # Feb 10: places only
        fact("f", "people_killed", 1, location="Odesa", **on(FEB[10])),
    ])
    got = rows(db, "select day, total, rule, n_incidents, claim_ids "
                   "from incident_days order by day")
    assert got == [
        dict(day=FEB[8], total=6, rule="national figure, which holds its places",
             n_incidents=1, claim_ids=["a:1"]),
        dict(day=FEB[9], total=5, rule="sum of places, more than the national figure",
             n_incidents=2, claim_ids=["d:1", "e:1"]),
        dict(day=FEB[10], total=1, rule="sum of places", n_incidents=1,
             claim_ids=["f:1"]),
    ]
    killed = one(db, "select * from headline where metric = 'people_killed'")
    assert (killed["total"], killed["n_incidents"], killed["claim_ids"]) == (
        12, 4, ["a:1", "d:1", "e:1", "f:1"])



def test_two_swaps_of_one_day_are_added_whatever_place_one_names(db):
    # "10 prisoners of war for 10", and "19 sailors freed near Odesa": two
    # exchanges, not a national swap and its share
    given(db, [article("a"), article("b")], [
        fact("a", "prisoners_swapped", 10, side="ukraine", **on(FEB[8])),
        fact("b", "prisoners_swapped", 19, side="ukraine", location="Odesa", **on(FEB[8])),
    ])
    got = rows(db, "select day, total, rule, n_incidents, claim_ids from incident_days")
    assert got == [dict(day=FEB[8], total=29, rule="sum of exchanges", n_incidents=2,
                        claim_ids=["a:1", "b:1"])]


def test_the_largest_attack_cites_its_launch_only(db):
    given(db, [article("air")], [
        fact("air", "drones_launched", 120, side="russia", claimant=AF, **NIGHT),
        fact("air", "drones_downed", 95, side="russia", claimant=AF, **NIGHT),
    ])
    largest = one(db, "select * from headline where metric = 'drones_launched'")
    assert (largest["total"], largest["claim_ids"]) == (120, ["air:1"])


def test_an_undated_copy_of_a_counted_incident_is_not_left_out(db):
    given(db, [article("mon", published=FEB[5]), article("copy", published=None)], [
        fact("mon", "people_killed", 14, location="Kharkiv", **on(FEB[5])),
        fact("copy", "people_killed", 14, location="Kharkiv"),
    ])
    killed = one(db, "select * from headline where metric = 'people_killed'")
    assert (killed["total"], killed["n_undated"], killed["n_not_counted"]) == (
        14, 0, 0)


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


# --- grain -----------------------------------------------------------------------

# The key of every view: the columns its "-- One row per" comment names.
KEYS = {
    # 10_base
    "fact_details": ("doc", "fact_no"),
    "bulletin_waves": ("line",),
    # 20_marts
    "air_attacks": ("doc", "period", "weapon_class"),
    "bulletin_nights": ("night", "weapon_class"),
    "bulletin_readings": ("night", "weapon_class", "measure", "reading"),
    "casualties": ("doc", "fact_no"),
    "prisoner_exchanges": ("doc", "fact_no"),
    "troop_deployments": ("doc", "fact_no"),
    # 30_claims
    "claims": ("claim_id",),
    "tally_deltas": ("metric", "side", "claimant", "weapon", "location",
                     "is_part", "as_of", "value"),
    "undated_articles": ("article_id",),
    # 40_numbers
    "place_regions": ("place",),
    "incidents": ("incident_id",),
    "air_nights": ("night", "side", "weapon_class"),
    "period_totals": ("total_id",),
    "running_tallies": ("metric", "side", "claimant", "weapon", "place",
                        "is_part", "value"),
    "incident_days": ("metric", "day"),
    "headline": ("metric",),
    # 50_bulletin
    "bulletin_checks": ("doc", "fact_no"),
    "bulletin_reconciliation": ("night", "weapon_class", "measure"),
}


def view_paths():
    return sorted((SQL_DIR / "views").glob("**/*.sql"))


def test_every_view_has_a_key_here():
    assert sorted(p.stem for p in view_paths()) == sorted(KEYS)


@pytest.fixture(scope="module")
def busy_db(tmp_path_factory):
    """Every view with rows in it: two nights of repeated, disputed,
    scoped and undated figures, tallies, period totals, casualties, swaps,
    troops, and the made-up bulletin file of tests/test_bulletin.py."""
    path = tmp_path_factory.mktemp("grain") / "grain.duckdb"
    load_bulletins(SMALL, path)
    con = connect(path)
    nights = [NIGHT, NEXT_NIGHT]
    march = dict(window_start=date(2025, 3, 1), window_end=date(2025, 3, 2),
                 period="overnight")
    articles = [article(f"n{i}") for i in range(8)] + [
        article("u", published=None), article("t", published=FEB[9]),
        article("t2", published=FEB[10]), article("m", published=date(2025, 3, 2))]
    given(con, articles, [
        fact(f"n{i}", metric, value, claimant=who, side="russia",
             **nights[i % 2])
        for i in range(8)
        for metric, value, who in [("drones_launched", 100 + i % 3, AF),
                                   ("drones_downed", 80, MOD),
                                   ("drones_downed", 70 + i % 2, AF)]
    ] + [
        fact("u", "drones_downed", 80), fact("u", "drones_downed", 80),
        fact("n0", "drones_downed", 10, location="Kyiv", **NIGHT),
        fact("n0", "drones_downed", 5, location="Kyiv", is_part=True, **NIGHT),
        fact("n1", "people_killed", 3, location="Sumy", **on(FEB[8])),
        fact("n2", "people_killed", 4, location="Sumy", **on(FEB[8])),
        fact("n3", "people_injured", 9, **on(FEB[8])),
        fact("n3", "prisoners_swapped", 95, **on(FEB[8])),
        fact("n4", "troops_deployed", 1000, **on(FEB[8])),
        fact("t", "people_killed", 196, period="month",
             window_start=date(2024, 1, 1), window_end=date(2024, 1, 31)),
        fact("t2", "people_killed", 201, period="month",
             window_start=date(2024, 1, 1), window_end=date(2024, 1, 31)),
        *[fact(doc, "equipment_destroyed", value, side="russia",
               period="cumulative", claimant=STAFF,
               window_start=date(2022, 2, 24), window_end=day)
          for doc, value, day in [("t", 8000, FEB[9]), ("t2", 8010, FEB[10]),
                                  ("t2", 15000, FEB[10])]],
        fact("m", "drones_launched", 120, side="russia", **march),
        fact("m", "drones_downed", 110, side="russia", **march),
    ])
    yield con
    con.close()


@pytest.mark.parametrize("path", view_paths(), ids=lambda p: p.stem)
def test_each_view_states_its_grain_and_its_key_is_unique(busy_db, path):
    view, key = path.stem, ", ".join(KEYS[path.stem])
    assert path.read_text().startswith("-- One row per "), path
    dupes = rows(busy_db, f"select {key}, count(*) as n from {view} "
                          f"group by all having count(*) > 1")
    assert dupes == []
    assert rows(busy_db, f"select count(*) as n from {view}")[0]["n"] > 0
