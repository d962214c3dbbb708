"""resolve_window: one row per time expression form.

Groups:
    NIGHTS      overnight reports, the commonest form in air-attack bulletins
    DAYS        single days: explicit dates, weekdays, yesterday/today
    SPANS       weeks, months, years, running totals ("since ...")
    SINCE_AND_EARLIER  "since <event>", comparisons, "earlier in the week"
    PASSAGE     no expression of its own: the passage's night or dateline
    INHERITED   the expression sits in the sentence before the quote
    BY_PERIOD   no expression: the extractor's period decides
    UNDATED     no article date: relative expressions resolve to None
    MUST_NOT_CRASH  odd input gives None dates and a note, never an error

Each case is (text, quote, published, period) -> (first, last, note part).
`quote` is a substring of `text` (the fact's span); None means all of it.
New forms go in the group they belong to, one row each, with text we wrote.
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.timewindow import resolve_window

SUN = date(2024, 8, 25)      # a Sunday
MON = date(2024, 8, 26)


class Case(NamedTuple):
    text: str
    published: date | None
    period: str | None
    first: date | None
    last: date | None
    note: str = ""
    quote: str | None = None


D = date

NIGHTS = [
    Case("Air defence downed 40 drones overnight into February 8, 2024.",
         D(2024, 2, 8), "overnight", D(2024, 2, 7), D(2024, 2, 8), "night"),
    Case("The air force said 31 of 35 drones were shot down on the night of "
         "August 23.", SUN, "overnight", D(2024, 8, 22), D(2024, 8, 23)),
    Case("On the night of 22-23 August the enemy used 60 drones.",
         SUN, "overnight", D(2024, 8, 22), D(2024, 8, 23)),
    Case("During the night of August 22 to 23, 18 drones were destroyed.",
         SUN, "overnight", D(2024, 8, 22), D(2024, 8, 23)),
    Case("Russia launched 77 drones overnight, the air force said.",
         SUN, "overnight", D(2024, 8, 24), SUN, "'overnight'"),
    Case("Last night 12 drones were shot down over the region.",
         MON, "overnight", SUN, MON),
    Case("Overnight on Sunday, 9 drones were intercepted.",
         MON, "overnight", D(2024, 8, 24), SUN),
    Case("On Saturday night air defence destroyed 20 drones.",
         MON, "overnight", D(2024, 8, 24), SUN),
    Case("The air force said on Sunday it had downed 50 drones.",
         MON, "overnight", D(2024, 8, 24), SUN, "the night to"),
    Case("Overnight, 44 drones were shot down, the air force said on "
         "Saturday.", MON, "overnight", D(2024, 8, 23), D(2024, 8, 24)),
    Case("In the night from Saturday to Sunday 15 drones were lost.",
         MON, "overnight", D(2024, 8, 24), SUN),
    # a wave that starts in the evening is the night into the next day
    Case("Since 21:00 on Friday, August 23, the enemy has launched 70 drones.",
         SUN, None, D(2024, 8, 23), D(2024, 8, 24), "the night to 2024-08-24"),
    Case("From 18:00 on 22 August, 40 drones were shot down.",
         SUN, "overnight", D(2024, 8, 22), D(2024, 8, 23)),
    # a morning start is the night that ends that day
    Case("Since 04:00 on August 24, 12 drones were downed.",
         SUN, "overnight", D(2024, 8, 23), D(2024, 8, 24)),
]

DAYS = [
    Case("Officials said 6 people were killed on Sunday.",
         D(2024, 8, 27), None, SUN, SUN, "'Sunday'"),
    Case("Officials said 6 people were killed on August 23.",
         SUN, None, D(2024, 8, 23), D(2024, 8, 23)),
    Case("On 23 August, 6 people were killed.",
         SUN, None, D(2024, 8, 23), D(2024, 8, 23)),
    Case("Strikes on Aug. 23, 2023 killed 6 people.",
         SUN, None, D(2023, 8, 23), D(2023, 8, 23)),
    Case("A strike on December 30 killed 4 people.",          # year before
         D(2025, 1, 3), None, D(2024, 12, 30), D(2024, 12, 30)),
    Case("A strike yesterday injured 11 people.",
         SUN, None, D(2024, 8, 24), D(2024, 8, 24), "yesterday"),
    Case("A strike today injured 11 people.", SUN, None, SUN, SUN, "today"),
    Case("Over the past 24 hours 140 combat clashes took place.",
         SUN, "day", D(2024, 8, 24), SUN, "past 24 hours"),
    Case("Russia lost 1,300 troops in a day, the ministry said.",
         SUN, "day", D(2024, 8, 24), SUN, "the day to the article date"),
    Case("Between August 20 and 23, 300 people were evacuated.",
         SUN, None, D(2024, 8, 20), D(2024, 8, 23)),
    Case("Monitors counted 900 civilian deaths from 1 March 2023, when the "
         "mission opened, to 30 June 2023.", SUN, None,
         D(2023, 3, 1), D(2023, 6, 30)),
]

SPANS = [
    Case("Over the weekend, 140 drones were shot down.",
         D(2024, 8, 27), None, D(2024, 8, 24), SUN, "weekend"),
    Case("In the past week Russia dropped 800 glide bombs.",
         SUN, "week", D(2024, 8, 18), SUN),
    Case("This week Russia dropped 800 glide bombs.",
         D(2024, 8, 28), "week", MON, D(2024, 8, 28)),
    Case("Last week Russia dropped 800 glide bombs.",
         D(2024, 8, 28), "week", D(2024, 8, 19), SUN),
    Case("Over the past five days 400 drones were launched.",
         SUN, None, D(2024, 8, 20), SUN),
    Case("In May, Russia launched 300 missiles.",
         D(2024, 8, 25), "month", D(2024, 5, 1), D(2024, 5, 31)),
    Case("In November, Russia launched 300 missiles.",     # last year's
         D(2024, 8, 25), "month", D(2023, 11, 1), D(2023, 11, 30)),
    Case("In August 2024 Russia launched 300 missiles.",   # still running
         D(2024, 8, 25), "month", D(2024, 8, 1), SUN),
    Case("Last month Russia launched 300 missiles.",
         SUN, "month", D(2024, 7, 1), D(2024, 7, 31)),
    Case("In 2023, Russia fired 3,000 missiles.",
         SUN, "year", D(2023, 1, 1), D(2023, 12, 31), "'In 2023'"),
    Case("This year Russia dropped 9,000 bombs.",
         SUN, "year", D(2024, 1, 1), SUN),
    Case("Since the start of 2024, 9,000 bombs were dropped.",
         SUN, "year", D(2024, 1, 1), SUN),
    Case("Since the start of the full-scale invasion, 500 children died.",
         SUN, "cumulative", D(2022, 2, 24), SUN),
    Case("Since February 2022 Russia has lost 600,000 troops.",
         SUN, "cumulative", D(2022, 2, 24), SUN),
    Case("Since the full-scale invasion, Russia has lost 9,000 tanks.",
         SUN, "cumulative", D(2022, 2, 24), SUN, "full-scale invasion"),
    Case("Since the invasion of the Kursk region, 900 troops were captured.",
         SUN, "cumulative", None, SUN, "from a start not dated"),
    Case("Since the war began, 15,000 drones have been destroyed.",
         SUN, "cumulative", D(2022, 2, 24), SUN),
    Case("Since March 2023, 2,000 prisoners have been swapped.",
         SUN, "cumulative", D(2023, 3, 1), SUN),
    # A cumulative figure beside a one-night figure takes the "since".
    Case("Since the war began, 15,000 drones were downed, 40 of them "
         "overnight.", SUN, "cumulative", D(2022, 2, 24), SUN,
         quote="15,000 drones were downed"),
    Case("Since the war began, 15,000 drones were downed, 40 of them "
         "overnight.", SUN, "overnight", D(2024, 8, 24), SUN,
         quote="40 of them overnight"),
]

# Running totals from an event, comparisons, and a day somewhere in a span.
SINCE_AND_EARLIER = [
    # "since <event>" starts at the event, never at the invasion
    Case("Shelling has not stopped, with 740 attacks recorded since accepting "
         "the truce.", D(2025, 4, 17), "cumulative", None, D(2025, 4, 17),
         "from a start not dated"),
    Case("Since the counteroffensive started, 90 villages have been retaken.",
         SUN, "cumulative", None, SUN, "Since the counteroffensive started"),
    # ... but "since" giving a reason is no time at all
    Case("The drones were lost since the jamming was strong, 12 of them.",
         SUN, None, SUN, SUN, "article date"),
    # a "since" after a superlative compares; it spans nothing
    Case("Hundreds of drones hit the west, the biggest attack since 2023.",
         SUN, None, SUN, SUN, "article date"),
    Case("It was the heaviest shelling of the city since the start of the war, "
         "with 14 people killed.", SUN, None, SUN, SUN, "article date"),
    # "in one day" says how long, not which day; "earlier in the week" says
    # which days it could be: not the night just gone
    Case("Earlier in the week, Russia fired 150 drones in one day.",
         D(2024, 8, 30), "day", D(2024, 8, 26), D(2024, 8, 29),
         "one day from 2024-08-26 to 2024-08-29"),
    Case("A record 150 drones were fired in a single day earlier this week.",
         D(2024, 8, 30), "day", D(2024, 8, 26), D(2024, 8, 29)),
]

# No time phrase of its own: the passage's night or dateline dates it,
# before the article date does.
PASSAGE = [
    Case("Russia attacked overnight into Monday with 90 drones.\n\n"
         "In Kharkiv, 4 people were injured.", D(2024, 8, 27), None,
         SUN, MON, "the passage's 'overnight into Monday'",
         quote="In Kharkiv, 4 people were injured."),
    Case("On Saturday night the city was attacked again.\n\nAir defence "
         "destroyed 30 drones overnight.", D(2024, 8, 27), "overnight",
         D(2024, 8, 24), SUN, "after the passage's 'Saturday night'",
         quote="Air defence destroyed 30 drones overnight."),
    Case("ODESA, Aug. 23 (Reuters) - Strikes went on.\n\nNine people were "
         "killed, officials said.", SUN, None, D(2024, 8, 23), D(2024, 8, 23),
         "the passage's 'Aug. 23'", quote="Nine people were killed, officials said."),
    Case("ODESA, Aug. 23 (Reuters) - Strikes went on.\n\nAir defence downed "
         "25 drones.", SUN, "overnight", D(2024, 8, 22), D(2024, 8, 23),
         quote="Air defence downed 25 drones."),
    # the day of an attack dates the passage; a dateline with a colon too
    Case("Ukraine launched its largest drone attack on Moscow on Tuesday.\n\n"
         "Officials said air defence destroyed 337 drones.", D(2025, 3, 14),
         "overnight", D(2025, 3, 10), D(2025, 3, 11), "the passage's 'Tuesday'",
         quote="Officials said air defence destroyed 337 drones."),
    Case("KHARKIV, March 9: Missiles hit the city.\n\nAir defence downed 30 "
         "missiles.", D(2025, 3, 10), "overnight", D(2025, 3, 8), D(2025, 3, 9),
         quote="Air defence downed 30 missiles."),
    # ... but a day named in passing does not
    Case("Talks were held in Riyadh on Tuesday.\n\nAir defence destroyed 40 "
         "drones.", D(2025, 3, 14), "overnight", D(2025, 3, 13), D(2025, 3, 14),
         "no time expression", quote="Air defence destroyed 40 drones."),
    # a night long before publication is history, not this passage's
    Case("On the night of 3 June the port burned.\n\nAir defence downed 25 "
         "drones.", SUN, "overnight", D(2024, 8, 24), SUN, "no time expression",
         quote="Air defence downed 25 drones."),
]

INHERITED = [
    Case("Russia launched 90 drones overnight into August 23. Air defence "
         "downed 70 of them.", SUN, "overnight", D(2024, 8, 22),
         D(2024, 8, 23), quote="Air defence downed 70 of them."),
    # A date in an earlier sentence does not move a bare "overnight".
    Case("Talks were held on August 20. Overnight, 30 drones were downed.",
         SUN, "overnight", D(2024, 8, 24), SUN,
         quote="Overnight, 30 drones were downed."),
    # A new paragraph does not inherit.
    Case("Russia launched 90 drones on August 20.\nAir defence said 5 "
         "people were injured.", SUN, None, SUN, SUN, "article date",
         quote="Air defence said 5 people were injured."),
]

BY_PERIOD = [
    Case("Air defence downed 70 drones.", SUN, "overnight",
         D(2024, 8, 24), SUN, "no time expression"),
    Case("Russia fires 10,000 shells.", SUN, "day", D(2024, 8, 24), SUN),
    Case("The tally stands at 9,000 tanks.", SUN, "cumulative",
         D(2022, 2, 24), SUN, "invasion"),
    Case("A strike injured 8 people.", SUN, None, SUN, SUN, "article date"),
    # "may" and "march" are verbs, not months.
    Case("Officials may march 300 people out.", SUN, None, SUN, SUN,
         "article date"),
    # Numbers are not days: no month, no range.
    Case("Between 12 and 15 drones were shot down.", SUN, None, SUN, SUN,
         "article date"),
]

UNDATED = [
    Case("Russia launched 77 drones overnight.", None, "overnight",
         None, None, "undated article: cannot resolve 'overnight'"),
    Case("Air defence downed 70 drones.", None, None, None, None,
         "undated article"),
    Case("On Aug. 23, 2024, air defence downed 70 drones.", None, None,
         D(2024, 8, 23), D(2024, 8, 23)),
    Case("In 2023, Russia fired 3,000 missiles.", None, "year",
         D(2023, 1, 1), D(2023, 12, 31)),
    Case("A strike on August 23 killed 4 people.", None, None,
         None, None, "undated article"),
    Case("Since the war began, 15,000 drones were downed.", None,
         "cumulative", D(2022, 2, 24), None, "from 2022-02-24, undated"),
]

MUST_NOT_CRASH = [
    Case("On February 30, 12 drones were shot down.", SUN, None,
         None, None, "not a date"),
    Case("Over the past 99999999 weeks 5 drones fell.", SUN, None,
         None, None, "not a date"),
    Case("", SUN, None, SUN, SUN, "article date"),
]

ALL = [pytest.param(c, id=c.text[:60] or "empty") for group in
       (NIGHTS, DAYS, SPANS, SINCE_AND_EARLIER, PASSAGE, INHERITED, BY_PERIOD,
        UNDATED, MUST_NOT_CRASH)
       for c in group]


@pytest.mark.parametrize("case", ALL)
def test_resolve_window(case: Case):
    quote = case.quote or case.text
    start = case.text.index(quote)
    first, last, note, _ = resolve_window(case.text, start, start + len(quote),
                                          case.published, case.period)
    assert (first, last) == (case.first, case.last), note
    assert case.note in note
    assert note  # every answer says how it was read


def test_far_text_is_not_read():
    """Only the neighbourhood of the quote is searched."""
    text = "In 2019 something happened. " + "Filler words here. " * 100
    quote = "Air defence downed 70 drones."
    text += quote
    start = text.index(quote)
    assert resolve_window(text, start, len(text), SUN, None)[2] == (
        "no time expression: article date")


WORDS = ["overnight", "night", "of", "into", "on", "the", "since", "in", "from",
         "to", "-", "Sunday", "Friday", "August", "Feb.", "May", "23", "31",
         "2", "2024", "2022", "past", "last", "week", "weekend", "year",
         "between", "and", "war", "began", ",", ".", "\n", "drones", "7th"]


@given(words=st.lists(st.sampled_from(WORDS), max_size=30),
       published=st.none() | st.dates(date(2000, 1, 1), date(2099, 12, 31)),
       period=st.sampled_from([None, "overnight", "day", "week", "month",
                               "year", "cumulative", "unknown"]),
       cut=st.tuples(st.integers(0, 400), st.integers(0, 400)))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_window_or_a_reason(words, published, period, cut):
    text = " ".join(words)
    start, end = sorted(min(c, len(text)) for c in cut)
    first, last, note, source = resolve_window(text, start, end, published, period)
    assert source in ("night", "point", "day", "week", "month", "year", "since",
                      "range", "earlier", "context", "passage", "period", "none")
    assert note
    if first and last:
        assert first <= last, note


def test_the_date_an_article_opens_with_gives_way_to_its_sentences_day():
    # the opening date is the dateline; "on Sunday (Mar 9)" says when
    text = ("date 2025-03-10 MOSCOW: Troops on Sunday (Mar 9) took three "
            "villages, the ministry said.")
    first, last, _, _ = resolve_window(text, 0, len(text), date(2025, 3, 10), None)
    assert (first, last) == (date(2025, 3, 9), date(2025, 3, 9))
    # with no other day named, the dateline's day stands
    text = "date 2025-03-10 MOSCOW: Troops took three villages, the ministry said."
    first, last, _, _ = resolve_window(text, 0, len(text), date(2025, 3, 10), None)
    assert (first, last) == (date(2025, 3, 10), date(2025, 3, 10))
