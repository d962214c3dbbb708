"""The kind of a figure, and why it was read so: `kind_of(...)`.

The rules, first match wins (the cues are data in rules/kinds.py):

1. its period: cumulative -> running tally; day, week, month, year ->
   period total; overnight -> incident;
2. the time phrase its window was read from: "since ..." -> running tally;
   a day, week, month, year or range -> period total;
3. a tally word in its sentence ("so far", "in total", "as of") -> running
   tally;
4. one attack, strike, swap or handover named in the singular, in its
   sentence or the one before ("the strike on Dnipro") -> incident;
5. a night named in its sentence or passage, or a swap or handover metric
   ("Russia has handed over 6,060 bodies") -> incident;
6. its verb after has/have ("12,000 have been killed") -> unknown: a
   count so far from no start named, which no total may add; a day named
   beside it is when it was said ("the UN said on Sunday");
   otherwise a day named -> incident;
7. its verb in the past simple or a headline's present ("were killed",
   "Russia launches") -> incident, dated by its article;
8. otherwise unknown: neither a time nor an event is named, so it is
   added to no total.
An incident of more people killed or injured than one attack kills
(rules.INCIDENT_MAX) is read as unknown: a tally whose period was missed.

`flow_kinds` then lets a figure read on weak evidence (rules 7 and 8)
take the kind of a period total or running tally before it in its
article, of the same family of metrics, unless an incident named by its
time or event stands between: "UN data: 1,707 wounded since February.
Among them, 69 children." -- the 69 are of the tally, not an incident of
their own.
"""
from __future__ import annotations

import re

from etl.extract.rules import kinds as rules
from etl.extract.timewindow import compares

_FLAGS = re.I | re.X
_TALLY = re.compile(rules.TALLY_CUES, _FLAGS)
_INCIDENT_NOUN = re.compile(rules.INCIDENT_NOUNS, _FLAGS)
_PAST = re.compile(rules.EVENT_PAST, _FLAGS)
_PERFECT = re.compile(rules.EVENT_PERFECT, _FLAGS)
# The sentence before the figure's, in the same paragraph, may name its
# event ("A missile hit a hospital. Two people were killed there.").
_BEFORE = 250


def kind_of(metric: str, value: float, period: str | None, text: str, start: int,
            end: int, window_source: str) -> tuple[str, str]:
    """(kind, reason) of the figure whose sentence is text[start:end].
    `window_source` is where its window was read (timewindow.Window.source).

    >>> kind_of("people_killed", 9, None, "A missile strike on Dnipro killed 9 people.",
    ...         0, 43, "none")
    ('incident', "one event named: 'A missile strike'")
    >>> kind_of("people_killed", 12000, None, "12,000 civilians have died, the UN says.",
    ...         0, 40, "none")
    ('unknown', "a count so far ('have died'), from no start named")
    """
    sentence = text[start:end]
    if period in rules.PERIOD_KINDS:
        return rules.PERIOD_KINDS[period], f"period {period}"
    phrase_kind = rules.PHRASE_KINDS.get(window_source)
    if phrase_kind in ("running_tally", "period_total"):
        return phrase_kind, f"time phrase of kind '{window_source}'"
    cue = _TALLY.search(sentence)
    if cue and not compares(text, cue.start()):
        return "running_tally", f"tally word '{_words(cue)}'"
    kind, reason = _one_event(metric, text, start, end, sentence, phrase_kind,
                              window_source)
    if kind == "incident" and value > rules.INCIDENT_MAX.get(metric, value):
        return "unknown", f"{reason}; but more than one attack kills or injures"
    return kind, reason


def _one_event(metric, text, start, end, sentence, phrase_kind, window_source):
    paragraph = text.rfind("\n", 0, start) + 1
    event = _INCIDENT_NOUN.search(text, max(paragraph, start - _BEFORE), end)
    if event and not compares(text, event.start()):
        return "incident", f"one event named: '{_words(event)}'"
    if window_source in ("night", "earlier", "passage"):
        return "incident", ("dated by its passage" if window_source == "passage"
                            else f"one {window_source} named")
    if metric in rules.EVENT_METRICS:
        return "incident", "a swap or handover"
    perfect = _PERFECT.search(sentence)
    if perfect:
        return "unknown", f"a count so far ('{_words(perfect)}'), from no start named"
    if phrase_kind == "incident":
        return "incident", f"one {window_source} named"
    past = _PAST.search(sentence)
    if past:
        return "incident", f"one past event: '{_words(past)}', dated by its article"
    return "unknown", "no time and no single event named"


def _words(match) -> str:
    return " ".join(match[0].split())


def flow_kinds(text: str, facts) -> None:
    """A figure whose kind rests on its verb's tense alone, or on nothing
    (rules 7 and 8), takes the kind of the last period total or running
    tally of its metric family before it in the article, unless an
    incident of that family named by its time or event stands between
    ("UN: 1,081 killed since February ... some 219 men, 165 women killed":
    the breakdown is the tally's; in place)."""
    last: dict[str, object] = {}
    for fact in sorted(facts, key=lambda f: f.surface_start):
        family = rules.METRIC_FAMILY.get(fact.metric, fact.metric)
        before = last.get(family)
        if before is not None and _weak(fact):
            fact.kind = before.kind
            fact.kind_reason = (f"as the figure before it in its article "
                                f"({before.surface}: {before.kind_reason})")
        if fact.kind in ("period_total", "running_tally"):
            last[family] = fact
        elif fact.kind == "incident" and not _weak(fact):
            last.pop(family, None)


def _weak(fact) -> bool:
    return fact.kind == "unknown" or fact.kind_reason.startswith("one past event")
