"""Attributes of a figure: side, location, weapon, period, is_part, claimant.

Each function reads the clause or sentence around one mention (see
etl/extract/engine.py `_Mention`) and returns the attribute, or None when the text
does not say. Rules follow ../shared/spec/FACTS.md, "Attributes".
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from etl.extract import numbers
from etl.extract.claimants import first_claimant
from etl.extract.rules import periods
from etl.extract.rules.places import Place, find_places, region_of_city
from etl.extract.rules.sides import find_sides
from etl.extract.rules.weapons import MISSILE_CLASSES, WIELDED_BY, find_weapons
from etl.extract.scan import Scanner, TextIndex, per_article
from etl.extract.text import clause_bounds

_I = re.IGNORECASE
_PERIODS = {name: re.compile(rf"\b(?:{'|'.join(alts)})", _I) for name, alts in periods.PERIODS}
# Period wordings are read a sentence at a time. A Scanner lists where its
# pattern can start, once per article, which pays where starts are rare;
# "day" may start at any word ("Monday's first day"): searched plainly.
_PERIOD_SCANS = {name: Scanner(rx) for name, rx in _PERIODS.items() if name != "day"}
_AIR = ("drones_", "missiles_")
# Who counts drones downed over Russia: Russian air defence reports them.
# Who reports a figure tells whose losses it counts when the text does not:
# Russia's defence ministry counts Ukrainian drones and equipment, Ukraine's
# air force and General Staff count Russian ones.
_RUSSIAN_SOURCE = re.compile(
    r"\b(?:Russian\s+(?:air\s+defen[cs]es?|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|MoD)"
    r"|Russia'?s\s+(?:air\s+defen[cs]es?|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|military|MoD)"
    r"|(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e|MoD)\s+(?:of\s+Russia|in\s+Moscow)"
    r"|Konashenkov|special\s+military\s+operation|Kiev\s+regime|Sobyanin|TASS|RIA\s+Novosti"
    r"|Ukrainian\s+(?:drones?|UAVs?|unmanned)|cross-border\s+attack)\b", _I)
_UKRAINIAN_SOURCE = re.compile(
    r"\b(?:Ukrain\w*(?:['’]s)?\s+(?:Air\s+Force|air\s+defen[cs]es?|General\s+Staff|military)"
    r"|Air\s+Force\s+of\s+(?:the\s+)?(?:Armed\s+Forces\s+of\s+)?Ukraine|Ihnat"
    r"|Russian\s+(?:drones|UAVs|missiles|attack)|Shaheds?|occupiers|enemy)\b", _I)
_RUSSIAN_SOURCE_SCAN = Scanner(_RUSSIAN_SOURCE)
_UKRAINIAN_SOURCE_SCAN = Scanner(_UKRAINIAN_SOURCE)
# A side word after one of these is a place or a target, not the actor.
_PLACE_PREP = re.compile(r"\b(?:in|into|on|at|against|to|toward|towards|from|of|across|over|"
                         r"near|inside|within|for|with)\s+(?:the\s+)?(?:eastern\s+|western\s+|"
                         r"southern\s+|northern\s+|central\s+)?$", _I)
# "Russia attacked Ukraine with 70 drones": the side after an attack verb
# is its target, not the actor.
_TARGET_VERB = re.compile(r"\b(?:attack(?:s|ed|ing)?|struck|strik(?:e|es|ing)|hit(?:s|ting)?|"
                          r"target(?:s|ed|ing)?|bombard(?:s|ed|ing)?|shell(?:s|ed|ing)?|"
                          r"pound(?:s|ed|ing)?)\s+(?:the\s+)?$", _I)
_RECIPIENT = re.compile(r"\b(?:to|for)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")
# "the bodies of Russian soldiers"; not "drones of Iranian origin" (whose
# make, not whose drones: rules/sides.py ORIGIN_SUFFIXES)
_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:its\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
                          r"(?!\s+(?:origin|make|design|manufacture)\b)")
_PERSON_METRICS = ("people_evacuated", "people_without_power", "buildings_damaged")
_RUSSIAN_LOSSES_DEFAULT = ("attacks", "bombs_dropped", "shells_fired", "equipment_destroyed",
                           "troops_mobilized", "troops_deployed")


def _np_text(text, m):
    """The figure's own words: qualifier, number and noun phrase."""
    end = m.head[1] if m.head else m.q.end
    return m.q.qual_start, end


def side_for(text, m, mentions) -> str | None:
    """Whose items or people a figure counts (FACTS.md, attribute side)."""
    metric = m.metric
    if metric in ("weapons_supplied", "weapons_requested"):
        return _receiver(text, m)
    np_start, np_end = _np_text(text, m)
    if metric in _CAPTURE_METRICS:
        return _capturer(text, m, np_start, np_end)
    agent = _LAUNCHED_BY.match(text, np_end, m.sent.end)     # "30 drones launched by Russia"
    agents = _sides(text, *agent.span(1)) if agent and metric.startswith(_AIR) else []
    if agents:
        return agents[0].side
    own = _figure_sides(text, m, np_start, np_end)
    if own:
        return own[0].side
    if metric in _PERSON_METRICS:
        return None
    cstart, _ = clause_bounds(text, m.sent, m.q.qual_start)
    if metric.startswith(_AIR) and not metric.endswith("_launched") \
            and _OF_THESE.search(text, m.sent.start, m.q.qual_start):
        # "... consisted of 297 drones. Of these, 274 were shot down": the
        # launch they are part of says whose they are
        launches = [p for p in mentions.since(m.q.start - 800, m)
                    if p.metric == metric.split("_")[0] + "_launched"]
        side = side_for(text, launches[-1], mentions) if launches else None
        if side:
            return side
    if metric.startswith(_AIR) and metric.endswith(("_downed", "_launched")):
        # "Ukraine's air defences intercepted 52", "Ukraine shot down 27 out of 30"
        downer = _downer(text, cstart, m.q.qual_start)
        if downer:
            return _OTHER_SIDE[downer]
    if metric.startswith(_AIR):
        # a model only one side flies: "six Kinzhals were shot down"; "the
        # wave included 45 Shaheds", whoever the sentence quotes
        wielder = _WIELDER.get(weapon_for(text, m, mentions))
        if wielder:
            return wielder
        if metric.endswith("launched"):
            actor = _actor(text, cstart, m.q.qual_start)
            if actor:
                return actor
        if _RUSSIAN_SOURCE_SCAN.search(text, m.sent.start, m.sent.end, index=TextIndex.of(text)) \
                or _russian_place(text, m):
            return "ukraine"
        if _UKRAINIAN_SOURCE_SCAN.search(text, m.sent.start, m.sent.end, index=TextIndex.of(text)):
            return "russia"
        return _article_air_side(text)
    if metric in ("people_killed", "people_injured"):
        if m.item in ("soldier", "dead", "casualty"):
            return _actor(text, m.sent.start, m.q.qual_start)
        return None
    if metric in ("equipment_destroyed", "casualties"):
        window_start = max(0, m.sent.start - 300)
        if _RUSSIAN_SOURCE_SCAN.search(text[window_start:m.sent.end], index=TextIndex.of(text),
                                       offset=window_start):
            return "ukraine"
        return _actor(text, cstart, m.q.qual_start) or (
            "russia" if metric == "equipment_destroyed" else None)
    if metric in ("prisoners_swapped", "bodies_repatriated"):
        return _actor(text, cstart, m.q.qual_start) or _returned_to(text, m)
    actor = _actor(text, cstart, m.q.qual_start) or _actor(text, m.sent.start, m.q.qual_start) \
        or _actor(text, max(0, m.sent.start - 200), m.sent.start, first=True)
    if actor:
        return actor
    return "russia" if metric in _RUSSIAN_LOSSES_DEFAULT else None


_CAPTURE_METRICS = ("territory_captured", "settlements_captured")
_DOWNING = (r"shot|shoots|shooting|downed|downs|intercepted|intercepts|destroyed|"
            r"neutrali[sz]ed|repelled|eliminated|jammed")
# "30 drones launched by Russia", "23 drones launched at its territory by
# Russia": up to four words between the verb and its agent, none a verb of
# their own ("launched at Kursk were downed by Russian forces" is no agent)
_LAUNCHED_BY = re.compile(r"\s+(?:\w+\s+){0,2}?(?:launched|fired|sent|used)\s+"
                          r"(?:(?!(?:were|was|been|are|is|and|then|" + _DOWNING + r")\b)"
                          r"[\w'’-]+\s+){0,4}?by\s+"
                          r"(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# "regained 2 km² of Ukrainian territory": the owner took it back.
_RETAKE = re.compile(r"\b(?:regain\w*|liberat\w*|retook|retaken|retake\w*|recaptur\w*|"
                     r"reclaim\w*|free[ds]?|freeing|return(?:ed)?\s+control)\b", _I)
_OTHER_SIDE = {"russia": "ukraine", "ukraine": "russia"}
_WIELDER = {model: side for side, models in WIELDED_BY.items() for model in models}
_OF_THESE = re.compile(r"\b(?:out\s+)?of\s+(?:these|them|those|which)\b", _I)
_DOWNING_VERB = re.compile(r"\b(?:" + _DOWNING + r")\b", _I)
_LAUNCHING_VERB = re.compile(r"\b(?:launch\w*|fired|fires|sent|sends|attack\w*)\b", _I)


def _downer(text, start, end):
    """The belligerent that shot the figure's drones or missiles down, when
    the clause names it as the downing verb's subject ("Ukraine downed 61
    of the drones", "Russia's air defence intercepted 12"): they are the
    other side's. None when a launch verb stands between ("Russia launched
    90 drones and 61 were downed")."""
    hits = [h for h in _sides(text, start, end) if h.side in _OTHER_SIDE]
    if not hits:
        return None
    between = text[start + hits[-1].end:end]
    if _DOWNING_VERB.search(between) and not _LAUNCHING_VERB.search(between):
        return hits[-1].side
    return None


def _capturer(text, m, np_start, np_end):
    """Who took the ground: the side acting before the figure; else, from
    whose ground it was ("133 km² of Ukrainian soil"), the other side, or
    the same one when it was taken back ("regained ... of Ukrainian
    territory"). The side named inside the figure is the land's owner."""
    cstart, _ = clause_bounds(text, m.sent, m.q.qual_start)
    actor = _actor(text, cstart, m.q.qual_start) or _actor(text, m.sent.start, m.q.qual_start)
    if actor:
        return actor
    owners = _figure_sides(text, m, np_start, np_end)      # "... of Ukrainian land"
    if not owners:
        return _actor(text, max(0, m.sent.start - 200), m.sent.start, first=True)
    owner = owners[0].side
    if _RETAKE.search(text[cstart:np_end]):
        return owner
    return _OTHER_SIDE.get(owner)


def _figure_sides(text, m, np_start, np_end):
    """The sides the figure's own words name, else the "of ..." right after
    them ("bodies of Russian soldiers", "km² of Ukrainian land")."""
    own = _sides(text, np_start, np_end)
    owner = _OWNER_AFTER.match(text, np_end, m.sent.end)
    if not own and owner:
        own = _sides(text, *owner.span(1))
    return own


def _receiver(text, m):
    """Who receives or asks for weapons: "to Ukraine", else the asker."""
    np_end = _np_text(text, m)[1]
    if m.metric == "weapons_supplied":
        to = _RECIPIENT.search(text, np_end, m.sent.end)
        if to and _sides(text, *to.span(1)):
            return _sides(text, *to.span(1))[0].side
        return "ukraine"
    return _actor(text, m.sent.start, m.q.qual_start) or "ukraine"


def _returned_to(text, m):
    to = re.search(r"\b(?:to|home\s+to)\s+(Ukraine|Russia)\b", text[m.q.end:m.sent.end])
    return to.group(1).lower() if to else None


@per_article
def _article_air_side(text):
    """Whose drones an article counts when a sentence does not say: the
    side attacked is the one whose sources the article quotes most."""
    index = TextIndex.of(text)
    russian = sum(1 for _ in _RUSSIAN_SOURCE_SCAN.finditer(text, index=index))
    ukrainian = sum(1 for _ in _UKRAINIAN_SOURCE_SCAN.finditer(text, index=index))
    return "ukraine" if russian > ukrainian else "russia"


def _sides(text, start, end):
    """find_sides of text[start:end], with the article's index."""
    return find_sides(text[start:end], index=TextIndex.of(text), offset=start)


_BY = re.compile(r"\bby\s+(?:the\s+)?$", _I)


def _actor(text, start, end, first=False):
    """The side named nearest before the figure (or the first, the subject
    of an earlier sentence), skipping places and targets ("in eastern
    Ukraine", "on Moscow"); an agent ("attacks by Russian forces") wins."""
    span = text[start:end]
    hits = _sides(text, start, end)
    for hit in hits:
        if _BY.search(span[:hit.start]):
            return hit.side
    for hit in (hits if first else reversed(hits)):
        before = span[:hit.start]
        if not _PLACE_PREP.search(before) and not _TARGET_VERB.search(before) \
                and not _ATTRIBUTION.search(before):
            return hit.side
    return None


# "according to Ukraine's air force": who tells, not who acts
_ATTRIBUTION = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", _I)


def _russian_place(text, m):
    cstart, cend = clause_bounds(text, m.sent, m.q.qual_start)
    return any(p.country == "russia" and p.kind != "country"
               and _OVER.search(text[m.q.end:p.start])
               for p in find_places(text, m.q.end, cend))


_OVER = re.compile(r"\b(?:over|above|in|across|on|near|to|toward|towards|at|targeting)\s+"
                   r"(?:the\s+)?(?:Russian\s+)?$", _I)


# Figures of these metrics happen where the attack of the paragraph did.
_LOCAL_METRICS = ("people_killed", "people_injured", "buildings_damaged",
                  "people_without_power", "people_evacuated")


def location_for(text, m) -> str | None:
    """The one place named for the figure, read in its own stretch of text
    (up to the neighbouring figures): "11 over Belgorod, 28 over Voronezh".
    None when several places share the figure, and for weapons supplied or
    requested, which are transfers between states, not events at a place.
    Kept per figure: is_part_of asks again for earlier ones."""
    key = ("location", m.metric, m.q.qual_start, m.q.end, m.head, m.sent)
    return TextIndex.of(text).keep(key, lambda: _read_location(text, m))


def _read_location(text, m):
    if m.metric in ("weapons_supplied", "weapons_requested"):
        return None
    cstart, cend = clause_bounds(text, m.sent, m.q.qual_start)
    dash = _DASH_AFTER.match(text, m.q.end, m.sent.end)
    if dash:                                      # "12 – over Sumy region,"
        cend = clause_bounds(text, m.sent, dash.end())[1]
    prev_end, next_start = _neighbours(text, m, cstart, cend)
    np_end = _np_text(text, m)[1]
    launched = m.metric.endswith("_launched")

    def places(a, b):
        found = _places(text, a, b)
        # "fired from Crimea towards Kryvyi Rih": the target, not the launch site
        targets = [p for p in found if not _FROM.search(text, max(0, p.start - 40), p.start)]
        return targets if launched and targets else found

    after = places(np_end, next_start)
    if not after and next_start < cend and _COORDINATED.fullmatch(text, np_end, next_start):
        # "two were killed and nine wounded in the Moscow region": the place
        # after the last of coordinated figures is theirs too
        spans = [q for q in _quantities(text, cstart, cend) if q[0] >= next_start]
        stop = spans[1][0] if len(spans) > 1 else cend
        after = places(_NAME_END.match(text, spans[0][1]).end(), stop)
    if after:
        return _first_unless_listed(text, after)
    if _NATIONWIDE.search(text, np_end, min(next_start, np_end + 60)):
        return None         # "eight killed in Kyiv alone, and 10 across the country"
    place = _one(places(prev_end, m.q.qual_start))
    if place:
        return place
    in_clause = places(cstart, cend)
    if in_clause:
        # Several places: the one the clause puts the event at, if one.
        return _one(in_clause) or _one([p for p in in_clause
                                        if _LOCATIVE.search(text[max(0, p.start - 40):p.start])])
    antecedent = m.extra.get("antecedent")
    if antecedent is not None and antecedent.sent is not m.sent \
            and location_for(text, antecedent):
        # "eight drones were used to target Odesa ... six were intercepted":
        # what refers back to a figure happened where it did
        return location_for(text, antecedent)
    if m.metric in _LOCAL_METRICS and m.item != "soldier" \
            and not _NATIONWIDE.search(text, m.sent.start, m.sent.end):
        return _paragraph_place(text, m)
    return None


# "from Crimea", "from the occupied Crimea region": a launch site.
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:temporarily\s+)?occupied\s+)?"
                   r"(?:[A-Z][\w’'-]*\s+){0,3}?\(?$")     # "from Cape Chauda (Crimea)"
# What joins a figure to the next one it shares a place with: "killed and",
# "people killed, and", "were killed and".
_COORDINATED = re.compile(r"(?:\s+[a-z]+){0,3}\s*,?\s+and\s+(?:at\s+least\s+|another\s+)?", _I)
# The words of the next figure, up to its verb: "nine (others) wounded".
_NAME_END = re.compile(r"(?:\s+(?:others?|people|civilians|more))?(?:\s+\w+)?")
# A figure about the whole country or many places: no place of the
# paragraph or the article is its place.
# (also a period's national figure: "killed ... in Ukraine in July", "in
# Russia since", not a strike's "missile strike in Ukraine")
_NATIONWIDE = re.compile(r"\b(?:across|around|throughout|all\s+over)\s+(?:the\s+)?(?:country|Ukraine|Russia)"
                         r"|\bin\s+(?:Ukraine|Russia)\s+(?:in|during|last|this|since|so\s+far|over)\b"
                         r"|\bnationwide\b|\b(?:several|multiple|many|various)\s+"
                         r"(?:regions|cities|oblasts)\b", _I)


# A list item's figure, then a dash and where: "12 – over Sumy region".
_DASH_AFTER = re.compile(r"\s*[–—-]\s*(?=\w)")


def _first_unless_listed(text, places):
    """The first place after a figure, unless it opens a list of places
    ("striking Kyiv and Odesa"), which leaves the figure without one."""
    first = places[0]
    if len(places) > 1 and _LIST_JOIN.fullmatch(text[first.end:places[1].start]) \
            and (places[1].canonical or places[1].name) not in _names_of(first):
        return None                       # not "Moscow, the capital": one place
    return first.name


def _names_of(place):
    """The canonical names that mean the place itself: its own, and for a
    city its region ("Kyiv and the region around it" is Kyiv's area)."""
    region = region_of_city(place)
    return {place.canonical or place.name, region.canonical if region else None}


_LIST_JOIN = re.compile(r"[\s,]*(?:and|or|as\s+well\s+as|,)\s+(?:the\s+|in\s+|over\s+)?", _I)
# Places that are not where a figure happened: actors and attributions
# ("Moscow's soldiers", "authorities in Kyiv said", "the Kiev regime",
# "according to Ukraine and the United States").
_NOT_WHERE_BEFORE = re.compile(r"(?:(?:authorities|officials|sources|governor|mayor)\s+(?:in|of)|"
                               r"according\s+to\b[^,.;:]{0,40}?|"
                               r"bordering|borders?\s+with|border\s+with)\s+(?:the\s+)?$", _I)
# "over 14 regions, including the capital, Kyiv": one of several places.
_ONE_OF_SEVERAL = re.compile(r"\bincluding\s+(?:the\s+(?:\w+\s+)?capital(?:\s+city)?"
                             r"(?:\s+of)?,?\s+)?$", _I)
# "Kyiv said", "Moscow has taken": a capital or a country acting is a
# government, not a place.
_ACTING = re.compile(r"\s+(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?(?:said|says|claim(?:s|ed)|"
                     r"report(?:s|ed)|announc(?:es|ed)|launch(?:es|ed)|deploy(?:s|ed)|fire[sd]|"
                     r"sen[dt]s?|brought|brings|take[sn]?|took|down(?:s|ed)|accuse[sd]|warn(?:s|ed)|"
                     r"insist(?:s|ed)|drop(?:s|ped)|uses?|used|began|begins|start(?:s|ed)|"
                     r"attack(?:s|ed)|struck|strikes|lost|loses|continue[sd]?|mobili[sz](?:es|ed)|"
                     r"shell(?:s|ed)|target(?:s|ed)|pound(?:s|ed))\b", _I)
_CAPITALS = ("Kyiv", "Moscow", "Minsk")
# ... unless the possessive names a part of the place ("Crimea's Black Sea
# coast", "Odesa's harbour").
_NOT_WHERE_AFTER = re.compile(r"^(?:['’]s\s+(?!(?:[\w-]+\s+){0,2}?(?:region|oblast|district|city|town|"
                              r"village|port|capital|coast|coastline|harbou?r|outskirts|suburbs?|"
                              r"airport|air\s+base|airbase|centre|center)\b)|\s+regime)", _I)
_LOCATIVE = re.compile(r"\b(?:in|over|on|at|near|across|around|into|towards?|targeting)\s+"
                       r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:of\s+)?$", _I)
_PARENT = re.compile(r"^\s+of\s+(?:the\s+)?$", _I)


def _neighbours(text, m, cstart, cend):
    """End of the figure before and start of the figure after, in the clause."""
    prev_end, next_start = cstart, cend
    for start, end in _quantities(text, cstart, cend):
        if end <= m.q.qual_start:
            prev_end = end
        elif start >= m.q.end and next_start == cend:
            next_start = start
    return prev_end, next_start


def _quantities(text, start, end):
    """Spans of the quantities in text[start:end] (kept per clause: its
    figures share them)."""
    return TextIndex.of(text).keep(("quantities", start, end), lambda: [
        q.span() for q in numbers.QUANTITY_SCAN.finditer(text, start, end,
                                                          index=TextIndex.of(text))])


def _places(text, start, end):
    """Places named in text[start:end] where something happened, as spans
    of the whole text, in order. "The capital", "the region", "the city"
    and "this direction" stand for the last such place named before.
    Kept per stretch of text: the figures of a clause share theirs."""
    return TextIndex.of(text).keep(("places", start, end),
                                   lambda: _read_places(text, start, end))


def _read_places(text, start, end):
    found = []
    named = find_places(text, start, end)
    for p in named:
        a, b = p.start, p.end
        if p.kind == "country" and p.country in ("ukraine", "russia"):
            continue
        before = text[max(0, a - 50):a]
        if _NOT_WHERE_BEFORE.search(before) or _ONE_OF_SEVERAL.search(before) \
                or _NOT_WHERE_AFTER.match(text[b:b + 20]):
            continue
        if _is_actor(text, p):
            continue
        if found and _PARENT.match(text[found[-1].end:a]):
            if found[-1].kind == "district" and p.kind == "city":
                found[-1] = p             # "the Kyivskyi district of Kharkiv": the city
            continue                      # "Zvenihorod district of Cherkasy region"
        if _MODIFIER.match(text, b):
            continue                      # "the Donetsk city of Bakhmut": Bakhmut
        found.append(p)
    # `found` stays in text order (as `named` is): a settlement goes in
    # after the places that start where it does or before. By bisection:
    # over a whole article, sorting `found` or looping over `named` for each
    # settlement would cost time with the square of its length.
    starts, covered = [p.start for p in found], None
    for hit in _SETTLEMENT_OF.finditer(text, start, end):
        a = hit.start("name")
        if found and _CONTAINER_GAP.fullmatch(text, found[-1].end, hit.start()):
            found.pop()                   # "In the X district, the village of Y": Y
            starts.pop()
        covered = covered or _Coverage(named)
        if not covered.holds(a):
            # "the village of Murom": a settlement the gazetteer lacks
            name = " ".join(hit["name"].split())
            k = bisect_right(starts, a)
            found.insert(k, Place(name, "city", None, a, hit.end("name"), name, None))
            starts.insert(k, a)
    for hit in _STAND_IN_SCAN.finditer(text, start, end, index=TextIndex.of(text)):
        named = _named_before(text, hit.start(), _STAND_IN_KINDS[hit.lastgroup])
        if named and not _ONE_OF_SEVERAL.search(text[max(0, hit.start() - 50):hit.start()]):
            found.append(replace(named, start=hit.start(), end=hit.end()))
    return sorted(found, key=lambda p: p.start)


class _Coverage:
    """Is a position inside one of these spans (objects with .start and
    .end, in order of start)? A bisect over their starts, and the furthest
    end of the spans that start at or before each.

    >>> from types import SimpleNamespace as Span
    >>> c = _Coverage([Span(start=0, end=10), Span(start=2, end=4), Span(start=20, end=25)])
    >>> [pos for pos in (0, 5, 9, 10, 19, 20, 24, 25) if c.holds(pos)]
    [0, 5, 9, 20, 24]
    """

    def __init__(self, spans):
        self.starts, self.reach, furthest = [], [], None
        for p in spans:
            furthest = p.end if furthest is None else max(furthest, p.end)
            self.starts.append(p.start)
            self.reach.append(furthest)

    def holds(self, pos) -> bool:
        k = bisect_right(self.starts, pos)
        return k > 0 and pos < self.reach[k - 1]


# Words that stand for a place named earlier -> the kind of place they mean.
_STAND_IN = re.compile(r"\b(?:(?P<capital>the\s+(?:Ukrainian\s+|Russian\s+)?capital(?:\s+region)?)|"
                       r"(?P<region>(?:the|his|her|its)\s+(?:[a-z]+ern\s+)?(?:region|oblast))|"
                       r"(?P<city>the\s+city(?!\s+of\s+[A-Z]))|"
                       r"(?P<settlement>the\s+(?:village|town|settlement|hamlet)(?!\s+of\s+[A-Z]))|"
                       r"(?P<direction>(?:this|that|the\s+same)\s+direction))\b", _I)
_STAND_IN_SCAN = Scanner(_STAND_IN)
_STAND_IN_KINDS = {"capital": ("city", ("Kyiv", "Moscow")), "region": ("region", None),
                   "city": ("city", None), "settlement": ("settlement", None),
                   "direction": ("direction", None)}


# A place that is an actor or a government, not where ("Moscow's soldiers",
# "Kyiv said").
def _is_actor(text, p):
    return bool(_NOT_WHERE_AFTER.match(text[p.end:p.end + 20])) or (
        (p.kind == "country" or p.canonical in _CAPITALS) and _ACTING.match(text, p.end, p.end + 40))


# "the village of X", "the town of X", "the area of X": X is a settlement.
_SETTLEMENT_OF = re.compile(r"\b(?:village|town|city|settlement|hamlet|area)\s+of\s+"
                            r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
# Between a district or region and "the village of Y" inside it.
_CONTAINER_GAP = re.compile(r"\s*,\s*(?:the\s+)?", _I)
# "the Donetsk city of Bakhmut", "the Kharkiv region town of Kupiansk".
_MODIFIER = re.compile(r"\s+(?:region\s+|oblast\s+)?(?:city|town|village)\s+of\s+[A-Z]", _I)


def _named_before(text, pos, kind_and_names):
    """The last place of a kind (and name) named in the 1,500 characters
    before pos (kept per stand-in: every stretch of text that holds it asks)."""
    key = ("named before", pos, kind_and_names)
    return TextIndex.of(text).keep(key, lambda: _read_named_before(text, pos, kind_and_names))


def _read_named_before(text, pos, kind_and_names):
    """"The village" is the last town or village named, listed or not
    ("the village of X"); "the region" the last region named, or the
    region of the last city when that city names its region ("struck
    Kharkiv ... 200 homes in the region are without power")."""
    kind, names = kind_and_names
    base = max(0, pos - 1500)
    named = find_places(text, base, pos)
    if kind == "settlement":
        named = sorted([p for p in named if p.kind == "city"] + [
            Place(" ".join(hit["name"].split()), "city", None, hit.start("name"), hit.end("name"))
            for hit in _SETTLEMENT_OF.finditer(text, base, pos)], key=lambda p: p.end)
        kind = "city"
    for p in reversed(named):
        if _is_actor(text, p):
            continue
        if kind == "region" and p.kind == "city" and region_of_city(p):
            return region_of_city(p)
        if p.kind == kind and (names is None or (p.canonical or p.name) in names):
            return p
    return None


def _paragraph_place(text, m):
    """A casualty or damage figure with no place of its own: the one place
    of the nearest sentence before it that names one ("Five people were
    injured in the strike" after "... hit Kharkiv"; a town named just
    before beats the region the article opened with), else the one place
    of the sentences just before, else the place the article is about."""
    window = max(0, m.sent.start - 600)
    before = _places(text, window, m.sent.start)
    if before:
        last = _SENTENCE_END.search(text[window:before[-1].start][::-1])
        opens = before[-1].start - last.start() if last else window
        nearest = _one([p for p in before if p.start >= opens])
        if nearest:
            return nearest
    return _one(before) or _article_place(text)


# Where a sentence ends, read backwards: a stop and its space, or a line break.
_SENTENCE_END = re.compile(r"\s+[\"”’»)]*[.!?]|\n")


@per_article
def _article_place(text):
    """The place an article names most often (twice or more), if one leads."""
    counts = {}
    for p in _places(text, 0, len(text)):
        if p.kind != "country":
            counts[p.canonical or p.name] = counts.get(p.canonical or p.name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return next(p.name for p in _places(text, 0, len(text)) if (p.canonical or p.name) == ranked[0][0])
    return None


def _one(places):
    """The place when all of `places` name one (a city and its own region
    count as one: the city), else None."""
    names = {p.canonical or p.name for p in places}
    if len(names) == 1:
        return places[0].name
    cities = [p for p in places if p.kind == "city" and names <= _names_of(p)]
    return cities[0].name if cities else None


# Metrics whose weapon may be a plain type ("helicopter", "fighter jet").
_TYPED_METRICS = ("equipment_destroyed", "weapons_supplied", "weapons_requested")


def weapon_for(text, m, mentions) -> str | None:
    """The model or type named for the counted items (FACTS.md canonical
    names); figures that refer back ("43 of them") take their antecedent's,
    and plain "drones" or "missiles" the one model of their kind named in
    their paragraph so far."""
    start, end = _weapon_words(text, m)
    generic = m.metric in _TYPED_METRICS
    found = find_weapons(text[start:end], generic=generic, index=TextIndex.of(text),
                         offset=start)
    models = {w.canonical for w in found if not w.generic}
    if len(models) == 1:
        return models.pop()
    if len(models) > 1:
        heads = {w.head for w in found if w.head}
        return heads.pop() if len(heads) == 1 else _one_class(models)
    types = {w.canonical for w in found}
    if _AND_OTHER.match(text, end):
        return None                      # "9,014 tanks and other armored vehicles"
    if len(types) == 1 and generic:
        return types.pop()
    np = text[start:end].lower()
    if m.metric == "attacks":
        for kind in ("drone", "missile", "artillery"):
            if kind in np:
                return kind
    if m.metric.startswith("missiles_"):
        kinds = [k for k in ("ballistic", "cruise") if k in np]
        if len(kinds) == 1:
            return f"{kinds[0]} missile"
    if m.head is None and m.extra.get("antecedent") is not None:
        return weapon_for(text, m.extra["antecedent"], mentions)
    total = None if found else _total_of(text, m, mentions)
    if total is not None:
        return weapon_for(text, total, mentions)        # "44 cruise missiles: Centre - 18"
    if m.metric.startswith(_AIR):
        model = _same_figure_model(text, m, mentions)
        if model:
            return model
    if m.metric.startswith("drones_"):
        return _paragraph_model(text, m.sent, m.sent.end, "drone") \
            or _model_named_next(text, m.sent, "drone")
    if m.metric.startswith("missiles_"):
        return _paragraph_model(text, m.sent, m.q.qual_start, "missile")
    return None


# The next sentence, across a paragraph break: "... shot down all 14
# drones.\n\nThe Shahed drones were downed over six regions."
_NEXT_SENTENCE = re.compile(r"\s*[^\n]*?(?:[.!?](?=[\s\"”’]|$)|\n|$)")
# "the Shahed drones", "15 of the Russia-launched Iranian-made Shahed
# drones": a definite noun phrase that names a model; not a comparison
# ("like the Iranian-made Shaheds", "such as the ...").
_DEFINITE = re.compile(r"(?<!\blike\s)(?<!\bas\s)\bthe\s+(?:[a-z][\w-]*\s+){0,2}$", _I)


def _model_named_next(text, sent, kind):
    """The model the next sentence names for the same items by a definite
    reference ("The Shahed drones were downed ..."), if exactly one."""
    start, end = _NEXT_SENTENCE.match(text, sent.end).span()
    found = []
    for w in find_weapons(text[start:end], index=TextIndex.of(text), offset=start):
        before = text[max(start, start + w.start - 40):start + w.start]   # spans: of the slice
        if _DEFINITE.search(before):
            found.append(w)
    return _only_model(found, kind)


# The rest of a model's name or head noun that the figure's noun phrase
# stops short of ("four Iskander|-M/KN-23 ballistic missiles"), and "of the
# X-101 type", "of the US-made HIMARS system": the model named after the
# counted noun.
_NAME_TAIL = re.compile(r"[\w/\"“”'’-]*(?:\s+(?:[a-z-]+\s+){0,2}?(?:missiles?|rockets?|drones?|UAVs?)\b)?")
_OF_MODEL = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w-]+-made\s+)?")
# "eight ballistic and six cruise missiles": the next figure is joined on.
_JOINED = re.compile(r"(?:\band|\bor|,)\s*$", _I)
# "N tanks and other armoured vehicles": several types share the count.
_AND_OTHER = re.compile(r"\s*,?\s+and\s+other\b", _I)


def _weapon_words(text, m):
    """Where the figure names what it counts: its noun phrase, completed to
    the end of a model's name, up to the next figure ("eight ballistic |and
    six cruise missiles"), and with "of the <model> ..." after it."""
    start, end = _np_text(text, m)
    if m.extra.get("tally"):
        start = max(m.sent.start, start - 50)
    if m.head:
        end = _NAME_TAIL.match(text, end, m.sent.end).end()
    cstart, cend = clause_bounds(text, m.sent, m.q.qual_start)
    next_start = _neighbours(text, m, cstart, cend)[1]
    if m.q.end <= next_start < end and _JOINED.search(text, m.q.end, next_start):
        end = next_start
    of = _OF_MODEL.match(text, end, m.sent.end)
    if of and m.head:
        named = find_weapons(text[of.end():of.end() + 40], index=TextIndex.of(text),
                             offset=of.end())        # spans relative to the slice
        if named and named[0].start == 0 and not named[0].generic:
            end = of.end() + named[0].end
    return start, end


def _one_class(models):
    """The class of missile several models share ("Kh-101/Iskander-K
    missiles" are cruise missiles), if one."""
    classes = {c for c, names in MISSILE_CLASSES.items() if models <= set(names)}
    return classes.pop() if len(classes) == 1 else None


def _same_figure_model(text, m, mentions):
    """'Russia launched 87 Shahed drones ... destroyed 56 of the 87 drones':
    the model an earlier figure of the same items and value names, for
    the figure or, in "N of the M", its total."""
    values = {m.q.value}
    if m.extra.get("of_total") and m.head:
        values |= {q.value for q in numbers.find_quantities(text[m.head[0]:m.head[1]])}
    same = mentions.by_item_value()
    for n in sorted(n for value in values for n in same.get((m.item, value), ())):
        p = mentions.mentions[n]
        if p.q.start >= m.q.start:
            continue
        model = _only_model(find_weapons(text[p.q.qual_start:p.head[1]],
                                         index=TextIndex.of(text), offset=p.q.qual_start))
        if model:
            return model
    return None


def _paragraph_model(text, sent, end, kind):
    """The model of a kind named from the start of the sentence's paragraph
    to `end`, when exactly one is: "launched 40 Shaheds ... downed 30
    drones", "six Kalibr missiles were fired ... Another two missiles were
    shot down". Not the whole article's: a later attack may mix models and
    decoys, and its plain "drones" name none (FACTS.md: null if none).
    Drones look to their sentence's end, missiles only up to the figure:
    a total's breakdown ("81 missiles, including six Kinzhal") names a part."""
    start = text.rfind("\n", 0, sent.start) + 1
    return TextIndex.of(text).keep((kind, start, end), lambda: _only_model(
        find_weapons(text[start:end], index=TextIndex.of(text), offset=start), kind))


def _only_model(found, kind=None):
    """The model (not a generic type) the weapons found name, when they name
    exactly one (of `kind`, if given)."""
    models = {w.canonical for w in found if not w.generic and kind in (None, w.kind)}
    return models.pop() if len(models) == 1 else None


# What one strike does (killed, injured, damaged, cut off) happens at one
# time, even in the night: "overnight" is when, not a span it counts over.
_ONE_TIME_METRICS = ("people_killed", "people_injured", "buildings_damaged",
                     "people_without_power", "bombs_dropped")


def period_for(text, m, mentions) -> str | None:
    """The period nearest the figure in its sentence, else the period of the
    attack it belongs to (air figures inherit within their paragraph)."""
    if m.extra.get("tally"):
        return "day" if m.extra.get("increment") else "cumulative"
    own = _nearest_period(text, m)
    if own == "overnight" and m.metric in _ONE_TIME_METRICS:
        return None
    if own:
        return own
    total = _total_of(text, m, mentions)
    if total is not None:
        return period_for(text, total, mentions)        # a part covers its total's span
    if _SAME_PERIOD.search(text, m.sent.start, m.sent.end):
        # "during the same timeframe, Russia lost eight tanks": the span of
        # the last figure before that states one
        for p in reversed(mentions.since(m.sent.start - 1500, m)):
            if p.sent.end <= m.sent.start and _nearest_period(text, p):
                return _nearest_period(text, p)
    if m.metric.startswith(_AIR):
        # The figures of one attack share its period, wherever in the
        # article the time is said: the nearest air figure that says it.
        timed = mentions.nearest("air period", m, lambda p: _nearest_period(text, p)
                                 if p.metric and p.metric.startswith(_AIR) else None)
        return timed or _article_night(text)
    return None


@per_article
def _article_night(text):
    """An article about one night's attack: its figures are overnight."""
    overnight = _PERIOD_SCANS["overnight"]
    return "overnight" if overnight.search(text, index=TextIndex.of(text)) else None


def _nearest_period(text, m):
    """The period worded nearest the figure in its sentence (kept per
    figure: air figures ask for each other's)."""
    key = ("period", m.q.qual_start, m.q.end, m.sent)
    return TextIndex.of(text).keep(key, lambda: _read_nearest_period(text, m))


_NOT_A_SPAN = re.compile(periods.NOT_A_SPAN, _I)
_CLAUSE_STOP = re.compile(periods.SINCE_CLAUSE_END)
_SAME_PERIOD = re.compile(periods.SAME_PERIOD, _I)


def _read_nearest_period(text, m):
    """The period of the wording nearest the figure, among the wordings of
    its sentence that no longer one overlaps; a "since ..." that compares
    ("the largest attack since ...") or measures elapsed time ("two years
    since ...") spans nothing."""
    hits, comparing = [], []
    for name, found in _sentence_periods(text, m.sent).items():
        for hit in found:
            if (name == "cumulative" or text[hit.start():hit.start() + 6].lower() == "since ") \
                    and _NOT_A_SPAN.search(text, max(m.sent.start, hit.start() - 100), hit.start()):
                # its clause goes with it: "... since the war began in 2022"
                stop = _CLAUSE_STOP.search(text, hit.end(), m.sent.end)
                comparing.append((hit.start(), stop.start() if stop else m.sent.end))
            else:
                hits.append((hit.start(), hit.end(), name))
    hits = [h for h in hits if not any(a <= h[0] < b for a, b in comparing)]
    best = None
    for start, end, name in hits:
        if any(s < end and start < e and e - s > end - start for s, e, _ in hits):
            continue
        dist = min(abs(start - m.q.end), abs(m.q.qual_start - end))
        if best is None or dist < best[0]:
            best = (dist, name)
    return best[1] if best else None


def _sentence_periods(text, sent):
    """The period wordings of a sentence, by period, in the order of
    PERIODS (kept per sentence: its figures share them)."""
    return TextIndex.of(text).keep(("periods", sent), lambda: {
        name: list(_period_hits(text, sent.start, sent.end, name)) for name in _PERIODS})


def _period_hits(text, start, end, name):
    """The matches of a period's pattern in text[start:end] (as finditer
    with pos and endpos gives them)."""
    scanner = _PERIOD_SCANS.get(name)
    if scanner is None:
        return _PERIODS[name].finditer(text, start, end)
    return scanner.finditer(text, start, end, index=TextIndex.of(text))


_PART_CUE = re.compile(r"(?:\bincluding|\b(?:figure|number|toll|total)\s+includes?|\bamong\s+(?:them|whom|those)|\bof\s+(?:them|whom|which)|"
                       r"\bin\s+particular|\bincl\.|"
                       # "Among those freed were 23", "Among the dead are five"
                       r"\bamong\s+(?:them|those|the\s+[\w-]+)\b[^.;:]{0,50}?\b(?:were|was|are|is)"
                       r")[\s,:]*(?:at\s+least\s+|about\s+|over\s+|some\s+)?$", _I)
_IN_BRACKETS = re.compile(r"[^()]{0,40}\([^()]{0,160}")
_MORE = re.compile(r"^\s*(?:more|others?|additional)\b", _I)


def is_part_of(text, m, mentions) -> bool:
    """True when the figure is a stated part of a larger one of its metric."""
    if "breakdown_of" in m.extra:       # an item of a list after a total and a colon
        return True
    earlier = _larger_before(mentions, m)
    if not earlier:
        return False
    # "including 5", "of them", "227 killed (31 men, 25 women ...)"
    if _stated_part(text, m, earlier):
        return True
    # "including eight ballistic and six cruise missiles": a figure joined on
    # to a part is a part too
    before = [p for p in mentions.since(m.sent.start - 1, m)
              if p.sent is m.sent and p.metric == m.metric]
    if before and before[-1].q.value < max(p.q.value for p in earlier) \
            and _JOINED_PART.fullmatch(text, before[-1].q.end, m.q.qual_start) \
            and is_part_of(text, before[-1], mentions):
        return True
    if _MORE.match(text[m.q.end:m.q.end + 12]):
        return False
    # a breakdown by place follows its total of the same items, in its
    # paragraph (list lines included) or in a later one of the same period;
    # a figure of another paragraph and time is its own event
    return location_for(text, m) is not None and any(
        location_for(text, p) is None and p.item == m.item
        and (not _NEW_PARAGRAPH.search(text, p.q.end, m.q.start)
             or period_for(text, p, mentions) == period_for(text, m, mentions))
        for p in earlier)


# What joins a part to the next: "... boys, as well as 69", "... and six".
_JOINED_PART = re.compile(r"(?:\s+[\w-]+){0,4}?\s*(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+)"
                          r"(?:some\s+|about\s+|another\s+)?", _I)
# A line break that starts prose, not a list item ("- 12 over Sumy").
_NEW_PARAGRAPH = re.compile(r"\n(?!\s*(?:[-–—•*]|\d))")


def _total_of(text, m, mentions):
    """The figure a stated part belongs to: its list's total, else the
    nearest larger figure of its metric before it (kept per figure)."""
    key = ("total of", m.metric, m.q.qual_start, m.q.end)
    return TextIndex.of(text).keep(key, lambda: _read_total_of(text, m, mentions))


def _read_total_of(text, m, mentions):
    if "breakdown_of" in m.extra:
        return m.extra["breakdown_of"]
    earlier = _larger_before(mentions, m)
    if earlier and _stated_part(text, m, earlier):
        return earlier[-1]
    return None


def _stated_part(text, m, earlier):
    """A part by its wording: "including", "of them", "among the dead
    were", a breakdown in brackets after a larger figure of its sentence."""
    left = text[max(m.sent.start, m.q.qual_start - 80):m.q.qual_start]
    return _PART_CUE.search(left) is not None or any(
        _IN_BRACKETS.fullmatch(text, p.q.end, m.q.qual_start) for p in earlier
        if p.sent is m.sent)


def _larger_before(mentions, m):
    """The larger figures of m's metric before m in `mentions`, from the
    800 characters before it."""
    return [p for p in mentions.since(m.q.start - 800, m)
            if p.metric == m.metric and p.q.value > m.q.value]


def claimant_for(text, m) -> tuple[str | None, str | None]:
    """The first claimant named in the figure's sentence, and its wording
    (kept per sentence: its figures share it)."""
    hit = TextIndex.of(text).keep(("claimant", m.sent), lambda: first_claimant(
        text[m.sent.start:m.sent.end], index=TextIndex.of(text), offset=m.sent.start))
    return (hit.claimant, hit.raw) if hit else (None, None)
