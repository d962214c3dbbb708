"""The dates a figure covers: `resolve_window(text, start, end, published, period)`.

A figure's window comes from the time expressions around its quote, read
against the article's publication date. Where we look, nearest first:

1. the quote itself, text[start:end];
2. the rest of the sentence(s) the quote sits in;
3. up to two sentences before it, in the same paragraph ("Russia launched
   132 drones overnight. Air defence downed 88 of them." -> both overnight).

Among the expressions found, one whose kind fits the extractor's `period`
wins (a cumulative figure takes "since the invasion", not "on Sunday").
With none found, the period decides (overnight -> the night to the article
date; no period -> the article date itself). Every answer carries a note
saying how it was read, or why a date is None.

Conventions (see docs/EVENTS.md):
- Windows are inclusive calendar dates. A night spans two dates:
  "overnight" in an article of Feb 8 is (Feb 7, Feb 8).
- "the night of August 23" is the night *into* Aug 23, (Aug 22, Aug 23):
  the Ukrainian Air Force's "v nich na 23 serpnia", which is what most
  English reports of its bulletins translate. Ranges ("night of 22-23
  August") are read as written.
- A date with no year takes the article's year, or the year before when
  that would put it more than a day after publication.
- Spans that are still running at publication ("in 2024", "this month")
  end at the article date.
- Cumulative figures with no start stated start at the full-scale invasion,
  2022-02-24.

Pure and cheap: the patterns compile once and only a few hundred
characters around the quote are searched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, NamedTuple

from etl.extract.rules import periods
from etl.extract.scan import ScannerSet, TextIndex

INVASION = date(2022, 2, 24)


# The kinds of time phrase that span days: in a figure's own sentence they
# make it a period's total or a running tally.
_SPANS = ("day", "week", "month", "year", "range", "since")


class Window(NamedTuple):
    """The dates a figure covers, how they were read, and from where: the
    kind of the time phrase read near the figure (night, point, day, week,
    month, year, since, range, earlier: see Rule.kind, even when its dates
    could not be resolved), "context" (a span named in a sentence before,
which dates the figure but is not its period), "passage" (its passage's
night or dateline),
    "period" (its period alone) or "none"."""

    first: date | None
    last: date | None
    note: str
    source: str

# --- pattern pieces ---------------------------------------------------------

# Month names are case-sensitive: "may" and "march" are also words.
MONTH = (r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?"
         r"|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?"
         r"|Dec(?:ember)?)\b\.?")
DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
YEAR = r"(?:19|20)\d\d\b"
ISO_DATE = r"(?:19|20)\d\d-\d\d-\d\d"                     # 2024-08-23
DATE = (rf"(?:{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"          # Aug. 23, 2024
        rf"|{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?"   # 23 August 2024
        rf"|{ISO_DATE})")
DATE_OR_DAY = rf"(?:{DATE}|{DAY})"
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
NIGHT = r"(?:overnight|(?:the\s+)?night)"

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun",
          "jul", "aug", "sep", "oct", "nov", "dec"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday"]
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

_DATE_PARTS = re.compile(
    rf"(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\S*\s+(?:of\s+)?"
    rf"(?P<m2>{MONTH})|(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d)")
_YEAR = re.compile(YEAR)
_MONTH = re.compile(MONTH)
_ISO_DATE = re.compile(ISO_DATE)
# A sentence ends after . ! ? (with closing quotes and the spaces after
# them) before a capital, a digit or an opening quote, or after a line
# break. Starting with the one class lets `re` skip ahead to those marks.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[\"”’)]*\s+(?=[\"“(]?[A-Z0-9]))")


class Unresolved(Exception):
    """An expression that needs a date we do not have (the article's)."""


# --- small date helpers (doctested) -----------------------------------------

def month_number(name: str) -> int:
    """
    >>> month_number("Aug."), month_number("September"), month_number("May")
    (8, 9, 5)
    """
    return MONTHS.index(name[:3].lower()) + 1


def infer_year(month: int, day: int, published: date | None) -> int:
    """The article's year, or the one before if the date would fall more
    than a day after publication.

    >>> infer_year(8, 23, date(2024, 8, 25))
    2024
    >>> infer_year(12, 30, date(2024, 1, 2))
    2023
    """
    if published is None:
        raise Unresolved("no year given")
    year = published.year
    if date(year, month, min(day, 28)) > published + timedelta(days=1):
        year -= 1
    return year


def last_weekday(on_or_before: date, weekday: int) -> date:
    """The most recent `weekday` (0 = Monday) on or before a date.

    >>> last_weekday(date(2024, 8, 25), 6)   # a Sunday: itself
    datetime.date(2024, 8, 25)
    >>> last_weekday(date(2024, 8, 27), 6)   # a Tuesday: two days back
    datetime.date(2024, 8, 25)
    """
    return on_or_before - timedelta(days=(on_or_before.weekday() - weekday) % 7)


def month_span(year: int, month: int) -> tuple[date, date]:
    """
    >>> month_span(2024, 2)
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def shift_months(day: date, months: int) -> date:
    """
    >>> shift_months(date(2024, 3, 31), -1)
    datetime.date(2024, 2, 29)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return min(date(year, month + 1, 1) + timedelta(days=day.day - 1),
               month_span(year, month + 1)[1])


def parse_date(surface: str, published: date | None,
               default_month: int | None = None,
               default_year: int | None = None) -> date:
    """A written date; a bare day ("22") takes `default_month`, and a date
    with no year `default_year` or else the inferred one.

    >>> parse_date("Aug. 23, 2024", None)
    datetime.date(2024, 8, 23)
    >>> parse_date("8th of February", date(2024, 3, 1))
    datetime.date(2024, 2, 8)
    >>> parse_date("22", date(2024, 8, 25), default_month=8)
    datetime.date(2024, 8, 22)
    """
    parts = _DATE_PARTS.search(surface)
    if parts and parts["iy"]:
        return date(int(parts["iy"]), int(parts["im"]), int(parts["id"]))
    if parts:
        month = month_number(parts["m1"] or parts["m2"])
        day = int(parts["d1"] or parts["d2"])
    elif default_month:
        month, day = default_month, int(re.match(r"\d+", surface)[0])
    else:
        raise Unresolved("no month given")
    year = _YEAR.search(surface)
    if year:
        return date(int(year[0]), month, day)
    return date(default_year or infer_year(month, day, published), month, day)


def _month_of(surface: str) -> int | None:
    found = _MONTH.search(surface)
    return month_number(found[0]) if found else None


def _need(published: date | None) -> date:
    if published is None:
        raise Unresolved("relative to the article date")
    return published


def _clamp(first: date, last: date, published: date | None) -> tuple:
    """A span still running at publication ends at the article date."""
    if published and first <= published < last:
        return first, published
    return first, last


# --- resolvers: (match, published) -> (first, last) --------------------------

def _two_dates(m, pub):
    """A range as written: "22-23 August", "August 22 to 23", "Sat to Sun"."""
    parts = m.groupdict()
    if parts.get("wb"):
        last = last_weekday(_need(pub), WEEKDAYS.index(parts["wb"].lower()))
        return last - timedelta(days=1), last
    a, b = parts["a"] or parts.get("a2"), parts["b"] or parts.get("b2")
    second = parse_date(b, pub, default_month=_month_of(a))
    first = parse_date(a, pub, default_month=second.month,
                       default_year=second.year)
    if first > second:                     # "December 31 to January 1"
        first = first.replace(year=first.year - 1)
    return first, second


def _night_into(m, pub):
    if m["wd"]:
        last = last_weekday(_need(pub), WEEKDAYS.index(m["wd"].lower()))
    else:
        last = parse_date(m["d"], pub)
    return last - timedelta(days=1), last


def _weekday_night(m, pub):
    weekday = WEEKDAYS.index(m["wd"].lower())
    if _need(pub).weekday() == weekday:       # "Saturday night" on Saturday:
        return pub - timedelta(days=1), pub   # the night just gone
    first = last_weekday(pub, weekday)
    return first, first + timedelta(days=1)


def _days_back(days: int) -> Callable:
    return lambda m, pub: (_need(pub) - timedelta(days=days), pub)


def _days_ago(days: int) -> Callable:
    return lambda m, pub: (_need(pub) - timedelta(days=days),) * 2


def _past_n(m, pub):
    n, unit = NUMBER_WORDS.get(m["n"].lower()) or int(m["n"]), m["unit"].lower()
    if unit.startswith("month"):
        return shift_months(_need(pub), -n), pub
    days = n * (7 if unit.startswith("week") else 1)
    return _need(pub) - timedelta(days=days), pub


def _weekend(m, pub):
    saturday = last_weekday(_need(pub), 5)
    return saturday, min(saturday + timedelta(days=1), pub)


def _weekday(m, pub):
    day = last_weekday(_need(pub), WEEKDAYS.index(m["wd"].lower()))
    return day, day


def _this_week(m, pub):
    return last_weekday(_need(pub), 0), pub


def _last_week(m, pub):
    monday = last_weekday(_need(pub), 0) - timedelta(days=7)
    return monday, monday + timedelta(days=6)


def _this_month(m, pub):
    return _need(pub).replace(day=1), pub


def _last_month(m, pub):
    previous = _need(pub).replace(day=1) - timedelta(days=1)
    return month_span(previous.year, previous.month)


def _month(m, pub):
    month = month_number(m["m"])
    year = int(m["y"]) if m["y"] else infer_year(month, 1, pub)
    return _clamp(*month_span(year, month), pub)


def _year(m, pub):
    if m["y"]:
        year = int(m["y"])
    else:
        year = _need(pub).year - (1 if m[0].lower().startswith("last") else 0)
    return _clamp(date(year, 1, 1), date(year, 12, 31), pub)


def _since_year(m, pub):
    year = int(m["y"]) if m["y"] else _need(pub).year
    return date(year, 1, 1), pub


def _since_invasion(m, pub):
    if pub and pub < INVASION:                # "since the war began" in 2019
        raise Unresolved("the article predates the full-scale invasion")
    return INVASION, pub


def _since_date(m, pub):
    return parse_date(m["d"], pub), pub


def _since_month(m, pub):
    month = month_number(m["m"])
    year = int(m["y"]) if m["y"] else infer_year(month, 1, pub)
    return date(year, month, 1), pub


def _date(m, pub):
    day = parse_date(m["d"], pub)
    return day, day


def _clock_start(m, pub):
    """The night (or day) a wave starting at a clock time belongs to."""
    if m["d"]:
        day = parse_date(m["d"], pub)
    elif m["wd"]:
        day = last_weekday(_need(pub), WEEKDAYS.index(m["wd"].lower()))
    else:
        raise Unresolved("a time of day with no date")
    hour = int(m["h"])
    if hour >= 17:
        return day, day + timedelta(days=1)
    if hour < 9:
        return day - timedelta(days=1), day
    return day, day


def _earlier_this_week(m, pub):
    monday = last_weekday(_need(pub), 0)
    return monday, max(monday, pub - timedelta(days=1))


def _since_event(m, pub):
    return None, _need(pub)


def _no_place(m, pub):
    raise Unresolved("a length of time, not a date")


# --- the rule table ------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    id: str
    kind: str        # night | day | point | week | month | year | since | range
                     # | earlier (some day of a span) | length (places nothing)
    pattern: re.Pattern
    resolve: Callable


def _rule(id, kind, pattern, resolve):
    return Rule(id, kind, re.compile(pattern, re.I | re.X), resolve)


# Two dates joined by "to"/"-": one side must name the month, so that
# "12 to 15 drones" is not a range of days.
TO = r"\s*(?:-|–|to|into|and|until|through)\s*"
RANGE = (rf"(?:(?P<a>{DATE}){TO}(?P<b>{DATE_OR_DAY})"
         rf"|(?P<a2>{DAY}){TO}(?P<b2>{DATE})"
         rf"|(?P<wa>{WEEKDAY}){TO}(?P<wb>{WEEKDAY}))")

# Order matters: where two matches overlap, the earlier rule wins, so the
# longer, more specific forms ("overnight into Feb 8") come before their
# parts ("overnight", "Feb 8").
RULES = [
    # "since 21:00 on Wednesday, November 6", "from 18:00 on 15 July": an
    # evening start is the night into the next day (the Air Force's waves)
    _rule("clock_start", "night", rf"""
        \b(?:since|from|starting\s+(?:at|from))\s+(?P<h>\d{{1,2}})[:.]\d\d\s*
        (?:h\b|hrs\b)?\s*(?:\(?Kyiv\s+time\)?\s*)?(?:on\s+)?(?:the\s+)?
        (?:(?P<wd>{WEEKDAY}),?\s+)?(?P<d>{DATE})?""", _clock_start),
    _rule("night_range", "night", rf"""
        \b{NIGHT}\s+(?:of\s+|from\s+)?(?:the\s+)?{RANGE}""", _two_dates),
    _rule("night_into", "night", rf"""
        \b(?:overnight|night)\s+(?:(?:in)?to|on)\s+(?:the\s+)?
        (?:(?P<d>{DATE})|(?P<wd>{WEEKDAY}))""", _night_into),
    _rule("night_of", "night", rf"""         # Ukrainian usage: night into X
        \bnight\s+of\s+(?:the\s+)?(?:(?P<d>{DATE})|(?P<wd>{WEEKDAY}))""",
          _night_into),
    _rule("weekday_night", "night", rf"\b(?P<wd>{WEEKDAY})\s+night\b",
          _weekday_night),
    _rule("overnight", "night", r"""
        \b(?:overnight|last\s+night|tonight|(?:during|through|in)\s+the\s+night
        |at\s+night)\b""", _days_back(1)),
    _rule("past_day", "day", r"""
        \b(?:(?:past|last|previous)\s+(?:day|24\s+hours|twenty-four\s+hours)
        |in\s+24\s+hours)\b""", _days_back(1)),
    # "188 drones in one day", "10,000 shells a day": how long, not when.
    # Read so that no other rule takes its words; it places nothing.
    _rule("day_length", "length", r"""
        \b(?:in\s+(?:a|one|a\s+single)\s+day|per\s+day|daily)\b""", _no_place),
    _rule("past_week", "week", r"""
        \b(?:(?:the\s+)?past|the\s+(?:last|previous))\s+
        (?:week|seven\s+days|7\s+days)\b""", _days_back(7)),
    _rule("past_month", "month", r"""
        \b(?:(?:the\s+)?past|the\s+(?:last|previous))\s+
        (?:month|30\s+days|thirty\s+days)\b""",
          lambda m, pub: (shift_months(_need(pub), -1), pub)),
    _rule("past_year", "year", r"""
        \b(?:(?:the\s+)?past|the\s+(?:last|previous))\s+
        (?:year|12\s+months|twelve\s+months)\b""",
          lambda m, pub: (shift_months(_need(pub), -12), pub)),
    _rule("past_n", "range", rf"""
        \b(?:the\s+)?(?:past|last|previous|preceding)\s+(?P<n>{NUMBER})\s+
        (?P<unit>days|weeks|months)\b""", _past_n),
    _rule("day_before_yesterday", "point", r"\bday\s+before\s+yesterday\b",
          _days_ago(2)),
    _rule("yesterday", "point", r"\byesterday\b", _days_ago(1)),
    _rule("today", "point",
          r"\b(?:today|this\s+(?:morning|afternoon|evening))\b", _days_ago(0)),
    _rule("weekend", "week",
          r"\b(?:(?:over|during|at|on)\s+the|this|last)\s+weekend\b", _weekend),
    # "earlier in the week": some day of it before the article's, not the
    # night just gone
    _rule("earlier_week", "earlier",
          r"\bearlier\s+(?:in\s+the|this)\s+week\b", _earlier_this_week),
    _rule("this_week", "week", r"\bthis\s+week\b", _this_week),
    _rule("last_week", "week", r"\blast\s+week\b", _last_week),
    _rule("this_month", "month", r"\bthis\s+month\b", _this_month),
    _rule("last_month", "month", r"\blast\s+month\b", _last_month),
    _rule("since_invasion", "since", r"""
        \bsince\s+(?:
          (?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?
            (?:russia['’]s\s+)?(?:full[-\s]scale\s+)?(?:invasion|war)
        | (?:the\s+)?(?:full[-\s]scale\s+)?(?:invasion|war)\s+(?:began|started)
        # "since the (full-scale) invasion (of Ukraine)", not "of Kursk"
        | (?:the\s+|russia['’]s\s+)?(?:full[-\s]scale\s+)?invasion
          (?!\s+(?:of|into)\s+(?!ukraine\b))
        | russia\s+(?:invaded|launched\s+its)
        | (?:24\s+)?(?-i:Feb(?:ruary)?)\.?\s+(?:24,?\s+)?2022
        )""", _since_invasion),
    _rule("since_year", "year", rf"""
        \bsince\s+the\s+(?:start|beginning)\s+of\s+
          (?:(?P<y>{YEAR})|(?:the|this)\s+year)
        | \b(?:so\s+far\s+)?this\s+year\b | \byear[-\s]to[-\s]date\b""",
          _since_year),
    _rule("since_date", "since", rf"\bsince\s+(?P<d>{DATE})", _since_date),
    _rule("since_month", "since",
          rf"\bsince\s+(?P<m>{MONTH})(?:\s+(?P<y>{YEAR}))?", _since_month),
    _rule("since_year_only", "since", rf"\bsince\s+(?P<y>{YEAR})", _since_year),
    # "since agreeing to the ceasefire", "since the offensive began": a
    # running total from an event we cannot date; never the invasion.
    _rule("since_event", "since", r"""
        \bsince\s+
        # "since the air defence was ready" gives a reason, not a start
        (?!(?:[\w'’-]+\s+){0,3}(?:is|are|was|were|has|have|had|will|would|can
           |could|do|does|did|may|might|must)\b)
        (?P<event>[^\W\d][\w'’-]*(?:\s+[\w'’-]+){0,3})""", _since_event),
    _rule("month", "month", rf"""
        \b(?:in|during|throughout|for|over)\s+(?:the\s+month\s+of\s+)?
        (?P<m>{MONTH})(?!\s*\d{{1,2}}\b)(?:,?\s+(?P<y>{YEAR}))?""", _month),
    _rule("year", "year", rf"""
        \b(?:(?:in|during|throughout|for|over)\s+
          (?:(?:the\s+)?(?:whole|entire|course)\s+(?:of\s+)?)?(?P<y>{YEAR})
        | last\s+year)\b""", _year),
    _rule("date_range", "range",
          rf"\b(?:(?:from|between)\s+)?{RANGE}", _two_dates),
    # "from 24 February 2022, when ..., to 5 March 2023": a clause between
    _rule("date_range_apart", "range", rf"""
        \bfrom\s+(?P<a>{DATE})[^.;]{{0,120}}?\bto\s+(?P<b>{DATE})""",
          _two_dates),
    _rule("weekday", "point", rf"\b(?P<wd>{WEEKDAY})\b", _weekday),
    _rule("date", "point", rf"(?P<d>{DATE})", _date),
]

# A bare date may start inside a word ("123 August" holds "23 August"), so
# a Scanner would look for it at every digit and capital of the article;
# a plain search of the few sentences around each quote costs less.
_BARE_DATE = next(rule for rule in RULES if rule.id == "date")
_RULE_SCAN = ScannerSet({rule.id: rule.pattern for rule in RULES
                         if rule is not _BARE_DATE})

# Which kinds of expression fit a figure's period, best first. With a
# period, a fitting kind beats a nearer expression of another kind; with
# none, the nearest expression wins.
FITS = {
    "overnight": ("night", "point", "day", "earlier"),
    "day": ("day", "night", "point", "earlier"),
    "week": ("week", "range", "earlier"),
    "month": ("month", "range"),
    "year": ("year",),
    "cumulative": ("since",),
}

# With no fitting expression the period alone decides.
DEFAULTS = {
    "overnight": (lambda p: (p - timedelta(days=1), p),
                  "the night to the article date"),
    "day": (lambda p: (p - timedelta(days=1), p),
            "the day to the article date"),
    "week": (lambda p: (p - timedelta(days=7), p),
             "the week to the article date"),
    "month": (lambda p: (shift_months(p, -1), p),
              "the month to the article date"),
    "year": (lambda p: (p.replace(month=1, day=1), p),
             "the year to the article date"),
    "cumulative": (lambda p: (INVASION, p),
                   "since the full-scale invasion (assumed)"),
    None: (lambda p: (p, p), "article date"),
}


# --- the engine --------------------------------------------------------------

def _regions(text: str, start: int, end: int) -> tuple[int, int, int]:
    """Where the quote's sentence(s) start and end, and where the two
    sentences before it start (never before its paragraph)."""
    lo, hi = max(0, start - 700), min(len(text), end + 300)
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    sentence_start = max([c for c in cuts if c <= start], default=lo)
    sentence_end = min([c for c in cuts if c >= end], default=hi)
    paragraph = max(lo, text.rfind("\n", lo, sentence_start) + 1)
    starts = [paragraph] + [c for c in cuts if paragraph < c < sentence_start]
    before = starts[-2] if len(starts) > 1 else paragraph
    return sentence_start, sentence_end, min(before, sentence_start)


_CLAUSE_STOP = re.compile(periods.SINCE_CLAUSE_END)


def _matches(text: str, region: tuple[int, int]) -> list[tuple[Rule, re.Match]]:
    """Matches in a region; where two overlap the earlier rule wins. A
    "since" that follows a superlative compares ("the largest attack since
    2022") and spans nothing: it is taken, so no rule reads its words, and
    then dropped, with the time phrases of its clause ("... since Russia
    launched its operation back in 2022")."""
    found, taken, dropped = [], [], []
    matches = _RULE_SCAN.find(text, *region, index=TextIndex.of(text))
    matches[_BARE_DATE.id] = _bare_dates(text, region)
    for rule in RULES:
        for m in matches.get(rule.id, ()):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                taken.append(m.span())
                if not (m[0][:5].lower() == "since"
                        and (compares(text, m.start()) or _elapsed(text, m.start()))):
                    found.append((rule, m))
                else:
                    # its clause goes with it: "the biggest attack since
                    # Russia launched its operation back in 2022"
                    stop = _CLAUSE_STOP.search(text, m.end(), region[1])
                    dropped.append((m.start(), stop.start() if stop else region[1]))
    return [(rule, m) for rule, m in found
            if not any(a <= m.start() < b for a, b in dropped)]


# "the biggest attack since", "for the first time since", "the highest ... since"
_COMPARISON = re.compile(r"""\b(?:largest|biggest|heaviest|deadliest|worst|highest|
    lowest|strongest|fiercest|longest|fewest|least|most\s+[\w-]+|record|first\s+time)
    \b[^.;:!?\d]{0,60}$""", re.I | re.X)


# "two years since the invasion": how long ago, not a span the figure covers
_ELAPSED = re.compile(r"\b(?:years?|months?|weeks?|days?)\s+$", re.I)


def _elapsed(text: str, at: int) -> bool:
    """Does a length of time stand just before the "since" at `at`?"""
    return bool(_ELAPSED.search(text, max(0, at - 12), at))


def compares(text: str, at: int) -> bool:
    """Does a superlative stand just before `at` ("the largest attack since")?"""
    return bool(_COMPARISON.search(text, max(0, at - 80), at))


def _bare_dates(text: str, region: tuple[int, int]):
    """The bare-date rule's matches in a region. Every date names a month or
    is written 2024-08-23: a region with neither (most) is not searched."""
    if _MONTH.search(text, *region) or _ISO_DATE.search(text, *region):
        return _BARE_DATE.pattern.finditer(text, *region)
    return ()


def _candidates(text: str, start: int, end: int) -> list[tuple]:
    """Every time expression near the quote as (rule, match, in_sentence),
    nearest first: inside the quote, the rest of its sentence, then the
    sentences before. Kept per quote: figures of one sentence share it."""
    return TextIndex.of(text).keep(("window", start, end),
                                   lambda: _read_candidates(text, start, end))


# What may stand before an article's opening date: nothing, or "date".
_HEAD = re.compile(r"\W*(?:date\W+)?", re.I)


def _read_candidates(text: str, start: int, end: int) -> list[tuple]:
    sentence_start, sentence_end, before = _regions(text, start, end)
    found = _matches(text, (before, sentence_end))

    def nearness(candidate):
        at, to = candidate[1].span()
        if _HEAD.fullmatch(text, 0, at):
            # the date an article opens with ("2025-03-10 MOSCOW: ... on
            # Sunday (Mar 9)") is its dateline: the sentence's own day first
            return 1, len(text)
        if start <= at < end:
            return 0, at
        if at >= sentence_start:
            return 1, min(abs(at - end), abs(start - to))
        return 2, -at

    return [(rule, m, m.start() >= sentence_start)
            for rule, m in sorted(found, key=nearness)]


def resolve_window(text: str, start: int, end: int, published: date | None,
                   period: str | None) -> Window:
    """The (first, last, note) dates the figure at text[start:end] covers.

    >>> resolve_window("Russia launched 132 drones overnight.", 0, 37,
    ...                date(2024, 2, 8), "overnight")[:3]
    (datetime.date(2024, 2, 7), datetime.date(2024, 2, 8), "'overnight': the night to 2024-02-08")
    """
    # "in one day" says how long, not when: it only keeps its words from
    # other rules
    candidates = [c for c in _candidates(text, start, end) if c[0].kind != "length"]
    if period in FITS:
        fits = FITS[period]
        ranked = sorted((fits.index(c[0].kind), i)
                        for i, c in enumerate(candidates) if c[0].kind in fits)
        candidates = [candidates[i] for _, i in ranked]
    if not candidates:
        if period in (None, "overnight"):
            anchored = _from_passage(text, start, published, period)
            if anchored:
                return anchored
        return _by_period(published, period)
    rule, m, in_sentence = candidates[0]
    surface = " ".join(m[0].split())
    # "In November the minister said ... Ukraine needs 120 jets": a span
    # named sentences before dates the figure but says nothing of what it
    # counts; only a span in its own sentence makes it a period's total
    source = rule.kind if in_sentence or rule.kind not in _SPANS else "context"
    try:
        first, last = rule.resolve(m, published)
        if rule.id == "overnight":            # "overnight ... on Sunday"
            anchor, how = _anchor(text, start, candidates, published)
            first, last = anchor - timedelta(days=1), anchor
            if how:
                return Window(first, last, f"'{surface}' {how}: the night to {last}", source)
        elif period == "overnight" and rule.kind == "point":
            first = last - timedelta(days=1)  # said on Sunday: night into it
    except Unresolved as why:
        if published is None:
            return Window(None, None, f"undated article: cannot resolve '{surface}'",
                          source)
        return Window(None, None, f"cannot resolve '{surface}': {why}", source)
    except (ValueError, OverflowError):       # "February 30", "past 99999 weeks"
        return Window(None, None, f"cannot resolve '{surface}': not a date", source)
    if last is None:
        return Window(first, last, f"'{surface}': from {first}, undated article", source)
    if first is None:
        return Window(first, last, f"'{surface}': from a start not dated, to {last}", source)
    if first > last:                          # "since 2024" in a 2023 article
        return Window(None, None, f"cannot resolve '{surface}': starts after it ends",
                      source)
    if first == last:
        return Window(first, last, f"'{surface}': {first}", source)
    if rule.kind == "earlier":
        return Window(first, last, f"'{surface}': one day from {first} to {last}", source)
    if rule.kind == "night" or period == "overnight":
        return Window(first, last, f"'{surface}': the night to {last}", source)
    return Window(first, last, f"'{surface}': {first} to {last}", source)


def _anchor(text: str, start: int, candidates, published: date | None):
    """The day a bare "overnight" ends, and how it was read (None: the
    article date): a date named in the same sentence, else the passage's
    night or dateline, else the article date."""
    for rule, m, in_sentence in candidates:
        if rule.kind == "point" and in_sentence:
            return rule.resolve(m, published)[1], None
    found = _passage_anchor(text, start, published)
    if found:
        (first, last), surface = found
        return last, f"after the passage's '{surface}'"
    return _need(published), None


# What dates a passage: figures after it with no time phrase of their own
# belong to its night ("overnight on Monday", "on Tuesday night"), to the
# day of an attack ("the largest attack on Moscow on Tuesday", "Sunday's
# strike") or to the day of the article's dateline ("KYIV, July 9 (Reuters)
# -", "KYIV, July 9:"). A date or a weekday alone does not: articles name
# other days in passing ("talks were held on August 20").
_ANCHOR_RULES = {"night_range", "night_into", "night_of", "weekday_night"}
_DAY_RULES = {"weekday", "date", "yesterday"}
_ATTACK = re.compile(r"\b(?:attack|strike|assault|barrage|bombardment|raid|salvo)s?\b", re.I)
ATTACK_REACH = 60          # characters between an attack word and its day
_DATELINE = re.compile(rf"""\A\W*(?:[A-Z][\w'’.-]*[ ,]+){{1,4}}
    (?P<d>{DATE})\s*(?:\([^)]{{1,40}}\)\s*)?[—–:-]""", re.X)
PASSAGE_REACH = 3000       # characters before a figure searched for an anchor
ANCHOR_MAX_DAYS = 7        # an anchor more days before publication is history


def _passage_anchor(text: str, start: int, published: date | None):
    """((first, last), surface) of the nearest anchor before `start`, or None."""
    region = (max(0, start - PASSAGE_REACH), start)
    found = _RULE_SCAN.find(text, *region, index=TextIndex.of(text))
    nights = [(m.start(), rule, m) for rule in RULES if rule.id in _ANCHOR_RULES
              for m in found.get(rule.id, ())]
    found[_BARE_DATE.id] = _bare_dates(text, region)
    nights += [(m.start(), rule, m) for rule in RULES if rule.id in _DAY_RULES
               for m in found.get(rule.id, ()) if _of_an_attack(text, m)]
    dateline = _DATELINE.match(text[:200])
    if dateline and dateline.end() <= start:
        nights.append((-1, _BARE_DATE, dateline))
    for _, rule, m in sorted(nights, key=lambda n: -n[0]):
        try:
            first, last = rule.resolve(m, published)
        except (Unresolved, ValueError, OverflowError):
            continue
        if published and not (published - timedelta(days=ANCHOR_MAX_DAYS)
                               <= last <= published + timedelta(days=1)):
            continue
        surface = " ".join((m["d"] if rule is _BARE_DATE else m[0]).split())
        return (first, last), surface
    return None


def _of_an_attack(text: str, m: re.Match) -> bool:
    """Is this day an attack's ("the attack on Moscow on Tuesday", "Sunday's
    strike")? An attack word near it, in its sentence."""
    before = text[max(0, m.start() - ATTACK_REACH):m.start()]
    after = text[m.end():m.end() + 25]
    before = re.split(r"[.!?\n]", before)[-1]
    after = re.split(r"[.!?\n]", after)[0]
    return bool(_ATTACK.search(before) or re.match(r"['’]s\s+(?:\w+\s+){0,2}?"
                                                    + _ATTACK.pattern, after, re.I))


def _from_passage(text: str, start: int, published: date | None, period):
    """The window of a figure with no time phrase of its own, from the
    passage's anchor: its night, or the dateline's day; None if none."""
    found = _passage_anchor(text, start, published)
    if not found:
        return None
    (first, last), surface = found
    if period == "overnight" and first == last:
        return Window(last - timedelta(days=1), last,
                      f"no time expression; the passage's '{surface}': the night to {last}",
                      "passage")
    if first == last:
        return Window(first, last,
                      f"no time expression; the passage's '{surface}': {last}", "passage")
    return Window(first, last,
                  f"no time expression; the passage's '{surface}': the night to {last}",
                  "passage")


def _by_period(published: date | None, period: str | None) -> Window:
    make, how = DEFAULTS.get(period, DEFAULTS[None])
    source = "none" if period not in DEFAULTS or period is None else "period"
    if published is None:
        if period == "cumulative":
            return Window(INVASION, None, "undated article: cumulative, end unknown", source)
        return Window(None, None, "undated article and no time expression", "none")
    if period == "cumulative" and published < INVASION:
        return Window(None, published, "no time expression: cumulative, start unknown",
                      source)
    first, last = make(published)
    return Window(first, last, f"no time expression: {how}", source)
