"""What kind of figure a fact is: one incident, a period's total, or a
running tally. Data only; etl/extract/kinds.py applies it.

    incident       one attack, strike, swap or handover at one time: "132
                   drones overnight", "the strike on Dnipro killed 9"
    period_total   a day, week, month or year: "232 civilians killed in
                   June", "over the past week Russia launched 500 drones"
    running_tally  since the invasion or another start: General Staff
                   totals, "3,000 prisoners returned so far"
    unknown        no time and no single event named: it adds to no total

The briefing's totals add incident figures only (docs/EVENTS.md).
Each cue is a regular expression fragment, read case-insensitively.
"""

# Periods (FACTS.md) and the kind they make.
PERIOD_KINDS = {
    "cumulative": "running_tally",
    "day": "period_total", "week": "period_total",
    "month": "period_total", "year": "period_total",
    "overnight": "incident",
}

# Time phrases (etl/extract/timewindow.py Rule.kind) and the kind they make.
PHRASE_KINDS = {
    "since": "running_tally",
    "day": "period_total", "week": "period_total", "month": "period_total",
    "year": "period_total", "range": "period_total",
    "night": "incident", "point": "incident", "earlier": "incident",
    "passage": "incident",
}

# A total with no period said, in the figure's sentence: "so far", "to
# date", "as of March 25". ("In total" and "a total of" also sum up one
# attack: "a total of 13 people were injured".)
TALLY_CUES = r"""\b(?:so\s+far|to\s+date|running\s+total|cumulative(?:ly)?|since\s+then
    |(?:total|overall|combat|russian|ukrainian|enemy|its|their)\s+losses
    |losses\s+(?:now\s+)?(?:include|stand|amount|total|reach)
    |as\s+of\s+(?:midnight\s+|noon\s+|the\s+end\s+of\s+)?(?:on\s+)?(?:\d{1,2}\s+)?
      (?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)
    |since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b
    |since\s+(?:the\s+|russia['’]s\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:invasion|war|attack
      |offensive|incursion|operation)\b)"""

# One attack, strike, swap or handover, in the singular, in the figure's
# sentence or the one before: "a missile strike", "Monday's attack", "the
# latest exchange". Plural "strikes" are many events.
INCIDENT_NOUNS = r"""\b(?:a|an|the|this|that|one|its|latest|(?-i:[A-Z])[\w-]*['’]s
    |(?:mon|tues|wednes|thurs|fri|satur|sun)day['’]s|yesterday['’]s|night['’]s)
    \s+(?:[\w-]+\s+){0,3}?(?:attack|strike|airstrike|assault|raid|shelling
    |bombardment|explosion|blast|barrage|salvo|swap|exchange|handover|hand-over
    |repatriation|incident|collapse|crash)\b(?!s)"""

# What happens in an incident, as verbs. In the past simple ("were killed",
# "shot down") or a headline's present ("Russia launches 132 drones") the
# figure is one event, dated by its article; after has/have/had ("have been
# killed", "has lost") it is a count so far, with no start named, unless a
# day, a night or one event is named beside it. ("Had" is the past of
# reported speech: "the ministry said Russia had fired 81 missiles".)
EVENT_PAST = r"""\b(?:killed|died|injured|wounded|shot|downed|destroyed|intercepted
    |launched|fired|swapped|exchanged|returned|released|repatriated|handed|damaged
    |evacuated|lost|struck|hit|attacked|targeted|neutrali[sz]ed|freed|dropped|shelled
    |bombed|captured|retook|took|sent|brought|kills|injures|wounds|downs|destroys
    |intercepts|launches|fires|swaps|exchanges|returns|releases|repatriates|hands
    |damages|evacuates|loses|strikes|hits|attacks|targets|frees|drops|captures
    |sends|brings)\b"""
EVENT_PERFECT = r"""\b(?:has|have)\s+(?:\w+ly\s+|already\s+|now\s+)?(?:been\s+)?
    (?:\w+ly\s+)?(?:killed|died|injured|wounded|shot|downed|destroyed|intercepted
    |launched|fired|swapped|exchanged|returned|released|repatriated|handed|damaged
    |evacuated|lost|struck|hit|attacked|targeted|neutrali[sz]ed|freed|dropped|shelled
    |bombed|captured|retaken|taken|sent|brought|received|delivered|supplied|mobili[sz]ed
    |deployed)\b"""

# No single attack kills or injures more people than this: a larger "incident"
# figure is a tally whose period was missed ("losses include 108,000 dead").
INCIDENT_MAX = {"people_killed": 1000, "people_injured": 1000}

# Swaps and handovers are events by nature: "the sides swapped 115 POWs".
EVENT_METRICS = ("prisoners_swapped", "bodies_repatriated")

# Metrics that one tally breaks down into one another ("1,707 wounded ...
# among the killed, 69 children"): a figure takes the kind of the tally
# before it within its family (etl/extract/kinds.py flow_kinds).
METRIC_FAMILY = {
    "people_killed": "people", "people_injured": "people", "casualties": "people",
}
