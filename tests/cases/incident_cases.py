"""Golden cases for the rules the numbers layer needs from the extractor
(plans that are no handover yet, parts stated with "among those ... were",
a breakdown that stays in its paragraph). Same shape as extract_cases.py;
every sentence written for this project."""
from cases.extract_cases import Case, F

NEW = [
    # an agreement to hand over or swap is a plan (FACTS.md) ...
    Case("Kyiv and Moscow agreed to exchange 500 prisoners of war next month.", []),
    Case("Russia will transfer the bodies of 2,000 soldiers under the deal.", []),
    # ... the handover that happened is a fact
    Case("Ukraine received the bodies of 641 soldiers on Friday.",
         [F("bodies_repatriated", 641)]),
    # a part stated as "among those/the ... were N"
    Case("The sides swapped 95 prisoners each. Among those freed were 12 medics.",
         [F("prisoners_swapped", 95, is_part=False), F("prisoners_swapped", 12, is_part=True)]),
    Case("Rescuers said 30 people died. Among the dead were 4 children.",
         [F("people_killed", 30, is_part=False), F("people_killed", 4, is_part=True)]),
    # a strike in another paragraph is no part of a month's total
    Case("The mission counted 210 civilians killed in March.\n\nA missile strike "
         "on Odesa killed 5 people on Monday.",
         [F("people_killed", 210), F("people_killed", 5, is_part=False)]),
]
