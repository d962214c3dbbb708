"""Each figure is an incident, a period total, a running tally or unknown,
with the reason it was read so (etl/extract/kinds.py). One row per rule,
through the whole extractor, on sentences written for this project."""
from __future__ import annotations

from datetime import date

import pytest

from etl.extract import extract_text

FRI = date(2024, 11, 29)

CASES = [
    # (text, metric, value, kind, reason part)
    ("Russia launched 95 drones overnight, the air force said.",
     "drones_launched", 95, "incident", "period overnight"),
    ("The UN said 232 civilians were killed in June.",
     "people_killed", 232, "period_total", "period month"),
    ("Over the past week Russia launched 510 drones at Ukraine.",
     "drones_launched", 510, "period_total", "period week"),
    ("Since the full-scale invasion, 11,000 civilians have been killed.",
     "people_killed", 11000, "running_tally", "period cumulative"),
    # a running tally without the word "cumulative" or a period
    ("Russian losses include about 640,000 troops killed or wounded, the "
     "General Staff said on Friday.", "casualties", 640000, "running_tally",
     "tally word"),
    ("Kyiv has brought home 3,900 prisoners so far.",
     "prisoners_swapped", 3900, "running_tally", ""),
    ("Shelling went on, with 740 attacks recorded since accepting the truce.",
     "attacks", 740, "running_tally", ""),
    # one event named, in its sentence or the one before
    ("A missile strike on a Dnipro clinic killed 7 people.",
     "people_killed", 7, "incident", "one event named"),
    ("A glide bomb hit a school in Kupiansk. Three people died there.",
     "people_killed", 3, "incident", ""),
    ("The sides swapped 115 prisoners of war.",
     "prisoners_swapped", 115, "incident", ""),
    # a tally dated "as of midnight on <date>"
    ("Monitors said that as of midnight on March 25, 412 civilians had been killed.",
     "people_killed", 412, "running_tally", ""),
    # "earlier in the day" dates a report; it is no day's total
    ("Earlier in the day, the ministry said Kyiv brought back 146 of its POWs.",
     "prisoners_swapped", 146, "incident", ""),
    # a count so far, from no start named, is no incident, and a day named
    # beside it is when it was said
    ("On Friday the UN said 12,600 civilians have been killed.",
     "people_killed", 12600, "unknown", "count so far"),
    # a superlative's "since" compares; it starts no tally
    ("Russia launched 310 drones, its biggest attack since the start of the war.",
     "drones_launched", 310, "incident", ""),
    # no single attack kills that many: a tally whose period was missed
    # the year inside a comparing "since" clause is no span either
    ("Air defences downed 140 drones in the biggest attack since Russia launched "
     "its operation back in 2022.", "drones_downed", 140, "incident", ""),
    # "two years since the invasion" says how long ago, it spans nothing
    ("Air defence shot down 20 of 21 drones, more than two years since Russia "
     "launched its full-scale invasion.", "drones_downed", 20, "incident", "one past event"),
    # "the incident", "the collapse" name one event, as "the strike" does
    ("A bridge fell onto a train overnight. The incident resulted in seven deaths.",
     "people_killed", 7, "incident", "one event named: 'The incident'"),
    # a span named sentences before dates a figure, it is not its period
    ("In November the ministry said Kyiv had received six jets. The air force "
     "says it needs 120 fighter jets.", "weapons_requested", 120, "unknown", ""),
    ("Troops massed on the border in 2021. Thousands more troops arrived.",
     "troops_deployed", 2000, "unknown", ""),
    ("Those losses include around 98,000 dead soldiers, Kyiv said on Friday.",
     "people_killed", 98000, "running_tally", "losses include"),
]


@pytest.mark.parametrize("text, metric, value, kind, reason", CASES,
                         ids=[c[0][:50] for c in CASES])
def test_kind(text, metric, value, kind, reason):
    facts = [f for f in extract_text(text, published=FRI).facts
             if (f.metric, f.value) == (metric, value)]
    assert facts, f"no {metric} = {value} in {text!r}"
    assert (facts[0].kind, reason in facts[0].kind_reason) == (kind, True), \
        facts[0].kind_reason


def test_a_figure_after_a_tally_in_its_article_is_of_the_tally():
    text = ("Since February, monitors have recorded 1,707 civilians injured.\n\n"
            "Observers say the true toll is higher.\n\nAccording to the same "
            "data, 69 children were wounded.\nA strike on Sumy on Friday injured "
            "4 people.\nRescuers said 2 more were hurt.")
    kinds = {f.value: f.kind for f in extract_text(text, published=FRI).facts}
    # the strike, named by its day, ends the tally's reach
    assert kinds == {1707: "running_tally", 69: "running_tally", 4: "incident",
                     2: "incident"}


def test_every_fact_says_why_it_has_its_kind():
    text = ("Russia launched 95 drones overnight. Air defence downed 80. "
            "Since 2022, 40,000 drones have been launched.")
    for fact in extract_text(text, published=FRI).facts:
        assert fact.kind in ("incident", "period_total", "running_tally", "unknown")
        assert fact.kind_reason


from cases.incident_cases import NEW as INCIDENT_CASES  # noqa: E402


@pytest.mark.parametrize("case", INCIDENT_CASES, ids=lambda c: c.text[:60])
def test_incident_rules(case):
    facts = extract_text(case.text, published=FRI).facts
    for expected in case.facts:
        assert any(all(getattr(f, k) == v for k, v in expected.items()) for f in facts), \
            f"missing {expected} in {[(f.metric, f.value, f.is_part) for f in facts]}"
    assert {(f.metric, f.value) for f in facts} <= \
        {(e["metric"], e["value"]) for e in case.facts}
