"""Gazetteer: the places war reporting names, and `find_places` to spot them.

Output convention (spec/FACTS.md, attribute `location`): a place is written
as the article spells it ("Kharkov region" stays "Kharkov", "Kiev" stays
"Kiev"); a region mention is "<Name> region" whatever the suffix in the text
("Oblast", "province", "Krai", "People's Republic" -> "region"); a city is
its bare name. `Place.canonical` gives the one spelling per place
("Kharkiv region", "Kyiv") so callers can tell two spellings are one place.

A bare name is the city when a city of that spelling is listed ("Kharkiv"
alone is the city); a region when it is in BARE_REGIONS ("Volyn", "Crimea");
otherwise a region stem matches only with a region word after it
("Vladimir region" is a place, "Vladimir Putin" is not).

The tables are data; the code at the bottom only compiles them into
regexes (at import) and turns matches into `Place` records.
"""
from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass

# --- Regions ---------------------------------------------------------------
# canonical name -> (country, spellings seen in news). The canonical name is
# what the place is called when no spelling is at hand; "<X> region" for an
# oblast/krai, the bare name for republics and areas written without
# "region" (Crimea, Tatarstan, Donbas).
UKRAINE_REGIONS = {
    "Cherkasy region": ("Cherkasy", "Cherkassy"),
    "Chernihiv region": ("Chernihiv", "Chernigov"),
    "Chernivtsi region": ("Chernivtsi", "Chernovtsy"),
    "Dnipropetrovsk region": ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipro",
                              "Dnepr"),
    "Donetsk region": ("Donetsk",),
    "Ivano-Frankivsk region": ("Ivano-Frankivsk", "Ivano-Frankovsk"),
    "Kharkiv region": ("Kharkiv", "Kharkov"),
    "Kherson region": ("Kherson",),
    "Khmelnytskyi region": ("Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky",
                            "Khmelnitsky", "Khmelnitskiy"),
    "Kirovohrad region": ("Kirovohrad", "Kirovograd", "Kropyvnytskyi"),
    "Kyiv region": ("Kyiv", "Kiev"),
    "Luhansk region": ("Luhansk", "Lugansk"),
    "Lviv region": ("Lviv", "Lvov"),
    "Mykolaiv region": ("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev"),
    "Odesa region": ("Odesa", "Odessa"),
    "Poltava region": ("Poltava",),
    "Rivne region": ("Rivne", "Rovno"),
    "Sumy region": ("Sumy",),
    "Ternopil region": ("Ternopil", "Ternopol"),
    "Vinnytsia region": ("Vinnytsia", "Vinnytsya", "Vinnitsa"),
    "Volyn region": ("Volyn", "Volhynia"),
    "Zakarpattia region": ("Zakarpattia", "Zakarpattya", "Transcarpathia",
                           "Transcarpathian"),
    "Zaporizhzhia region": ("Zaporizhzhia", "Zaporizhia", "Zaporizhzhya",
                            "Zaporozhye", "Zaporozhie"),
    "Zhytomyr region": ("Zhytomyr", "Zhitomir"),
    # Not oblasts, but written like regions.
    "Crimea": ("Crimea",),
    "Donbas": ("Donbas", "Donbass"),
}

RUSSIA_REGIONS = {
    "Arkhangelsk region": ("Arkhangelsk",),
    "Astrakhan region": ("Astrakhan",),
    "Belgorod region": ("Belgorod",),
    "Bryansk region": ("Bryansk",),
    "Chelyabinsk region": ("Chelyabinsk",),
    "Ivanovo region": ("Ivanovo",),
    "Irkutsk region": ("Irkutsk",),
    "Kaliningrad region": ("Kaliningrad",),
    "Kaluga region": ("Kaluga",),
    "Kirov region": ("Kirov",),
    "Kostroma region": ("Kostroma",),
    "Krasnodar region": ("Krasnodar",),
    "Kursk region": ("Kursk",),
    "Leningrad region": ("Leningrad",),
    "Lipetsk region": ("Lipetsk",),
    "Moscow region": ("Moscow",),
    "Murmansk region": ("Murmansk",),
    "Nizhny Novgorod region": ("Nizhny Novgorod", "Nizhniy Novgorod"),
    "Novgorod region": ("Novgorod",),
    "Novosibirsk region": ("Novosibirsk",),
    "Omsk region": ("Omsk",),
    "Orenburg region": ("Orenburg",),
    "Oryol region": ("Oryol", "Orel"),
    "Penza region": ("Penza",),
    "Perm region": ("Perm",),
    "Pskov region": ("Pskov",),
    "Rostov region": ("Rostov",),
    "Ryazan region": ("Ryazan",),
    "Samara region": ("Samara",),
    "Saratov region": ("Saratov",),
    "Smolensk region": ("Smolensk",),
    "Stavropol region": ("Stavropol",),
    "Sverdlovsk region": ("Sverdlovsk",),
    "Tambov region": ("Tambov",),
    "Tula region": ("Tula",),
    "Tver region": ("Tver",),
    "Tyumen region": ("Tyumen",),
    "Ulyanovsk region": ("Ulyanovsk",),
    "Vladimir region": ("Vladimir",),
    "Volgograd region": ("Volgograd",),
    "Vologda region": ("Vologda",),
    "Voronezh region": ("Voronezh",),
    "Yaroslavl region": ("Yaroslavl",),
    # Republics: news writes the bare name.
    "Bashkortostan": ("Bashkortostan", "Bashkiria"),
    "Chechnya": ("Chechnya",),
    "Chuvashia": ("Chuvashia",),
    "Dagestan": ("Dagestan",),
    "Karelia": ("Karelia",),
    "Mordovia": ("Mordovia",),
    "Tatarstan": ("Tatarstan",),
    "Udmurtia": ("Udmurtia",),
}

# Region spellings whose bare mention means the region itself: no city of
# that name exists (or it was renamed, as Dnipropetrovsk -> Dnipro).
BARE_REGIONS = (
    "Crimea", "Donbas", "Donbass", "Volyn", "Volhynia", "Zakarpattia",
    "Zakarpattya", "Transcarpathia", "Dnipropetrovsk", "Dnepropetrovsk",
    "Kirovohrad", "Kirovograd", "Leningrad", "Sverdlovsk", "Bashkortostan",
    "Bashkiria", "Chechnya", "Chuvashia", "Dagestan", "Karelia", "Mordovia",
    "Tatarstan", "Udmurtia",
)

# Words after a region stem that make it the region. Plural forms serve
# lists ("Kursk and Belgorod regions"). "People's Republic" is the
# occupation name for Donetsk/Luhansk; the gold convention writes it as the
# region. Matched case-insensitively ("Oblast", "oblast", "Region").
REGION_WORDS = (
    "regions", "region", "regional", "oblasts", "oblast", "provinces",
    "province", "krai", "kray", "territory", "people's republic",
    "people’s republic",
)
REGION_PLURALS = ("regions", "oblasts", "provinces")

# --- Cities and towns --------------------------------------------------------
# canonical name -> spellings. Ukrainian spellings first, then Russian-style
# transliterations that Russian and older outlets use.
UKRAINE_CITIES = {
    "Kyiv": ("Kyiv", "Kiev"),
    "Kharkiv": ("Kharkiv", "Kharkov"),
    "Odesa": ("Odesa", "Odessa"),
    "Dnipro": ("Dnipro", "Dnepr"),
    "Zaporizhzhia": ("Zaporizhzhia", "Zaporizhia", "Zaporizhzhya",
                     "Zaporozhye", "Zaporozhie"),
    "Lviv": ("Lviv", "Lvov"),
    "Mykolaiv": ("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev"),
    "Kherson": ("Kherson",),
    "Sumy": ("Sumy",),
    "Chernihiv": ("Chernihiv", "Chernigov"),
    "Poltava": ("Poltava",),
    "Donetsk": ("Donetsk",),
    "Luhansk": ("Luhansk", "Lugansk"),
    "Khmelnytskyi": ("Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky",
                     "Khmelnitsky", "Khmelnitskiy"),
    "Vinnytsia": ("Vinnytsia", "Vinnytsya", "Vinnitsa"),
    "Zhytomyr": ("Zhytomyr", "Zhitomir"),
    "Rivne": ("Rivne", "Rovno"),
    "Lutsk": ("Lutsk",),
    "Ternopil": ("Ternopil", "Ternopol"),
    "Ivano-Frankivsk": ("Ivano-Frankivsk", "Ivano-Frankovsk"),
    "Chernivtsi": ("Chernivtsi", "Chernovtsy"),
    "Uzhhorod": ("Uzhhorod", "Uzhgorod"),
    "Cherkasy": ("Cherkasy", "Cherkassy"),
    "Kropyvnytskyi": ("Kropyvnytskyi",),
    "Kryvyi Rih": ("Kryvyi Rih", "Kryvyi Rig", "Krivoy Rog", "Kriviy Rih"),
    "Kremenchuk": ("Kremenchuk", "Kremenchug"),
    "Bila Tserkva": ("Bila Tserkva", "Belaya Tserkov"),
    "Brovary": ("Brovary",),
    "Irpin": ("Irpin",),
    "Bucha": ("Bucha",),
    "Hostomel": ("Hostomel", "Gostomel"),
    "Fastiv": ("Fastiv",),
    "Vasylkiv": ("Vasylkiv", "Vasilkov"),
    "Uman": ("Uman",),
    "Pavlohrad": ("Pavlohrad", "Pavlograd"),
    "Kamianske": ("Kamianske",),
    "Nikopol": ("Nikopol",),
    "Marhanets": ("Marhanets",),
    "Novomoskovsk": ("Novomoskovsk",),
    "Izmail": ("Izmail",),
    "Chornomorsk": ("Chornomorsk",),
    "Pivdennyi": ("Pivdennyi",),
    "Bilhorod-Dnistrovskyi": ("Bilhorod-Dnistrovskyi",),
    "Okhtyrka": ("Okhtyrka", "Akhtyrka"),
    "Shostka": ("Shostka",),
    "Konotop": ("Konotop",),
    "Chuhuiv": ("Chuhuiv", "Chuguev"),
    "Balakliia": ("Balakliia", "Balakleya"),
    "Lozova": ("Lozova",),
    "Bohodukhiv": ("Bohodukhiv",),
    "Izium": ("Izium", "Izyum"),
    "Kupiansk": ("Kupiansk", "Kupyansk"),
    "Vovchansk": ("Vovchansk", "Volchansk"),
    "Kramatorsk": ("Kramatorsk",),
    "Sloviansk": ("Sloviansk", "Slovyansk", "Slavyansk"),
    "Kostiantynivka": ("Kostiantynivka", "Konstantinovka"),
    "Druzhkivka": ("Druzhkivka",),
    "Dobropillia": ("Dobropillia",),
    "Pokrovsk": ("Pokrovsk", "Krasnoarmeysk"),
    "Myrnohrad": ("Myrnohrad",),
    "Selydove": ("Selydove", "Selidovo"),
    "Kurakhove": ("Kurakhove", "Kurakhovo"),
    "Vuhledar": ("Vuhledar", "Ugledar"),
    "Velyka Novosilka": ("Velyka Novosilka",),
    "Avdiivka": ("Avdiivka", "Avdeyevka"),
    "Ocheretyne": ("Ocheretyne",),
    "Toretsk": ("Toretsk",),
    "Chasiv Yar": ("Chasiv Yar", "Chasov Yar"),
    "Bakhmut": ("Bakhmut", "Artemovsk", "Artyomovsk"),
    "Siversk": ("Siversk",),
    "Lyman": ("Lyman",),
    "Sievierodonetsk": ("Sievierodonetsk", "Severodonetsk"),
    "Lysychansk": ("Lysychansk", "Lisichansk"),
    "Kreminna": ("Kreminna",),
    "Svatove": ("Svatove",),
    "Horlivka": ("Horlivka", "Gorlovka"),
    "Makiivka": ("Makiivka", "Makeyevka"),
    "Mariupol": ("Mariupol",),
    "Melitopol": ("Melitopol",),
    "Berdiansk": ("Berdiansk", "Berdyansk"),
    "Enerhodar": ("Enerhodar", "Energodar"),
    "Tokmak": ("Tokmak",),
    "Huliaipole": ("Huliaipole", "Gulyaipole"),
    "Orikhiv": ("Orikhiv", "Orekhov"),
    "Robotyne": ("Robotyne", "Rabotino"),
    "Nova Kakhovka": ("Nova Kakhovka",),
    "Beryslav": ("Beryslav",),
    "Staromaiorske": ("Staromaiorske",),
    "Pervomaiskyi": ("Pervomaiskyi",),
    # Crimea: Ukrainian by law, held by Russia since 2014 (see RUSSIAN_HELD).
    "Sevastopol": ("Sevastopol",),
    "Simferopol": ("Simferopol",),
    "Kerch": ("Kerch",),
    "Feodosia": ("Feodosia", "Feodosiya"),
    "Yevpatoria": ("Yevpatoria", "Evpatoria"),
    "Dzhankoi": ("Dzhankoi", "Dzhankoy"),
    "Saky": ("Saky", "Saki"),
}

RUSSIA_CITIES = {
    "Moscow": ("Moscow",),
    "St Petersburg": ("St Petersburg", "St. Petersburg", "Saint Petersburg"),
    "Belgorod": ("Belgorod",),
    "Kursk": ("Kursk",),
    "Bryansk": ("Bryansk",),
    "Voronezh": ("Voronezh",),
    "Rostov-on-Don": ("Rostov-on-Don", "Rostov"),
    "Taganrog": ("Taganrog",),
    "Novoshakhtinsk": ("Novoshakhtinsk",),
    "Millerovo": ("Millerovo",),
    "Morozovsk": ("Morozovsk",),
    "Oryol": ("Oryol", "Orel"),
    "Tula": ("Tula",),
    "Kaluga": ("Kaluga",),
    "Smolensk": ("Smolensk",),
    "Lipetsk": ("Lipetsk",),
    "Tambov": ("Tambov",),
    "Ryazan": ("Ryazan",),
    "Tver": ("Tver",),
    "Yaroslavl": ("Yaroslavl",),
    "Pskov": ("Pskov",),
    "Nizhny Novgorod": ("Nizhny Novgorod", "Nizhniy Novgorod"),
    "Kstovo": ("Kstovo",),
    "Saratov": ("Saratov",),
    "Engels": ("Engels",),
    "Volgograd": ("Volgograd",),
    "Astrakhan": ("Astrakhan",),
    "Samara": ("Samara",),
    "Syzran": ("Syzran",),
    "Penza": ("Penza",),
    "Ulyanovsk": ("Ulyanovsk",),
    "Kazan": ("Kazan",),
    "Yelabuga": ("Yelabuga", "Alabuga"),
    "Ufa": ("Ufa",),
    "Cheboksary": ("Cheboksary",),
    "Izhevsk": ("Izhevsk",),
    "Orenburg": ("Orenburg",),
    "Perm": ("Perm",),
    "Yekaterinburg": ("Yekaterinburg",),
    "Chelyabinsk": ("Chelyabinsk",),
    "Murmansk": ("Murmansk",),
    "Olenya": ("Olenya",),
    "Severomorsk": ("Severomorsk",),
    "Arkhangelsk": ("Arkhangelsk",),
    "Kaliningrad": ("Kaliningrad",),
    "Kirishi": ("Kirishi",),
    "Ust-Luga": ("Ust-Luga",),
    "Primorsk": ("Primorsk",),
    "Krasnodar": ("Krasnodar",),
    "Novorossiysk": ("Novorossiysk",),
    "Tuapse": ("Tuapse",),
    "Sochi": ("Sochi",),
    "Anapa": ("Anapa",),
    "Yeysk": ("Yeysk", "Yeisk"),
    "Primorsko-Akhtarsk": ("Primorsko-Akhtarsk",),
    "Stavropol": ("Stavropol",),
    "Grozny": ("Grozny",),
    "Makhachkala": ("Makhachkala",),
    "Irkutsk": ("Irkutsk",),
    "Novosibirsk": ("Novosibirsk",),
    # Border towns of the Kursk and Belgorod regions.
    "Shebekino": ("Shebekino",),
    "Graivoron": ("Graivoron", "Grayvoron"),
    "Valuyki": ("Valuyki",),
    "Sudzha": ("Sudzha",),
    "Korenevo": ("Korenevo",),
    "Glushkovo": ("Glushkovo",),
    "Rylsk": ("Rylsk",),
    "Lgov": ("Lgov",),
    "Kurchatov": ("Kurchatov",),
    # Moscow region towns and airports.
    "Domodedovo": ("Domodedovo",),
    "Sheremetyevo": ("Sheremetyevo",),
    "Vnukovo": ("Vnukovo",),
    "Balashikha": ("Balashikha",),
    "Ramenskoye": ("Ramenskoye",),
    "Vidnoye": ("Vidnoye",),
    "Podolsk": ("Podolsk",),
    "Khimki": ("Khimki",),
    "Krasnogorsk": ("Krasnogorsk",),
    "Mytishchi": ("Mytishchi",),
    "Kolomna": ("Kolomna",),
    "Zhukovsky": ("Zhukovsky",),
    "Kubinka": ("Kubinka",),
}

# Capitals of neighbours that news names as places (not as actors).
OTHER_CITIES = {
    "Minsk": ("belarus", ("Minsk",)),
    "Chisinau": ("moldova", ("Chisinau",)),
}

# --- Countries -------------------------------------------------------------
# Country name as written -> side value (spec: lower case, underscores).
# "Ukraine"/"Russia" are found too; FACTS.md leaves location null for them,
# which is the engine's call, and the country still tells the side.
COUNTRIES = {
    "Ukraine": "ukraine",
    "Russia": "russia",
    "Russian Federation": "russia",
    "Belarus": "belarus",
    "Poland": "poland",
    "Moldova": "moldova",
    "Transnistria": "moldova",
    "Romania": "romania",
    "Hungary": "hungary",
    "Slovakia": "slovakia",
    "Lithuania": "lithuania",
    "Latvia": "latvia",
    "Estonia": "estonia",
    "Finland": "finland",
    "Georgia": "georgia",
    "North Korea": "north_korea",
    "South Korea": "south_korea",
    "Iran": "iran",
    "China": "china",
    "Turkey": "turkey",
    "Türkiye": "turkey",
    "Germany": "germany",
    "France": "france",
    "United Kingdom": "united_kingdom",
    "Britain": "united_kingdom",
    "Great Britain": "united_kingdom",
    "Denmark": "denmark",
    "Netherlands": "netherlands",
    "Norway": "norway",
    "Sweden": "sweden",
    "Czech Republic": "czech_republic",
    "Bulgaria": "bulgaria",
    "Kazakhstan": "kazakhstan",
    "Israel": "israel",
    "Syria": "syria",
    "Saudi Arabia": "saudi_arabia",
    "United Arab Emirates": "united_arab_emirates",
    "Qatar": "qatar",
    "Japan": "japan",
    "India": "india",
    "United States": "united_states",
}

# --- Seas and other areas ----------------------------------------------------
# name as written -> (kind, country, canonical). Country None: open sea.
AREAS = {
    "Black Sea": ("sea", None, "Black Sea"),
    "Sea of Azov": ("sea", None, "Sea of Azov"),
    "Azov Sea": ("sea", None, "Sea of Azov"),
    "Caspian Sea": ("sea", None, "Caspian Sea"),
    "Baltic Sea": ("sea", None, "Baltic Sea"),
    "Kerch Strait": ("sea", None, "Kerch Strait"),
    "Snake Island": ("area", "ukraine", "Snake Island"),
    "Zmiinyi Island": ("area", "ukraine", "Snake Island"),
    "Crimean Bridge": ("area", "ukraine", "Crimean Bridge"),
    "Kerch Bridge": ("area", "ukraine", "Crimean Bridge"),
    "Kinburn Spit": ("area", "ukraine", "Kinburn Spit"),
    "Tendra Spit": ("area", "ukraine", "Tendra Spit"),
    "Cape Tarkhankut": ("area", "ukraine", "Cape Tarkhankut"),
    "Cape Chauda": ("area", "ukraine", "Cape Chauda"),
    "Crimean Peninsula": ("region", "ukraine", "Crimea"),
}

# Other names for regions: written form -> canonical region (the output
# name is the canonical one; "DPR" is not a spelling anyone keeps).
REGION_ALIASES = {
    "DPR": "Donetsk region",
    "DNR": "Donetsk region",
    "LPR": "Luhansk region",
    "LNR": "Luhansk region",
    "Autonomous Republic of Crimea": "Crimea",
    "Republic of Crimea": "Crimea",
    "Republic of Tatarstan": "Tatarstan",
    "Republic of Bashkortostan": "Bashkortostan",
    "Krasnodar Territory": "Krasnodar region",
    "Kuban": "Krasnodar region",
}

# Canonical places held by Russia long enough (2014, or since early 2022)
# that a strike there is a strike on Russian-held ground. Frontline towns
# that changed hands during the war are left out on purpose: who held them
# depends on the article's date.
RUSSIAN_HELD = (
    "Crimea", "Sevastopol", "Simferopol", "Kerch", "Feodosia", "Yevpatoria",
    "Dzhankoi", "Saky", "Snake Island", "Crimean Bridge", "Cape Tarkhankut",
    "Cape Chauda", "Donetsk", "Luhansk", "Horlivka", "Makiivka", "Mariupol",
    "Melitopol", "Berdiansk", "Enerhodar", "Tokmak", "Nova Kakhovka",
    "Sievierodonetsk", "Lysychansk", "Svatove", "Kreminna",
)

# Words after a place name that make it an organisation, not a place
# ("Kyiv Post", "Moscow Patriarchate").
NOT_PLACE_AFTER = (
    "Post", "Independent", "Times", "Patriarchate", "School", "Security Forum",
)

# Suffixes that make a place name an origin, not a location ("Iran-supplied
# drones", "US-made boats"): the thing came from there, it did not happen there.
ORIGIN_SUFFIXES = ("made", "supplied", "designed", "built", "produced",
                   "manufactured", "developed", "donated")

# Unlisted districts and front "directions" ("Zvenihorod district",
# "Pokrovsky direction"): a capitalised word before one of these words.
# Words that start such a phrase but are not names are in NOT_DISTRICT_NAMES.
DISTRICT_WORDS = ("district", "raion", "direction", "hromada")
NOT_DISTRICT_NAMES = (
    "The", "This", "That", "Each", "Every", "Which", "Whose", "In", "A",
    "One", "Its", "Their", "Our", "Another", "Other", "Same", "Military",
    "Central", "Eastern", "Western", "Northern", "Southern", "Residential",
    "Administrative", "Industrial", "Border", "Frontline", "Neighbouring",
    "Neighboring", "Main", "Key", "Russian", "Ukrainian",
)


# --- Finder ----------------------------------------------------------------
@dataclass(frozen=True)
class Place:
    """One place mention. `name` follows the gold convention; `canonical`
    is the one spelling per place; `held_by` is who holds it (the country
    unless listed in RUSSIAN_HELD); `start`/`end` span the mention."""

    name: str
    kind: str            # city | region | country | sea | area | district | direction
    country: str | None  # ukraine, russia, poland, ...; None for open sea
    start: int
    end: int
    canonical: str = ""
    held_by: str | None = None


def _alternation(words) -> str:
    """Longest first, so "Nizhny Novgorod" wins over "Novgorod"."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _index():
    """spelling -> (kind, country, canonical) for bare names, and
    spelling -> (country, canonical region) for region stems."""
    stems, bare = {}, {}
    for country, table in (("ukraine", UKRAINE_REGIONS), ("russia", RUSSIA_REGIONS)):
        for canon, spellings in table.items():
            for s in spellings:
                stems[s] = (country, canon)
                if s in BARE_REGIONS:
                    bare[s] = ("region", country, canon)
    for country, table in (("ukraine", UKRAINE_CITIES), ("russia", RUSSIA_CITIES)):
        for canon, spellings in table.items():
            bare.update({s: ("city", country, canon) for s in spellings})
    for canon, (country, spellings) in OTHER_CITIES.items():
        bare.update({s: ("city", country, canon) for s in spellings})
    bare.update({n: ("country", c, n) for n, c in COUNTRIES.items()})
    bare.update(AREAS)
    for alias, canon in REGION_ALIASES.items():
        country = "russia" if canon in RUSSIA_REGIONS else "ukraine"
        bare[alias] = ("region", country, canon)
    return stems, bare


_STEMS, _BARE = _index()
_STEM = _alternation(_STEMS)
_NOT_AFTER = _alternation(NOT_PLACE_AFTER)
_NEVER = "(?!)"


def _place_re(initial: str) -> re.Pattern:
    """The place pattern at a word that begins with `initial`. Names match
    case-sensitively, so only those that begin with it can match here: the
    pattern over just those, in the same order, gives the match the one
    over all names would, trying far fewer alternatives."""
    stems = _alternation(s for s in _STEMS if s[0] == initial) or _NEVER
    bare = _alternation(b for b in _BARE if b[0] == initial) or _NEVER
    district = re.escape(initial) if initial in string.ascii_uppercase else _NEVER
    # Alternatives are tried in this order at each position, so a region
    # with its suffix beats the bare city, and a list beats a single region.
    return re.compile(
        rf"""
        (?<![\w-])                                   # start of a word
        (?:
          (?P<list>(?:{stems})                       # Kursk
            (?:(?:\s*,\s*|,?\s+(?:and|&|or)\s+)      # , / and
               (?:{_STEM}))+                         # Belgorod
            \s+(?i:{_alternation(REGION_PLURALS)}))  # regions
        | (?P<stem>{stems})                          # Kursk
            \s+(?P<rword>(?i:{_alternation(REGION_WORDS)}))  # Oblast
        | (?P<dname>(?!(?:{_alternation(NOT_DISTRICT_NAMES)})\s)
            {district}[a-z’']+(?:-[A-Z][a-z]+)?)      # Zvenihorod
            \s+(?P<dword>(?i:{_alternation(DISTRICT_WORDS)}))  # district
        | (?P<bare>{bare})                           # Kharkiv, Poland
        )
        (?!\w)                                       # end of a word
        (?!\s+(?:{_NOT_AFTER})\b)                    # not "Kyiv Post"
        (?![-‐‑](?:{_alternation(ORIGIN_SUFFIXES)})\b)  # not "Iran-supplied"
        """,
        re.VERBOSE,
    )


# What a place can begin with: the first letter of a name, or any capital
# (an unlisted district's name).
_INITIALS = sorted(set(string.ascii_uppercase) | {n[0] for n in (*_STEMS, *_BARE)})
_PLACE_RE_AT = {c: _place_re(c) for c in _INITIALS}
# Where a place can start: one of those at a word start. Cheaper to find
# than the word starts an etl.extract.scan `Scanner` would try; the class comes
# first so that re skips to it (the lookbehind, after it, checks the
# character before: (?<![\w-]) as the pattern itself has it).
_PLACE_START = re.compile(rf"[{re.escape(''.join(_INITIALS))}](?<![\w-].)")
_STEM_RE = re.compile(rf"(?<![\w-])(?:{_STEM})(?!\w)")


def _place_matches(text: str):
    """What `finditer(text)` of one pattern over all names would give."""
    last = 0
    for start in _PLACE_START.finditer(text):
        p = start.start()
        if p >= last:
            m = _PLACE_RE_AT[text[p]].match(text, p)
            if m:
                yield m
                last = m.end()


def _norm(s: str) -> str:
    return " ".join(s.split())


def _region(spelling: str, start: int, end: int, suffixed: bool) -> Place:
    country, canon = _STEMS[spelling]
    # "Crimea", "Tatarstan": written without "region" even when suffixed.
    name = f"{spelling} region" if canon.endswith(" region") else spelling
    held = "russia" if canon in RUSSIAN_HELD else country
    return Place(name if suffixed else spelling, "region", country, start, end,
                 canon, held)


def _from_match(m: re.Match, offset: int) -> list[Place]:
    """The places of a match in a text that starts at `offset`."""
    start, end = offset + m.start(), offset + m.end()
    if m["list"]:
        return [_region(_norm(s.group()), start + s.start(), start + s.end(), True)
                for s in _STEM_RE.finditer(m["list"])]
    if m["stem"]:
        return [_region(_norm(m["stem"]), start, end, True)]
    if m["dname"]:
        kind = "direction" if m["dword"].lower() == "direction" else "district"
        name = f"{m['dname']} {m['dword'].lower()}"
        country = _BARE.get(m["dname"], (None, None))[1]
        return [Place(name, kind, country, start, end, name, country)]
    kind, country, canon = _BARE[_norm(m["bare"])]
    held = "russia" if canon in RUSSIAN_HELD else country
    return [Place(_norm(m["bare"]) if m["bare"] not in REGION_ALIASES else canon,
                  kind, country, start, end, canon, held)]


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    """Every place named in text[start:end], in order, spans in `text`;
    [] when none. The stretch is read as a text of its own: what comes
    before `start` or after `end` is not seen.

    >>> [p.name for p in find_places("Drones hit Kharkiv and the Kharkiv Oblast.")]
    ['Kharkiv', 'Kharkiv region']
    >>> [(p.name, p.country) for p in find_places("over the Kursk and Belgorod regions")]
    [('Kursk region', 'russia'), ('Belgorod region', 'russia')]
    >>> find_places("Washington said nothing.")
    []
    """
    return [p for m in _place_matches(text[start:end]) for p in _from_match(m, start)]


def region_of_city(city: Place) -> Place | None:
    """The region a city names, when the city is its centre and shares its
    name: Kharkiv -> "Kharkiv region" (as spelt: Kharkov -> "Kharkov
    region"), Dnipro -> "Dnipropetrovsk region"; None for other towns.

    >>> [region_of_city(p).name for p in find_places("Kharkov and Dnipro")]
    ['Kharkov region', 'Dnipropetrovsk region']
    >>> region_of_city(find_places("Bucha")[0]) is None
    True
    """
    if city.kind != "city" or city.name not in _STEMS:
        return None
    region = _region(city.name, city.start, city.end, True)
    if region.canonical != f"{city.canonical} region":
        region = Place(region.canonical, "region", region.country, city.start, city.end,
                       region.canonical, region.held_by)
    return region


@functools.lru_cache(maxsize=4096)
def canonical_place(name: str) -> str:
    """One spelling per place, for grouping: a location as the extractor
    names it ("Kiev region", "Kharkov") in the lexicon's spelling; a name
    the lexicon does not know stays as it is.

    >>> canonical_place("Kiev region"), canonical_place("Kharkov"), canonical_place("Lutsk")
    ('Kyiv region', 'Kharkiv', 'Lutsk')
    """
    found = find_places(name)
    if len(found) == 1 and found[0].name == name and found[0].canonical:
        return found[0].canonical
    return name
