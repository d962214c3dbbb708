"""Lexicon finders: places, weapons, designations, sides, claimants.

Groups (one parametrized test each; ids show the input text):
    PLACE_CASES        find_places on sentences we wrote: regions vs cities,
                       lists of regions, suffix spellings, negatives
    every_* tests      one case per row of a data table, generated, so a new
                       row is tested the moment it is added
    WEAPON_CASES       find_weapons, incl. slashes, head nouns, generics
    FACTS_WEAPON_TABLE the canonical table of spec/FACTS.md, row by row
    DESIGNATIONS       is_model_designation: names vs counts
    SIDE_CASES         find_sides
    CLAIMANT_CASES     normalise_claimant; FIND_CLAIMANT_CASES find_claimants
New cases go in the group they belong to, with a sentence we wrote (never
text copied from the evaluation set). A known miss stays in its table as
pytest.param(..., marks=pytest.mark.xfail(strict=True)).
"""
from __future__ import annotations

import pytest

from etl.extract.claimants import find_claimants, normalise_claimant
from etl.extract.rules import claimants as claimant_rules
from etl.extract.rules import places, weapons
from etl.extract.rules.patterns import NOT_A_FACT_RES
from etl.extract.rules.places import find_places
from etl.extract.rules.sides import SIDE_WORDS, find_sides
from etl.extract.rules.weapons import find_weapons, is_model_designation


def _ids(cases):
    return [c[0] if isinstance(c, tuple) else c.values[0] for c in cases]


# --- Places ------------------------------------------------------------------
# text -> [(name, kind, country), ...] in order of mention.
PLACE_CASES = [
    ("Two drones hit Kharkiv overnight.", [("Kharkiv", "city", "ukraine")]),
    ("Shelling in the Kharkiv region killed one.",
     [("Kharkiv region", "region", "ukraine")]),
    ("Kharkiv Oblast came under fire.", [("Kharkiv region", "region", "ukraine")]),
    ("in Kharkiv province", [("Kharkiv region", "region", "ukraine")]),
    ("the Kharkov Region governor", [("Kharkov region", "region", "ukraine")]),
    ("attacks on the Kharkiv and Sumy regions",
     [("Kharkiv region", "region", "ukraine"), ("Sumy region", "region", "ukraine")]),
    ("across the Kyiv, Zhytomyr and Cherkasy oblasts",
     [("Kyiv region", "region", "ukraine"), ("Zhytomyr region", "region", "ukraine"),
      ("Cherkasy region", "region", "ukraine")]),
    ("downed over the Kursk and Belgorod regions",
     [("Kursk region", "region", "russia"), ("Belgorod region", "region", "russia")]),
    ("Russia's Belgorod region", [("Russia", "country", "russia"),
                                  ("Belgorod region", "region", "russia")]),
    ("drones downed over Belgorod", [("Belgorod", "city", "russia")]),
    ("in the Kursk Oblast", [("Kursk region", "region", "russia")]),
    ("in the Donetsk People's Republic",
     [("Donetsk region", "region", "ukraine")]),
    ("fighting in the DPR", [("Donetsk region", "region", "ukraine")]),
    ("the Lugansk People’s Republic", [("Lugansk region", "region", "ukraine")]),
    ("a strike on Kiev", [("Kiev", "city", "ukraine")]),
    ("Odessa and Odesa", [("Odessa", "city", "ukraine"), ("Odesa", "city", "ukraine")]),
    ("Zaporozhye Region", [("Zaporozhye region", "region", "ukraine")]),
    ("Dnipro was hit", [("Dnipro", "city", "ukraine")]),
    ("Dnipropetrovsk Oblast", [("Dnipropetrovsk region", "region", "ukraine")]),
    ("the Volyn region and Volyn",
     [("Volyn region", "region", "ukraine"), ("Volyn", "region", "ukraine")]),
    ("over Crimea and the Black Sea",
     [("Crimea", "region", "ukraine"), ("Black Sea", "sea", None)]),
    ("in the Sea of Azov", [("Sea of Azov", "sea", None)]),
    ("Moscow Region", [("Moscow region", "region", "russia")]),
    ("drones over Moscow", [("Moscow", "city", "russia")]),
    ("St. Petersburg and Nizhny Novgorod",
     [("St. Petersburg", "city", "russia"), ("Nizhny Novgorod", "city", "russia")]),
    ("the Krasnodar Krai", [("Krasnodar region", "region", "russia")]),
    ("in Tatarstan", [("Tatarstan", "region", "russia")]),
    ("Kryvyi Rih and Bila Tserkva",
     [("Kryvyi Rih", "city", "ukraine"), ("Bila Tserkva", "city", "ukraine")]),
    ("near Chasiv Yar", [("Chasiv Yar", "city", "ukraine")]),
    ("Ivano-Frankivsk Oblast", [("Ivano-Frankivsk region", "region", "ukraine")]),
    ("two returned to Belarus", [("Belarus", "country", "belarus")]),
    ("debris fell in Poland", [("Poland", "country", "poland")]),
    ("troops from North Korea", [("North Korea", "country", "north_korea")]),
    ("in Kyiv's Darnytskyi district",
     [("Kyiv", "city", "ukraine"), ("Darnytskyi district", "district", None)]),
    ("on the Pokrovsk direction", [("Pokrovsk direction", "direction", "ukraine")]),
    ("the Kupiansk district", [("Kupiansk district", "district", "ukraine")]),
    ("the Vladimir region", [("Vladimir region", "region", "russia")]),
    # Negatives: not places, or not the place a naive match would give.
    ("Washington pledged more aid.", []),
    ("Vladimir Putin said", []),
    ("the Kyiv Post reported", []),
    ("KYIV (Reuters) -", []),
    ("The district was hit", []),
    ("Russian regions and Ukrainian territory", []),
    ("Iran-supplied drones and US-made boats", []),
]


@pytest.mark.parametrize("text, expected", PLACE_CASES, ids=_ids(PLACE_CASES))
def test_find_places(text, expected):
    got = find_places(text)
    assert [(p.name, p.kind, p.country) for p in got] == expected
    for p in got:                       # spans point at the mention
        assert p.start < p.end and text[p.start:p.end].strip() == text[p.start:p.end]


def test_spelling_variants_share_a_canonical_name():
    kiev, kyiv = find_places("Kiev, Kyiv")
    assert kiev.canonical == kyiv.canonical == "Kyiv"
    (region,) = find_places("the Kharkov Oblast")
    assert region.canonical == "Kharkiv region"


def test_crimea_is_ukrainian_and_held_by_russia():
    (crimea,) = find_places("over Crimea")
    assert (crimea.country, crimea.held_by) == ("ukraine", "russia")


def _region_rows():
    for country, table in (("ukraine", places.UKRAINE_REGIONS),
                           ("russia", places.RUSSIA_REGIONS)):
        for canon, spellings in table.items():
            for s in spellings:
                yield pytest.param(s, canon, country, id=f"{s} Oblast")


@pytest.mark.parametrize("spelling, canonical, country", list(_region_rows()))
def test_every_region_spelling_with_a_suffix(spelling, canonical, country):
    (p,) = find_places(f"Drones struck the {spelling} Oblast overnight.")
    want = f"{spelling} region" if canonical.endswith(" region") else spelling
    assert (p.name, p.kind, p.country, p.canonical) == (want, "region", country, canonical)


def _city_rows():
    for country, table in (("ukraine", places.UKRAINE_CITIES),
                           ("russia", places.RUSSIA_CITIES)):
        for canon, spellings in table.items():
            for s in spellings:
                yield pytest.param(s, canon, country, id=s)


@pytest.mark.parametrize("spelling, canonical, country", list(_city_rows()))
def test_every_city_spelling_bare(spelling, canonical, country):
    (p,) = find_places(f"A drone hit {spelling} on Monday.")
    assert (p.name, p.kind, p.country, p.canonical) == (spelling, "city", country, canonical)


@pytest.mark.parametrize("name, side", list(places.COUNTRIES.items()),
                         ids=list(places.COUNTRIES))
def test_every_country(name, side):
    (p,) = find_places(f"Officials in {name} said so.")
    assert (p.name, p.kind, p.country) == (name, "country", side)


@pytest.mark.parametrize("spelling", places.BARE_REGIONS)
def test_every_bare_region_is_a_region(spelling):
    (p,) = find_places(f"Air raid alerts sounded in {spelling}.")
    assert p.kind == "region" and p.name == spelling


def test_ukraine_has_24_oblasts_plus_crimea_and_donbas():
    oblasts = [c for c in places.UKRAINE_REGIONS if c.endswith(" region")]
    assert len(oblasts) == 24


# --- Weapons -----------------------------------------------------------------
# (text, generic) -> [(canonical, kind, surface), ...]
WEAPON_CASES = [
    ("launched 17 Shahed-136/131 UAVs", False,
     [("Shahed", "drone", "Shahed-136/131 UAVs")]),
    ("Shahed-type attack drones", False, [("Shahed", "drone", "Shahed-type attack drones")]),
    ("Geran-2 drones", False, [("Shahed", "drone", "Geran-2 drones")]),
    ("Gerbera decoys", False, [("Gerbera", "drone", "Gerbera")]),
    ("Kh-101/Kh-555 missiles", False,
     [("Kh-101", "missile", "Kh-101"), ("Kh-555", "missile", "Kh-555 missiles")]),
    ("Kh-59/69 guided missiles", False,
     [("Kh-59", "missile", "Kh-59"), ("Kh-69", "missile", "69 guided missiles")]),
    ("X-101 cruise missiles", False, [("Kh-101", "missile", "X-101 cruise missiles")]),
    ("Iskander-M ballistic missiles", False,
     [("Iskander-M", "missile", "Iskander-M ballistic missiles")]),
    ("Kalibr cruise missiles", False, [("Kalibr", "missile", "Kalibr cruise missiles")]),
    ("a Kh-47M2 Kinzhal", False,
     [("Kinzhal", "missile", "Kh-47M2"), ("Kinzhal", "missile", "Kinzhal")]),
    ("two KN-23 missiles", False, [("KN-23", "missile", "KN-23 missiles")]),
    ("five ATACMS", False, [("ATACMS", "missile", "ATACMS")]),
    ("SCALP and Storm Shadow", False,
     [("Storm Shadow", "missile", "SCALP"), ("Storm Shadow", "missile", "Storm Shadow")]),
    ("FAB-500 bombs", False, [("FAB-500", "bomb", "FAB-500 bombs")]),
    ("guided aerial bombs", False, [("KAB", "bomb", "guided aerial bombs")]),
    ("Glide Bombs Hit Town", False, [("KAB", "bomb", "Glide Bombs")]),
    ("ten Patriot air defense systems", False,
     [("Patriot", "air_defence", "Patriot air defense systems")]),
    ("IRIS-T and NASAMS", False,
     [("IRIS-T", "air_defence", "IRIS-T"), ("NASAMS", "air_defence", "NASAMS")]),
    ("six F-16s", False, [("F-16", "aircraft", "F-16s")]),
    ("Tu-95MS bombers", False, [("Tu-95", "aircraft", "Tu-95MS bombers")]),
    ("Leopard 2 tanks", False, [("Leopard 2", "armour", "Leopard 2 tanks")]),
    ("destroyed 9 tanks", False, [("tank", "armour", "tanks")]),
    ("HIMARS rockets", False, [("HIMARS", "artillery", "HIMARS rockets")]),
    ("155mm shells", False, [("artillery shell", "shell", "155mm shells")]),
    # Plain type words only when asked for.
    ("shot down 88 drones", False, []),
    ("shot down 88 drones", True, [("drone", "drone", "drones")]),
    ("20 cruise missiles", True, [("cruise missile", "missile", "cruise missiles")]),
    ("3 armoured vehicles and 2 armored vehicles", True,
     [("armoured vehicle", "armour", "armoured vehicles"),
      ("armored vehicle", "armour", "armored vehicles")]),
    ("two helicopters", True, [("helicopter", "aircraft", "helicopters")]),
    ("multiple launch rocket systems", True,
     [("MLRS", "artillery", "multiple launch rocket systems")]),
    ("Iranian-made kamikaze drones", False,
     [("Shahed", "drone", "Iranian-made kamikaze drones")]),
    ("Shaheds and missiles", True,
     [("Shahed", "drone", "Shaheds"), ("missile", "missile", "missiles")]),
    # Negatives.
    ("a patriotic song", True, []),
    ("the town was shelled", True, []),
]


@pytest.mark.parametrize("text, generic, expected", WEAPON_CASES,
                         ids=[f"{t}{' (generic)' if g else ''}" for t, g, _ in WEAPON_CASES])
def test_find_weapons(text, generic, expected):
    got = find_weapons(text, generic=generic)
    assert [(w.canonical, w.kind, text[w.start:w.end]) for w in got] == expected
    assert all(w.kind in weapons.KINDS for w in got)


# spec/FACTS.md "Canonical weapon names": canonical -> aliases.
FACTS_WEAPON_TABLE = [
    ("Shahed", ["Shahed-136", "Shahed-131", "Shahed-type", "Geran-2", "Geran"]),
    ("Gerbera", ["decoy drone", "Gerbera-type"]),
    ("Lancet", ["ZALA Lancet"]),
    ("Bayraktar TB2", ["TB2"]),
    ("Iskander-M", ["Iskander", "Iskander-M ballistic"]),
    ("Iskander-K", ["R-500"]),
    ("KN-23", ["Hwasong-11"]),
    ("Kh-101", ["X-101"]),
    ("Kh-22", []),
    ("Kh-59", []),
    ("Kh-31P", ["Kh-31"]),
    ("Kinzhal", ["Kh-47M2"]),
    ("Kalibr", ["3M-14"]),
    ("Onyx", ["P-800", "Oniks"]),
    ("Zircon", ["3M22", "Tsirkon"]),
    ("Oreshnik", []),
    ("S-300", []),
    ("Tochka-U", ["Tochka"]),
    ("ATACMS", []),
    ("Storm Shadow", ["SCALP", "SCALP-EG"]),
    ("HIMARS", ["GMLRS", "M142"]),
    ("Neptune", ["R-360"]),
    ("Patriot", ["MIM-104"]),
    ("IRIS-T", []),
    ("NASAMS", []),
    ("F-16", []),
    ("KAB", ["glide bomb", "guided aerial bomb", "guided bomb", "UMPK"]),
    ("artillery shell", ["shell", "155mm shell"]),
    ("tank", []),
]


def test_head_noun_names_the_type_of_several_models():
    got = find_weapons("four Iskander-M/KN-23 ballistic missiles")
    assert [(w.canonical, w.head) for w in got] == [
        ("Iskander-M", None), ("KN-23", "ballistic missile")]


def _facts_rows():
    for canon, aliases in FACTS_WEAPON_TABLE:
        for alias in (canon, *aliases):
            yield pytest.param(alias, canon, id=f"{alias} -> {canon}")


@pytest.mark.parametrize("alias, canonical", list(_facts_rows()))
def test_facts_weapon_table(alias, canonical):
    got = find_weapons(f"Russia fired two {alias} at the port.")
    assert [w.canonical for w in got] == [canonical]


def _model_rows():
    for canon, (kind, aliases) in weapons.MODELS.items():
        for alias in (canon, *aliases):
            yield pytest.param(alias, canon, kind, id=alias)


@pytest.mark.parametrize("alias, canonical, kind", list(_model_rows()))
def test_every_model_alias(alias, canonical, kind):
    got = find_weapons(f"They used {alias} on Tuesday.")
    assert [(w.canonical, w.kind, w.generic) for w in got] == [(canonical, kind, False)]


def _type_rows():
    for canon, (kind, aliases) in weapons.GENERIC_TYPES.items():
        for alias in (canon, *aliases):
            yield pytest.param(alias, canon, kind, id=alias)


@pytest.mark.parametrize("alias, canonical, kind", list(_type_rows()))
def test_every_type_word(alias, canonical, kind):
    got = find_weapons(f"They counted 12 {alias}s on Tuesday.", generic=True)
    assert [(w.canonical, w.kind, w.generic) for w in got] == [(canonical, kind, True)]


# token -> is it a model or unit designation (never a count)?
DESIGNATIONS = [
    ("Su-34", True), ("F-16", True), ("S-300", True), ("Kh-101", True),
    ("Shahed-136", True), ("Shahed-136/131", True), ("Kh-101/Kh-555", True),
    ("Tu-95", True), ("Tu-95MS", True), ("MiG-29", True), ("Ka-52", True),
    ("T-72", True), ("BM-21", True), ("M777", True), ("2S19", True),
    ("Mi-8", True), ("A-50", True), ("Il-76", True), ("3M22", True),
    ("47th Brigade", True), ("93rd Separate Mechanized Brigade", True),
    ("132", False), ("5,000", False), ("1.2 million", False), ("Kyiv", False),
    ("2024", False), ("10-12", False), ("second", False), ("47th", False),
]


@pytest.mark.parametrize("token, expected", DESIGNATIONS, ids=_ids(DESIGNATIONS))
def test_is_model_designation(token, expected):
    assert is_model_designation(token) is expected


# --- Sides -------------------------------------------------------------------
SIDE_CASES = [
    ("Russian drones attacked", ["russia"]),
    ("Russia's army", ["russia"]),
    ("the Kremlin said", ["russia"]),
    ("Moscow said it had downed drones over Moscow", ["russia"]),
    ("Moscow's forces", ["russia"]),
    ("Ukrainian forces", ["ukraine"]),
    ("Kyiv launched drones at Kyiv region", ["ukraine"]),
    ("North Korean soldiers", ["north_korea"]),
    ("the DPRK", ["north_korea"]),
    ("Pyongyang sent troops", ["north_korea"]),
    ("Belarusian border guards", ["belarus"]),
    ("Chinese fighters", ["china"]),
    ("Iranian officials", ["iran"]),
    ("U.S. officials and American troops", ["united_states", "united_states"]),
    ("Danish pilots", ["denmark"]),
    ("russian occupiers", ["russia", "russia"]),
    ("Iranian officials", ["iran"]),
    ("North Korean troops", ["north_korea"]),
    # Negatives.
    ("Iranian-made Shahed drones", []),
    ("Iranian attack drones", []),          # origin: Russia flies them
    ("North Korean ballistic missiles", []),
    ("American HIMARS", []),
    ("Danish F-16s", []),                   # origin; supplied to Ukraine
    ("let us know", []),
    ("drones over Moscow", []),
    ("the Moscow region", []),
]


@pytest.mark.parametrize("text, expected", SIDE_CASES, ids=_ids(SIDE_CASES))
def test_find_sides(text, expected):
    assert [m.side for m in find_sides(text)] == expected


def _side_rows():
    for side, words in SIDE_WORDS.items():
        for w in words:
            yield pytest.param(w, side, id=w)


@pytest.mark.parametrize("word, side", list(_side_rows()))
def test_every_side_word(word, side):
    assert [m.side for m in find_sides(f"and {word} forces")] == [side]


# --- Claimants ---------------------------------------------------------------
CLAIMANT_CASES = [
    ("Ukrainian Air Force", "Ukrainian Air Force"),
    ("Ukraine’s air force", "Ukrainian Air Force"),
    ("the air force", "Ukrainian Air Force"),
    ("air force spokesman Yurii Ihnat", "Ukrainian Air Force"),
    ("Povitriani Syly", "Ukrainian Air Force"),
    ("General Staff of the Armed Forces of Ukraine", "Ukrainian General Staff"),
    ("Ukraine's Defence Ministry", "Ukrainian Defence Ministry"),
    ("President Zelensky", "Ukrainian President"),
    ("Zelenskyy", "Ukrainian President"),
    ("Russian defense ministry", "Russian Defence Ministry"),
    ("the MoD", "Russian Defence Ministry"),
    ("the ministry in Moscow", "Russian Defence Ministry"),
    ("Kremlin spokesman Dmitry Peskov", "Kremlin"),
    ("Vladimir Putin", "Russian President"),
    ("Belgorod governor Vyacheslav Gladkov", "regional governor"),
    ("head of the regional military administration", "regional governor"),
    ("Kyiv mayor Vitali Klitschko", "mayor"),
    ("HRMMU", "UN monitoring mission"),
    ("UN human rights monitors", "UN monitoring mission"),
    ("OHCHR", "UN monitoring mission"),
    ("Institute for the Study of War", "ISW"),
    ("UK Defence Intelligence", "UK Defence Intelligence"),
    ("the Pentagon", "Pentagon"),
    ("US officials", "US officials"),
    ("NATO", "NATO"),
    ("Ukrainian Navy spokesman", "Ukrainian Navy"),
    ("Security Service of Ukraine", "SBU"),
    ("Coordination Headquarters for the Treatment of Prisoners of War",
     "Coordination HQ for POWs"),
    ("Ukraine's Defence Intelligence", "Ukrainian Military Intelligence"),
    # Negatives.
    ("a neighbour", None),
    ("Washington", None),
    ("the defence ministry", None),      # whose? the text must say
    ("isw sbu", None),                   # acronyms match as written
    ("", None),
    (None, None),
]


@pytest.mark.parametrize("raw, expected", CLAIMANT_CASES, ids=[str(c[0]) for c in CLAIMANT_CASES])
def test_normalise_claimant(raw, expected):
    assert normalise_claimant(raw) == expected


def _claimant_rows():
    for canon, aliases in claimant_rules.CLAIMANTS.items():
        for a in aliases:
            yield pytest.param(a, canon, id=f"{a} -> {canon}")


@pytest.mark.parametrize("alias, claimant", list(_claimant_rows()))
def test_every_claimant_alias(alias, claimant):
    assert normalise_claimant(alias) == claimant


# text -> [(claimant, raw, framed), ...]
FIND_CLAIMANT_CASES = [
    ("According to the Ukrainian Air Force, 40 drones were downed.",
     [("Ukrainian Air Force", "Ukrainian Air Force", True)]),
    ("The SBU said it detained two agents.", [("SBU", "SBU", True)]),
    ('"Forty were downed," said Yurii Ihnat.',
     [("Ukrainian Air Force", "Yurii Ihnat", True)]),
    ("Russia’s defence ministry reported 45 drones destroyed.",
     [("Russian Defence Ministry", "Russia’s defence ministry", True)]),
    ("The governor said the air force downed 20 drones.",
     [("regional governor", "governor", True), ("Ukrainian Air Force", "air force", False)]),
    ("Putin met troops on Monday.", [("Russian President", "Putin", False)]),
    ("Twenty drones were downed.", []),
]


@pytest.mark.parametrize("text, expected", FIND_CLAIMANT_CASES, ids=_ids(FIND_CLAIMANT_CASES))
def test_find_claimants(text, expected):
    got = find_claimants(text)
    assert [(c.claimant, c.raw, c.framed) for c in got] == expected
    assert all(text[c.start:c.end] == c.raw for c in got)


# --- NOT_A_FACT patterns: the engine relies on their shape -----------------

def _always_holds(items, code) -> bool:
    """True when every match of the parsed `items` holds the character."""
    from re import _constants as C

    for op, av in items:
        if op is C.LITERAL and av == code:
            return True
        if op is C.SUBPATTERN and _always_holds(list(av[3]), code):
            return True
        if op is C.BRANCH and all(_always_holds(list(alt), code) for alt in av[1]):
            return True
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1 \
                and _always_holds(list(av[2]), code):
            return True
    return False


@pytest.mark.parametrize("reason, rx", NOT_A_FACT_RES)
def test_every_not_a_fact_alternative_holds_the_number(reason, rx):
    """_not_a_fact takes any match of a row as covering the number."""
    from re import _parser as sre_parse

    assert _always_holds(list(sre_parse.parse(rx.pattern, rx.flags)), ord("⟨")), reason


def test_always_holds_sees_an_alternative_without_the_number():
    from re import _parser as sre_parse

    assert not _always_holds(list(sre_parse.parse("a⟨N⟩|b")), ord("⟨"))
    assert _always_holds(list(sre_parse.parse("(?:a|b)⟨N⟩")), ord("⟨"))
