"""Weapons: the canonical weapon table, and `find_weapons` to spot mentions.

MODELS follows the canonical table of spec/FACTS.md (NOTE: keep in sync
with "Canonical weapon names" there) plus models the table leaves out,
which keep their usual spelling (Kh-555, S-400, FAB-500, Leopard 2, ...).
GENERIC_TYPES are the plain words ("cruise missiles", "helicopters",
"armoured vehicles") that gold also uses as a weapon for some metrics
(missiles, equipment) but never for others (gold writes no weapon for
"88 drones"). `find_weapons` returns them only when asked (`generic=True`),
marked `generic=True`. A type word that is the head noun of a model
("Shahed drones", "Kalibr cruise missiles") is folded into the model's
mention, so one named weapon yields one mention.

An alias written in lower case matches in any case (headlines capitalise
"Glide Bombs"); any other alias matches as written ("Patriot" is a system,
"patriot" a person; "UAV", "MLRS" stay acronyms).
Hyphens in a model are optional ("Kh101", "Kh-101"); a trailing model
letter is accepted ("Kh-59MK", "Tu-95MS"); a plural "s" is accepted.

`MODEL_DESIGNATION_RE` / `is_model_designation` recognise designations
whose digits are part of a name, never a count (FACTS.md: "Not facts").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract.scan import Scanner, TextIndex, match_by_first_char

# The kinds the engine reads to tell drones from missiles, and so on.
KINDS = ("drone", "missile", "bomb", "shell", "air_defence", "aircraft",
         "armour", "artillery", "other")

# canonical -> (kind, aliases). The canonical name is itself an alias.
MODELS = {
    # --- Drones
    "Shahed": ("drone", ("Shahed-136", "Shahed-131", "Shahed-238",
                         "Shahed-type", "Shahed-style", "Shahid-136",
                         "Shahid", "Geran-1", "Geran-2", "Geran-3", "Geran",
                         # Russia's Iranian drones are Shaheds (gold reads
                         # them so); a bare "kamikaze drone" may be anything.
                         "Iranian drone", "Iranian-made drone",
                         "Iranian-designed drone", "Iranian attack drone",
                         "Iranian kamikaze drone", "Iranian-made kamikaze drone",
                         "Iranian-made attack drone")),
    "Gerbera": ("drone", ("Gerbera-type", "decoy drone", "drone decoy",
                          "decoy UAV")),
    "Lancet": ("drone", ("ZALA Lancet", "Lancet-3")),
    "Bayraktar TB2": ("drone", ("Bayraktar", "TB2")),
    "Orlan-10": ("drone", ("Orlan",)),
    "Mohajer-6": ("drone", ()),
    "Liutyi": ("drone", ("Lyutyi",)),
    "Magura": ("drone", ("Magura V5",)),
    "Sea Baby": ("drone", ()),
    # --- Missiles
    "Iskander-M": ("missile", ("Iskander", "9M723")),
    "Iskander-K": ("missile", ("R-500", "9M728", "9M729")),
    "KN-23": ("missile", ("KN-24", "Hwasong-11")),
    "Kh-101": ("missile", ("X-101",)),
    "Kh-555": ("missile", ("X-555",)),
    "Kh-22": ("missile", ("X-22",)),
    "Kh-32": ("missile", ("X-32",)),
    "Kh-35": ("missile", ("X-35",)),
    "Kh-59": ("missile", ("X-59",)),
    "Kh-69": ("missile", ("X-69",)),
    "Kh-31P": ("missile", ("Kh-31", "X-31", "X-31P")),
    "Kinzhal": ("missile", ("Kh-47M2", "Kh-47", "X-47M2", "X-47")),
    "Kalibr": ("missile", ("3M-14", "3M14")),
    "Onyx": ("missile", ("P-800", "Oniks")),
    "Zircon": ("missile", ("3M22", "3M-22", "Tsirkon")),
    "Oreshnik": ("missile", ()),
    "Tochka-U": ("missile", ("Tochka",)),
    "ATACMS": ("missile", ("MGM-140",)),
    "Storm Shadow": ("missile", ("SCALP-EG", "SCALP")),
    "Taurus": ("missile", ("KEPD 350",)),
    "Neptune": ("missile", ("R-360",)),
    "Vilkha": ("missile", ()),
    "HARM": ("missile", ("AGM-88",)),
    # --- Bombs (KAB: FACTS.md folds glide and guided bombs into it)
    "KAB": ("bomb", ("KAB-250", "KAB-500", "KAB-1500", "UMPK",
                     "glide bomb", "guided aerial bomb", "guided air bomb",
                     "guided bomb", "corrected aerial bomb")),
    "FAB-250": ("bomb", ()),
    "FAB-500": ("bomb", ()),
    "FAB-1500": ("bomb", ()),
    "FAB-3000": ("bomb", ()),
    "JDAM": ("bomb", ()),
    # --- Air defence
    "Patriot": ("air_defence", ("MIM-104",)),
    "IRIS-T": ("air_defence", ("IRIS-T SLM",)),
    "NASAMS": ("air_defence", ()),
    "SAMP/T": ("air_defence", ()),
    "Gepard": ("air_defence", ()),
    "S-300": ("air_defence", ()),
    "S-400": ("air_defence", ()),
    "Pantsir": ("air_defence", ("Pantsir-S1",)),
    "Buk": ("air_defence", ("Buk-M1", "Buk-M2", "Buk-M3")),
    "Tor": ("air_defence", ("Tor-M2",)),
    # --- Aircraft
    "F-16": ("aircraft", ()),
    "F-35": ("aircraft", ()),
    "Mirage 2000": ("aircraft", ("Mirage",)),
    "Gripen": ("aircraft", ()),
    "Su-24": ("aircraft", ()),
    "Su-25": ("aircraft", ()),
    "Su-27": ("aircraft", ()),
    "Su-30": ("aircraft", ()),
    "Su-34": ("aircraft", ()),
    "Su-35": ("aircraft", ()),
    "Su-57": ("aircraft", ()),
    "MiG-29": ("aircraft", ()),
    "MiG-31": ("aircraft", ()),
    "Tu-22M3": ("aircraft", ("Tu-22",)),
    "Tu-95": ("aircraft", ()),
    "Tu-160": ("aircraft", ()),
    "A-50": ("aircraft", ()),
    "Il-76": ("aircraft", ()),
    "Be-12": ("aircraft", ()),
    "Ka-52": ("aircraft", ()),
    "Mi-8": ("aircraft", ()),
    "Mi-24": ("aircraft", ()),
    "Mi-28": ("aircraft", ()),
    "An-12": ("aircraft", ()),
    "An-26": ("aircraft", ()),
    # --- Armour
    "Leopard 2": ("armour", ("Leopard 2A4", "Leopard 2A6", "Leopard")),
    "Leopard 1": ("armour", ("Leopard 1A5",)),
    "Abrams": ("armour", ("M1 Abrams", "M1A1 Abrams", "M1A1")),
    "Challenger 2": ("armour", ()),
    "Challenger": ("armour", ()),
    "Bradley": ("armour", ("M2 Bradley",)),
    "Marder": ("armour", ()),
    "Stryker": ("armour", ()),
    "T-62": ("armour", ()),
    "T-64": ("armour", ()),
    "T-72": ("armour", ()),
    "T-80": ("armour", ()),
    "T-90": ("armour", ()),
    "BMP-2": ("armour", ()),
    "BMP-3": ("armour", ()),
    "BTR-82": ("armour", ()),
    "M113": ("armour", ()),
    # --- Artillery
    "HIMARS": ("artillery", ("GMLRS", "M142", "High-Mobility Artillery Rocket System",
                             "High Mobility Artillery Rocket System")),
    "M270": ("artillery", ("MARS II", "MARS")),
    "M777": ("artillery", ()),
    "Caesar": ("artillery", ("CAESAR",)),
    "Krab": ("artillery", ()),
    "PzH 2000": ("artillery", ()),
    "2S19 Msta-S": ("artillery", ("2S19", "Msta-S")),
    "Grad": ("artillery", ("BM-21",)),
    "Uragan": ("artillery", ("BM-27",)),
    "Smerch": ("artillery", ("BM-30", "Tornado-S")),
    "TOS-1": ("artillery", ("TOS-1A", "Solntsepyok")),
    # --- Other
    "Willard Sea Force": ("other", ()),
    "Javelin": ("other", ("FGM-148",)),
    "AT4": ("other", ()),
}

# Plain type words. canonical -> (kind, aliases).
# NOTE: "tank" and "artillery shell" are canonical names in FACTS.md, so
# find_weapons returns them by default (FACTS_TYPES below).
# Spelling variants that gold keeps apart (armored/armoured, defense/
# defence) and the longer type words an article writes ("armored combat
# vehicles", "warplanes", "surface-to-air missile systems") are separate
# rows: the output keeps the article's wording.
# Whose a model is when a figure names no side: the models only one side
# flies ("six Kinzhals were shot down" are Russia's, "seven Storm Shadows"
# Ukraine's). Models both sides use (Tochka-U) are not here.
WIELDED_BY = {
    "russia": ("Shahed", "Gerbera", "Lancet", "Orlan-10", "Mohajer-6",
               "Iskander-M", "Iskander-K", "KN-23", "Kh-101", "Kh-555", "Kh-22",
               "Kh-32", "Kh-35", "Kh-59", "Kh-69", "Kh-31P", "Kinzhal", "Kalibr",
               "Onyx", "Zircon", "Oreshnik"),
    "ukraine": ("Bayraktar TB2", "Liutyi", "Magura", "Sea Baby", "ATACMS",
                "Storm Shadow", "Taurus", "Neptune", "Vilkha", "HARM"),
}

GENERIC_TYPES = {
    "drone": ("drone", ("UAV", "unmanned aerial vehicle", "attack drone",
                        "kamikaze drone", "strike drone", "FPV drone",
                        "sea drone", "naval drone", "maritime drone",
                        "unmanned surface vessel", "uncrewed aerial vehicle")),
    "cruise missile": ("missile", ()),
    "ballistic missile": ("missile", ("ballistic",)),
    "guided missile": ("missile", ("guided air missile",
                                   "guided aerial missile")),
    "anti-aircraft guided missile": ("missile", ()),
    "missile": ("missile", ()),
    "rocket": ("missile", ()),
    "bomb": ("bomb", ("aerial bomb", "air bomb")),
    "tank": ("armour", ()),
    "artillery shell": ("shell", ("shell", "155mm shell", "155-mm shell",
                                  "artillery round", "155mm round", "round",
                                  "rounds of ammunition")),
    "air defense system": ("air_defence", ()),
    "air defence system": ("air_defence", ()),
    "anti-aircraft missile system": ("air_defence", ("SAM system",)),
    "surface-to-air missile system": ("air_defence", ()),
    "missile system": ("other", ()),
    "aircraft": ("aircraft", ("plane", "military aircraft")),
    "warplane": ("aircraft", ()),
    "fighter jet": ("aircraft", ("fighter", "fighter aircraft",
                                 "fighter plane")),
    "bomber": ("aircraft", ("strategic bomber",)),
    "helicopter": ("aircraft", ()),
    "armoured vehicle": ("armour", ()),
    "armored vehicle": ("armour", ()),
    "armoured combat vehicle": ("armour", ()),
    "armored combat vehicle": ("armour", ()),
    "armoured fighting vehicle": ("armour", ()),
    "armored fighting vehicle": ("armour", ()),
    "armoured personnel carrier": ("armour", ("APC",)),
    "armored personnel carrier": ("armour", ()),
    "infantry fighting vehicle": ("armour", ("IFV",)),
    "military vehicle": ("armour", ()),
    "special military vehicle": ("armour", ("special military motor vehicle",)),
    "special vehicle": ("armour", ()),
    "vehicle": ("armour", ()),
    "artillery": ("artillery", ("artillery system", "artillery piece",
                                "artillery gun")),
    "MLRS": ("artillery", ("multiple launch rocket system",
                           "multiple rocket launcher",
                           "multiple rocket launch system")),
    "howitzer": ("artillery", ()),
    "mortar": ("artillery", ()),
    "ship": ("other", ("warship", "vessel")),
    "boat": ("other", ()),
    "radar": ("other", ()),
}

# Missile models by class: several models of one class sharing one count
# ("7 Kh-101/Iskander-K missiles") are that class of missile.
MISSILE_CLASSES = {
    "cruise missile": ("Kh-101", "Kh-555", "Kh-59", "Kh-69", "Kh-22", "Kh-32", "Kh-35",
                       "Iskander-K", "Kalibr", "Storm Shadow", "Taurus", "Neptune", "Onyx",
                       "Zircon"),
    "ballistic missile": ("Iskander-M", "KN-23", "Tochka-U", "ATACMS", "Oreshnik", "Kinzhal"),
}

# Type words that FACTS.md's weapon table names as canonical: returned by
# find_weapons even when generic type words are not asked for.
FACTS_TYPES = ("tank", "artillery shell")

# Designations whose digits name a model or unit, never a count
# ("Su-34", "Kh-101", "M777", "2S19", "47th Brigade"). Each line is a shape.
MODEL_DESIGNATION_RE = re.compile(
    r"""
    (?<![\w-])(?:
      [A-Z][A-Za-z]{0,6}[-‐‑–]\d+[A-Za-z0-9]*   # Su-34, Kh-101, Tu-95MS, MiG-29, FAB-500
        (?:/[A-Za-z]*[-‐‑–]?\d+[A-Za-z]*)*     # ... /131, /Kh-555
    | [A-Z]{1,3}\d{2,4}[A-Z]?\d?                # M777, M142, TB2, A330
    | \d[A-Z]{1,2}[-‐‑–]?\d+[A-Z]?             # 2S19, 3M22, 9M723, 3M-14
    | \d+(?:st|nd|rd|th)\s+                     # 47th
        (?:[A-Z][\w-]*\s+){0,3}                 # Separate Mechanized
        (?:Brigade|Regiment|Division|Battalion|Corps|Army|Fleet|Guards)
    )(?!\w)
    """,
    re.VERBOSE,
)

# Calibres are not counts either ("155mm", "122-mm", "7.62 mm").
CALIBRE_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[-\s]?mm(?!\w)")


# --- Finder ----------------------------------------------------------------
@dataclass(frozen=True)
class WeaponMention:
    """One weapon mention: canonical name, kind (one of KINDS), span,
    whether it is a plain type word ("missiles") rather than a model, and
    the type word folded in as its head noun ("ballistic missile" for
    "KN-23 ballistic missiles"), which names the type when several models
    share one count ("Iskander-M/KN-23 ballistic missiles")."""

    canonical: str
    start: int
    end: int
    kind: str
    generic: bool = False
    head: str | None = None


# Words that may stand between a model and its head noun ("Kinzhal
# hypersonic missiles", "Iskander-M ballistic missiles") without making
# them two weapons. A conjunction in between always does.
HEAD_NOUN_GAP = re.compile(
    r"[\s-]*(?:(?!(?:and|or|as|plus|with|but|while|than|of)\b)[a-z-]+\s+){0,2}")


def _pattern(alias: str) -> str:
    """Regex for one alias: optional hyphens, model letters, plural s."""
    p = re.escape(alias).replace(r"\ ", r"\s+").replace(r"\-", "[-‐‑–]?")
    if alias[-1].isdigit():
        p += r"(?:[A-Z]{1,3}\d?)?"          # Kh-59MK, Tu-95MS, Tu-22M3
    p += r"(?:e?s|['’]s)?"                   # Shaheds, F-16s, missiles
    return f"(?i:{p})" if alias.islower() else p


def _index() -> dict[str, tuple[str, str, bool]]:
    """alias -> (canonical, kind, generic); models win a shared alias."""
    out = {}
    for table, generic in ((GENERIC_TYPES, True), (MODELS, False)):
        for canon, (kind, aliases) in table.items():
            out.update({a: (canon, kind, generic) for a in (canon, *aliases)})
    return out


def _cyrillic_kh():
    """"Х-101" (Cyrillic Kha, as Ukrainian and Russian sources print it)
    for every Kh- model: the same weapon."""
    for canon, (kind, aliases) in list(MODELS.items()):
        if canon.startswith("Kh-"):
            MODELS[canon] = (kind, aliases + ("\u0425" + canon[2:],))


_cyrillic_kh()
_ALIASES = _index()
_ORDERED = sorted(_ALIASES, key=len, reverse=True)   # longest alias wins


def _weapon_re(aliases: list[str]) -> re.Pattern:
    """One group per alias, in order: the first alias that matches wins.
    They are the only groups, so a match's `lastindex` names its alias."""
    return re.compile(
        r"(?<![\w-])(?:"
        + "|".join(f"({_pattern(a)})" for a in aliases)
        + r")(?!\w)"
        # "Shahed-136/131", "Kh-59/69": a number after a slash names a sibling.
        + r"(?:/\d+[A-Z]?(?!\w))*"
    )


_WEAPON_RE = _weapon_re(_ORDERED)
_ALIASES_OF = {_WEAPON_RE: _ORDERED}      # pattern -> its aliases, group by group


def _may_start(alias: str, char: str) -> bool:
    """Whether `alias` can match from `char` on: its first character, in
    any case for a lower-case alias (as IGNORECASE reads it: "ſ" is an "s")."""
    first = re.escape(alias[0])
    return re.fullmatch(f"(?i:{first})" if alias.islower() else first, char) is not None


def _recorded_weapon_re(aliases: list[str]) -> re.Pattern:
    """`_weapon_re`, its aliases kept so that a match's `lastindex` names one."""
    rx = _weapon_re(aliases)
    _ALIASES_OF[rx] = aliases
    return rx


_WEAPON_SCAN = Scanner(_WEAPON_RE, match=match_by_first_char(_ORDERED, _may_start,
                                                              _recorded_weapon_re))


def _siblings(alias: str, tail: str, pos: int) -> list[WeaponMention]:
    """Mentions for "/69" after "Kh-59" (the model "Kh-69"), from `pos`."""
    prefix = alias.rsplit("-", 1)[0] + "-" if "-" in alias else alias
    out = []
    for part in tail.split("/")[1:]:
        pos += 1
        hit = _ALIASES.get(prefix + part)
        if hit:
            out.append(WeaponMention(hit[0], pos, pos + len(part), hit[1], hit[2]))
        pos += len(part)
    return out


def _mentions(text: str, index: TextIndex | None, offset: int) -> list[WeaponMention]:
    """Every alias match, models and type words alike, in order."""
    out = []
    for m in _WEAPON_SCAN.finditer(text, index=index, offset=offset):
        alias = _ALIASES_OF[m.re][m.lastindex - 1]
        canon, kind, generic = _ALIASES[alias]
        # A sibling of another model ends this mention before the slash;
        # "/131" after "Shahed-136" is the same weapon and stays inside it.
        alias_end = m.end(m.lastindex)
        sibs = [s for s in _siblings(alias, text[alias_end:m.end()], alias_end)
                if s.canonical != canon]
        end = alias_end if sibs else m.end()
        out.append(WeaponMention(canon, m.start(), end, kind, generic))
        out.extend(sibs)
    return out


def find_weapons(text: str, *, generic: bool = False, index: TextIndex | None = None,
                 offset: int = 0) -> list[WeaponMention]:
    """Every weapon named in `text`, in order; [] when none. Plain type
    words ("drones", "helicopters") are included only when `generic`,
    except the FACTS.md types "tank" and "artillery shell". `index`, of an
    article that holds `text` at `offset`, only saves time.

    >>> [w.canonical for w in find_weapons("17 Shahed-136/131 UAVs and 3 tanks")]
    ['Shahed', 'tank']
    >>> [w.canonical for w in find_weapons("Kh-101/Kh-555 and Kh-59/69 missiles")]
    ['Kh-101', 'Kh-555', 'Kh-59', 'Kh-69']
    >>> [w.canonical for w in find_weapons("40 drones and 2 helicopters", generic=True)]
    ['drone', 'helicopter']
    >>> find_weapons("a patriotic song")
    []
    """
    out: list[WeaponMention] = []
    for w in _mentions(text, index, offset):
        prev = out[-1] if out else None
        if w.generic and prev and not prev.generic \
                and HEAD_NOUN_GAP.fullmatch(text, prev.end, w.start):
            # "Shahed drones": the type word is the model's head noun.
            out[-1] = WeaponMention(prev.canonical, prev.start, w.end, prev.kind,
                                    head=w.canonical)
        elif generic or not w.generic or w.canonical in FACTS_TYPES:
            out.append(w)
    return out


def is_model_designation(token: str) -> bool:
    """True when `token` is a model or unit designation, not a count.

    >>> [is_model_designation(t) for t in ("Su-34", "M777", "2S19", "47th Brigade")]
    [True, True, True, True]
    >>> [is_model_designation(t) for t in ("132", "5,000", "Kyiv", "2024")]
    [False, False, False, False]
    """
    return MODEL_DESIGNATION_RE.fullmatch(token.strip()) is not None
