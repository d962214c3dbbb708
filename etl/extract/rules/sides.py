"""Sides: the words that name a warring or supplying state, and `find_sides`.

A side value is a country in lower case with underscores (spec/FACTS.md,
attribute `side`): russia, ukraine, north_korea, belarus, ...

Words match case-sensitively ("US" is a country, "us" a pronoun). Ukrainian
outlets write "russia"/"russian" in lower case on purpose, so those
spellings are listed too. A capital city is a side only when it acts
("Moscow said", "Kyiv's forces"); "over Moscow" is a place (etl.extract.rules.places).
A demonym glued to "-made"/"-designed" ("Iranian-made Shahed drones") gives
the origin of a weapon, not whose it is, and is not a side mention; nor is
a third state's demonym before a weapon word ("Iranian drones", see
BELLIGERENTS).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract.scan import Scanner, TextIndex

# side -> words that name it outright (demonyms, the state, its forces).
SIDE_WORDS = {
    "russia": ("Russia", "Russian", "Russians", "Russian Federation",
               "russia", "russian", "russians", "Kremlin", "RF Armed Forces",
               "occupiers", "occupying forces", "invaders", "rashists"),
    "ukraine": ("Ukraine", "Ukrainian", "Ukrainians", "Armed Forces of Ukraine",
                "AFU", "ZSU", "Kyiv regime", "Kiev regime"),
    "north_korea": ("North Korea", "North Korean", "North Koreans", "DPRK",
                    "Korean People's Army", "Korean People’s Army"),
    "belarus": ("Belarus", "Belarusian", "Belarusians", "Belarussian"),
    "china": ("China", "Chinese"),
    "iran": ("Iran", "Iranian", "Iranians"),
    "united_states": ("United States", "U.S.", "US", "USA", "America",
                      "American", "Americans"),
    "united_kingdom": ("United Kingdom", "UK", "U.K.", "Britain", "British"),
    "poland": ("Poland", "Polish", "Poles"),
    "germany": ("Germany", "German", "Germans"),
    "france": ("France", "French"),
    "denmark": ("Denmark", "Danish"),
    "netherlands": ("Netherlands", "Dutch"),
    "norway": ("Norway", "Norwegian"),
    "sweden": ("Sweden", "Swedish"),
    "finland": ("Finland", "Finnish"),
    "belgium": ("Belgium", "Belgian"),
    "canada": ("Canada", "Canadian"),
    "italy": ("Italy", "Italian"),
    "spain": ("Spain", "Spanish"),
    "czech_republic": ("Czech Republic", "Czechia", "Czech"),
    "romania": ("Romania", "Romanian"),
    "moldova": ("Moldova", "Moldovan"),
    "lithuania": ("Lithuania", "Lithuanian"),
    "latvia": ("Latvia", "Latvian"),
    "estonia": ("Estonia", "Estonian"),
    "turkey": ("Turkey", "Türkiye", "Turkish"),
    "japan": ("Japan", "Japanese"),
    "south_korea": ("South Korea", "South Korean"),
    "australia": ("Australia", "Australian"),
    "israel": ("Israel", "Israeli"),
    "hungary": ("Hungary", "Hungarian"),
    "slovakia": ("Slovakia", "Slovak"),
}

# side -> capitals that stand for the state only when acting.
ACTOR_CAPITALS = {
    "russia": ("Moscow",),
    "ukraine": ("Kyiv", "Kiev"),
    "north_korea": ("Pyongyang",),
    "belarus": ("Minsk",),
    "china": ("Beijing",),
    "iran": ("Tehran",),
    "united_states": ("Washington",),
    "united_kingdom": ("London",),
    "poland": ("Warsaw",),
    "germany": ("Berlin",),
    "france": ("Paris",),
    "south_korea": ("Seoul",),
}

# What follows a capital that acts: a possessive, or a verb of saying or
# doing. Kept short on purpose; "Moscow region" must not match.
ACTOR_FOLLOWERS = (
    "'s", "’s", "said", "says", "has", "have", "had", "is", "was", "will",
    "would", "launched", "fired", "sent", "deployed", "claimed", "claims",
    "reported", "denied", "denies", "accused", "accuses", "announced",
    "struck", "attacked", "confirmed", "insists", "insisted", "wants",
    "plans", "pledged", "agreed", "received", "handed", "returned",
)

# Suffixes after a demonym that make it an origin, not a side.
ORIGIN_SUFFIXES = ("made", "designed", "built", "produced", "manufactured",
                   "supplied", "developed", "style", "type")

# The two warring sides use what they are named with ("Russian drones").
# Any other state's demonym right before a weapon word names where the
# weapon came from ("Iranian drones" are flown by Russia, "American
# HIMARS" by Ukraine), so it is not a side there. Up to two words may stand
# between ("Iranian attack drones", "North Korean ballistic missiles").
BELLIGERENTS = ("russia", "ukraine")
WEAPON_NOUNS = (
    "drone", "drones", "UAV", "UAVs", "Shahed", "Shaheds", "missile",
    "missiles", "rocket", "rockets", "shell", "shells", "ammunition",
    "munitions", "weapon", "weapons", "tank", "tanks", "jet", "jets",
    "aircraft", "system", "systems", "howitzers",
    "HIMARS", "ATACMS", "Patriot", "Patriots", "F-16", "F-16s", "Abrams",
    "Leopard", "Leopards", "Bradley", "Bradleys", "KN-23", "boats",
)  # NOTE: not "fighters": "Chinese fighters" are people, and a side.


# --- Finder ----------------------------------------------------------------
@dataclass(frozen=True)
class SideMention:
    """One word naming a side, with its span in the text."""

    side: str
    start: int
    end: int


def _alternation(words) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_SIDE_OF = {w: s for s, ws in SIDE_WORDS.items() for w in ws}
_SIDE_OF.update({w: s for s, ws in ACTOR_CAPITALS.items() for w in ws})
_FOLLOWERS = _alternation(f for f in ACTOR_FOLLOWERS if f[0].isalpha())
_SIDE_RE = re.compile(
    rf"""
    (?<![\w.-])                                      # start of a word
    (?:
      (?P<word>{_alternation(w for ws in SIDE_WORDS.values() for w in ws)})
      (?!\w)                                         # whole word
      (?!-(?:{_alternation(ORIGIN_SUFFIXES)}))       # not "Iranian-made"
    | (?P<capital>{_alternation(w for ws in ACTOR_CAPITALS.values() for w in ws)})
      (?=['’]s\b|\s+(?:{_FOLLOWERS})\b)              # acting: "Moscow said"
    )
    """,
    re.VERBOSE,
)

_SIDE_SCAN = Scanner(_SIDE_RE)

_WEAPON_NEXT_RE = re.compile(
    rf"(?:\s+[a-z-]+){{0,2}}\s+(?:{_alternation(WEAPON_NOUNS)})(?!\w)")


def find_sides(text: str, *, index: TextIndex | None = None, offset: int = 0) -> list[SideMention]:
    """Every word that names a side in `text`, in order; [] when none.
    `index`, of an article that holds `text` at `offset`, only saves time.

    >>> [m.side for m in find_sides("Russian drones hit Ukrainian cities")]
    ['russia', 'ukraine']
    >>> [m.side for m in find_sides("Moscow said it downed drones over Moscow")]
    ['russia']
    >>> find_sides("Iranian-made Shahed drones")
    []
    >>> [m.side for m in find_sides("Iranian attack drones; Iranian officials")]
    ['iran']
    """
    out = []
    for m in _SIDE_SCAN.finditer(text, index=index, offset=offset):
        side = _SIDE_OF[" ".join((m["word"] or m["capital"]).split())]
        if side in BELLIGERENTS or not _WEAPON_NEXT_RE.match(text, m.end()):
            out.append(SideMention(side, m.start(), m.end()))
    return out
