"""Incidents and nights, not articles, end to end: text -> ingest -> views
-> briefing.

tests/test_events.py checks the views on hand-written fact rows; here the
facts come from the real extractor reading small corpora written for these
tests (JSON lines built in tmp_path), through `etl.warehouse.ingest` and
`etl.report.write_briefing`, and the tests read the views of
sql/views/40_numbers (`incidents`, `air_nights`, `period_totals`,
`running_tallies`, `headline`) and the briefing's sections
(reports/briefing.md). The stories:

- NIGHT: four outlets repeat one Air Force bulletin about the night into
  2024-09-10 in their own words (45 Shaheds launched, 38 downed): one
  incident per figure and one night, four sources, a rate of 84.4%.
- DISPUTE: Russia's defence ministry and the Belgorod governor give 30 and
  12 Ukrainian drones downed over the region that same night: one
  incident with both figures; the region's figures, not the night's.
- TALLY: three General Staff loss reports; the third total is lower than
  the second, a correction. Their daily "(+12)" are parts of a day's total.
- SWAP: one prisoner exchange in two articles (one outlet): one swap.
- UNDATED: an article with no date: its "overnight" cannot be placed, its
  explicit "9 September 2024" can.
- ATTACKS: a launch naming a region ("at the Kharkiv region") and its
  article's downed figure naming none; a nationwide launch beside one
  region's downed drones; more downed than launched (no rate); an undated
  downed figure that is no pair for the undated launch of UNDATED.

`test_the_extractor_reads_the_corpus_as_written` pins what the extractor
reads in each sentence, so a change there shows up as its own failure, not
as a puzzling incident count. Add a story as a new list of articles and put
it in CORPORA.
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
SEP = {d: date(2024, 9, d) for d in range(1, 31)}


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
    tmp = tmp_path_factory.mktemp("briefing_e2e")
    db = tmp / "stories.duckdb"
    summary = warehouse.ingest(write_corpora(tmp / "corpora"), db, jobs=1,
                               progress=False)
    assert (summary.loaded, summary.failed) == (len(ARTICLES), 0), \
        summary.problems
    return db


@pytest.fixture(scope="module")
def out(db, tmp_path_factory) -> Path:
    """The folder of the briefing with no filters (briefing.md, charts/)."""
    folder = tmp_path_factory.mktemp("briefing")
    write_briefing(db, folder)
    return folder


@pytest.fixture(scope="module")
def briefing(out) -> str:
    return (out / "briefing.md").read_text()


def rows(db, sql, params=None):
    """Rows as dicts of plain Python values (dates, None), not pandas'."""
    con = warehouse.connect(db, read_only=True)
    try:
        cursor = con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.close()


def one(db, sql, params=None):
    got = rows(db, sql, params)
    assert len(got) == 1, got
    return got[0]


def section(text: str, heading: str) -> str:
    """The briefing's text under `## heading`, up to the next heading."""
    m = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text,
                  re.MULTILINE | re.DOTALL)
    assert m, f"no section {heading!r}"
    return m[1]


_MARK = re.compile(r"(?<!\\)\[\^(\d+)\]")


def plain(cell: str) -> str:
    """A cell's text as a reader sees it: no footnote marks, no escapes."""
    return re.sub(r"\\(.)", r"\1", _MARK.sub("", cell)).strip()


def marks(cell: str) -> list[str]:
    """The footnote numbers a cell cites."""
    return _MARK.findall(cell)


def cells(line: str) -> list[str]:
    """A table row's cells, split at the pipes markdown does not escape."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]


def table(text: str, first_header: str) -> list[dict]:
    """The rows of the table in `text` whose first header is `first_header`,
    as dicts of header -> cell (cells as written, marks included)."""
    lines = text.splitlines()
    starts = [i for i, ln in enumerate(lines)
              if ln.startswith(f"| {first_header} |")]
    assert len(starts) == 1, f"no one table headed {first_header!r} in {text}"
    headers = [plain(h) for h in cells(lines[starts[0]])]
    found = []
    for ln in lines[starts[0] + 2:]:
        if not ln.startswith("|"):
            break
        found.append(dict(zip(headers, cells(ln))))
    return found


def footnotes(text: str) -> dict[str, str]:
    return dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.MULTILINE))


def air_rows(text: str) -> dict[tuple[str, str], dict]:
    """The air table's rows by (night into, attacker), figures as read."""
    found = table(section(text, "Air attacks by night"), "Night into")
    return {(r["Night into"], r["Attacker"]): {k: plain(v) for k, v in r.items()}
            for r in found}


def chart(folder: Path, name: str) -> list[dict]:
    with open(folder / "charts" / f"{name}.csv") as fh:
        return list(csv.DictReader(fh))


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
    assert (killed["window_start"], killed["window_end"]) == (SEP[9], SEP[9])


# -- the views: NIGHT ------------------------------------------------------------

@pytest.mark.parametrize("metric, value", [("drones_launched", 45),
                                           ("drones_downed", 38)])
def test_one_night_in_four_outlets_is_one_incident(db, metric, value):
    incident = one(db, "select * from incidents where metric = $metric "
                       "and side = 'russia' and day = $night",
                   {"metric": metric, "night": NIGHT_WINDOW[1]})
    assert (incident["value"], incident["values"]) == (value, [value])
    assert (incident["n_sources"], incident["n_outlets"]) == (4, 4)
    assert incident["outlets"] == sorted(a["outlet"] for a in NIGHT)
    assert sorted({c.split(":")[0] for c in incident["claim_ids"]}) == sorted(
        a["id"] for a in NIGHT)
    assert (incident["window_start"], incident["window_end"]) == NIGHT_WINDOW
    assert incident["earliest_report"] == SEP[10]
    assert incident["claimants"] == [AF]
    assert (incident["is_updated"], incident["is_disputed"]) == (False, False)


def test_one_night_in_four_outlets_is_one_night_with_its_rate(db):
    night = one(db, "select * from air_nights where night = $night "
                    "and side = 'russia'", {"night": NIGHT_WINDOW[1]})
    assert (night["weapon_class"], night["launched"], night["downed"]) == (
        "drone", 45, 38)
    # 38 / 45, one voice: the Air Force (Kyiv Post's "38 of them" and AP's
    # launch name no claimant: each takes the one its article names)
    assert night["interception_rate"] == 84.4
    assert (night["launched_by"], night["downed_by"]) == (AF, AF)
    assert (night["n_sources"], night["n_outlets"]) == (4, 4)
    assert night["outlets"] == sorted(a["outlet"] for a in NIGHT)
    assert (night["is_disputed"], night["other_figures"],
            night["scoped_figures"]) == (False, [], [])


# -- the views: DISPUTE ----------------------------------------------------------

def test_the_ministry_and_the_governor_give_one_incident_with_two_figures(db):
    incident = one(db, "select * from incidents where side = 'ukraine' "
                       "and metric = 'drones_downed'")
    assert (incident["place"], incident["day"]) == ("Belgorod region", SEP[10])
    assert (incident["values"], incident["is_disputed"]) == ([12, 30], True)
    assert incident["claimants"] == [MOD, GOVERNOR]
    assert incident["n_sources"] == 2


def test_the_belgorod_figures_are_the_regions_not_the_nights(db):
    night = one(db, "select * from air_nights where side = 'ukraine'")
    assert (night["night"], night["weapon_class"]) == (NIGHT_WINDOW[1], "drone")
    assert (night["launched"], night["downed"]) == (None, None)
    assert sorted((s["measure"], s["value"], s["place"])
                  for s in night["scoped_figures"]) == [
        ("downed", 12, "Belgorod region"), ("downed", 30, "Belgorod region")]
    assert night["n_sources"] == 2


# -- the views: TALLY --------------------------------------------------------------

def test_a_running_tally_with_a_correction_flags_the_drop(db):
    got = rows(db, "select as_of, value, delta, is_correction "
                   "from tally_deltas where weapon = 'tank' order by as_of")
    assert [(r["as_of"], r["value"], r["delta"], r["is_correction"])
            for r in got] == [
        (SEP[1], 9100, None, False),
        (SEP[2], 9115, 15, False),
        (SEP[3], 9108, -7, True),
    ]
    latest = one(db, "select * from running_tallies")
    assert (latest["metric"], latest["weapon"], latest["claimant"]) == (
        "equipment_destroyed", "tank", "Ukrainian General Staff")
    assert (latest["as_of"], latest["value"], latest["change"],
            latest["previous_as_of"], latest["is_correction"],
            latest["n_reports"]) == (SEP[3], 9108, -7, SEP[2], True, 3)


def test_the_days_losses_are_parts_of_a_days_total_never_incidents(db):
    got = rows(db, "select window_end, value, is_part, period from period_totals "
                   "order by window_end")
    assert [(r["window_end"], r["value"], r["is_part"], r["period"]) for r in got] \
        == [(SEP[1], 12, True, "day"), (SEP[2], 15, True, "day"),
            (SEP[3], 3, True, "day")]
    assert rows(db, "select * from incidents "
                    "where metric = 'equipment_destroyed'") == []


# -- the views: SWAP and UNDATED ---------------------------------------------------

def test_one_swap_in_two_articles_is_one_incident(db):
    swap = one(db, "select * from incidents where metric = 'prisoners_swapped'")
    assert (swap["day"], swap["value"], swap["n_sources"], swap["n_outlets"],
            swap["outlets"]) == (SEP[14], 103, 2, 1, ["BBC"])


def test_an_undated_articles_explicit_date_makes_a_dated_incident(db):
    killed = one(db, "select * from incidents where metric = 'people_killed'")
    assert (killed["day"], killed["place"], killed["value"]) == (SEP[9], "Odesa", 2)
    # its "overnight" cannot be placed: an incident with no day
    launched = one(db, "select * from incidents where metric = 'drones_launched' "
                       "and place = 'Odesa'")
    assert (launched["day"], launched["value"], launched["n_undated_sources"]) == (
        None, 20, 1)


def test_undated_article_is_listed(db):
    got = rows(db, "select * from undated_articles")
    assert [(r["article_id"], r["n_facts"], r["n_facts_without_window"])
            for r in got] == [("downed-undated", 1, 1), ("odesa-undated", 2, 1)]


# -- the views: ATTACKS ------------------------------------------------------------

def test_a_nationwide_launch_does_not_take_one_regions_downed_figure(db):
    night = one(db, "select * from air_nights where night = $night",
                {"night": SEP[22]})
    assert (night["launched"], night["downed"], night["interception_rate"]) == (
        36, None, None)
    assert [(s["measure"], s["value"], s["place"]) for s in night["scoped_figures"]] \
        == [("downed", 9, "Sumy region")]


def test_a_downed_figure_stands_with_the_launch_of_its_article(db):
    night = one(db, "select * from air_nights where night = $night",
                {"night": SEP[20]})
    national = (night["launched"], night["downed"])
    scoped = {(s["measure"], s["value"], s["place"]) for s in night["scoped_figures"]}
    # either both are the night's (a rate of 33 / 40) or both Kharkiv's
    assert (national == (40, 33) and night["interception_rate"] == 82.5) or (
        national == (None, None)
        and {("launched", 40, "Kharkiv region"),
             ("downed", 33, "Kharkiv region")} <= scoped), (national, scoped)


def test_more_downed_than_launched_gives_no_rate(db):
    night = one(db, "select * from air_nights where night = $night",
                {"night": SEP[24]})
    assert night["interception_rate"] is None
    shown = {night["launched"], night["downed"]} | {
        s["value"] for s in night["scoped_figures"]}
    assert {30, 45} <= shown


def test_undated_figures_of_two_articles_are_not_one_attack(db):
    got = rows(db, "select metric, value, claim_ids from incidents "
                   "where day is null order by metric")
    assert [(r["metric"], r["value"], len(r["claim_ids"])) for r in got] == [
        ("drones_downed", 60, 1), ("drones_launched", 20, 1)]
    # no night holds them
    nights = rows(db, "select night, side from air_nights order by night, side")
    assert [(r["night"], r["side"]) for r in nights] == [
        (SEP[10], "russia"), (SEP[10], "ukraine"), (SEP[20], "russia"),
        (SEP[22], "russia"), (SEP[24], "russia")]


def test_the_headline_view(db):
    got = {r["metric"]: (r["total"], r["n_incidents"], r["last_day"])
           for r in rows(db, "select * from headline")}
    assert got == {
        "people_killed": (2, 1, SEP[9]),          # Odesa, by its explicit date
        "people_injured": (None, 0, None),
        "prisoners_swapped": (103, 1, SEP[14]),   # one swap, two articles
        "bodies_repatriated": (None, 0, None),
        # the nights with a national launch: Sep 10 (45) and Sep 22 (36)
        "drones_launched": (45, 2, SEP[10]),
        "missiles_launched": (None, 0, None),
    }


# -- the briefing: Headline --------------------------------------------------------

def test_the_headline_counts_incidents_and_the_largest_night(briefing):
    headline = section(briefing, "Headline")
    assert re.search(r"People killed: \*\*2(\[\^\d+\])+\*\* \(incidents "
                     r"counted: 1\)", headline), headline
    # one exchange in two articles counts once
    assert re.search(r"Prisoners swapped: \*\*103(\[\^\d+\])+\*\* \(swaps "
                     r"counted: 1\)", headline), headline
    assert re.search(r"Largest drone attack: \*\*45(\[\^\d+\])+\*\* drones "
                     r"launched, the night into 2024-09-10", headline), headline
    assert "largest missile attack: **—**" in headline
    # 16 articles, 2 undated; 27 figures: 6 General Staff figures are 3
    # tallies and 3 day totals, the other 21 make 13 incidents (drones
    # launched 5, downed 6, one swap, one toll), 4 of them in several articles
    assert ("From 16 articles (2 undated) and 27 figures: 21 report incidents "
            "(they make 13 incidents, 4 reported by more than one article), 3 "
            "are period totals, 3 running tallies and 0 of unknown span."
            ) in headline
    assert "(killed: 0 such figures left out;" in headline


def test_a_counted_figures_footnote_says_so(briefing):
    notes = footnotes(briefing)
    headline = section(briefing, "Headline")
    killed = marks(re.search(r"People killed: \*\*(.*?)\*\*", headline)[1])
    assert len(killed) == 1
    assert notes[killed[0]].endswith("counted in the headline total of people killed")
    swapped = marks(re.search(r"Prisoners swapped: \*\*(.*?)\*\*", headline)[1])
    assert len(swapped) == 1
    assert "(id swap-bbc-" in notes[swapped[0]]
    assert notes[swapped[0]].endswith(
        "counted in the headline total of prisoners swapped")
    # a running tally is cited, never counted
    tally = table(section(briefing, "Running tallies"), "Series")[0]
    for n in marks(tally["Latest figure"]):
        assert "running tally" in notes[n] and "counted" not in notes[n]


def test_every_citation_quotes_its_article(briefing):
    notes = footnotes(briefing)
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", briefing))
    assert cited == set(notes)
    for note in notes.values():
        doc = re.search(r"\(id ([^,]+),", note)[1]
        assert md_text(ARTICLES[doc.replace("\\", "")]["title"]) in note


# -- the briefing: Air attacks by night --------------------------------------------

def test_the_air_table_has_one_row_per_night_and_side(briefing):
    air = air_rows(briefing)
    # most recent first; the undated figures are in no row
    assert list(air) == [("2024-09-24", "russia"), ("2024-09-22", "russia"),
                         ("2024-09-20", "russia"), ("2024-09-10", "russia"),
                         ("2024-09-10", "ukraine")]
    night = air[("2024-09-10", "russia")]
    assert (night["Weapon"], night["Launched"], night["Downed"],
            night["Downed %"], night["Figures from"], night["Other voices"],
            night["Sources"].split()[0]) == ("drone", "45", "38", "84.4", AF, "",
                                             "4")
    belgorod = air[("2024-09-10", "ukraine")]
    assert (belgorod["Launched"], belgorod["Downed"]) == ("—", "—")
    assert sorted(belgorod["Of one place, model or type"].split("; ")) == [
        "downed 12 Belgorod region", "downed 30 Belgorod region"]
    sumy = air[("2024-09-22", "russia")]
    assert (sumy["Launched"], sumy["Downed"], sumy["Downed %"],
            sumy["Of one place, model or type"]) == (
        "36", "—", "—", "downed 9 Sumy region")
    assert air[("2024-09-24", "russia")]["Downed %"] == "—"
    assert re.search(r"left out of this table and the charts: 2\.",
                     section(briefing, "Air attacks by night"))


def test_the_drone_chart_is_a_time_series_of_national_figures(out):
    got = chart(out, "drones_by_night")
    nights = [r["Night into"] for r in got]
    assert nights == sorted(nights) and "2024-09-10" in nights
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", n) for n in nights)  # no undated
    by_night = {r["Night into"]: (r["Launched"], r["Downed"]) for r in got}
    # Belgorod's figures are the region's: the night's are Russia's 45 and 38
    assert by_night["2024-09-10"] == ("45", "38")
    # Sumy's 9 are the region's: the night has a launch only
    assert by_night["2024-09-22"] == ("36", "")
    rates = {r["Night into"]: r["Drones"] for r in chart(out, "interception_rate")}
    assert rates["2024-09-10"] == "84.4"
    assert "2024-09-22" not in rates and "2024-09-24" not in rates


# -- the briefing: Incidents, Disputed figures -------------------------------------

def test_the_incident_table_lists_the_swap_and_the_toll(briefing):
    got = table(section(briefing, "Incidents: casualties, swaps, handovers and "
                                  "other events"), "Day")
    assert [(plain(r["Day"]), plain(r["Metric"]), plain(r["Place"]),
             plain(r["Figure"]), plain(r["Sources"])) for r in got] == [
        ("2024-09-14", "prisoners_swapped", "", "103", "2"),
        ("2024-09-09", "people_killed", "Odesa", "2", "1")]


def test_the_disputed_section_shows_both_belgorod_figures(briefing):
    disputed = table(section(briefing, "Disputed figures"), "Day or night into")
    belgorod = [{k: plain(v) for k, v in r.items()} for r in disputed
                if "Belgorod" in plain(r["Place"])]
    assert len(belgorod) == 1, disputed
    row = " | ".join(belgorod[0].values())
    assert "30" in row and "12" in row and MOD in row and GOVERNOR in row


# -- the briefing: Period totals, Running tallies, Undated -------------------------

def test_the_briefing_flags_the_tally_correction(briefing):
    got = table(section(briefing, "Running tallies"), "Series")
    assert len(got) == 1
    row = {k: plain(v) for k, v in got[0].items()}
    assert (row["Series"], row["Side"], row["Claimant"], row["As of"],
            row["Latest figure"], row["Change"], row["Flag"], row["Reports"]) == (
        "equipment_destroyed · tank", "russia", "Ukrainian General Staff",
        "2024-09-03", "9,108", "-7 since 2024-09-02", "correction", "3")


def test_the_briefing_lists_the_days_losses_as_parts(briefing):
    got = table(section(briefing, "Period totals"), "Period")
    assert [(plain(r["Period"]), plain(r["Figure"]), plain(r["Part"]))
            for r in got] == [("2024-09-02 to 2024-09-03", "3", "part"),
                              ("2024-09-01 to 2024-09-02", "15", "part"),
                              ("2024-08-31 to 2024-09-01", "12", "part")]
    assert "_No figures in scope._" in section(briefing, "Figures of unknown span")


def test_the_briefing_lists_undated_figures_and_articles(briefing):
    undated = section(briefing, "Undated figures")
    figures = table(undated, "Metric")
    assert [(plain(r["Metric"]), plain(r["Place"]), plain(r["Figure"]))
            for r in figures] == [("drones_downed", "Odesa", "60"),
                                  ("drones_launched", "Odesa", "20")]
    articles = {plain(r["Article"]): r for r in table(undated, "Article")}
    assert sorted(articles) == ["downed-undated", "odesa-undated"]
    a = ARTICLES["odesa-undated"]
    row = articles["odesa-undated"]
    assert (plain(row["Title"]), plain(row["Source"]), plain(row["Figures"]),
            plain(row["Figures without a window"])) == (a["title"], a["outlet"],
                                                       "2", "1")


def test_the_data_quality_appendix_divides_figures_by_kind(briefing):
    got = {plain(r["Metric"]): {k: plain(v) for k, v in r.items()}
           for r in table(section(briefing, "Data quality"), "Metric")}
    columns = ("Figures", "Incident figures", "Undated incident figures",
               "Period totals", "Running tallies", "Unknown span",
               "Without a window", "Incidents")
    # 4 + 3 dated launches, one undated; they make 5 incidents (above)
    assert [got["drones_launched"][c] for c in columns] == [
        "8", "7", "1", "0", "0", "0", "1", "5"]
    assert [got["equipment_destroyed"][c] for c in columns] == [
        "6", "0", "0", "3", "3", "0", "0", "0"]


# -- filters reach the new sections ------------------------------------------------

def test_the_side_filter_reaches_nights_incidents_and_tallies(db, tmp_path):
    text = write_briefing(db, tmp_path / "r", side="russia").read_text()
    assert "Belgorod" not in text
    assert [side for _, side in air_rows(text)] == ["russia"] * 4
    assert "9,108[^" in section(text, "Running tallies")
    # the swap is Ukraine's people, the Odesa toll names no side
    assert "_No figures in scope._" in section(
        text, "Incidents: casualties, swaps, handovers and other events")
    ukraine = write_briefing(db, tmp_path / "u", side="ukraine").read_text()
    assert list(air_rows(ukraine)) == [("2024-09-10", "ukraine")]
    assert "_No figures in scope._" in section(ukraine, "Running tallies")
    assert re.search(r"Prisoners swapped: \*\*103", ukraine)


def test_the_date_filters_reach_nights_incidents_and_the_headline(db, tmp_path):
    text = write_briefing(db, tmp_path, since="2024-09-22",
                          until="2024-09-22").read_text()
    assert list(air_rows(text)) == [("2024-09-22", "russia")]
    assert re.search(r"Largest drone attack: \*\*36(\[\^\d+\])+\*\* drones "
                     r"launched, the night into 2024-09-22", text)
    assert "People killed: **—**" in text
    for heading in ("Incidents: casualties, swaps, handovers and other events",
                    "Running tallies", "Period totals"):
        assert "_No figures in scope._" in section(text, heading), heading
    # an undated article cannot be shown out of range: still listed
    articles = table(section(text, "Undated figures"), "Article")
    assert sorted(plain(r["Article"]) for r in articles) == [
        "downed-undated", "odesa-undated"]


def test_the_date_filters_hold_a_tally_by_its_as_of_date(db, tmp_path):
    text = write_briefing(db, tmp_path, since="2024-09-02",
                          until="2024-09-02").read_text()
    got = table(section(text, "Running tallies"), "Series")
    assert [(plain(r["As of"]), plain(r["Latest figure"])) for r in got] == [
        ("2024-09-02", "9,115")]


def test_the_metric_filter_reaches_every_section(db, tmp_path):
    text = write_briefing(db, tmp_path / "p", metric="prisoners_swapped").read_text()
    assert re.search(r"Prisoners swapped: \*\*103", text)
    for heading in ("Air attacks by night", "Disputed figures", "Running tallies",
                    "Undated figures"):
        assert "_No figures in scope._" in section(text, heading), heading
    assert [plain(r["Metric"]) for r in table(section(
        text, "Incidents: casualties, swaps, handovers and other events"), "Day")
    ] == ["prisoners_swapped"]
    downed = write_briefing(db, tmp_path / "d", metric="drones_downed").read_text()
    night = air_rows(downed)[("2024-09-10", "russia")]
    assert (night["Launched"], night["Downed"], night["Downed %"]) == ("—", "38", "—")
    assert "Largest drone attack: **—**" in downed
