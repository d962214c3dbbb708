"""Numbers a reader can defend, end to end: a corpus of the traps that made
the briefing's totals wrong, through the real ingest, into the views the
briefing prints (`headline`, `incidents`, `air_nights`, `period_totals`,
`running_tallies`). Every article was written for this test; the right
answers below were worked out by hand from the text.

The traps (dates: Mon 2025-02-03 ... Fri 2025-02-07):
- a toll update: 12 killed in Kharkiv on Monday, "has risen to 14" on
  Tuesday: one incident of 14;
- a month total beside a strike toll: the UN's 196 killed in January is a
  period total; the Sumy strike's 3 killed on Tuesday is an incident;
- a running tally without the word "cumulative": 250,000 killed "so far";
- a swap in three outlets, with a part: one swap of 150, its 23 civilians
  a part, never added;
- an agreement to hand over bodies ("will hand over 1,000"): a plan, no
  figure; the handover that happened (757 on Thursday) is one;
- a dated night (120 launched, 95 downed, 20 lost) and an undated copy of
  it: one night, the copy one more source, no row of its own;
- "on Monday night" in a Friday article: the night into Tuesday;
- a national toll (8 killed across Ukraine on Thursday) and one city's
  share of it (5 in Lviv): the day adds 8, not 13;
- a region's toll and one of its towns' (7 injured in the Moscow region,
  2 in Domodedovo, on Wednesday): 7, not 9; but a city's toll holds no
  town (4 injured in Kyiv, 3 in Bucha): 7;
- a later article's lower "at least 3" for the Kyiv strike recalls the
  toll, it does not lower it: 4;
- words alone ("dozens of people were injured in Odesa") or a ceiling
  ("up to 40 soldiers were killed"): an incident, listed, never added to a
  total.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from etl import warehouse

MON, TUE, WED, THU, FRI = (date(2025, 2, d) for d in range(3, 8))


def article(id, published, outlet, text):
    return dict(id=id, published=published, outlet=outlet, text=text)


CORPUS = [
    article("kharkiv-mon", "2025-02-03", "Kharkiv Daily",
            "A Russian missile strike on a supermarket in Kharkiv killed 12 "
            "people on Monday, the regional governor said."),
    article("kharkiv-tue", "2025-02-04", "Eastern Wire",
            "The death toll from Monday's missile strike on a supermarket in "
            "Kharkiv has risen to 14, officials said on Tuesday."),
    article("un-january", "2025-02-04", "UN Monitor",
            "The UN human rights mission said 196 civilians were killed in "
            "Ukraine in January.\n\nA drone attack on Sumy on Tuesday killed "
            "3 people."),
    article("staff-tally", "2025-02-05", "Front Wire",
            "Ukraine's General Staff said on Wednesday that 250,000 Russian "
            "soldiers have been killed so far."),
    article("swap-a", "2025-02-05", "Outlet A",
            "Ukraine and Russia swapped 150 prisoners of war on Wednesday. "
            "Among those returned to Ukraine were 23 civilians."),
    article("swap-b", "2025-02-05", "Outlet B",
            "Russia and Ukraine exchanged 150 prisoners of war on Wednesday, "
            "the Russian Defence Ministry said."),
    article("swap-c", "2025-02-06", "Outlet C",
            "In Wednesday's exchange, 150 Ukrainian prisoners of war came "
            "home."),
    article("bodies", "2025-02-07", "Outlet D",
            "Russia will hand over the bodies of 1,000 fallen soldiers next "
            "week under the agreement. On Thursday, Ukraine received the "
            "bodies of 757 soldiers."),
    article("night-dated", "2025-02-07", "Air Monitor",
            "Russia launched 120 drones overnight, the Ukrainian Air Force "
            "said. Air defence shot down 95 of them, and 20 were lost to "
            "electronic warfare."),
    article("night-undated", None, "Copy Desk",
            "Russia launched 120 drones overnight. Air defence shot down 95 "
            "of them."),
    # a national toll and a region's share of it, in two articles
    article("barrage-national", "2025-02-06", "Wire One",
            "Russian missile strikes across Ukraine killed 8 people on "
            "Thursday, the interior minister said."),
    article("barrage-lviv", "2025-02-06", "Lviv Today",
            "A missile strike on Lviv killed 5 people on Thursday."),
    article("monday-night", "2025-02-07", "Weekly Review",
            "On Monday night, Russia attacked Ukraine with 60 drones; air "
            "defence downed 52 of them."),
    article("moscow-region", "2025-02-05", "Capital News",
            "A Ukrainian drone attack on the Moscow region injured 7 people "
            "on Wednesday, the governor said."),
    article("domodedovo", "2025-02-05", "Suburb Wire",
            "A drone hit a house in Domodedovo on Wednesday, injuring 2 "
            "people."),
    article("kyiv-wed", "2025-02-05", "Kyiv Desk",
            "A Russian missile strike on Kyiv injured 4 people on Wednesday."),
    article("bucha-wed", "2025-02-05", "Bucha Local",
            "In Bucha, 3 people were injured by falling debris on Wednesday."),
    article("ceiling", "2025-02-06", "Front Wire B",
            "A missile strike on a training ground in the Zaporizhzhia region "
            "killed up to 40 soldiers on Thursday, a spokesman said."),
    article("odesa-dozens", "2025-02-06", "Port News",
            "Dozens of people were injured in Odesa on Thursday when a drone "
            "hit a shopping centre."),
    article("kyiv-recap", "2025-02-07", "Weekly Review B",
            "At least 3 people were injured in Wednesday's missile strike on "
            "Kyiv."),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("numbers")
    source = tmp / "traps.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in CORPUS), encoding="utf-8")
    db = tmp / "traps.duckdb"
    summary = warehouse.ingest([source], db, jobs=1, progress=False)
    assert (summary.loaded, summary.failed) == (len(CORPUS), 0), summary.problems
    return db


def rows(db, sql):
    con = warehouse.connect(db, read_only=True)
    try:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.close()


def test_headline_adds_one_figure_per_incident(db):
    got = {r["metric"]: (r["total"], r["n_incidents"], r["rule"])
           for r in rows(db, "select * from headline")}
    assert got == {
        # 14 in Kharkiv (the latest toll, not 12 + 14) + 3 in Sumy + 8 on
        # Thursday (the national figure holds Lviv's 5); not the UN's month,
        # not the tally
        "people_killed": (25, 3, "sum of incidents"),
        # Wednesday: the Moscow region's 7 (it holds Domodedovo's 2), Kyiv's
        # 4 (the largest report, not the later 'at least 3') and Bucha's 3
        "people_injured": (14, 3, "sum of incidents"),
        # one swap of 150, however many outlets; the 23 are its part
        "prisoners_swapped": (150, 1, "sum of incidents"),
        # the handover that happened, not the one agreed
        "bodies_repatriated": (757, 1, "sum of incidents"),
        "drones_launched": (120, 2, "largest night"),
        "missiles_launched": (None, 0, "largest night"),
    }


def test_headline_says_what_it_left_out(db):
    killed = rows(db, "select * from headline where metric = 'people_killed'")[0]
    assert (killed["n_period_totals"], killed["n_running_tallies"]) == (1, 1)
    swapped = rows(db, "select * from headline where metric = 'prisoners_swapped'")[0]
    assert swapped["n_parts"] == 1
    injured = rows(db, "select * from headline where metric = 'people_injured'")[0]
    assert (injured["n_vague"], injured["n_not_counted"]) == (1, 1)
    assert killed["n_at_most"] == 1


def test_incidents(db):
    got = sorted((r["metric"], r["day"], r["place"] or "-", r["value"], r["values"],
                  r["is_part"], r["n_sources"], r["n_undated_sources"],
                  r["is_updated"])
                 for r in rows(db, "select * from incidents"))
    assert got == sorted([
        ("people_killed", MON, "Kharkiv", 14, [12, 14], False, 2, 0, True),
        ("people_killed", TUE, "Sumy", 3, [3], False, 1, 0, False),
        ("people_killed", THU, "-", 8, [8], False, 1, 0, False),
        ("people_killed", THU, "Lviv", 5, [5], False, 1, 0, False),
        ("people_killed", THU, "Zaporizhzhia region", 40, [40], False, 1, 0, False),
        ("people_injured", WED, "Moscow region", 7, [7], False, 1, 0, False),
        ("people_injured", WED, "Domodedovo", 2, [2], False, 1, 0, False),
        ("people_injured", WED, "Kyiv", 4, [3, 4], False, 2, 0, False),
        ("people_injured", WED, "Bucha", 3, [3], False, 1, 0, False),
        ("people_injured", THU, "Odesa", 24, [24], False, 1, 0, False),
        ("prisoners_swapped", WED, "-", 150, [150], False, 3, 0, False),
        ("prisoners_swapped", WED, "-", 23, [23], True, 1, 0, False),
        ("bodies_repatriated", THU, "-", 757, [757], False, 1, 0, False),
        # the dated night and its undated copy are one incident each
        ("drones_launched", FRI, "-", 120, [120], False, 2, 1, False),
        ("drones_downed", FRI, "-", 95, [95], False, 2, 1, False),
        ("drones_lost", FRI, "-", 20, [20], False, 1, 0, False),
        # "on Monday night" in a Friday article: the night into Tuesday
        ("drones_launched", TUE, "-", 60, [60], False, 1, 0, False),
        ("drones_downed", TUE, "-", 52, [52], False, 1, 0, False),
    ])


def test_a_day_adds_its_national_figure_not_its_places_too(db):
    got = [(r["day"], r["total"], r["rule"]) for r in rows(
        db, "select * from incident_days where metric = 'people_killed' order by day")]
    assert got == [(MON, 14, "sum of places"), (TUE, 3, "sum of places"),
                   (THU, 8, "national figure, which holds its places")]


def test_a_region_holds_its_towns_a_city_does_not(db):
    got = [(r["day"], r["total"], r["n_incidents"]) for r in rows(
        db, "select * from incident_days where metric = 'people_injured'")]
    assert got == [(WED, 7 + 4 + 3, 3)]


def test_air_nights(db):
    got = [(r["night"], r["side"], r["weapon_class"], r["launched"], r["downed"],
            r["lost"], r["returned"], r["interception_rate"], r["n_sources"])
           for r in rows(db, "select * from air_nights order by night")]
    assert got == [
        (TUE, "russia", "drone", 60, 52, None, None, 86.7, 1),
        (FRI, "russia", "drone", 120, 95, 20, None, 79.2, 1),
    ]


def test_period_totals_and_running_tallies_stand_apart(db):
    totals = [(r["metric"], r["period"], r["window_start"], r["window_end"], r["value"])
              for r in rows(db, "select * from period_totals")]
    assert totals == [("people_killed", "month", date(2025, 1, 1), date(2025, 1, 31), 196)]
    tallies = [(r["metric"], r["side"], r["as_of"], r["value"])
               for r in rows(db, "select * from running_tallies")]
    assert tallies == [("people_killed", "russia", WED, 250000)]


def test_every_fact_has_a_kind_and_a_reason(db):
    for r in rows(db, "select kind, kind_reason, window_note from facts"):
        assert r["kind"] in ("incident", "period_total", "running_tally", "unknown")
        assert r["kind_reason"] and r["window_note"]
