"""Article -> facts: the rule engine. Rules live in etl/extract/rules/ as data.

For each sentence, every quantity (etl.extract.numbers) is either kept as a fact or
rejected with a reason. A quantity becomes a fact when we can name what it
counts (an item noun after it, or the item of an earlier figure it refers
back to: "88 of them", "one returned") and what happened (an event word on
either side within its clause); the pair maps to a metric through
`lexicon.METRICS`. Attributes come from the clause around the figure, and
period and side flow from one figure of an attack to the next.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from etl.extract import numbers
from etl.extract.rules.numbers import SCALES, TENS, UNITS
from etl.extract.attributes import (claimant_for, is_part_of, location_for, period_for,
                            side_for, weapon_for)
from etl.extract.figures import Figures
from etl.model import Article, Extraction, Fact, Rejection
from etl.extract.not_a_fact import row_reason
from etl.extract.rules import lexicon, patterns, weapons
from etl.extract.rules.places import canonical_place
from etl.extract.scan import ScannerSet, TextIndex
from etl.extract.text import Sentence, clause_bounds, split_sentences
from etl.extract.kinds import flow_kinds, kind_of
from etl.extract.timewindow import resolve_window
from etl.extract.units import to_km2, unit_for_metric

_I = re.IGNORECASE
_ITEMS = [(name, re.compile(rf"\b{rx}\b", _I)) for name, rx in lexicon.ITEMS]
_ITEM_ANY = re.compile(
    "|".join(rf"(?P<{name}>\b{rx}\b)" for name, rx in lexicon.ITEMS), _I)
_EVENTS = {name: re.compile(rf"\b{rx}\b", _I) for name, rx in lexicon.EVENTS}
_EVENT_SCAN = ScannerSet(_EVENTS)
_ALL_EVENTS = [e for e, _ in lexicon.EVENTS]
_HYPOTHETICAL = re.compile(lexicon.HYPOTHETICAL, _I)
_OUTSIDE = re.compile(rf"\s*(?:[\w'’-]+\s+){{0,2}}?{patterns.OUTSIDE_VOCABULARY}\b",
                      re.VERBOSE | _I)

# Words that may stand between a number and its head noun: adjectives,
# demonyms, model names ("17 Shahed-136/131 attack UAVs"). A stop word ends
# the noun phrase.
_STOP = re.compile(r"""^(?:in|on|at|over|from|to|into|across|by|with|during|against|
    after|before|and|or|but|which|that|who|were|was|is|are|have|has|had|be|
    been|being|will|would|as|than|since|for|per|while|the|a|an|its|their)$""",
                   re.VERBOSE | _I)
_NP_HEAD = re.compile(r"""\s*(?:more\s+|other\s+|additional\s+|further\s+|
    another\s+)?(?:of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?)?""",
                      re.VERBOSE | _I)
_WORD = re.compile(r"[\w'’/.-]+|[^\w\s]")
_OF_TOTAL = re.compile(r"(?:\bout\s+of|\bof\s+(?:the|all|a\s+total\s+of|all\s+the)?)\s*$", _I)
_ALL = re.compile(r"\ball\s+(?:the\s+|of\s+the\s+)?$", _I)
_BODIES_OF = re.compile(r"\b(?:bodies|remains)\s+of\s+(?:the\s+)?(?:another\s+)?$", _I)
# "the death toll has risen to 18", "casualties likely amount to 465,000"
_TOLL_VERB = (r"(?:[\s,]+[\w'’-]+){0,8}?[\s,]+(?:amount(?:s|ed|ing)?\s+to|reach(?:ed|es|ing)?|stands?\s+at|stood\s+at|"
              r"standing\s+at|(?:rose|risen|climbed|increased|grew|jumped|soared|escalat(?:ed|ing))\s+to|"
              r"total(?:s|led|ed|ling)?|exceed(?:s|ed|ing)?|approach(?:es|ed|ing)?|near(?:s|ed|ing)?|"
              r"hit(?:s|ting)?|top(?:s|ped)?|surpass(?:es|ed)?|put\s+at|estimated\s+at|"
              r"to|at|of|is|was|are|were)\s+$")
_TOLLS = [
    # "the number of Russian troops killed and wounded is approaching 200,000"
    ("casualty", re.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,3}?killed\s+(?:and|or)\s+(?:wounded|injured)"
                            + _TOLL_VERB, _I)),
    ("dead", re.compile(r"\b(?:death\s+(?:toll|count)|number\s+of\s+(?:dead|deaths|victims|those\s+killed|people\s+killed|fatalities)|fatalities|deaths)" + _TOLL_VERB, _I)),
    ("wounded", re.compile(r"\b(?:number\s+of\s+(?:injured|wounded|injuries)|injury\s+toll|injuries)" + _TOLL_VERB, _I)),
    ("casualty", re.compile(r"\b(?:casualties|losses|casualty\s+(?:toll|count|figures?))" + _TOLL_VERB, _I)),
]
# "the number of missiles was put at 75": the item named in "the number of
# ..." before a verb of amount
_ITEM_TOLL = re.compile(r"\b(?:number|count|tally)\s+of\s+(?P<np>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
                        + _TOLL_VERB, _I)
_TALLY = re.compile(r"(?P<head>[A-Za-z][\w\s/-]{1,40}?)\s*[–—:-]+\s*(?:about\s+|approximately\s+|over\s+)?$")
# How every _TALLY match ends: a test that spares searching most contexts.
_TALLY_TAILS = ("–", "—", ":", "-", "about", "approximately", "over")
_FIGURE_IN_HEAD = re.compile(r"(?<![\w-])\d")
_TALLY_EVENTS = {"system": "destroy", "drone": "down", "missile": "down",
                 "soldier": "casualty", "person": "casualty"}
_SWAP_CONTEXT = re.compile(r"exchang|swap|captiv|prisoner|POW|repatriat|released|freed|brought\s+(?:back|home)", _I)
# "announcing plans to call up 300,000": an announced decision is a fact.
_ANNOUNCED = re.compile(r"\b(?:announc\w+|unveil\w+|approv\w+|sign\w+)\s+(?:\w+\s+)?$", _I)
# "captured 35 soldiers", "took 12 soldiers prisoner": a capture is no
# metric of ours (a swap needs an exchange, a deployment a posting).
_CAPTURED_BEFORE = re.compile(r"\b(?:captur(?:ed|ing|es?)|took|tak(?:en|ing|es?)|seiz(?:ed|ing)|"
                              r"detain(?:ed|ing))\s+(?:\w+\s+){0,2}$", _I)
_CAPTURED_AFTER = re.compile(r"\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?"
                             r"(?:taken\s+)?(?:prisoners?|captives?|captured)\b", _I)
_MUNITION_RATE = re.compile(lexicon.MUNITION_RATE, _I)
_RATE_EVENTS = {"shell": "fire", "bomb": "drop"}
_MUNITION_MADE = re.compile(lexicon.MUNITION_MADE, _I)
_AGREED_HANDOVER = re.compile(lexicon.AGREED_HANDOVER, _I)
_HANDOVER_TO_COME = re.compile(lexicon.HANDOVER_TO_COME, _I)
_ROCKET_LAUNCHER = re.compile(r"\b(?:HIMARS|MLRS|rocket\s+launchers?|rocket\s+systems?)\b", _I)
_ONE_OF = re.compile(r"one\s+of\s+(the|its|their|these|those|our|his|her|[A-Z][\w'’]*['’]s)\s", _I)
# How every _TOLLS and _ITEM_TOLL match ends (lower case): a test that
# spares searching most contexts.
_TOLL_TAILS = ("to", "at", "of", "is", "was", "are", "were", "reach", "reached", "reaches",
               "reaching", "total", "totals", "totalled", "totaled", "totalling", "exceed",
               "exceeded", "exceeds", "exceeding", "near", "nearing", "neared", "nears", "hit",
               "hits", "hitting", "top", "topped", "tops", "surpassed", "surpasses", "approach",
               "approaching", "approached", "approaches")
_LAUNCHES = re.compile(lexicon.LAUNCHES, _I)
_GAPPED_HEAD = re.compile(rf"\s+and\s+{numbers.NUMBER}", re.VERBOSE | _I)
_TIMES = re.compile(r"\s+times\b", _I)
_ATTACKED_TIMES = re.compile(lexicon.ATTACKED_TIMES, _I)
# "captured two Chinese men fighting for Russia": the men's own verb says
# they were deployed; the capture is no metric of ours.
_FIGHTING_AFTER = re.compile(r"\s+(?:who\s+)?(?:(?:were|are|had\s+been|have\s+been)\s+)?"
                             r"(?:fighting|serving)\b", _I)
_MAJORITY_OF = re.compile(r"\b(?:majority|most|bulk|rest)\s+of\s+(?:the\s+)?$", _I)


@dataclass
class _Mention:
    """A quantity with what it counts and what happened, before attributes."""

    q: numbers.Quantity
    sent: Sentence
    item: str | None
    event: str | None
    head: tuple[int, int] | None        # span of the item noun phrase
    metric: str | None = None
    extra: dict = field(default_factory=dict)


def extract_article(article: Article) -> Extraction:
    """Facts and rejected numbers of one article."""
    return extract_text(article.text, doc=article.id, published=article.published)


def extract_text(text: str, doc: str = "", published=None) -> Extraction:
    """Facts and rejected numbers of one text.

    >>> [(f.metric, f.value) for f in extract_text("Russia launched 132 drones overnight.").facts]
    [('drones_launched', 132)]
    >>> extract_text("The 155mm shells arrived on August 23.").facts
    []
    """
    out = Extraction()
    sentences = split_sentences(text)
    mentions: list[_Mention] = []
    for sent in sentences:
        mentions.extend(_sentence_mentions(text, sent, mentions, out, doc))
    figures = Figures(mentions)
    facts = []
    for m in mentions:
        if not m.metric:
            continue
        if _not_whole(m):
            out.rejections.append(_reject(text, doc, m.q, m.sent, NOT_WHOLE))
        else:
            facts.append(_to_fact(text, doc, m, figures, published))
    out.facts = _merge_repeats(facts)
    flow_kinds(text, out.facts)
    return out


# Every metric counts whole things ("2.5 tanks" is a misreading, a share or
# an average, never a count); territory is rounded to whole km² (FACTS.md).
NOT_WHOLE = "not a whole number"


def _not_whole(m) -> bool:
    if m.metric == "territory_captured":
        return False
    return any(v is not None and not float(v).is_integer()
               for v in (m.q.value, m.q.low, m.q.high))


# -- finding what each number counts ---------------------------------------

def _sentence_mentions(text, sent, earlier, out, doc):
    """The figures of one sentence, in order; `earlier` are those of the
    sentences before, in order, and is left as it was given."""
    s = text[sent.start:sent.end]
    found, pending = [], []
    quantities = [_shift(q, sent.start) for q in
                  numbers.find_quantities(s, index=TextIndex.of(text), offset=sent.start)]
    if "both" in s.lower():
        quantities = sorted(quantities + _both(text, sent), key=lambda q: q.start)
    # Each number is classified after the article's earlier figures and the
    # sentence's so far: they go on the end of `earlier` for the while (a
    # copy of the list for each number would cost time with the square of
    # the article's length).
    n_earlier = len(earlier)
    try:
        for q in quantities:
            if q.form == "both" and not _two_before(text, q, earlier):
                continue        # "both sides": no count of two stated before
            reason = _not_a_fact(text, q, sent)
            if reason:
                out.rejections.append(_reject(text, doc, q, sent, reason))
                continue
            m = _classify(text, q, sent, earlier)
            if m.metric is None:
                pending.append(m)
                continue
            found.append(m)
            earlier.append(m)
            if "also" in m.extra:
                also = m.extra.pop("also")
                found.append(also)
                earlier.append(also)
    finally:
        del earlier[n_earlier:]
    for m in pending:
        if _elliptical(text, m, earlier):
            found.append(m)
        elif not _share_list_event(text, m, found):
            out.rejections.append(_reject(text, doc, m.q, sent, m.extra.get("reason", "no metric")))
    found.sort(key=lambda m: m.q.start)
    return found


def _both(text, sent):
    """'launched 31 drones and 2 missiles ... destroying 28 drones and both
    missiles': "both" counts two when it refers back to a stated count of
    two of its items (FACTS.md); `_two_before` checks that count."""
    return [numbers.Quantity(2, 2, 2, "exact", b.start(), b.end(), b.group(), "both", b.start())
            for b in _BOTH.finditer(text, sent.start, sent.end)]


def _two_before(text, q, earlier):
    twos = [e for e in earlier[-12:] if e.q.value == 2 and q.start - e.q.end < 600]
    return bool(twos) and _item_after(text, q.end, q.end + 80)[0] in {e.item for e in twos}


_BOTH = re.compile(r"\bboth(?=\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?[a-z])", _I)


def _elliptical(text, m, earlier) -> bool:
    """A sentence with no verb of its own ("Since January – 1,500 people, of
    which 140 are children.") continues the event of the sentence before."""
    if m.item is None or not m.extra.get("reason", "").startswith("no event"):
        return False
    s = text[m.sent.start:m.sent.end]
    if _events_in(text, m.sent.start, m.sent.end, _ALL_EVENTS, sub=True) or _HAS_VERB.search(s):
        return False
    # The last figure of that item in the sentences ending less than 200
    # characters before. `earlier` is in text order, so the walk back stops
    # at the first figure of a sentence further away.
    for p in reversed(earlier):
        if m.sent.start - p.sent.end >= 200:
            return False
        if p.item == m.item and p.sent.end <= m.sent.start:
            m.event, m.metric = p.event, p.metric
            return True
    return False


_HAS_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|said|says|[a-z]{3,}ed|ran|rang)\b(?!\s+children)", _I)


def _share_list_event(text, m, found) -> bool:
    """'260 planes, 144 helicopters ... have been destroyed': members of one
    list of figures share the event that one of them has."""
    if m.item is None or not m.extra.get("reason", "").startswith("no event"):
        return False
    for other in sorted(found, key=lambda o: abs(o.q.start - m.q.start)):
        a, b = sorted((m, other), key=lambda x: x.q.start)
        gap_start = (a.head or (0, a.q.end))[1]
        gap = text[gap_start:b.q.qual_start]
        if len(gap) > 220 or not _LIST_GAP.fullmatch(gap) \
                or _events_in(text, gap_start, b.q.qual_start, _ALL_EVENTS, sub=True):
            continue
        metric = lexicon.METRICS.get((m.item, other.event))
        if metric:
            m.event, m.metric = other.event, metric
            found.append(m)
            return True
    return False


def _shift(q, offset):
    q.start += offset
    q.end += offset
    q.qual_start += offset
    return q


def _model_name_stems():
    """'Leopard', 'PzH': the word before the number of weapon models whose
    name ends in a number ('Leopard 2', 'PzH 2000'), read from the weapons table."""
    names = {a for k, (_, aliases) in weapons.MODELS.items() for a in (k, *aliases)}
    return {m.group(1) for n in names if (m := re.fullmatch(r".*?([A-Za-z][\w-]*)\s+\d+\w*", n))}


_MODEL_NAME_STEMS = frozenset(_model_name_stems())


def _model_name_before(text, pos):
    """'Leopard 2': the word before the number is a model name's stem."""
    before = text[max(0, pos - 20):pos]
    return before[-1:].isspace() and (before.split() or [""])[-1].lstrip("\"'‘“(") in _MODEL_NAME_STEMS
_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?")     # "2023", "2023-24"
_LONG_DIGITS = re.compile(r"\d{7,}")
_FURNITURE = re.compile(r"[\s\d.,/|•·-]*")     # a line of page numbers and rules


def _not_a_fact(text, q, sent) -> str | None:
    left = text[max(sent.start, q.start - 40):q.start]
    right = text[q.end:min(sent.end, q.end + 40)]
    reason = row_reason(left, right)
    if reason == "date" and q.value > 31:
        reason = None       # "on 3 August 10,350,489 refugees": no day of a month
    if reason:
        return reason
    if q.form == "digits" and _model_name_before(text, q.start):
        return "model or unit designation"      # "Leopard 2 tanks", "PzH 2000"
    if q.form in ("digits", "range") and _YEAR.fullmatch(q.surface) \
            and not _item_after(text, q.end, sent.end)[0]:
        return "year"
    if q.form == "digits" and _LONG_DIGITS.fullmatch(q.surface):
        return "id or phone number"
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if _FURNITURE.fullmatch(line):
        return "page furniture"
    if _HISTORY.search(text[max(sent.start, q.qual_start - 120):q.qual_start]):
        return "history, not this war"
    hypothetical = _HYPOTHETICAL.search(_clause_left(text, q, sent)[-70:])
    if hypothetical and not _ANNOUNCED.search(hypothetical.string[:hypothetical.start()]):
        return "hypothetical or plan"
    return None


# "used in the 1930s by the Soviets ..., where millions of people died"
_HISTORY = re.compile(r"\b(?:in|during|since|of)\s+the\s+1[0-9]{2}0s\b|"
                      r"\b(?:World\s+War\s+(?:II|Two|2|I|One)|Second\s+World\s+War|"
                      r"First\s+World\s+War|Holodomor)\b", _I)
_JOINER = re.compile(r"and|or|,|/")
_WORDLIKE = re.compile(r"[\w\"“'‘]")
_LETTER = re.compile(r"[A-Za-z]")


def _item_after(text, pos, limit):
    """The item class and noun-phrase span right after a number, if any."""
    earlier_figure = "(" in text[pos:pos + 3] and _EARLIER_FIGURE.match(text, pos, limit)
    if earlier_figure:      # "341 (318) civilians": the noun after the bracket
        pos = earlier_figure.end()
    glued = _GLUED_AREA.match(text, pos, limit)       # "235sqkm"
    if glued:
        return "territory", (pos, glued.end())
    m = _NP_HEAD.match(text, pos, limit)
    cursor = m.end() if m else pos
    if not _WORDLIKE.match(text, cursor, limit):
        return None, None       # "5.", "(+0)": the loop would stop at once
    for n_words in range(8):
        hit = _ITEM_ANY.match(text, cursor, limit)
        if hit:
            # Compound nouns name the last word: "drone attacks" are attacks,
            # "rocket salvo fire systems" are systems; "dead soldiers" are dead.
            while True:
                later = _later_head(text, hit.end(), limit)
                if not later and _UNIT_HEAD.match(text, hit.end(), limit):
                    return None, None       # "two tank battalions": units, not tanks
                if not later or hit.lastgroup in ("dead", "wounded"):
                    return _combined(text, hit, limit), (pos, hit.end())
                hit = later
        word = _WORD.match(text, cursor, limit)
        if n_words == 0 and word and word.group().lower() in ("and", "or"):
            # "1,520 and 1,517 systems": two counts of one noun
            other = numbers.QUANTITY_RE.match(text, word.end() + 1, limit)
            item, span = _item_after(text, other.end(), limit) if other else (None, None)
            if item:
                return item, (pos, span[1])
        joiner = word and n_words > 0 and _JOINER.fullmatch(word.group())
        if joiner and _NOT_A_MODIFIER.match(text, word.end(), limit):
            # "eight ballistic and six cruise missiles": both count missiles
            other = numbers.QUANTITY_RE.match(text, word.end() + 1, limit) if word.group() == "and" else None
            item, span = _item_after(text, other.end(), limit) if other else (None, None)
            return (item, (pos, span[1])) if item else (None, None)
        if not word or (_STOP.match(word.group()) and not joiner) \
                or not (joiner or _WORDLIKE.match(word.group())):
            return None, None
        first = word.group()[:1]
        calibre = first.isdigit() and _CALIBRE.match(text, cursor, limit)
        if calibre:         # "200 000 155 mm shells": a calibre inside the noun phrase
            cursor = calibre.end()
            continue
        if first.isdigit() and not _LETTER.search(word.group()) \
                or word.group().lower() in _NUMBER_WORDS and _NUMBER_WORD.match(text, cursor, limit):
            return None, None       # "four of the six missiles": the six's noun
        cursor = word.end()
        while cursor < limit and text[cursor] in " \t\"“”'‘’()":
            cursor += 1
    return None, None


# "341 (318) civilians were killed": the figure of an earlier report in
# brackets after the number; "(318)" itself is read as the figure before it.
_EARLIER_FIGURE = re.compile(rf"\s*\(\s*(?:{numbers.NUMBER})\s*\)", re.VERBOSE | _I)
_NUMBER_WORD = re.compile(rf"{numbers.WORD_NUMBER}(?=\s)", re.VERBOSE | _I)
_NUMBER_WORDS = frozenset([*UNITS, *TENS, *SCALES, "half"])     # how one can start
_CALIBRE = re.compile(r"\d{2,3}(?:[.,]\d)?\s?-?\s?(?:mm|millimet(?:er|re)s?)\b\s*", _I)
_COMPOUND = [re.compile(r"(?:[\s-]+(?![a-z]+ed\b)(?!(?:and|or|of|in|on|at|to|from|over|by|with|using|were|was|"
                        r"that|which|during|after|before|across|into|since|for|per|while|"
                        r"the|a|an|its|their|as|than|are|is|have|has|had)\b)[A-Za-z][\w'-]*){%d}[\s-]+" % n)
             for n in range(3)]
# After "and" or a comma inside a noun phrase, these start something else.
_NOT_A_MODIFIER = re.compile(rf"\s*(?:(?:including|among|such|while|which|who|whom|that|"
                             rf"the|a|an)\b|\d|{numbers.WORD_NUMBER})", re.VERBOSE | _I)


def _later_head(text, pos, limit):
    """A head noun up to two words after another: "rocket launch systems",
    "rocket system (MLRS) attacks"."""
    abbreviation = _ABBREVIATION.match(text, pos, limit)
    if abbreviation:
        pos = abbreviation.end()
    for compound in _COMPOUND:
        gap = compound.match(text, pos, limit)
        later = gap and _ITEM_ANY.match(text, gap.end(), limit)
        # "soldiers killed": a participle after the noun is not its head.
        if later and not _PARTICIPLE.fullmatch(later.group()):
            return later
    return None
# A noun after an item word that makes the phrase count something else:
# "two tank battalions", "hundreds of apartment windows".
_UNIT_HEAD = re.compile(r"[\s-]+(?:battalions?|brigades?|companies|company|regiments?|divisions?|"
                        r"squadrons?|crews?|units|factories|plants|manufacturers?|windows|"
                        r"debris|fragments|wreckage|parts|components|casings)\b", _I)
_OTHER_HEAD_PHRASE = re.compile(r"(?:\s+of)?(?:\s+[\w'’-]+){0,3}?(?P<head>" + _UNIT_HEAD.pattern + ")", _I)
_ABBREVIATION = re.compile(r"\s*\((?-i:[A-Z]{2,8})\)")
_GLUED_AREA = re.compile(r"(?:sq\.?\s*km|km2|km²)\b", _I)
_PARTICIPLE = re.compile(r"killed|dead|wounded|injured|hurt", _I)
_OTHER_AIR = {"drone": "missile", "missile": "drone"}


def _combined(text, hit, limit):
    """'800 drones and missiles' is one count of both: not a fact of either."""
    other = _OTHER_AIR.get(hit.lastgroup)
    if other:
        tail = re.match(r"\s+(?:and|or|&)\s+(?:[\w-]+\s+){0,2}?", text[hit.end():limit])
        if tail:
            nxt = _ITEM_ANY.match(text, hit.end() + tail.end(), limit)
            if nxt and nxt.lastgroup == other:
                return "combined"
    return hit.lastgroup


def _clause_left(text, q, sent):
    start, _ = clause_bounds(text, sent, q.qual_start)
    return text[start:q.qual_start]


def _classify(text, q, sent, earlier) -> _Mention:
    item, head = _item_after(text, q.end, sent.end)
    gapped = head and q.value != 1 and text.startswith(" and ", head[1]) \
        and _GAPPED_HEAD.match(text, head[1], sent.end)
    if gapped and _singular_count_noun(text[head[0]:head[1]].split()[-1], item):
        # "22 missile and 57 air strikes": a singular noun after a count is a
        # modifier of the head the next count has
        later, later_head = _item_after(text, gapped.end(), sent.end)
        if later:
            item, head = later, (q.end, later_head[1])
    left = text[sent.start:q.qual_start]
    extra = {}
    if item in (None, "soldier", "person", "dead") and _BODIES_OF.search(left[-40:]):
        item = "body"
    if item is None:
        item, head = _of_total_item(text, q, sent)
        if item:
            extra["of_total"] = True
    if item is None and earlier and earlier[-1].extra.get("tally") \
            and re.search(r"\(\s*\+\s*$", left):
        prev = earlier[-1]      # "tanks – 9,912 (+14)": the day's increment
        m = _Mention(q, sent, prev.item, prev.event, None, prev.metric,
                     extra={"tally": True, "increment": True})
        return m
    other_head = _OTHER_HEAD_PHRASE.match(text, q.end, sent.end) if item is None else None
    if other_head:      # "hundreds of apartment windows", "two tank battalions"
        return _Mention(q, sent, None, None, None, extra={
            "reason": f"counts {other_head.group('head').strip(' -')}"})
    twin = _bracket_twin(text, q, sent, earlier)
    if twin is not None:
        return _Mention(q, sent, twin.item, twin.event, None, twin.metric,
                        extra={"bracket_of": twin})
    if item is None and not _OUTSIDE.match(text, q.end, sent.end):
        tally = _tally(left)
        if tally:
            item = _head_item(tally.group("head"))
            if item:
                extra["tally"] = True
    toll_tail = item is None and left[-14:].rstrip().lower().endswith(_TOLL_TAILS)
    for toll_item, rx in _TOLLS if toll_tail else ():
        if item is None and rx.search(left[-140:]):
            item, extra["toll"] = toll_item, True
    if item is None and toll_tail:
        window = left[-140:]
        toll = _ITEM_TOLL.search(window)
        np_start = q.qual_start - len(window) + toll.start("np") if toll else None
        item = _item_after(text, np_start, q.qual_start)[0] if toll else None
        if item:
            extra["item_toll"] = True
    launches = _LAUNCHES.match(text, q.end, sent.end) if item is None else None
    counted = launches and next((e for e in reversed(earlier) if e.item in ("drone", "missile")
                                 and q.start - e.q.end < 1500), None)
    if counted:         # "20 launches were recorded": of what the text counted before
        m = _Mention(q, sent, counted.item, "launch", (q.end, launches.end()),
                     f"{counted.item}s_launched", extra=extra)
        return m
    if item is None and _TIMES.match(text, q.end, sent.end) and _ATTACKED_TIMES.search(left[-60:]):
        item, head = "attack", (q.end, _TIMES.match(text, q.end, sent.end).end())
    if item in ("person", "soldier", "dead") and earlier and earlier[-1].item == "body" \
            and earlier[-1].sent is sent and re.fullmatch(r"[^.;]{0,60}(?:,\s*(?:and\s+)?|\s+and\s+)",
                                                         text[earlier[-1].q.end:q.qual_start]):
        item = "body"       # "the bodies of 112 defenders ..., 20 fallen soldiers ..."
    m = _Mention(q, sent, item, None, head, extra=extra)
    if item == "combined":
        m.item, m.extra["reason"] = None, "one count of drones and missiles together"
        return m
    if item in ("drone", "missile") and _MAJORITY_OF.search(left[-30:]):
        m.event, m.metric = "launch", f"{item}s_launched"   # "most of the 135 drones"
        return m
    _find_event(text, m, earlier)
    if extra.get("tally") and m.event is None:
        m.event = _TALLY_EVENTS.get(m.item)     # a losses tally counts destroyed items
    if m.item in _RATE_EVENTS and m.event is None and m.head \
            and _MUNITION_RATE.match(text, m.head[1], sent.end) \
            and not _MUNITION_MADE.search(_clause_left(text, q, sent)):
        m.event = _RATE_EVENTS[m.item]
    if extra.get("item_toll") and m.event is None and m.item in ("drone", "missile"):
        m.event = "launch"      # "the number of drones reached 90": drones of an attack
    one_of = _ONE_OF.match(text, q.start, sent.end) if q.value == 1 else None
    if one_of and (one_of.group(1).lower() in ("these", "those")
                   or m.event is None or (m.item, m.event) not in lexicon.METRICS):
        # "one of the soldiers in the video says": one member picked out, no count
        m.item, m.extra["reason"] = None, "one of several, not a count"
        return m
    fighting = m.event == "deploy" and m.head and _FIGHTING_AFTER.match(text, m.head[1], sent.end)
    if m.item in ("soldier", "person", "prisoner") and not fighting and (
            m.event in (None, "deploy") and _CAPTURED_BEFORE.search(left[-40:])
            or m.event is None and _CAPTURED_AFTER.match(text, m.head[1] if m.head else q.end,
                                                         sent.end)):
        m.item, m.extra["reason"] = None, "captured, not swapped or deployed"
        return m
    if m.item is None or m.event is None and (m.item, None) not in lexicon.METRICS:
        if m.item is None:
            m.extra.setdefault("reason", _no_item_reason(text, q, sent))
        else:
            m.extra["reason"] = f"no event for {m.item}"
        return m
    m.metric = lexicon.METRICS.get((m.item, m.event)) or lexicon.METRICS.get((m.item, None))
    if m.metric in ("prisoners_swapped", "bodies_repatriated") \
            and (_AGREED_HANDOVER.search(text, max(sent.start, q.qual_start - 120), q.qual_start)
                 or _HANDOVER_TO_COME.match(text, m.head[1] if m.head else q.end, sent.end)):
        m.metric, m.extra["reason"] = None, "agreed handover, a plan"
        return m
    if m.metric in ("prisoners_swapped",) and m.item in ("person", "soldier") \
            and not _SWAP_CONTEXT.search(text[max(0, sent.start - 300):sent.end]):
        m.metric, m.extra["reason"] = None, "release without exchange context"
    if m.metric == "equipment_destroyed" and m.event == "down" and m.head \
            and _ROCKET_LAUNCHER.search(text, m.head[0], m.head[1]):
        # "ten HIMARS multiple rocket launchers were intercepted": a launcher on
        # the ground is not shot down; its rockets are
        m.item, m.metric = "missile", "missiles_downed"
    _out_of_total(text, m, earlier)
    _relative_clause_event(text, m)
    return m


def _relative_clause_event(text, m):
    """'the attack included 45 drones that his forces shot down', '8 drones
    and 3 missiles which were shot down': launched, and also what the
    relative clause says happened to them (as 'shot down all 14 drones')."""
    if m.event != "launch" or m.item not in ("drone", "missile") or not m.head:
        return
    clause = _RELATIVE_CLAUSE.match(text, m.head[1], m.sent.end)
    if not clause:
        return
    events = _events_in(text, clause.end(), min(m.sent.end, clause.end() + 25),
                        ("down", "lost"))
    verb = min(events, default=None, key=lambda h: (h[0], -h[1]))
    if verb and verb[0] == clause.end():
        m.extra["also"] = _Mention(m.q, m.sent, m.item, verb[2], m.head,
                                   metric=lexicon.METRICS[(m.item, verb[2])])


# "... which were", "... that his forces", after one more member of a list
_RELATIVE_CLAUSE = re.compile(
    rf"(?:\s+and\s+{numbers.NUMBER}\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)?\s*,?\s+(?:which|that)\s+"
    rf"(?:(?:were|was|had\s+been|have\s+been|(?:his|its|their|our|the)\s+(?:\w+\s+)?"
    rf"(?:forces|defen[cs]es?|units|troops|army|military))\s+)?(?:all\s+)?(?:(?-i:[a-z]+ly)\s+)?",
    re.VERBOSE | _I)


_OPEN_BRACKET = re.compile(r"\(\s*$")
_BRACKET_REST = re.compile(r"[^()\n]{0,60}\)")
_BRACKET_GAP = re.compile(r"[^,;.()\n]{0,40}")


def _bracket_twin(text, q, sent, earlier):
    """'285 (255) killed', '1,081 killed (1,035)', '2,788 casualties (2,685
    in the report a day earlier)': a number that opens a bracket right after
    a figure, with no noun of its own, counts what that figure counts (an
    earlier report's figure, the same metric)."""
    left = text[max(sent.start, q.qual_start - 4):q.qual_start]
    if not earlier or not _OPEN_BRACKET.search(left):
        return None
    prev = earlier[-1]
    bracket = text.rfind("(", 0, q.qual_start)
    if prev.sent is not sent or prev.metric is None \
            or not _BRACKET_GAP.fullmatch(text, prev.q.end, bracket) \
            or not _BRACKET_REST.match(text, q.end) or _item_after(text, q.end, sent.end)[0]:
        return None
    return prev


def _singular_count_noun(word, item):
    """'missile' (whose plural 'missiles' names the same items), not
    'artillery' or 'killed'."""
    plural = _ITEM_ANY.fullmatch(word + "s")
    return not word.lower().endswith("s") and plural is not None and plural.lastgroup == item


@functools.lru_cache(maxsize=4096)
def _head_item(head):
    """The first item class named in a tally head (kept: daily tallies
    repeat the same heads, 'tanks', 'artillery systems')."""
    return next((name for name, rx in _ITEMS if rx.search(head)), None)


def _tally(left):
    """'tanks – 9,912': the tally line's head before the number, if any."""
    tail = left[-50:]
    if not tail.rstrip().endswith(_TALLY_TAILS):
        return None
    tally = _TALLY.search(tail)
    # "40 drones were destroyed: 20 over Kursk": a clause with a figure, no label
    return None if tally and _FIGURE_IN_HEAD.search(tally.group("head")) else tally


_OF_NUMBER = re.compile(rf"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?:(?:more\s+than|over|about|around|nearly|"
                        rf"almost|at\s+least|some|up\s+to)\s+)?(?=\d|{numbers.WORD_NUMBER})",
                        re.VERBOSE | _I)


def _of_total_item(text, q, sent):
    """'seven of 13 missiles': the seven count missiles too."""
    m = _OF_NUMBER.match(text, q.end, sent.end)
    if not m:
        return None, None
    total = numbers.QUANTITY_RE.match(text, m.end(), sent.end)
    if not total:
        return None, None
    item, head = _item_after(text, total.end(), sent.end)
    return item, (head if head is None else (q.end, head[1]))


def _no_item_reason(text, q, sent):
    out = _OUTSIDE.match(text, q.end, sent.end)
    if out:
        return f"counts {out.group().strip()}"
    return "no counted item"


def _events_in(text, start, end, allowed, sub=False):
    """Event matches (start, end, class) within [start, end) of the article
    text, class by class in the order of `allowed`, each in text order.
    With `sub`, as read in the substring text[start:end] alone."""
    found = _EVENT_SCAN.find(text, start, end, index=TextIndex.of(text), sub=sub)
    if not found:       # most windows: spare going through `allowed`
        return []
    shift = start if sub else 0
    return [(m.start() + shift, m.end() + shift, name)
            for name in allowed for m in found.get(name, ())]


def _find_event(text, m, earlier):
    q, sent = m.q, m.sent
    cstart, cend = clause_bounds(text, sent, q.qual_start)
    np_end = m.head[1] if m.head else q.end
    # An item with events of its own takes those; any other item, or a
    # number with no noun, may take any. "hit" is always looked for, since
    # a hit rejects the figure (_ALL_EVENTS has it already).
    own = lexicon.ITEM_EVENTS.get(m.item) if m.item else None
    allowed = own + ["hit"] if own else _ALL_EVENTS
    right = _events_in(text, np_end, min(cend, np_end + 70), allowed)
    left = _events_in(text, max(cstart, q.qual_start - 160), q.qual_start, allowed)
    right.sort(key=lambda h: (h[0], -h[1]))
    left.sort(key=lambda h: (-h[1], h[0]))
    right = [h for h in right if not _negated(text, h[0])] or right
    if left and right and re.match(r"\s+by\b", text[right[0][1]:right[0][1] + 4]):
        right = right[1:]       # "18 drones launched by Russia": a modifier
    left = _governing(text, left, earlier, sent)
    near_right = right[0] if right and _only_aux(text[np_end:right[0][0]]) else None
    if near_right and _MODIFIER_PARTICIPLE.match(text, near_right[1]):
        # "18 drones launched by Russia were shot down": the participle with
        # its agent describes the noun; a later verb is the sentence's
        near_right = next((h for h in right if h[0] > near_right[1]
                           and not _CLAUSE_BREAK.search(text, near_right[1], h[0])), near_right)
    if m.extra.get("of_total"):
        # "seven of 13 missiles launched": the participle is the total's;
        # "seven of 13 missiles (launched) were destroyed": the verb is the seven's
        near_right = next((h for h in right if _PART_VERB_GAP.fullmatch(text[np_end:h[0]])
                           and _HAS_AUX.search(text[np_end:h[1]])), None)
    if m.item is None:
        _resolve_bare(text, m, near_right, left, earlier)
        return
    own_verb = _OWN_VERB.match(_strip_asides(text[np_end:cend])) if near_right is None else None
    if own_verb:        # "888 bodies of Ukrainian soldiers has been returned"
        near_right = next((h for h in right if text[h[0]:h[1]] == own_verb.group("verb")), None)
    if near_right is None and m.item not in _OWN_METRIC_ITEMS and own_verb:
        m.extra["reason"] = "the figure has a verb of its own outside the vocabulary"
        m.item = None
        return
    if near_right and left and q.qual_start - left[0][1] < 30 \
            and "," not in text[left[0][1]:q.qual_start] \
            and not _CLAUSE_JOIN.fullmatch(text, left[0][1], q.qual_start) \
            and not _HAS_AUX.search(text[np_end:near_right[0]]):
        # "shot down all 14 drones fired overnight": the participle after
        # the noun describes it; the verb before is the event.
        near_right = None
    chosen = near_right or (left[0] if left else None) or (right[0] if right else None) \
        or _passive_after_list(text, np_end, cend, allowed)
    if chosen and _negated(text, chosen[0]):
        m.extra["reason"] = "negated"
        m.item = None
        return
    if chosen and chosen is near_right and _acts_on_object(text, m, np_end, chosen):
        m.extra["reason"] = "hits and impacts are not facts"   # "7 missiles destroyed the plant"
        m.item = None
        return
    if chosen and chosen[2] == "hit" and m.extra.get("toll"):
        chosen = None       # "the toll hit 35,000": the verb of amount, not an impact
    if chosen and chosen[2] == "hit" and m.item != "building":
        m.extra["reason"] = "hits and impacts are not facts"
        m.item = None
        return
    m.event = chosen[2] if chosen else None


# Another member of a list of figures: ", 42 cruise missiles, and a ballistic missile".
_LIST_MEMBER = re.compile(rf"(?:,|\band\b|\bas\s+well\s+as\b|\balong\s+with\b|\bplus\b)"
                          rf"\s+[^,;.]*?(?:{_ITEM_ANY.pattern})", _I)
_LIST_GAP = re.compile(r"[^.;:!?()]*")     # one sentence part, no clause marks
_AUX = re.compile(r"""^(?:[\s,]|were|was|have|has|had|been|are|is|be|being|got|
    reportedly|successfully|also|later|then|all|each|of|them|more|in|total|still|to|others|
    respectively|subsequently|either|or|allegedly|confirmed|already|
    known|believed|thought|feared|presumed|understood|said|reported|the\s+others|the\s+rest|
    of\s+(?:which|whom|these|those)|forced\s+to|(?-i:[a-z]{3,}ly)|\([\w,.]+\)|—|–|-)*$""", re.VERBOSE | _I)


_ASIDE = re.compile(r"(?:,|\s[–—-])\s*(?:including|among\s+them|of\s+whom|mostly|mainly)\b[^,–—;]*(?:,|[–—]|\s-\s)", _I)
# Items that name their metric themselves: "one casualty was reported".
_OWN_METRIC_ITEMS = ("dead", "wounded", "casualty", "deserter")
_OWN_VERB = re.compile(r"^\s*(?:of\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+)+)?"  # "servicemen of the Armed Forces"
                       r"(?:were|was|have|has|had|are|is|got)\s+"
                       r"(?:(?:\w+ly|still|also|been)\s+){0,3}(?P<verb>\w+(?:ed|en)|said|thought|known)\b", _I)
# Between a total's noun and the verb of its part: a participle, an auxiliary.
_PART_VERB_GAP = re.compile(r"\s*(?:[a-z]+(?:ed|en)\s+(?:(?:at|on|over|toward|towards|against|into|by)"
                            r"\s+(?:[\w'’-]+\s+){1,3}?)?)?(?:(?:were|was|have|has|had|are|is)\s+"
                            r"(?:been\s+)?)?", _I)
# Between a verb and a number, these start another clause: "a girl was
# killed and 22 people injured".
_CLAUSE_JOIN = re.compile(r"\s*,?\s*(?:and|while|but)\s+", _I)
_HAS_AUX = re.compile(r"\b(?:were|was|have|has|had|are|is|been|be)\b", _I)
_NEGATED = re.compile(r"\b(?:not|n't|never|no|failed\s+to)\s+(?:\w+\s+)?$", _I)


_PASSIVE_TAIL = re.compile(r"\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?$", _I)


_CLAUSE_BREAK = re.compile(r"[,;:]|\d")
_MODIFIER_PARTICIPLE = re.compile(r"\s*,?\s*by\b", _I)


def _governing(text, left, earlier, sent):
    """Verbs before a number, nearest first, without those inside another
    figure's noun phrase ('1,023 multiple launch rocket systems, ... 26
    warships') and, when a governing verb stands further left, those of
    a modifier: 'air-launched', '4 missiles, launched by Ukraine, and 27 drones'."""
    phrases = [(e.q.start, e.head[1]) for e in earlier[-12:] if e.sent is sent and e.head]
    left = [h for h in left if not any(a <= h[0] and h[1] < b for a, b in phrases)
            and text[h[0] - 1:h[0]] != "-"]      # "shoot-down rate": part of a compound
    governing = [h for h in left if not _MODIFIER_PARTICIPLE.match(text, h[1])
                 or _PASSIVE_TAIL.search(text, max(0, h[0] - 30), h[0])]   # "was shot down by"
    return governing if governing else left


def _acts_on_object(text, m, np_end, verb):
    """'seven missiles destroyed the plant', 'two destroyed a building':
    drones or missiles as the subject of an active verb with an object did
    something (a hit), nothing was done to them."""
    return (m.item in ("drone", "missile") and verb[2] in ("down", "destroy")
            and not _HAS_AUX.search(text, np_end, verb[0])
            and bool(_OBJECT_AFTER.match(text, verb[1])))


_OBJECT_AFTER = re.compile(r"\s+(?:an?|the|its|their|his|her|several|many|dozens|\d|one|two|three|"
                           r"four|five|six|seven|eight|nine|ten)\b", _I)


def _passive_after_list(text, np_end, cend, allowed):
    """'Three houses, the premises of a school and a shop were damaged': the
    verb after a list of subjects, however long, when nothing else acts."""
    events = sorted(_events_in(text, np_end, cend, allowed), key=lambda h: (h[0], -h[1]))
    if not events:
        return None
    gap = text[np_end:events[0][0]]
    if _PASSIVE_TAIL.search(gap) and not _HAS_AUX.search(_PASSIVE_TAIL.sub("", gap)) \
            and not _events_in(text, np_end, events[0][0], _ALL_EVENTS, sub=True):
        return events[0]
    return None


def _strip_asides(gap: str) -> str:
    """Drop ", including a child," so the verb after it can be seen."""
    return _ASIDE.sub(" ", gap)


def _negated(text, pos) -> bool:
    return bool(_NEGATED.search(text[max(0, pos - 16):pos]))


def _only_aux(gap: str) -> bool:
    """True when only auxiliaries and adverbs stand between noun and verb."""
    gap = _LIST_MEMBER.sub(" ", _strip_asides(gap))
    return bool(_AUX.match(gap)) and len(gap) < 40


def _resolve_bare(text, m, near_right, left, earlier):
    """A number with no noun: "killing three", "88 of them", "one returned"."""
    q, sent = m.q, m.sent
    total = _breakdown_total(text, m, earlier)
    if total:
        m.item, m.event = total.item, total.event
        m.extra["breakdown_of"] = total
        return
    follower = _BARE_FOLLOWER.match(text, q.end, sent.end)
    outside = _OF_OUTSIDE.match(text, q.end, sent.end)
    if outside:     # "all four of its airports": no item of ours follows
        m.extra["reason"] = f"counts {outside.group(1)}"
        return
    if not follower:
        word = _WORD.match(text, q.end + 1, sent.end)
        m.extra["reason"] = f"counts {word.group().rstrip('.,;:') if word else 'nothing named'}"
        return
    if _MISSING.match(text, q.end, sent.end):
        m.extra["reason"] = "missing, not killed"    # "another 7,000 are missing"
        return
    if near_right and left and not text[left[0][1]:q.qual_start].strip() \
            and text[q.end:near_right[0]].strip()[:1] == ",":
        near_right = None       # "kills 3, injures 11": the verb right before is the 3's
    first_verb = near_right
    event = near_right[2] if near_right else None
    if event == "hit":
        m.extra["reason"] = "hits and impacts are not facts"
        return
    if event is None and left and left[0][2] in lexicon.PEOPLE_EVENTS:
        event = left[0][2]
    if event in lexicon.PEOPLE_EVENTS:
        m.item, m.event = "person", event
        return
    verb = left[0][2] if left and q.qual_start - left[0][1] < 25 else None
    antecedent = _antecedent(text, m, earlier, verb)
    if antecedent is None:
        return
    m.item = antecedent.item
    m.extra["antecedent"] = antecedent
    allowed = lexicon.ITEM_EVENTS.get(m.item, [])
    np_end = q.end
    _, cend = clause_bounds(text, sent, q.qual_start)
    right = sorted(_events_in(text, np_end, min(cend, np_end + 70), allowed + ["hit"]),
                   key=lambda h: (h[0], -h[1]))
    near_right = right[0] if right and _only_aux(text[np_end:right[0][0]]) else None
    if first_verb and (near_right is None or near_right[0] > first_verb[0]):
        # "13 bombers destroyed, dozens more damaged": the number's own verb
        # is no event of what it refers to
        m.item, m.extra["reason"] = None, "its verb is no event of the figure it refers to"
        return
    if near_right and _acts_on_object(text, m, np_end, near_right):
        m.item, m.extra["reason"] = None, "hits and impacts are not facts"  # "two destroyed a building"
        return
    event = near_right[2] if near_right else None
    own_left = [h for h in left if h[2] in allowed]
    listed = near_right is None and _in_list_after(text, antecedent, m)
    if event in allowed:
        m.event = event
    elif listed and (not own_left or _LIST_SEPARATOR.search(text, own_left[0][1], q.qual_start)):
        # "11 drones were shot down over Belgorod, 28 over Voronezh"; "18
        # drones were destroyed or jammed by EW in Bryansk, nine in Kursk":
        # a verb before the last comma is the first member's, so the list's
        m.event = antecedent.event
        if m.event is None and (m.item, None) in lexicon.METRICS:
            return      # "the bodies of 20 soldiers from X and one from Y"
    elif own_left and near_right is None:
        m.event = own_left[0][2]
    elif near_right is None and _PARTITIVE_BEFORE.search(text, max(sent.start, q.qual_start - 20),
                                                          q.qual_start):
        m.event = antecedent.event      # "... 1,500 people, of which 140 are children"
    if m.event is None:
        m.item = None
        m.extra["reason"] = "no event for the figure it refers to"


# What may follow a number with no noun: a verb, "of them", a place phrase,
# punctuation. Anything else is a noun outside the vocabulary ("two sides").
_BARE_FOLLOWER = re.compile(r"""(?:\s*\(\s*[\d,.]+\s*\))?(?:\s*(?:[,.;:)]|$)|\s+(?:more|of|over|in|on|at|from|near|
    across|were|was|have|has|had|are|is|and|or|others?|each|killed|injured|
    wounded|dead|died|[a-z]+ed\b|[a-z]+ing\b|flew|went|fell|shot|hit|struck|
    the\s+(?:following|next|previous|same)\s+(?:day|night|week|month|year)|
    overnight|yesterday|today|so\s+far|altogether|in\s+total|in\s+all)\b)""",
                            re.VERBOSE | _I)


# "four of its major airports": a bare number whose "of" names a noun (had
# it been an item, _item_after would have found it).
_OF_OUTSIDE = re.compile(r"\s+of\s+(?:the|its|their|these|those|his|her|our|[A-Z]\w+['’]s)\s+"
                         r"(?!(?:other|remaining)\b)(?:[a-z][\w'’-]*\s+){0,2}?"
                         r"(?!(?:others|ones)\b)([a-z][\w-]*s)\b(?!['’])")


def _antecedent(text, m, earlier, verb=None):
    """The figure a bare number refers back to, within two sentences: the
    latest, or the latest whose items can take the verb right before the
    number ("launched 40 drones and killed 3 people; it shot down 30")."""
    candidates = []
    for prev in reversed(earlier):
        if prev.item in (None, "casualty", "dead", "wounded"):
            continue
        if m.q.start - prev.q.end > 400:
            break
        candidates.append(prev)
    if verb and candidates and verb not in lexicon.ITEM_EVENTS.get(candidates[0].item, ()):
        return next((c for c in candidates if verb in lexicon.ITEM_EVENTS.get(c.item, ())),
                    candidates[0])
    return candidates[0] if candidates else None


def _in_list_after(text, antecedent, m):
    """'11 drones were shot down over Belgorod, 28 over Voronezh'; after a
    semicolon only when the verb is left out: '502 drones; on 29-30 August, 537'."""
    gap = text[antecedent.q.end:m.q.start]
    return antecedent.sent is m.sent and len(gap) < 120 and (
        ";" not in gap or bool(_GAPPED.fullmatch(gap)))


_MISSING = re.compile(r"\s+(?:\w+\s+)?(?:are|were|is|was|remain(?:ed|s)?|went|go|listed\s+as)\s+missing\b", _I)
_PARTITIVE_BEFORE = re.compile(r"\b(?:of|among)\s+(?:which|whom|them|these|those)\s*,?\s*$", _I)
_LIST_SEPARATOR = re.compile(r",|\band\b")


# -- breakdown lists: "destroyed 21 drones:\n7 – over Smolensk region,\n6 – ..."
# A list item: a number then a dash ("7 – over X"), a label then a dash
# ("Air Command 'South' – 12"), or a number alone at the start of a line or
# bullet before a place ("• 12 over the Sumy region").
_ITEM_DASH_AFTER = re.compile(r"\s*[–—-]+\s*(?=[\w'‘“\"])")
_ITEM_LABEL_BEFORE = re.compile(
    r"(?:^|[\n,;:•·*]|\band\b)\s*[-–—•·*]?\s*"
    r"[^\W\d][^\n,;:–—.!?\d]{0,50}?(?:\s[–—-]+|:)\s*$")
_ITEM_LINE_START = re.compile(r"(?:^|\n)\s*(?:[-–—•·*]\s*)?$")
_ITEM_PLACE_AFTER = re.compile(r"\s+(?:over|in|on|near|across|above)\s+[^\n.;]{1,60}(?:[,;.]|$)", re.M)
# The total's clause ends in a colon that opens the list.
_OWN_PREDICATE = re.compile(r"\s+(?:were|was|have|has|had|are|is)\b", _I)
_OPENS_LIST = re.compile(r"[^.!?\n:;]{0,140}:\s*")


def _is_list_item(text, q):
    if _OWN_PREDICATE.match(text, q.end):
        return False        # ": a record – 40 were downed": a clause, no list item
    before = text[max(0, q.qual_start - 60):q.qual_start]
    if _ITEM_DASH_AFTER.match(text, q.end) or _ITEM_LABEL_BEFORE.search(before):
        return True
    return bool(_ITEM_LINE_START.search(before) and _ITEM_PLACE_AFTER.match(text, q.end))


def _breakdown_total(text, m, earlier):
    """The total a bare list item breaks down, when the total's clause ends
    in a colon and only list items stand between: its parts share its item
    and event ("intercepted 44 missiles: Air Command 'Centre' – 18, ...")."""
    if not _is_list_item(text, m.q):
        return None
    for prev in reversed(earlier[-8:]):
        if m.q.start - prev.q.end > 600:
            return None
        total = prev.extra.get("breakdown_of")
        if total is not None:
            gap = (prev.q.end, m.q.qual_start)
            if gap[1] - gap[0] < 200 and not _events_in(text, *gap, _ALL_EVENTS, sub=True):
                return total
            return None
        if prev.metric is None or prev.item is None:
            continue
        np_end = prev.head[1] if prev.head else prev.q.end
        opener = _OPENS_LIST.match(text, np_end)
        if opener and opener.end() <= m.q.qual_start \
                and not _events_in(text, opener.end(), m.q.qual_start, _ALL_EVENTS, sub=True):
            return prev
    return None


# "...; on 29-30 August, 537": a list member with a time or place and no verb
_GAPPED = re.compile(r"[^;]*(?:;\s*(?:and\s+)?(?:on|in|at|by|over|during)\s+[^;,.]{1,40},\s*)+", _I)


def _out_of_total(text, m, earlier):
    """'shot down 718 of the 728 drones': the 728 are the launched total."""
    if m.item not in ("drone", "missile"):
        return
    q = m.q
    before = text[max(m.sent.start, q.qual_start - 25):q.qual_start]
    prev_end = earlier[-1].q.end if earlier else 0
    if earlier and earlier[-1].sent is m.sent and earlier[-1].item in (m.item, None) \
            and earlier[-1].event in ("down", "lost", "destroy", None) \
            and _OF_TOTAL.search(before) \
            and re.fullmatch(r"\s*(?:[\w-]+\s+){0,3}?(?:out\s+)?of\s+(?:the\s+|all\s+(?:the\s+)?|a\s+total\s+of\s+)?",
                             text[prev_end:q.qual_start], _I):
        m.metric = f"{m.item}s_launched"
        m.event = "launch"
        if earlier[-1].metric is None:
            earlier[-1].item = m.item
    elif m.event in ("down", "destroy") and _ALL.search(before):
        also = _Mention(q, m.sent, m.item, "launch", m.head,
                        metric=f"{m.item}s_launched")
        m.extra["also"] = also


# -- attributes ---------------------------------------------------------------


def _to_fact(text, doc, m, mentions, published) -> Fact:
    q, sent = m.q, m.sent
    unit = unit_for_metric(m.metric)
    if m.metric == "territory_captured":
        value, low, high = _territory(text, m)
    else:  # whole (_not_whole): 1.2 million arrives as the float 1200000.0
        value, low, high = (None if v is None else int(v) for v in (q.value, q.low, q.high))
    claimant, claimant_raw = claimant_for(text, m)
    location = location_for(text, m)
    fact = Fact(
        doc=doc, metric=m.metric, value=value, low=low, high=high,
        qualifier=q.qualifier, unit=unit,
        start=sent.start, end=sent.end, quote=text[sent.start:sent.end],
        surface=q.surface, surface_start=q.start, rule=_rule_id(m),
        side=side_for(text, m, mentions), location=location,
        place=canonical_place(location) if location else None,
        weapon=weapon_for(text, m, mentions), period=period_for(text, m, mentions),
        is_part=is_part_of(text, m, mentions), claimant=claimant,
        claimant_raw=claimant_raw,
    )
    _window(text, fact, published)
    return fact


def _rule_id(m):
    how = "tally" if m.extra.get("tally") else ("bare" if m.head is None else "noun")
    return f"{m.item}+{m.event or '-'}:{how}"


def _territory(text, m):
    unit_text = _AREA_UNIT.search(text[m.q.end:m.head[1]] if m.head else "")
    unit_text = _AREA_UNITS[unit_text.lastgroup] if unit_text else "km**2"
    value = to_km2(m.q.value, unit_text)
    low = to_km2(m.q.low, unit_text) if m.q.low is not None else None
    high = to_km2(m.q.high, unit_text) if m.q.high is not None else None
    return value, low, high


# The area unit a territory figure is written in -> its pint spelling.
_AREA_UNIT = re.compile(r"(?P<mile>mi(?:les?)?\b)|(?P<hectare>hectares?)|(?P<km>k(?:ilo)?m)", _I)
_AREA_UNITS = {"mile": "square_mile", "hectare": "hectare", "km": "km**2"}


def _window(text, fact, published):
    window = resolve_window(text, fact.start, fact.end, published, fact.period)
    fact.window_start, fact.window_end, fact.window_note = window[:3]
    fact.kind, fact.kind_reason = kind_of(fact.metric, fact.value, fact.period, text,
                                          fact.start, fact.end, window.source)


def _merge_repeats(facts):
    """One fact per (metric, value): a figure repeated in headline and body
    is one fact; later mentions fill attributes the first one lacked."""
    kept: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.metric, f.value, f.is_part)
        first = kept.get(key)
        if first is None:
            kept[key] = f
            continue
        for attr in ("side", "location", "weapon", "period", "claimant", "claimant_raw"):
            if getattr(first, attr) is None and getattr(f, attr) is not None:
                setattr(first, attr, getattr(f, attr))
        # A headline with no time ("Russia launches 132 drones") takes the
        # body's "overnight": its dates and kind.
        if first.kind == "unknown" and f.kind != "unknown":
            for attr in ("window_start", "window_end", "window_note", "kind", "kind_reason"):
                setattr(first, attr, getattr(f, attr))
    return list(kept.values())


def _reject(text, doc, q, sent, reason) -> Rejection:
    return Rejection(doc=doc, surface=q.surface, start=q.start, end=q.end,
                     reason=reason, quote=text[sent.start:sent.end])
