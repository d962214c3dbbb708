"""What a number counts and what happened to it: the extraction lexicon.

Data only; etl/extract.py applies it. Each entry is a regular expression
fragment (matched case-insensitively, word-bounded by the engine).

    ITEMS    head nouns after a number -> the item class counted
    EVENTS   verbs and nouns of what happened -> the event class
    METRICS  (item class, event class) -> metric of ../shared/spec/FACTS.md

NOTE: keep METRICS in sync with the metric table of FACTS.md.
"""

# Head nouns after a number. Order matters: the first class whose pattern
# matches the head wins, so specific ("prisoners of war") precedes generic
# ("people"), and multi-word heads precede their last word.
ITEMS = [
    ("territory", r"(?:square\s+(?:kilomet(?:er|re)s?|km|miles?)|sqkm|sq\.?\s*(?:km|kilomet(?:er|re)s?|mi(?:les?)?)|km2|km²|kilomet(?:er|re)s?\s+square|hectares?)"),
    ("prisoner", r"(?:prisoners?(?:\s+of\s+war)?(?!\s+(?:exchanges?|swaps?))|POWs?(?!\s+(?:exchanges?|swaps?))|captives?|detainees?|hostages?|servicem[ae]n\s+from\s+captivity)"),
    ("body", r"(?:bodies|remains|fallen\s+(?:[\w-]+\s+)?(?:defenders|soldiers|servicem[ae]n|troops|heroes|warriors))"),
    ("casualty", r"(?:killed\s+(?:and|or|&)\s+(?:wounded|injured)|(?:dead|wounded)\s+(?:and|or|&)\s+(?:wounded|injured|dead|killed)|casualties|losses|casualty(?!\s+(?:figures?|toll|count|rates?|lists?|numbers?|reports?|data|statistics)))"),
    ("dead", r"(?:dead|deaths?|fatalities|fatality|lives|life|killed|victims)"),
    ("wounded", r"(?:wounded|injured|injuries|hurt)"),
    ("reservist", r"(?:reserv(?:ists?|es)|conscripts?|recruits?|draftees?)"),
    ("deserter", r"(?:deserters?|AWOL|(?:criminal\s+)?(?:cases?|proceedings|investigations)(?=\s+(?:[\w-]+\s+){0,7}?(?:desert\w*|escape|flight|fle[de]\w*|unauthori[sz]ed|abandon\w*|AWOL|SZCh|SOCh|absence|absent)\b))"),
    ("evacuee", r"(?:evacuees|refugees|displaced)"),
    ("soldier", r"(?:soldiers?|troops?|servicem[ae]n|servicewom[ae]n|(?<![A-Z]-\d\d\s)(?<![A-Z]-\d\s)(?<!jet\s)fighters?(?!\s+(?:jets?|planes?|aircraft))|military\s+personnel|personnel|military(?=\s*(?:[,.;:]|$|\s+(?:in|on|at|over|during|were|was|have|had|and|killed|dead|wounded|injured)\b))|mercenaries|marines|paratroopers|infantry(?:men)?|defenders|militants|volunteers|(?:men|women)(?=\s+(?:in|of)\s+uniform)|(?:nationals|citizens|men|women)(?=\s+(?:who\s+)?(?:are\s+|were\s+|have\s+been\s+)?(?:fighting|serving|engaged|involved|recruited|deployed|killed|captured)))"),
    ("person", r"(?:people|persons?|civilians?|residents?|children|child|kids|minors|boys?|girls?|men|women|man|woman|Ukrainians|Russians|Belarusians|worker|employee|adults|teenagers?|infants?|babies|baby|journalists?|medics?|rescuers|firefighters|workers|employees|passengers|citizens|nationals|individuals|families|family\s+members|households|homes(?=\s+without)|consumers|subscribers|customers|properties|victims)"),
    ("drone", r"(?:(?:drone\s+(?:aircraft|planes?)|unmanned\s+aerial\s+vehicles?|UAVs?|drones?|Shaheds?|Gerans?|Geran-2s?|decoys?|kamikaze\s+drones?|loitering\s+munitions?|quadcopters?|unmanned\s+(?:aircraft|surface\s+vessels?|boats?)|sea\s+drones?|naval\s+drones?|aerial\s+vehicles?))"),
    ("missile", r"(?:missiles?|rockets?|Kinzhals?|Kalibrs?|Iskanders?|ATACMS|Storm\s+Shadows?|projectiles)"),
    ("bomb", r"(?:(?:guided\s+|glide\s+|aerial\s+|air\s+)?bombs?|KABs?|explosive\s+devices|grenades)"),
    ("shell", r"(?:(?:artillery\s+)?shells?|rounds(?:\s+of\s+ammunition)?)"),
    ("attack", r"(?:(?:attacks?|strikes?)(?!\s+(?:means|helicopters?|aircraft|groups?|units?|capabilit\w+|potential|submarines?|weapons?|forces))|assaults?|strikes?|clashes|combat\s+(?:clashes|engagements)|engagements|firefights|offensives?|shellings?|bombardments?|raids?|airstrikes?|air\s+strikes?|storming\s+operations|offensive\s+actions)"),
    ("building", r"(?:buildings?|homes|houses?|kindergartens?|churches|shops|garages|dormitories|units(?=\s+(?:of|in)\s+(?:an?\s+|the\s+)?(?:apartment|residential|multi-stor(?:e)?y|high-rise))|apartments?|high-rises?|facilities|dwellings|structures|residential\s+(?:buildings?|blocks?)|apartment\s+blocks?|infrastructure\s+facilities|objects|private\s+houses|educational\s+institutions|schools?|hospitals?|enterprises|(?:power\s+|thermal\s+)?plants|substations?|warehouses?)"),
    ("settlement", r"(?:settlements?|villages?|towns?|localities|hamlets?|communities)"),
    ("system", r"(?:(?:air[\s-]+defen[cs]e\s+)?systems?|air[\s-]+defen[cs]e\s+means|(?:air|war)?planes?|airplanes?|warships?|fighter-bombers?|Bradleys?|[A-Z][a-z]?-\d{1,3}[A-Z]?s|batteries|launchers?|F-16s?|jets?|fighter\s+jets?|aircraft|Patriots?|HIMARS|Leopards?|Abrams|howitzers?|guns|vehicles?|tanks?|helicopters?|planes?|ships?|vessels?|boats?|armou?red\s+(?:combat\s+)?vehicles?|APCs|IFVs|artillery(?:\s+systems?|\s+pieces)?|MLRS|units\s+of\s+(?:motor\s+)?vehicles|special\s+(?:equipment|vehicles)|pieces\s+of\s+(?:equipment|hardware)|(?:units|pieces)\s+of\s+(?:enemy\s+)?(?:military\s+)?(?:equipment|hardware)|cars|trucks|weapons?|warplanes?|bombers?|fighters?\s+jets?)"),
]

# What happened. Each class lists verb forms and event nouns. The engine
# looks for these on both sides of a number within its clause.
EVENTS = [
    # Not facts: hits and impacts are what got through, not a metric.
    ("hit", r"(?:hit|hitting|struck|striking|rain(?:ed|ing|s)?\s+down|reached\s+(?:their\s+)?targets?|found\s+(?:their\s+)?targets?|impacts?|landed|fell|crashed|crossed|entered|violated|penetrated|got\s+through|broke\s+through|rescued|produc(?:e|ed|es|ing|tion)|manufactur(?:e|ed|es|ing)|remain(?:ed)?\s+in\s+the\s+air|still\s+(?:being\s+)?tracked|in\s+the\s+airspace)"),
    ("down", r"(?:shot\s+down|(?:managed\s+to\s+)?stop(?:ped|ping|s)?|shoot(?:ing)?\s+down|shooting\s+down|downed|down(?:s|ing)?|intercept(?:ed|s|ing|ion)?|neutrali[sz](?:ed|ing|es)?|destroy(?:ed|s|ing)?|eliminat(?:ed|ing)|repell?(?:ed|ing)|taken\s+down|brought\s+down|were\s+(?:shot|brought)|suppressed|(?:was|were)\s+destroyed|successfully\s+(?:engaged|countered)|destruction\s+of)"),
    ("lost", r"(?:(?:locationally|locally|locatively)\s+lost|lost\s+(?:to|from|on|off|due|as|in)\b|lost\s+(?:locally|locationally)|went\s+(?:missing|astray|off\s+radar)|disappeared|vanished|jammed|failed\s+to\s+reach|did\s+not\s+reach|(?:suppressed|intercepted|neutralized|countered|diverted)\s+by\s+(?:electronic|EW)|electronic\s+warfare|(?:lost|gone)\s+from\s+radar|(?:were|was)\s+[\"“‘']?lost|(?:were|was|been)\s+(?:reported|listed|considered|recorded|classified\s+as|registered\s+as)\s+(?:(?:locationally|locally|locatively)\s+)?lost|went\s+off\s+radar|redirected|classified\s+as\s+lost|unaccounted(?:\s+for)?|disabled\s+by\s+(?:electronic|EW)|stopped\s+(?:[\w']+\s+){0,3}?(?:by|using|with)\s+(?:\w+\s+)?(?:electronic|EW)|electronic\s+countermeasures)"),
    ("return", r"(?:(?:returned|flew|headed|went|turned)\s+(?:back\s+)?(?:to|toward|towards|into|in\s+the\s+direction\s+of)\s+(?:the\s+)?(?:Russia|Belarus|Russian|Belarusian|airspace|occupied)|(?:left|exited|headed\s+(?:back\s+)?(?:to|toward))\s+(?:for\s+)?(?:Russia|Belarus|the\s+airspace|Ukrainian\s+airspace))"),
    ("launch", r"(?:launch(?:ed|es|ing)?|targeted|dispatch(?:ed|es|ing)?|bombard(?:ed|ing|s)?|(?:struck|hit|strik(?:e|es|ing)|pound(?:ed|ing|s)?|shell(?:ed|ing|s)?)\s+(?:[\w'’-]+\s+){0,4}?with|c[ao]me\s+from|fir(?:ed|es|ing)|sen[dt]|send(?:s|ing)?|used?|using|deploy(?:ed|ing)|attack(?:ed|ing)?\s+(?:\w+\s+){0,3}with|targeted\s+(?:\w+\s+){0,3}with|unleash(?:ed|ing)?|involv(?:ed|ing)|included|carried\s+out|detected|tracked|spotted|recorded|barrage\s+of|wave\s+of|consist(?:ed|ing|s)\s+of|compris(?:ed|ing|es)|made\s+up\s+of|attack\s+(?:involving|of)|swarm\s+of|(?:attack|strike)s?\s+using|attacked)"),
    ("kill", r"(?:kill(?:ed|ing|s)?|died|dying|dead|deaths?\s+of|die|perished|lost\s+(?:their|his|her)\s+lives|death\s+toll|claimed\s+the\s+lives|(?<!endangering\sthe\s)(?<!threatening\sthe\s)(?<!threaten\sthe\s)(?<!saving\sthe\s)(?<!saved\sthe\s)lives\s+of|slain|murdered|fatalities|martyred)"),
    ("injure", r"(?:injur(?:ed|ing|es|y|ies)|wound(?:ed|ing|s)?|hurt|hospitali[sz]ed|(?:sustained|suffered|received)\s+(?:\w+\s+)?injuries)"),
    ("casualty", r"(?:casualties|losses|lost|killed\s*(?:and|or|,)\s*wounded|killed\s*(?:and|or|,)\s*injured|dead\s+(?:and|or)\s+wounded|wounded\s+(?:and|or)\s+killed|los(?:es|e|ing)|put\s+out\s+of\s+action|neutrali[sz]ed|eliminated|liquidated|irretrievable)"),
    ("evacuate", r"(?:evacuat(?:ed|ing|ion)|moved\s+to\s+safer|fled|fleeing|flee|displaced|relocated|left\s+their\s+homes|forced\s+to\s+leave)"),
    ("powerless", r"(?:without\s+(?:power|electricity|light|heating|energy)|los(?:ing|t|es|e)\s+(?:power|electricity)|(?:electricity|power)\s+(?:supply\s+)?(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?cut\s+(?:off\s+)?(?:to|for)|cut(?:ting|s)?\s+(?:off\s+)?power\s+to|power\s+cuts?|power\s+outages?|blackouts?|de-?energi[sz]ed|cut\s+off\s+from\s+(?:power|electricity)|lost\s+power|disconnected)"),
    ("damage", r"(?:damag(?:ed|ing|e)|destroy(?:ed|ing)|ruined|razed|demolished|hit\s+by|set\s+on\s+fire|caught\s+fire|burned)"),
    ("capture", r"(?:captur(?:ed|ing|e)|took|taken|tak(?:e|ing)\s+control|seiz(?:ed|ing|e|es)|occup(?:ied|y|ying|ies)|liberat(?:ed|ing|e)|retook|retaken|recaptur(?:ed|ing)|reclaim(?:ed|ing)|regain(?:ed|ing)|taking|gained|advanced|control\s+of|controls?|controlled|controlling|under\s+(?:\w+\s+){0,2}?control|control\s+over|took\s+control|has\s+control|conquered|lost|freed)"),
    ("deploy", r"(?:deploy(?:ed|ing|ment)?|station(?:ed)?|based|sent|send(?:ing)?|dispatch(?:ed)?|mass(?:ed|ing)|amass(?:ed|ing)|fight(?:ing|s)?|fought|serv(?:ing|e)|involved|engaged|in\s+(?:combat|the\s+war)|arrived|transferred|moved|concentrat(?:ed|ing)|gather(?:ed|ing)|build-?up|on\s+the\s+border|along\s+the\s+border|near\s+the\s+border|recruited|joined|training|trained|in\s+place|positioned|encircl(?:e|ed|ing)|surround(?:ed|ing)?|cut(?:ting)?\s+off|trapped)"),
    ("mobilize", r"(?:mobili[sz](?:ed|ation|e|ing)|call(?:ed|ing)?\s+up|drafted|conscript(?:ed|ion)|call\s+to\s+arms|summon(?:ed|s)|enlist(?:ed)?)"),
    ("desert", r"(?:desert(?:ed|ion|ing)|AWOL|left\s+(?:their|his)\s+(?:posts?|units?)|abandon(?:ed)?\s+(?:their\s+)?(?:posts?|positions|units?)|escape\s+of|unauthori[sz]ed\s+(?:abandonment|leaving|absence|departure)|abandonment\s+of\s+(?:a\s+|the\s+|their\s+)?(?:military\s+)?(?:units?|posts?|positions?)|(?:vanished|disappeared)\s+from\s+(?:the|their)\s+(?:ranks|units?)|(?:fled|escaped)\s+(?:from\s+)?(?:the|their|his)\s+(?:army|brigade|units?|battalion|regiment|posts?|ranks)\b|absent\s+without\s+(?:official\s+)?leave)"),
    ("swap", r"(?:swap(?:ped|s)?|exchang(?:ed|e|es|ing)|released|freed|returned\s+(?:home|from\s+captivity|to\s+Ukraine|to\s+Russia)|brought\s+(?:back|home)|bringing\s+(?:back|home)|brings?\s+(?:back|home)|back\s+home|handed\s+over|transferred|repatriat(?:ed|ion)|came\s+home|returning\s+home|return(?:ed)?)"),
    ("repatriate", r"(?:repatriat(?:ed|ion|e)|returned|handed\s+over|transferred|brought\s+back|received|exchange)"),
    ("supply", r"(?:suppl(?:y|ied|ies|ying)|deliver(?:ed|ing|y|ies|s)?|sen[dt]|send(?:s|ing)|provid(?:ed|e|es|ing)|pledg(?:ed|e|es|ing)|donat(?:ed|e|es|ing)|transferr?(?:ed|ing|s)?|ship(?:ped|ping|ment\s+of)?|ships(?=\s+(?:\w+\s+){0,2}?\d)|hand(?:s|ed|ing)?\s+over|rush(?:es|ed|ing)?|gave|give|gives|giving|get|gets|getting|arriv(?:e|es|ed|ing)|sold|sell|approv(?:ed|al)|allocat(?:ed|e)|commit(?:ted)?|promis(?:ed|e)|received|receiv(?:e|es|ing)|obtained|got|arrived|order(?:ed|s)|package\s+(?:includes|of)|(?:aid|assistance|package|tranche|shipment|delivery|consignment|batch|ammunition)\s+(?:[\w-]+\s+){0,5}?(?:includ(?:es|ed|e)|contain(?:s|ed)?|compris(?:es|ed)))"),
    ("request", r"(?:request(?:ed|s|ing)?|ask(?:ed|s|ing)?\s+(?:[\w-]+\s+){1,3}?for|requir(?:e|es|ed|ing)|looking\s+to\s+buy|ask(?:ed|s|ing)?\s+for|seek(?:s|ing)?|sought|need(?:s|ed)?|want(?:s|ed)?|buy|purchas(?:e|ing)|offer(?:ed|s)?\s+to\s+(?:buy|purchase)|appeal(?:ed)?|call(?:ed)?\s+for|urg(?:ed|es))"),
    ("drop", r"(?:dropp(?:ed|ing)|drop(?:s)?|used|launched|fired|(?:targeted|attacked|struck|hit)\s+(?:[\w-]+\s+){0,4}with)"),
    ("fire", r"(?:fir(?:ed|es|ing)|shell(?:ed|ing)|launched|expend(?:ed|s)|us(?:e|es|ed))"),
    ("destroy", r"(?:destroy(?:ed|ing|s)?|lost|losses|los(?:es|e|ing)|eliminated|wiped\s+out|knocked\s+out|burned|disabled|neutrali[sz]ed|destruction\s+of)"),
]

# (item class, event class) -> metric. An item class with event None gives
# its metric when no event word is found nearby ("146 combat clashes").
METRICS = {
    ("drone", "launch"): "drones_launched",
    ("drone", "down"): "drones_downed",
    ("drone", "destroy"): "drones_downed",
    ("drone", "lost"): "drones_lost",
    ("drone", "return"): "drones_returned",
    ("missile", "launch"): "missiles_launched",
    ("missile", "fire"): "missiles_launched",
    ("missile", "down"): "missiles_downed",
    ("missile", "destroy"): "missiles_downed",
    ("bomb", "drop"): "bombs_dropped",
    ("bomb", "launch"): "bombs_dropped",
    ("shell", "fire"): "shells_fired",
    # shells delivered, pledged or needed are arms, not fire; a count of
    # shells with no verb ("still has 4 million shells") is neither
    ("shell", "supply"): "weapons_supplied",
    ("shell", "request"): "weapons_requested",
    ("attack", None): "attacks",
    ("soldier", "deploy"): "troops_deployed",
    ("soldier", None): "troops_deployed",     # "about 111 thousand personnel"
    ("person", "mobilize"): "troops_mobilized",
    ("soldier", "mobilize"): "troops_mobilized",
    ("reservist", "mobilize"): "troops_mobilized",
    ("reservist", None): "troops_mobilized",
    ("soldier", "desert"): "troops_deserted",
    ("person", "desert"): "troops_deserted",
    ("deserter", None): "troops_deserted",
    ("prisoner", "swap"): "prisoners_swapped",
    ("prisoner", None): "prisoners_swapped",
    ("soldier", "swap"): "prisoners_swapped",
    ("person", "swap"): "prisoners_swapped",
    ("body", "repatriate"): "bodies_repatriated",
    ("body", None): "bodies_repatriated",
    ("person", "kill"): "people_killed",
    ("soldier", "kill"): "people_killed",
    ("dead", None): "people_killed",
    ("person", "injure"): "people_injured",
    ("soldier", "injure"): "people_injured",
    ("wounded", None): "people_injured",
    ("casualty", None): "casualties",
    ("soldier", "casualty"): "casualties",
    ("person", "casualty"): "casualties",
    ("person", "powerless"): "people_without_power",
    ("person", "evacuate"): "people_evacuated",
    ("evacuee", None): "people_evacuated",
    ("building", "damage"): "buildings_damaged",
    ("settlement", "capture"): "settlements_captured",
    ("territory", "capture"): "territory_captured",
    ("system", "destroy"): "equipment_destroyed",
    ("system", "down"): "equipment_destroyed",
    ("system", "supply"): "weapons_supplied",
    ("system", "request"): "weapons_requested",
    ("missile", "supply"): "weapons_supplied",
    ("drone", "supply"): "weapons_supplied",
    ("missile", "request"): "weapons_requested",
    ("drone", "request"): "weapons_requested",
}

# Which events each item class can take; others are ignored when looking
# for the event of a number (so "launched" never attaches to people).
ITEM_EVENTS = {}
for (_item, _event) in METRICS:
    if _event is not None:
        ITEM_EVENTS.setdefault(_item, []).append(_event)

# A number with no noun after it counts people when one of these events is
# next to it: "killing three", "138 killed and 451 injured".
PEOPLE_EVENTS = ("kill", "injure", "evacuate", "powerless")

# "20 to 30 shells a day", "45 bombs per day": munitions counted at a rate
# are munitions used, when no verb says they were sent or asked for.
# ... not when they are made: "the plant makes 250,000 shells a month".
MUNITION_MADE = r"\b(?:mak(?:e|es|ing)|made|produc\w*|manufactur\w*|output|build\w*|built)\b"
MUNITION_RATE = r"\s+(?:[\w-]+\s+){0,3}?(?:a|per|each|every)\s+(?:day|week|month)\b|\s+(?:[\w-]+\s+){0,3}?daily\b"

# "the region was targeted 59 times", "came under artillery fire three
# times": a count of attacks ("N times" is otherwise no count of ours).
ATTACKED_TIMES = (r"\b(?:targeted|shelled|attacked|struck|bombed|(?:came|come|comes|coming)\s+under\s+"
                  r"(?:[\w-]+\s+){0,2}?(?:fire|attack|shelling|bombardment))\s+(?:[\w'’-]+\s+){0,4}?$")

# An agreement to swap or hand over is a plan, not a swap (FACTS.md): "they
# agreed that Russia will transfer the bodies of 6,000", "agreed to exchange
# 1,000 prisoners", "a deal to swap 300 POWs".
# The verb of the plan governs the figure: it stands a few words before it.
AGREED_HANDOVER = (r"(?:\b(?:agree(?:d|s|ment)?|deal|accord|arrangement)\s+(?:\w+\s+){0,6}?"
                   r"(?:to|that|on|for)\s+(?:\w+\s+){0,6}?"
                   r"|\b(?:will|(?:is|are)\s+to)\s+(?:\w+\s+)?)"
                   r"(?:exchang|swap|transfer|hand|return|repatriat|releas|trad)\w*(?:\s+over)?"
                   r"\s+(?:[\w-]+\s+){0,4}$")

# ... and after the figure: "the bodies of 6,000 soldiers are to be handed
# over", "500 prisoners will be exchanged".
HANDOVER_TO_COME = (r"(?:\s+[\w'’-]+){0,4}?\s+(?:(?:are|is)\s+to|will|would|should|are\s+set\s+to)\s+be\s+"
                    r"(?:exchang|swap|transferr|hand|return|repatriat|releas|freed)\w*")

# A count before "launches" counts launched drones or missiles, whichever the
# text counted before: "20 launches were recorded".
LAUNCHES = r"\s+(?:[\w-]+\s+){0,2}?launches\b"

# Wording that makes a figure hypothetical, planned or negated.
# ("could send", "expected to", "if", "no casualties").
HYPOTHETICAL = r"\b(?:could|might|(?-i:may)|if|plans?\s+to|planning\s+to|expects?\s+to|expected\s+to|aims?\s+to|intends?\s+to|going\s+to|threaten(?:s|ed)?\s+to|capable\s+of|capacity|potential(?:ly)?|forecast|predict(?:s|ed)?|project(?:s|ed)|estimate(?:s)?\s+that\s+.*\s+could|unless|hope(?:s|d)?\s+(?:to|that)|want(?:s)?\s+to|seeks?\s+to|ready\s+to|able\s+to|enough\s+to|aim\s+of|target\s+of|goal\s+of|will\s+be\s+able|can\s+(?:\w+\s+)?(?:hold|carry|accommodate|house|store))\b"
NEGATION = r"\b(?:no|not|none|never|without|zero)\b"
