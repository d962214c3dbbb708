"""The Air Force bulletins: loading, the night rule, the readings, the checks.

`tests/data/bulletins_small.csv` is made up for these tests (the real
dataset's header, our own rows): both time formats, "NaN", "93.0", a bad
row (line 15), an unknown model (line 14), an evening wave (line 8), a
daytime wave (line 11), a breakdown row (line 6), a regional tally.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl import warehouse
from etl.bulletin import (EXPECTED_HEADER, MODELS_CSV, BulletinError,
                          load_bulletins)
from etl.cli import cli
from etl.report import write_briefing
from etl.report.safe import md_text
from tests.conftest import SHARED, needs_shared
from tests.test_report import table_rows
from tests.test_views import given

SMALL = Path(__file__).resolve().parent / "data" / "bulletins_small.csv"
REPO = Path(__file__).resolve().parents[1]
REAL = SHARED / "reference" / "missile_attacks_daily.csv"


@pytest.fixture
def small(tmp_path) -> Path:
    """A copy of the small file, free to change."""
    return Path(shutil.copy(SMALL, tmp_path / "bulletins.csv"))


@pytest.fixture
def loaded(small, db_path):
    return load_bulletins(small, db_path)


def rows(db_path, sql, params=None):
    con = warehouse.connect(db_path, read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def night(db_path, day, weapon_class, columns):
    found = rows(db_path, f"select {', '.join(columns)} from bulletin_nights "
                 "where night = ? and weapon_class = ?", [day, weapon_class])
    assert len(found) == 1, (day, weapon_class, found)
    return dict(zip(columns, found[0]))


def write_variant(path: Path, lines: list[str]) -> Path:
    """The header and `lines` of our own, as a file."""
    path.write_text(",".join(EXPECTED_HEADER) + "\n" + "".join(l + "\n" for l in lines))
    return path


def data_line(**fields) -> str:
    """One row with the real header's 22 fields, the given ones filled."""
    values = {c: "" for c in EXPECTED_HEADER}
    values.update(source="kpszsu/posts/test", target="Ukraine", **fields)
    return ",".join(values[c] for c in EXPECTED_HEADER)


# -- loading

def test_every_row_is_kept_with_its_line(loaded, db_path):
    assert rows(db_path, "select min(line), max(line), count(*) from bulletin_rows") \
        == [(2, 19, 18)]
    assert loaded.n_rows == 18 and loaded.n_bad == 1
    # line 7 is the regional tally of the south, as the file has it
    assert rows(db_path, "select model, target, launched from bulletin_rows "
                "where line = 7") == [("Unknown UAV", "south", 15)]


def test_a_bad_row_is_named_and_the_rest_loads(loaded, small, db_path):
    assert loaded.exit_code == 3
    assert loaded.problems == [
        f"{small}:15: launched 'many' is not a number — write a whole count "
        "(93 or 93.0), or leave it empty"]
    assert rows(db_path, "select count(*) from bulletin_waves") == [(17,)]
    # the night it would have belonged to keeps the other post's figure
    assert night(db_path, date(2025, 3, 14), "drone", ["launched"]) == {"launched": 44}


def test_counts_read_93_0_as_93_and_nan_as_no_value(loaded, db_path):
    assert rows(db_path, "select launched, destroyed, not_reach_goal, is_shahed "
                "from bulletin_rows where line in (2, 3, 13) order by line") == [
        (120, 80, 30, 70), (5, 1, None, None), (93, 93, 0, None)]


def test_both_time_formats(loaded, db_path):
    assert rows(db_path, "select line, starts_at::varchar, start_has_time, "
                "ends_at::varchar, end_has_time from bulletin_rows "
                "where line in (2, 12, 13) order by line") == [
        (2, "2025-03-01 18:00:00", True, "2025-03-02 09:00:00", True),
        (12, "2025-03-10 00:00:00", False, "2025-03-10 00:00:00", False),
        (13, "2025-03-12 00:00:00", False, "2025-03-12 08:00:00", True)]


def test_an_unknown_model_is_kept_and_reported(loaded, small, db_path):
    assert loaded.warnings == [
        f"{small}:14: model 'Geran-5' (1 rows) is not in {MODELS_CSV} — add it "
        "there with its weapon class, kind and weapons; its rows are kept but "
        "counted in no figure"]
    assert rows(db_path, "select weapon_class, unknown_models, counts_for_night "
                "from bulletin_waves where line = 14") == [(None, ["Geran-5"], False)]
    assert night(db_path, date(2025, 3, 12), "drone", ["launched", "unknown_models"]) \
        == {"launched": 93, "unknown_models": ["Geran-5"]}


def test_an_unchanged_file_is_skipped(loaded, small, db_path):
    again = load_bulletins(small, db_path)
    assert again.skipped and again.load_id == loaded.load_id == 1
    assert again.problems == loaded.problems  # the bad row is still there
    assert rows(db_path, "select count(*) from bulletin_loads") == [(1,)]


def test_a_changed_file_replaces_the_previous_load(loaded, small, db_path):
    small.write_text(small.read_text().replace(",120.0,80.0,", ",121.0,80.0,"))
    again = load_bulletins(small, db_path)
    assert not again.skipped and again.load_id == 2
    assert rows(db_path, "select load_id, count(*) from bulletin_rows group by 1") \
        == [(2, 18)]
    assert night(db_path, date(2025, 3, 2), "drone", ["launched"]) == {"launched": 121}


def test_a_failed_replace_leaves_the_previous_load(loaded, small, db_path, monkeypatch):
    from etl.bulletin import loader

    small.write_text(small.read_text().replace(",120.0,80.0,", ",121.0,80.0,"))
    # a column bulletin_rows does not have: the insert fails after the deletes
    monkeypatch.setattr(loader, "ROW_COLUMNS", (*loader.ROW_COLUMNS[:-1], "no_such"))
    with pytest.raises(Exception):
        load_bulletins(small, db_path)
    assert rows(db_path, "select load_id, count(*) from bulletin_rows group by 1") \
        == [(1, 18)]
    assert rows(db_path, "select count(*) from bulletin_models") != [(0,)]


def test_a_missing_column_names_it_and_the_header(tmp_path, db_path):
    header = [c for c in EXPECTED_HEADER if c != "destroyed"]
    path = tmp_path / "old.csv"
    path.write_text(",".join(header) + "\n")
    with pytest.raises(BulletinError) as error:
        load_bulletins(path, db_path)
    assert str(error.value) == (f"{path}:1: no column 'destroyed' — the header must "
                                "be: " + ",".join(EXPECTED_HEADER))


def test_a_row_of_the_wrong_width_and_a_line_break_in_a_field(tmp_path, db_path):
    good = data_line(time_start="2025-04-01 20:00", time_end="2025-04-02 08:00",
                     model="Kalibr", launched="3", destroyed="3")
    quoted = data_line(time_start="2025-04-02 20:00", time_end="2025-04-03 08:00",
                       model="Kalibr", launched="4", destroyed="2",
                       launch_place='"Black Sea\nnear Novorossiysk"')
    path = write_variant(tmp_path / "b.csv", [good, good + ",extra", quoted, good])
    result = load_bulletins(path, db_path)
    assert result.problems == [
        f"{path}:3: the row has 23 fields, the header 22 — check its commas and "
        "quotes (a field with a comma is written \"like, this\")"]
    # the quoted line break: the row after it starts on line 6
    assert rows(db_path, "select line, launched from bulletin_rows "
                "where problem is null order by line") == [(2, 3), (4, 4), (6, 3)]


def test_a_quote_that_never_closes_is_reported(tmp_path, db_path):
    good = data_line(time_start="2025-04-01 20:00", time_end="2025-04-02 08:00",
                     model="Kalibr", launched="3", destroyed="3")
    path = write_variant(tmp_path / "q.csv", [good, good.replace("Kalibr", '"Kalibr'),
                                              good])
    result = load_bulletins(path, db_path)
    assert [p.split(" — ")[0] for p in result.problems] == [
        f"{path}:3: lines 3 to 4 were not read: a quote opened on this row never "
        "closes"]
    assert rows(db_path, "select line from bulletin_rows where problem is null") \
        == [(2,)]


@pytest.mark.parametrize("fields, problem", [
    (dict(time_start="", time_end="2025-04-02 08:00"), "time_start is empty"),
    (dict(time_start="2025-04-01 20:00", time_end="02.04.2025"),
     "time_end '02.04.2025' is not a date or time"),
    (dict(time_start="2025-04-02 20:00", time_end="2025-04-01 08:00"),
     "time_end 2025-04-01 08:00 is before time_start 2025-04-02 20:00"),
    (dict(time_start="2025-04-01 20:00", time_end="2025-04-02 08:00", model=""),
     "model is empty"),
    (dict(time_start="2025-04-01 20:00", time_end="2025-04-02 08:00", destroyed="2.5"),
     "destroyed '2.5' is not a whole count of 0 or more"),
    (dict(time_start="2025-04-01 20:00", time_end="2025-04-02 08:00", destroyed="-1"),
     "destroyed '-1' is not a whole count of 0 or more"),
])
def test_what_makes_a_row_bad(tmp_path, db_path, fields, problem):
    line = data_line(**{"model": "Kalibr", "launched": "3", "destroyed": "3", **fields})
    path = write_variant(tmp_path / "bad.csv", [line])
    result = load_bulletins(path, db_path)
    assert len(result.problems) == 1
    assert result.problems[0].startswith(f"{path}:2: {problem} — ")


def test_the_cli_exits_3_on_bad_rows_and_1_on_a_missing_column(small, tmp_path, db_path):
    result = CliRunner().invoke(cli, ["--db", str(db_path), "load-bulletins", str(small)])
    assert result.exit_code == 3
    assert f"problem: {small}:15: launched 'many'" in result.stderr
    assert f"warning: {small}:14: model 'Geran-5'" in result.stderr
    assert re.search(r"load 1 from .*: 18 rows, 1 bad \(not counted\); 7 nights from "
                     r"2025-03-02 to 2025-03-20", result.stdout)
    broken = tmp_path / "broken.csv"
    broken.write_text("time_start,time_end,model\n")
    result = CliRunner().invoke(cli, ["load-bulletins", str(broken), "--db", str(db_path)])
    assert result.exit_code == 1 and "no column 'launch_place'" in result.output


# -- the night rule

def test_the_night_of_each_wave(loaded, db_path):
    assert rows(db_path, "select line, night, wave from bulletin_waves "
                "where line in (2, 7, 8, 10, 11, 12, 13) order by line") == [
        (2, date(2025, 3, 2), "night"),       # 18:00 to 09:00: the morning it ends
        (7, date(2025, 3, 2), "date only"),   # a regional command's daily tally
        (8, date(2025, 3, 6), "evening"),     # 19:30 to 23:00: the next morning's
        (10, date(2025, 3, 6), "night"),      # 03:00 to 07:30: ends before 15:00
        (11, date(2025, 3, 6), "day"),        # 10:00 to 16:00: apart from the night
        (12, date(2025, 3, 10), "date only"),
        (13, date(2025, 3, 12), "night")]     # no start time, ends 08:00


def test_only_national_rows_make_the_night_figure(loaded, db_path):
    assert rows(db_path, "select line, scope, poster, counts_for_night "
                "from bulletin_waves where line in (2, 7, 12) order by line") == [
        (2, "national", "Ukrainian Air Force", True),
        (7, "regional", "Air Command South", False),
        (12, "national", "General Staff of Ukraine", True)]
    assert night(db_path, date(2025, 3, 2), "drone", ["regional_tallies"]) == {
        "regional_tallies": [{"poster": "Air Command South", "target": "south",
                              "model": "Unknown UAV", "launched": 15,
                              "destroyed": 15}]}


def test_a_night_with_no_national_row_has_no_figure(loaded, db_path):
    assert night(db_path, date(2025, 3, 20), "drone",
                 ["launched", "destroyed", "n_rows"]) == {
        "launched": None, "destroyed": None, "n_rows": 0}
    assert rows(db_path, "select count(*) from bulletin_nights "
                "where night = '2025-03-14' and weapon_class = 'missile'") == [(0,)]


def test_a_breakdown_row_is_flagged_and_not_added(loaded, db_path):
    assert rows(db_path, "select line from bulletin_waves where is_breakdown") == [(6,)]
    assert night(db_path, date(2025, 3, 2), "missile",
                 ["launched", "n_breakdown_rows"]) == {"launched": 9,
                                                      "n_breakdown_rows": 1}


# -- the readings

def test_the_readings_of_a_night(loaded, db_path):
    assert night(db_path, date(2025, 3, 2), "drone", [
        "launched", "destroyed", "lost", "launched_all_kinds", "destroyed_all_kinds",
        "destroyed_and_lost", "targets_neutralised", "shaheds_launched",
        "is_preliminary"]) == dict(
        launched=120, destroyed=80, lost=30, launched_all_kinds=126,
        destroyed_all_kinds=86, destroyed_and_lost=110, targets_neutralised=111,
        shaheds_launched=70, is_preliminary=False)
    assert night(db_path, date(2025, 3, 2), "missile", [
        "launched", "destroyed", "launched_without_s300", "destroyed_without_s300"]) \
        == dict(launched=9, destroyed=1, launched_without_s300=5,
                destroyed_without_s300=1)


def test_daytime_waves_and_a_preliminary_count(loaded, db_path):
    assert night(db_path, date(2025, 3, 6), "drone", [
        "launched", "destroyed", "still_attacking", "is_preliminary", "day_launched",
        "launched_with_day", "destroyed_with_day"]) == dict(
        launched=50, destroyed=40, still_attacking=3, is_preliminary=True,
        day_launched=20, launched_with_day=70, destroyed_with_day=58)
    # the evening wave and the one ending before 15:00 are the same night's
    assert night(db_path, date(2025, 3, 6), "missile", ["launched", "destroyed"]) \
        == {"launched": 9, "destroyed": 8}


def test_a_row_naming_two_models(loaded, db_path):
    assert rows(db_path, "select weapon_class, kinds, weapons, is_combined "
                "from bulletin_waves where line = 16") == [
        ("missile", ["cruise"], ["Kalibr", "Kh-101", "Kh-555", "cruise missile"], True)]


# -- news against the bulletin

NIGHT = dict(window_start=date(2025, 3, 1), window_end=date(2025, 3, 2),
             period="overnight", side="russia")


def checks(con):
    return {(doc, value): (agreement, reading) for doc, value, agreement, reading in
            con.execute("select doc, value, agreement, coalesce(matched_reading, "
                        "closest_reading) from bulletin_checks").fetchall()}


@pytest.fixture
def con(loaded, db_path):
    con = warehouse.connect(db_path)
    yield con
    con.close()


def test_each_agreement_label(con):
    given(con, facts=[
        dict(doc="exact", metric="drones_launched", value=120, **NIGHT),
        dict(doc="over", metric="drones_launched", value=100, low=100,
             qualifier="at_least", **NIGHT),
        dict(doc="about", metric="drones_launched", value=115, qualifier="approx",
             **NIGHT),
        dict(doc="neutralised", metric="drones_downed", value=110, **NIGHT),
        dict(doc="kinds", metric="drones_launched", value=126, **NIGHT),
        dict(doc="headline", metric="drones_downed", value=111, **NIGHT),
        dict(doc="no-s300", metric="missiles_launched", value=5, **NIGHT),
        dict(doc="shaheds", metric="drones_launched", value=70, **NIGHT),
        dict(doc="south", metric="drones_downed", value=15, **NIGHT),
        dict(doc="swapped", metric="drones_launched", value=80, **NIGHT),
        dict(doc="differs", metric="drones_launched", value=200, **NIGHT),
        dict(doc="lost", metric="drones_downed", value=30, **NIGHT),
        dict(doc="daytime", metric="drones_launched", value=70, period="overnight",
             side="russia", window_start=date(2025, 3, 5), window_end=date(2025, 3, 6)),
        dict(doc="earlier", metric="drones_launched", value=44, period="overnight",
             side=None, window_start=date(2025, 3, 14), window_end=date(2025, 3, 15)),
        dict(doc="none", metric="drones_launched", value=10, **{
            **NIGHT, "window_start": date(2025, 3, 24), "window_end": date(2025, 3, 25)}),
        # about 44 over one region: not the night before's 44
        dict(doc="region", metric="drones_launched", value=42, qualifier="approx",
             place="Sumy region", period="overnight", side="russia",
             window_start=date(2025, 3, 14), window_end=date(2025, 3, 15)),
        dict(doc="regional-only", metric="drones_launched", value=7, **{
            **NIGHT, "window_start": date(2025, 3, 19), "window_end": date(2025, 3, 20)}),
    ])
    assert checks(con) == {
        ("exact", 120): ("exact", "night figure"),
        ("over", 100): ("within bounds", "night figure"),
        ("about", 115): ("within bounds", "night figure"),
        ("neutralised", 110): ("alternative reading", "shot down plus lost"),
        ("kinds", 126): ("alternative reading", "all drone kinds"),
        ("headline", 111): ("alternative reading",
                            "all targets neutralised (drones and missiles)"),
        ("no-s300", 5): ("alternative reading", "missiles without S-300/S-400"),
        ("shaheds", 70): ("alternative reading", "Shaheds without decoys"),
        ("south", 15): ("alternative reading", "regional tally: Air Command South"),
        ("swapped", 80): ("launched/downed swapped", "downed: night figure"),
        ("differs", 200): ("differs", "all drone kinds"),
        ("lost", 30): ("differs", "lost: night figure"),
        ("daytime", 70): ("alternative reading", "daytime waves added"),
        ("earlier", 44): ("previous/next night",
                          "previous night (2025-03-14): night figure"),
        ("region", 42): ("differs", "night figure"),
        ("none", 10): ("no bulletin", None),
        ("regional-only", 7): ("no bulletin", None),
    }


def test_a_figure_naming_a_weapon_meets_that_weapons_rows(con):
    given(con, facts=[
        dict(doc="ballistic", metric="missiles_launched", value=5,
             weapon="ballistic missile", **NIGHT),
        dict(doc="kinzhal", metric="missiles_launched", value=3, weapon="Kinzhal",
             is_part=True, side="russia", period=None,
             window_start=date(2025, 3, 10), window_end=date(2025, 3, 10)),
    ])
    assert con.execute("select doc, bulletin_value, bulletin_reading, agreement "
                       "from bulletin_checks order by doc").fetchall() == [
        ("ballistic", 5, "ballistic missile rows", "exact"),
        ("kinzhal", 3, "Kinzhal rows", "exact")]


def test_what_is_not_compared(con):
    given(con, facts=[
        # Ukraine's drones over Russia: the bulletin does not count them
        dict(doc="theirs", metric="drones_launched", value=120,
             **{**NIGHT, "side": "ukraine"}),
        # a running total, a week, a part naming no weapon
        dict(doc="total", metric="drones_launched", value=120, period="cumulative",
             window_start=date(2022, 2, 24), window_end=date(2025, 3, 2)),
        dict(doc="week", metric="drones_launched", value=120, period="week",
             window_start=date(2025, 2, 24), window_end=date(2025, 3, 2)),
        dict(doc="part", metric="drones_downed", value=10, is_part=True, **NIGHT),
        dict(doc="bombs", metric="bombs_dropped", value=10, **NIGHT),
    ])
    assert con.execute("select count(*) from bulletin_checks").fetchone() == (0,)


def test_no_checks_without_a_bulletin(fresh_db):
    given(fresh_db, facts=[dict(doc="exact", metric="drones_launched", value=120,
                                **NIGHT)])
    assert fresh_db.execute("select count(*) from bulletin_checks").fetchone() == (0,)


# -- the model table and the real dataset

def test_the_model_table_names_weapons_the_extractor_writes():
    from etl.extract.rules.weapons import GENERIC_TYPES, MODELS

    con = warehouse.connect(":memory:")
    from etl.bulletin.loader import model_rows
    for model, weapon_class, kind, weapons in model_rows(con):
        assert set(weapons) <= set(MODELS) | set(GENERIC_TYPES), model
        for name in weapons:
            if name in MODELS:  # S-300/S-400 fired at the ground count as missiles
                assert MODELS[name][0] in (weapon_class, "air_defence"), (model, name)


def test_the_real_dataset_is_never_tracked():
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.splitlines()
    assert not [f for f in tracked if "missile_attacks_daily" in f]
    for path in ("missile_attacks_daily.csv", "data/missile_attacks_daily_2026.csv"):
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", path],
                                 cwd=REPO)
        assert ignored.returncode == 0, f"{path} is not in .gitignore"


@needs_shared
def test_real_nights_checked_by_hand(db_path):
    """The Air Force's posts for these nights, read by hand: 810 drones (747
    downed) and 13 missiles (4 downed) into 2025-09-07; 188 drones (76 shot
    down, 95 lost to electronic warfare) and 4 Iskander-M into 2024-11-26."""
    result = load_bulletins(REAL, db_path)
    assert result.warnings == [] and result.problems == []
    columns = ["launched", "destroyed", "lost"]
    assert night(db_path, date(2025, 9, 7), "drone", columns) == dict(
        launched=810, destroyed=747, lost=0)
    assert night(db_path, date(2025, 9, 7), "missile", columns[:2]) == dict(
        launched=13, destroyed=4)
    assert night(db_path, date(2024, 11, 26), "drone", columns) == dict(
        launched=188, destroyed=76, lost=95)
    assert night(db_path, date(2024, 11, 26), "missile", columns[:2]) == dict(
        launched=4, destroyed=0)


# -- the briefing's section

SECTION = re.compile(r"## News against the Air Force bulletin\n(.*?)\n## ", re.DOTALL)


def test_the_briefing_says_how_to_load_a_bulletin_when_none_is(db_path, tmp_path):
    con = warehouse.connect(db_path)
    warehouse.apply_sql(con)
    given(con, facts=[dict(doc="a", metric="drones_launched", value=120, **NIGHT)])
    con.close()
    text = write_briefing(db_path, tmp_path / "out").read_text()
    section = SECTION.search(text)[1]
    assert md_text("No bulletin loaded, so nothing is compared. Load one with: "
                   "warstats load-bulletins missile_attacks_daily.csv") in section
    assert "Figures compared: **0**" in section


def test_the_briefing_holds_the_news_against_the_bulletin(con, db_path, tmp_path):
    given(con, articles=[dict(id=d, title=None, outlet="wire.example", url=None,
                              published=date(2025, 3, 2), published_from=None,
                              origin="test", n_chars=100, content_hash="h",
                              extractor_version="v", run_id=1)
                         for d in ("exact", "again", "swapped", "differs")],
          facts=[dict(doc="exact", metric="drones_launched", value=120, **NIGHT),
                 dict(doc="again", metric="drones_launched", value=120, **NIGHT),
                 dict(doc="swapped", metric="drones_launched", value=80,
                      quote="eighty drones were sent", **NIGHT),
                 dict(doc="differs", metric="drones_launched", value=200,
                      quote="two hundred drones were sent", **NIGHT)])
    # the nights' figures (air_nights) read incidents
    con.execute("update facts set kind = 'incident'")
    con.close()
    text = write_briefing(db_path, tmp_path / "out").read_text()
    section = SECTION.search(text)[1]
    assert md_text("Loaded: bulletins.csv (18 rows, 1 with a problem, left out; "
                   "national figures for 6 nights, 2025-03-02 to 2025-03-15") in section
    assert "Figures compared: **4**; with a bulletin for their night: 4; agreeing " \
        "with it: **2** (50.0%)" in section
    # the night's figure (air_nights: the most reported, 120) is the bulletin's
    assert "with a bulletin figure: 1; agreeing with it: **1** (100.0%)" in section
    disagreements = [dict(zip(h, c)) for h, c in table_rows(section)
                     if "What matches instead" in h]
    assert [(r["Quote"], r["Bulletin"], r["Agreement"], r["What matches instead"])
            for r in disagreements] == [
        ("two hundred drones were sent", "120", "differs",
         "nearest: all drone kinds = 126"),
        ("eighty drones were sent", "120", "launched/downed swapped",
         "downed: night figure = 80")]
    chart = (tmp_path / "out" / "charts" / "news_vs_bulletin.csv").read_text()
    assert chart.splitlines()[1:] == ["2025-03-02 · drones,120,120"]


def test_the_nights_figures_against_the_bulletin(con):
    """bulletin_reconciliation: air_nights' figure per night, class and
    measure beside the bulletin's, with the labels of bulletin_checks."""
    voice = dict(kind="incident", claimant="Ukrainian Air Force", **NIGHT)
    given(con, facts=[
        dict(doc="a", metric="drones_launched", value=120, **voice),
        dict(doc="a", metric="drones_downed", value=110, **voice),
        dict(doc="a", metric="missiles_launched", value=10, qualifier="approx",
             **voice),
        dict(doc="a", metric="missiles_downed", value=9, **voice),
        dict(doc="b", metric="drones_launched", value=44, kind="incident",
             period="overnight", side="russia", window_start=date(2025, 3, 14),
             window_end=date(2025, 3, 15)),
        dict(doc="c", metric="drones_launched", value=10, kind="incident",
             period="overnight", side="russia", window_start=date(2025, 3, 24),
             window_end=date(2025, 3, 25)),
    ])
    assert con.execute(
        "select night, weapon_class, measure, news_value, bulletin_value, agreement, "
        "matched_reading from bulletin_reconciliation "
        "order by night, weapon_class, measure").fetchall() == [
        (date(2025, 3, 2), "drone", "downed", 110, 80, "alternative reading",
         "shot down plus lost"),
        (date(2025, 3, 2), "drone", "launched", 120, 120, "exact", "night figure"),
        (date(2025, 3, 2), "missile", "downed", 9, 1, "launched/downed swapped",
         "launched: night figure"),
        (date(2025, 3, 2), "missile", "launched", 10, 9, "within bounds",
         "night figure"),
        (date(2025, 3, 15), "drone", "launched", 44, 60, "previous/next night",
         "previous night (2025-03-14): night figure"),
        (date(2025, 3, 25), "drone", "launched", 10, None, "no bulletin", None),
    ]
