"""Events, not articles, end to end: text -> ingest -> views -> briefing.

tests/test_events.py checks the views on hand-written fact rows; here the
facts come from the real extractor reading small corpora written for these
tests (JSON lines built in tmp_path), through `etl.warehouse.loader` and
`etl.report.write_briefing`. The stories:

- NIGHT: four outlets repeat one Air Force bulletin about the night into
  2024-09-10 in their own words (45 Shaheds launched, 38 downed): one
  event per figure, four sources.
- DISPUTE: Russia's defence ministry and the Belgorod governor give 30 and
  12 Ukrainian drones downed over the region that same night.
- TALLY: three General Staff loss reports; the third total is lower than
  the second, a correction.
- SWAP: one prisoner exchange in two articles (one outlet).
- UNDATED: an article with no date: its "overnight" cannot be placed, its
  explicit "9 September 2024" can.
- ATTACKS: two nights whose downed figure names no place. Where the launch
  names one ("at the Kharkiv region") the two are one attack; a nationwide
  launch does not take the place of one region's downed drones.

`test_the_extractor_reads_the_corpus_as_written` pins what the extractor
reads in each sentence, so a change there shows up as its own failure, not
as a puzzling event count. Add a story as a new list of articles and put it
in CORPORA.
"""
from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest

from etl import warehouse
from etl.report import write_briefing
from etl.report.safe import md_text


def article(id, outlet, title, text, published="2024-09-10"):
    return dict(id=id, outlet=outlet, title=title, published=published,
                text=text)


NIGHT = [
    article("night-kp", "Kyiv Post", "Air defence downs most Shaheds",
            "Russia launched 45 Shahed drones at Ukraine overnight, the "
            "Ukrainian Air Force said. Air defence shot down 38 of them."),
    article("night-rt", "Reuters", "Ukraine says it downed 38 of 45 drones",
            "Ukraine's air force said Russia attacked with 45 Shahed drones "
            "overnight and that 38 of them were destroyed."),
    article("night-ap", "AP", "Drone barrage overnight",
            "Overnight, Russian forces fired 45 Shahed drones at Ukrainian "
            "cities. Ukrainian air defences downed 38 drones, the air force "
            "said."),
    article("night-up", "Ukrainska Pravda", "38 of 45 drones downed",
            "Of the 45 Shahed drones Russia launched last night, 38 were "
            "destroyed by air defence, the Air Force reported."),
]
DISPUTE = [
    article("belgorod-mod", "TASS", "Drones destroyed over Belgorod",
            "Russia's defence ministry said it destroyed 30 Ukrainian drones "
            "over the Belgorod region overnight."),
    article("belgorod-gov", "Meduza", "Governor counts fewer drones",
            "Air defences shot down 12 Ukrainian drones over the Belgorod "
            "region overnight, regional governor Vyacheslav Gladkov said."),
]
STAFF = ("The General Staff of the Armed Forces of Ukraine said Russia's "
         "combat losses since the full-scale invasion include: tanks – {}.")
TALLY = [
    article("staff-0901", "Ukrinform", "Russian losses, 1 September",
            STAFF.format("9,100 (+12)"), "2024-09-01"),
    article("staff-0902", "Ukrinform", "Russian losses, 2 September",
            STAFF.format("9,115 (+15)"), "2024-09-02"),
    article("staff-0903", "Ukrinform", "Russian losses, 3 September",
            STAFF.format("9,108 (+3)"), "2024-09-03"),
]
SWAP = [
    article("swap-bbc-1", "BBC", "Soldiers come home",
            "A total of 103 Ukrainian soldiers returned home from Russian "
            "captivity on Saturday in a prisoner exchange, Zelensky said.",
            "2024-09-14"),
    article("swap-bbc-2", "BBC", "Prisoner exchange",
            "On Saturday, 103 Ukrainian prisoners of war were freed in an "
            "exchange with Russia.", "2024-09-14"),
]
UNDATED = [
    article("odesa-undated", "Odesa Blog", "Drones over Odesa",
            "Russia launched 20 drones at Odesa overnight, the Ukrainian Air "
            "Force said. On 9 September 2024, two people were killed in "
            "Odesa.", published=None),
]
ATTACKS = [
    article("kharkiv-night", "Suspilne", "Shaheds over Kharkiv",
            "Russia launched 40 Shahed drones at the Kharkiv region "
            "overnight, the air force said. Air defence shot down 33 drones.",
            "2024-09-20"),
    article("sumy-night", "Suspilne", "Drones over Sumy",
            "Russia launched 36 drones at Ukraine overnight. Over the Sumy "
            "region, air defence shot down 9 drones.", "2024-09-22"),
    # more downed than launched: counts of different waves, no rate
    article("kherson-night", "Suspilne", "Drones over Kherson",
            "Russia launched 30 drones at the Kherson region overnight. Air "
            "defence shot down 45 drones.", "2024-09-24"),
    # undated, like odesa-undated: no night to share, so no pair with its 20
    article("downed-undated", "Odesa Blog", "Drones downed",
            "Air defence shot down 60 drones over Odesa overnight, the air "
            "force said.", published=None),
]
CORPORA = {"night": NIGHT, "dispute": DISPUTE, "tally": TALLY, "swap": SWAP,
           "undated": UNDATED, "attacks": ATTACKS}
ARTICLES = {a["id"]: a for corpus in CORPORA.values() for a in corpus}

AF, MOD, GOVERNOR = "Ukrainian Air Force", "Russian Defence Ministry", \
    "regional governor"
NIGHT_WINDOW = (date(2024, 9, 9), date(2024, 9, 10))


def write_corpora(folder) -> list[Path]:
    """One JSON-lines file per story in `folder`; returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, corpus in CORPORA.items():
        path = folder / f"{name}.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in corpus),
                        encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The corpora, ingested by the real pipeline."""
    tmp = tmp_path_factory.mktemp("events_e2e")
    db = tmp / "events.duckdb"
    summary = warehouse.ingest(write_corpora(tmp / "corpora"), db, jobs=1,
                               progress=False)
    assert (summary.loaded, summary.failed) == (len(ARTICLES), 0), \
        summary.problems
    return db


@pytest.fixture(scope="module")
def briefing(db, tmp_path_factory):
    out = tmp_path_factory.mktemp("briefing")
    return write_briefing(db, out).read_text()


def rows(db, sql, params=None):
    """Rows as dicts of plain Python values (dates, None), not pandas'."""
    con = warehouse.connect(db, read_only=True)
    try:
        cursor = con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.close()


def section(text: str, heading: str) -> str:
    """The briefing's text under `## heading`, up to the next heading."""
    m = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text,
                  re.MULTILINE | re.DOTALL)
    assert m, f"no section {heading!r}"
    return m[1]


def one_row(table: str, first_cell: str) -> str:
    lines = [ln for ln in table.splitlines()
             if ln.startswith(f"| {first_cell} |")]
    assert len(lines) == 1, lines
    return lines[0]


# -- the extractor reads the corpus as written ---------------------------------

@pytest.mark.parametrize("doc, expected", [
    *[(a["id"], {("drones_launched", 45, "russia"),
                 ("drones_downed", 38, "russia")}) for a in NIGHT],
    ("belgorod-mod", {("drones_downed", 30, "ukraine")}),
    ("belgorod-gov", {("drones_downed", 12, "ukraine")}),
    ("staff-0901", {("equipment_destroyed", 9100, "russia"),
                    ("equipment_destroyed", 12, "russia")}),
    ("staff-0903", {("equipment_destroyed", 9108, "russia"),
                    ("equipment_destroyed", 3, "russia")}),
    ("swap-bbc-1", {("prisoners_swapped", 103, "ukraine")}),
    ("odesa-undated", {("drones_launched", 20, "russia"),
                       ("people_killed", 2, None)}),
    ("kharkiv-night", {("drones_launched", 40, "russia"),
                       ("drones_downed", 33, "russia")}),
    ("sumy-night", {("drones_launched", 36, "russia"),
                    ("drones_downed", 9, "russia")}),
    ("kherson-night", {("drones_launched", 30, "russia"),
                       ("drones_downed", 45, "russia")}),
    ("downed-undated", {("drones_downed", 60, "russia")}),
])
def test_the_extractor_reads_the_corpus_as_written(db, doc, expected):
    got = rows(db, "select metric, value, side from facts where doc = $doc",
               {"doc": doc})
    assert {(r["metric"], r["value"], r["side"]) for r in got} == expected


# -- the views -------------------------------------------------------------------

@pytest.mark.parametrize("metric, value", [("drones_launched", 45),
                                           ("drones_downed", 38)])
def test_one_night_in_four_outlets_is_one_event(db, metric, value):
    got = rows(db, "select * from events where metric = $metric "
                   "and side = 'russia' and window_start = $night",
               {"metric": metric, "night": NIGHT_WINDOW[0]})
    assert len(got) == 1
    event = got[0]
    assert event["value"] == value
    assert (event["n_sources"], event["n_outlets"]) == (4, 4)
    assert list(event["doc_ids"]) == sorted(a["id"] for a in NIGHT)
    assert list(event["outlets"]) == sorted(a["outlet"] for a in NIGHT)
    assert (event["window_start"], event["window_end"]) == NIGHT_WINDOW
    assert event["earliest_report"] == date(2024, 9, 10)
    assert AF in list(event["claimants"])


def test_two_claimants_disagreeing_give_one_disputed_row(db):
    got = rows(db, "select * from disputed_claims")
    assert len(got) == 1
    row = got[0]
    assert (row["metric"], row["side"], row["location"]) == (
        "drones_downed", "ukraine", "Belgorod region")
    assert list(row["values"]) == [12, 30]
    assert [(f["value"], list(f["claimants"]), f["n_sources"])
            for f in row["figures"]] == [(12, [GOVERNOR], 1), (30, [MOD], 1)]
    assert row["is_contested"]
    # Russia defends against Ukrainian drones: its ministry's figure
    assert (row["defending_side"], row["defender_value"],
            row["chart_value"]) == ("russia", 30, 30)
    assert (row["window_start"], row["window_end"]) == NIGHT_WINDOW


def test_a_running_tally_with_a_correction_flags_the_drop(db):
    got = rows(db, "select as_of, value, delta, is_correction "
                   "from tally_deltas where weapon = 'tank' order by as_of")
    assert [(r["as_of"], r["value"], r["delta"], r["is_correction"])
            for r in got] == [
        (date(2024, 9, 1), 9100, None, False),
        (date(2024, 9, 2), 9115, 15, False),
        (date(2024, 9, 3), 9108, -7, True),
    ]


def test_every_resolvable_time_expression_gives_a_window(db):
    got = rows(db, "select facts.doc, facts.metric, facts.window_start, "
                   "facts.window_end, facts.window_note, articles.published "
                   "from facts join articles on articles.id = facts.doc")
    assert len(got) == 27  # as pinned by the extractor test above
    for r in got:
        if r["published"] is not None or r["metric"] == "people_killed":
            # a dated article, or an explicit date in an undated one
            assert r["window_start"] is not None, r
            assert r["window_end"] is not None, r
        else:
            # "overnight" with no article date: no window, never guessed
            assert r["window_start"] is None and r["window_end"] is None, r
        assert r["window_note"], r
    killed = next(r for r in got if r["metric"] == "people_killed")
    assert (killed["window_start"], killed["window_end"]) == (
        date(2024, 9, 9), date(2024, 9, 9))


def test_undated_article_is_listed(db):
    got = rows(db, "select * from undated_articles")
    assert [(r["article_id"], r["n_facts"], r["n_facts_without_window"])
            for r in got] == [("downed-undated", 1, 1), ("odesa-undated", 2, 1)]


# -- the briefing --------------------------------------------------------------

def test_headline_counts_events_with_their_sources(briefing):
    headline = section(briefing, "Headline")
    outlets = ", ".join(sorted(a["outlet"] for a in NIGHT))
    assert re.search(
        r"Largest drone attack reported: \*\*45(\[\^\d+\])+\*\* drones "
        r"launched \(night into 2024-09-10, reported by 4 sources "
        + re.escape(md_text(f"({outlets})")), headline), headline
    # one exchange in two articles counts once
    assert re.search(r"Prisoners swapped: \*\*103(\[\^\d+\])+\*\* "
                     r"\(exchanges: 1(\[\^\d+\])+;", headline), headline
    # killed: 2 in Odesa on 9 September (the undated article's explicit date)
    assert re.search(r"People reported killed: \*\*2(\[\^\d+\])+\*\*",
                     headline), headline


def test_air_table_counts_events_not_articles(briefing):
    air = section(briefing, "Air attacks: drones and missiles")
    row = one_row(air, "night into 2024-09-10 | russia")
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
    launched, downed, reported_by = cells[5], cells[6], cells[10]
    assert launched.startswith("45[^") and downed.startswith("38[^")
    assert reported_by.startswith("4 sources")


def test_drone_chart_data_has_one_bar_per_event(db, tmp_path):
    write_briefing(db, tmp_path)
    with open(tmp_path / "charts" / "drones_launched_vs_downed.csv") as fh:
        got = list(csv.DictReader(fh))
    night = [r for r in got if r["Launched"] and float(r["Launched"]) == 45]
    assert len(night) == 1
    assert "(4 src)" in next(iter(night[0].values()))
    assert float(night[0]["Downed"]) == 38
    # the disputed night over Belgorod: the chart's figure only (30), once
    belgorod = [r for r in got if "Belgorod" in next(iter(r.values()))]
    assert [float(r["Downed"]) for r in belgorod] == [30]


def test_a_downed_figure_joins_the_launch_of_its_article(db, tmp_path):
    write_briefing(db, tmp_path)
    with open(tmp_path / "charts" / "drones_launched_vs_downed.csv") as fh:
        bars = [(r["Attack (sources)"], r["Launched"], r["Downed"])
                for r in csv.DictReader(fh)]
    # the launch names the place: one bar, and the air table's rate
    assert ("2024-09-19/20 · russia · Shahed · Kharkiv region (1 src)",
            "40", "33") in bars
    # a nationwide launch does not take one region's place: two bars
    sumy = [b for b in bars if b[0].startswith("2024-09-21/22")]
    assert sorted(sumy) == [
        ("2024-09-21/22 · russia (1 src)", "36", ""),
        ("2024-09-21/22 · russia · Sumy region (1 src)", "", "9")]


def test_undated_figures_of_two_articles_are_not_one_attack(db, tmp_path):
    write_briefing(db, tmp_path)
    with open(tmp_path / "charts" / "drones_launched_vs_downed.csv") as fh:
        undated = sorted((r["Launched"], r["Downed"]) for r in csv.DictReader(fh)
                         if r["Attack (sources)"].startswith("undated"))
    assert undated == [("", "60"), ("20", "")]


def test_air_table_gives_the_rate_of_one_attack(briefing):
    air = section(briefing, "Air attacks: drones and missiles")
    cells = [c.strip() for c in re.split(r"(?<!\\)\|",
                                         one_row(air, "night into 2024-09-20"))[1:-1]]
    assert cells[3] == "Kharkiv region"
    assert (cells[5][:3], cells[6][:3], cells[9][:5]) == ("40[", "33[", "82.5[")
    kherson = [c.strip() for c in re.split(r"(?<!\\)\|",
                                           one_row(air, "night into 2024-09-24"))[1:-1]]
    assert (kherson[5][:3], kherson[6][:3], kherson[9]) == ("30[", "45[", "—")


def test_briefing_shows_both_disputed_figures_and_the_policy(briefing):
    disputed = section(briefing, "Disputed figures")
    row = one_row(disputed, "night into 2024-09-10")
    assert md_text(f"30 ({MOD}; 1 source: TASS) vs "
                   f"12 ({GOVERNOR}; 1 source: Meduza)") in row
    assert re.search(r"\| 30(\[\^\d+\])+ \|", row)    # the chart's figure
    assert md_text("defending side's figure (russia)") in row
    assert "Charts and totals use one figure per dispute" in disputed
    assert "the defending side's figure (chart\\_value)" in disputed
    assert "else the most reported" in disputed


def test_briefing_flags_the_tally_correction(briefing):
    tallies = section(briefing, "Running tallies and corrections")
    lines = [ln for ln in tallies.splitlines() if "2024-09-0" in ln]
    assert len(lines) == 3
    assert "9,108[^" in lines[2] and "-7[^" in lines[2]
    assert lines[2].rstrip(" |").endswith("1 source")
    assert "| correction |" in lines[2]
    assert "correction" not in lines[0] + lines[1]


def test_briefing_lists_the_undated_article_under_undated(briefing):
    undated = section(briefing, "Undated articles")
    a = ARTICLES["odesa-undated"]
    row = one_row(undated, md_text(a["id"]))
    assert md_text(a["title"]) in row and md_text(a["outlet"]) in row
    # its "overnight" figure is cited in the air table as undated
    assert "| undated | russia |" in section(
        briefing, "Air attacks: drones and missiles")


def test_every_citation_quotes_its_article(briefing):
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", briefing, re.MULTILINE))
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", briefing))
    assert cited == set(notes)
    for note in notes.values():
        doc = re.search(r"\(id ([^,]+),", note)[1]
        assert md_text(ARTICLES[doc.replace("\\", "")]["title"]) in note


# -- filters reach the new sections --------------------------------------------

def test_side_filter_reaches_events_disputes_and_tallies(db, tmp_path):
    text = write_briefing(db, tmp_path, side="russia").read_text()
    assert "_No figures in scope._" in section(text, "Disputed figures")
    assert "9,108[^" in section(text, "Running tallies and corrections")
    assert "Belgorod" not in text
    ukraine = write_briefing(db, tmp_path / "u", side="ukraine").read_text()
    assert "Belgorod" in section(ukraine, "Disputed figures")
    assert "_No figures in scope._" in section(
        ukraine, "Running tallies and corrections")


def test_date_filters_reach_events_disputes_and_tallies(db, tmp_path):
    text = write_briefing(db, tmp_path, since="2024-09-02",
                          until="2024-09-02").read_text()
    tallies = section(text, "Running tallies and corrections")
    assert "9,115[^" in tallies
    assert "9,100[^" not in tallies and "9,108[^" not in tallies
    assert "_No figures in scope._" in section(text, "Disputed figures")
    assert "Largest drone attack reported: **—**" in text
    # an undated article cannot be shown out of range: still listed
    undated = section(text, "Undated articles")
    assert md_text("odesa-undated") in undated


def test_metric_filter_keeps_matching_undated_articles(db, tmp_path):
    text = write_briefing(db, tmp_path, metric="prisoners_swapped").read_text()
    assert "_No figures in scope._" in section(text, "Undated articles")
    assert "_No figures in scope._" in section(text, "Disputed figures")
    assert re.search(r"Prisoners swapped: \*\*103", text)
