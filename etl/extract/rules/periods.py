"""Time wording -> the period a figure covers (FACTS.md, attribute period).

Data only; etl/extract/attributes.py applies it. Each entry is a period and
the regular expression fragments that say it (matched case-insensitively,
from a word start). The period worded nearest a figure in its sentence
wins; where two wordings overlap the longer one wins ("since the start of
the year" is a year, not the "since the start" of a running tally).

NOT_A_SPAN lists wordings before a "since ..." or a running-total wording
that make it a comparison or an elapsed time, not the span a figure
covers ("the largest attack since the start of the war", "two years since
Russia invaded").
"""

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "a day earlier", "a week after", "a year of war": a distance in time or a
# length, not the span the figure counts over.
_NOT_A_LENGTH = r"\b(?!\s+(?:earlier|later|ago|before|after|of|since|into|on)\b)"
# What a war or campaign is called, after "since the start of" and the like.
_WAR = (r"(?:war|invasion|aggression|conflict|operation|special\s+military\s+operation|hostilities|"
        r"offensive|counteroffensive|counter-offensive|incursion|campaign)")
_WHOSE = r"(?:(?:the|its|their|our|this|Russia['’]s|Moscow['’]s|the\s+Kremlin['’]s|[A-Z]\w+['’]s)\s+)?"
# When it began: "in August", "on February 24, 2022", "last Thursday".
_WHEN = (rf"(?:\s+(?:in|on|last)\s+(?:{_MONTH}|{_WEEKDAY}|20\d\d)(?:\s+\d{{1,2}}\b)?(?:,?\s+20\d\d)?)?")
_WAR_KIND = r"(?:(?:20\d\d|full[\s-]scale|large[\s-]scale|Russian|special\s+military|military|all-out)\s+)*"

PERIODS = [
    ("year", [
        r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?(?:new\s+|current\s+)?(?:year|20\d\d)",
        r"(?:in|during|throughout|for)\s+(?:the\s+whole\s+of\s+)?20\d\d(?!\s*[-–]\s*\d)",
        r"this\s+year", r"year\s+to\s+date", r"so\s+far\s+this\s+year", r"last\s+year",
        r"over\s+the\s+(?:past|last)\s+year", r"per\s+year", rf"a\s+year{_NOT_A_LENGTH}", r"annually",
        r"(?:every|each)\s+year",
    ]),
    ("cumulative", [
        # "since the start of the Kremlin's 2022 invasion (in 2022)"
        rf"since\s+the\s+(?:start|beginning|outbreak|onset)\s+of\s+{_WHOSE}{_WAR_KIND}{_WAR}"
        r"(?:\s+in\s+20\d\d)?",
        # "since the offensive began", "since the attack that began Feb. 24"
        rf"since\s+{_WHOSE}(?:[\w-]+\s+){{0,2}}?{_WAR}\s+(?:that\s+|which\s+)?(?:began|started|was\s+launched)"
        + _WHEN,
        r"since\s+(?:[\w'’-]+\s+){1,5}?(?:began|started)\s+(?:on\s+)?(?:Feb(?:ruary)?\.?\s+24|24\s+Feb)",
        # "since Russian troops began their offensive", "since Kyiv launched its incursion"
        rf"since\s+(?:[\w'’.-]+\s+){{1,4}}?(?:launched|began|started|mounted|unleashed)\s+{_WHOSE}"
        rf"(?:[\w-]+\s+){{0,3}}?{_WAR}{_WHEN}",
        r"since\s+(?:(?:February|Feb\.?)\s+(?:24,?\s+)?2022|24\s+February\s+2022|2022|2014)",
        r"in\s+total\s+since", r"throughout\s+the\s+war", r"since\s+(?:it|they)\s+(?:began|started)",
        r"(?:over|during|in|throughout)\s+(?:the|their|its)\s+(?:course\s+of\s+the\s+)?"
        r"(?:entire\s+|whole\s+)?(?:military\s+)?(?:war|invasion|campaign)",
        # "the total civilian casualties", "overall combat losses"
        r"(?:total|overall)\s+(?:[\w-]+\s+){0,2}?(?:losses|casualties)", r"so\s+far\s+in\s+the\s+war",
        r"since\s+(?:entering|the\s+beginning)",
        r"since\s+(?:agreeing|signing|the\s+(?:ceasefire|truce|deal|agreement))",
        # "has already killed", not "had already sent" or "has already promised"
        r"(?:has|have)\s+already(?!\s+(?:promised|pledged|agreed|announced|said|warned))",
        r"so\s+far(?!\s+(?:this|in\s+the)\s+(?:week|month|year))",
        r"(?:in|during)\s+the\s+(?:ongoing\s+|whole\s+|entire\s+)?(?:war|conflict|invasion)\b",
        r"entire\s+period", r"as\s+of\s+today",
        r"since\s+(?:President\s+)?(?:Vladimir\s+)?(?:Russia|Moscow|Putin)\s+(?:launched|began|started|invaded)",
        r"since\s+the\s+(?:Russian\s+|full-scale\s+)?invasion(?:\s+in\s+20\d\d)?",
        r"(?:from|since|between)\s+(?:\d+\s+[ap]m\s+on\s+)?(?:Feb(?:ruary)?\.?\s+24|24\s+Feb(?:ruary)?)",
        r"in\s+all\b",
        # "as of June 5" dates a tally; "as of 4:30 p.m." only times a report,
        # unless a date follows ("as of midnight on March 25")
        r"as\s+of\s+(?!\d{1,2}(?:[:.]\d\d|\s*[ap]\.?m))(?:\w+\s+\d|\d)",
        rf"as\s+of\s+(?:midnight|noon|\d{{1,2}}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?)\s+on\s+"
        rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH})",
        # ground held (not taken) is a running total: "forces control 1,263
        # sq km", "had control over 92 settlements"; not "Russian-controlled",
        # "lost control", "taking control of" (the taking is an event)
        r"(?<![\w-])(?<!lost\s)(?<!gained\s)(?<!regained\s)(?<!taken\s)(?<!took\s)(?<!taking\s)"
        r"controls?\s+(?:over\s+)?(?=(?:about|around|almost|nearly|some|more|over|\d))",
        r"(?:have|has|had|in)\s+control\s+(?:of|over)\b", r"from\s+24\s+February\s+2022",
        rf"since\s+{_MONTH}(?!\s+\d{{1,2}}\b)",
    ]),
    ("overnight", [
        r"overnight", r"night\b", r"pre-dawn", r"early\s+(?:morning|hours)", r"in\s+the\s+early\s+hours",
        rf"\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+{_MONTH}\b",
        r"over\s+night", r"last\s+night", r"at\s+night", r"during\s+the\s+night", r"on\s+the\s+night",
        r"night\s+(?:of|attack|raid|assault)", r"nightly", r"tonight", r"this\s+night",
        r"through\s+the\s+night", r"in\s+the\s+night", r"night-time", r"nighttime",
    ]),
    ("day", [
        r"(?:past|last|previous)\s+(?:24\s+hours|day)", r"(?:during|in|over|within)\s+one\s+day",
        r"\w+'s\s+(?:first|second|third)\s+day", r"on\s+the\s+(?:first|second|third)\s+day",
        r"in\s+(?:a|one|a\s+single)\s+day", r"per\s+day", rf"a\s+day{_NOT_A_LENGTH}", r"each\s+day",
        r"every\s+day", r"daily", r"(?<!earlier\s)(?<!later\s)(?:over|during|in)\s+the\s+day\b", r"24\s+hours",
        r"since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+day",
        r"in\s+a\s+single\s+day", r"single\s+day", r"within\s+a\s+day", r"over\s+the\s+past\s+and\s+current\s+day",
    ]),
    # ("earlier this week", "later in the month": a day of it, not its span)
    ("week", [
        r"(?<!earlier\s)(?<!later\s)(?:past|last|this|previous)\s+week", r"in\s+a\s+week", r"per\s+week", rf"a\s+week{_NOT_A_LENGTH}",
        r"weekly", r"seven\s+days", r"(?:every|each)\s+week",
        r"(?<!earlier\s)(?<!later\s)(?:during|throughout|over|in|within)\s+(?:the|one|a|a\s+single|just\s+one)\s+"
        r"(?:entire\s+|whole\s+)?week\b",
    ]),
    ("month", [
        r"(?<!earlier\s)(?<!later\s)(?:past|last|this|previous)\s+month",
        rf"from\s+(?:1|the\s+1st)\s+to\s+(?:2[89]|3[01])\s+{_MONTH}",
        rf"from\s+{_MONTH}\s+1\s+to\s+{_MONTH}\s+(?:2[89]|3[01])",
        r"in\s+a\s+month", r"per\s+month", rf"a\s+month{_NOT_A_LENGTH}", r"monthly",
        r"(?:every|each)\s+month", r"(?<!earlier\s)(?<!later\s)(?:in|during)\s+the\s+month",
        r"that\s+month", rf"(?:in|during|throughout|for)\s+(?:the\s+month\s+of\s+)?{_MONTH}(?!\s+\d)",
    ]),
]

# Before a "since ..." (or any running-total wording): it compares ("the
# largest attack since ...", "the worst losses during the war") or measures
# elapsed time ("two years since ..."; not "in the days since ...").
NOT_A_SPAN = (r"(?:\b(?:largest|biggest|heaviest|deadliest|worst|most\s+\w+|record|highest)\b"
              r"[^.;,]{0,80}|\b(?:\d[\d,]*|a|one|two|three|four|five|six|seven|eight|nine|ten|"
              r"several|few)\s+(?:full\s+)?(?:years?|months?|weeks?|days?|hours?)\s+)$")

# Where the clause of such a "since" ends: its time words go with it ("the
# biggest attack since Russia launched its operation back in 2022").
SINCE_CLAUSE_END = r"[.;,!?\n]"

# "during the same period": the span of the figure stated before; so for a
# sentence that goes on with the same report ("In addition, 14 tanks were
# destroyed", "Other Russian losses include ...").
SAME_PERIOD = (r"\b(?:during|in|over|for|within)\s+the\s+same\s+(?:period|timeframe|time\s+frame|time|span)\b"
               r"|\bin\s+addition\b|\bother\s+(?:[\w-]+\s+)?losses\b")
