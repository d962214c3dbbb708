"""Numbers that are never facts, as an ordered table of (reason, pattern).

Each pattern is tried against the text around a number, written as
``LEFT⟨N⟩RIGHT`` where ``⟨N⟩`` stands for the number: the engine splices
the sentence as ``left + "⟨N⟩" + right`` so one regex can look both ways.
The first matching row names the reason recorded in the `rejections`
table (NOTE: order matters: "calibre" must win over "distance" for
"155 mm", and "age" over "duration" for "14 years old").
"""
import re

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|"
          r"July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|"
          r"Dec(?:ember)?)\.?")

NOT_A_FACT = [
    # A UUID or hex id ("20be9f65-9d3d-...") before it can look like "2S19".
    ("id or phone number", r"(?<![\w-])⟨N⟩[0-9a-f]*[a-f][0-9a-f]*-[0-9a-f]{4}"),
    ("model or unit designation", rf"""
        [A-Za-z]{{1,6}}-?⟨N⟩                 # Su-34, S-300, M777, F-16
      | ⟨N⟩-?[A-Za-z]{{1,4}}\d              # 2S19, 9K720
      | \d[/-]⟨N⟩ | ⟨N⟩[/]\d                # Shahed-136/131, 2/2
      | ⟨N⟩(?:st|nd|rd|th)\s+(?:Separate\s+|Mechani[sz]ed\s+|Assault\s+|Airborne\s+|Motori[sz]ed\s+|Guards\s+|Army\s+|Tank\s+|Marine\s+)*
          (?:brigade|battalion|regiment|division|army|corps|squadron|fleet|unit)
    """),
    ("ordinal", r"⟨N⟩(?:st|nd|rd|th)\b"),
    ("superlative, not a count", r"⟨N⟩\s+of\s+(?:the\s+|its\s+|their\s+|Russia's\s+|Ukraine's\s+)?(?:most|largest|biggest|worst|main|key|few|many|\w+est)\b"),
    ("calibre", r"⟨N⟩\s?-?\s?(?:mm|millimet(?:er|re)s?|cm|caliber|calibre)\b"),
    ("percentage", r"⟨N⟩\s?(?:%|per\s?cent|percent|pct\b)"),
    ("money", r"""
        (?:[$€£₴]|US\$|USD|EUR|UAH|RUB)\s?⟨N⟩
      | ⟨N⟩\s*(?:million|billion|trillion|bn|mln|m)?\s*(?:dollars|euros|pounds|hryvnias?|hryvnyas?|rubles|roubles|USD|EUR|UAH|yuan)\b
    """),
    ("age", r"""
        ⟨N⟩\s?-?\s?(?:year|month|week|day)s?-?\s?old
      | ⟨N⟩\s+years?\s+(?:of\s+age|old)
      | \b(?:aged|age\s+of|ages\s+of|under|over)\s+⟨N⟩\s*(?:years|-year)
      | \b(?:aged|age\s+of|ages\s+of)\s+(?:\d+\s*(?:and|or|to|-|,)\s*)*⟨N⟩
      | \b(?:soldiers|servicemen|troops|conscripts|prisoners|men|women|people|children|boys|girls)
          \s+(?:under|over|below|above|younger\s+than|older\s+than)\s+(?:the\s+age\s+of\s+)?⟨N⟩
          (?!\s*(?:%|per\s?cent|percent|[\d,]))
    """),
    ("time", rf"""
        \d:⟨N⟩ | ⟨N⟩:\d
      | ⟨N⟩\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hrs\b|GMT|UTC|local\s+time)
    """),
    ("date", rf"""
        {_MONTH}\s+⟨N⟩(?!\s*(?:drones|missiles|people|troops|soldiers))
      | ⟨N⟩(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)
      | \d{{4}}-⟨N⟩ | ⟨N⟩-\d\d-\d\d
      | ⟨N⟩[./]\d\d[./]\d{{2,4}}
    """),
    ("distance or size", r"⟨N⟩\s?-?\s?(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|(?-i:m)(?!-)|feet|ft)\b(?!\s*(?:²|2\b|square))(?<!square)"),
    ("duration or count of days", r"⟨N⟩\s+(?:more\s+|straight\s+|consecutive\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|nights?|mornings?|evenings?|afternoons?|decades?|centuries)\b(?!\s+of\s+(?:captivity))"),
    ("same figure in other units", r"[(]\s*(?:about\s+|around\s+|some\s+|roughly\s+|approximately\s+|nearly\s+|almost\s+|over\s+)?⟨N⟩\s*(?:square\s+(?:miles|kilomet\w+)|sq\.?\s*(?:mi|km)\w*)"),
    ("counts types, not items", r"⟨N⟩\s+(?:different\s+|other\s+)?(?:types|kinds|sorts|models|variants|categories)\s+of\b"),
    ("negation", r"\b(?:no|not\s+a\s+single|none\s+of\s+the)\s+⟨N⟩"),
    ("comparison, not a count", r"⟨N⟩\s+(?:more|fewer|less)\s+(?:[\w-]+\s+){0,2}?than\b"),
    # what a side holds, not what happened: "down to 229 Kalibr missiles",
    # "which has 42 F-16s", "still has 900 shells", "40 tanks left"
    ("inventory, not an event", r"""
        \b(?:is|was|are|were)\s+down\s+to\s+(?:[\w-]+\s+){0,3}?⟨N⟩
      | \b(?:still\s+(?:has|had|have|holds?|held|possess(?:es|ed)?)|stock(?:pile)?s?\s+of|arsenal\s+of|
             (?:which|that|who)\s+(?:still\s+)?(?:has|have|had|holds?|operates?))
          \s+(?:(?:only|just|about|some|around|nearly|almost|over|more\s+than|at\s+least|up\s+to)\s+)?⟨N⟩
      | ⟨N⟩\s+(?:[\w-]+\s+){0,4}?(?:remaining|left|in\s+stock|in\s+(?:its|their|the)\s+(?:arsenal|stockpiles?|inventory))
        (?=\s*[,.;:)])
    """),
    # a margin between two figures: "broke the record by nearly 700"
    ("margin, not a count", r"""
        \b(?:record|increased?|rose|risen|grew|grown|fell|fallen|dropped|decreased?|exceed(?:ed|s)?|
             surpass(?:ed|es)?|outnumber(?:ed|s)?|higher|lower|up|down)\b(?:\s+[\w,'’-]+){0,4}?
        \s+by\s+(?:(?:nearly|almost|about|around|some|roughly|over|more\s+than|at\s+least|another|a\s+further)\s+)?⟨N⟩
    """),
    ("population size", r"(?:home\s+to|population\s+of|inhabited\s+by|populated\s+by)\s+(?:about\s+|some\s+|around\s+|over\s+|more\s+than\s+|nearly\s+|roughly\s+|approximately\s+|almost\s+)?⟨N⟩|⟨N⟩\s+(?:inhabitants|residents\s+live)"),
    ("id or phone number", r"""(?<!\()[#№+]⟨N⟩ | ⟨N⟩[\w-]*[a-z]\w*-
      | \b(?-i:No)\.\s?⟨N⟩                  # "house No. 45", "Decree No. 64"
    """),
]

NOT_A_FACT_RES = [(reason, re.compile(pattern, re.VERBOSE | re.IGNORECASE))
                  for reason, pattern in NOT_A_FACT]

# Words of counted things outside the metric vocabulary: a number before one
# of these is rejected as "counts <word>" (regions, countries, meetings...).
OUTSIDE_VOCABULARY = r"""(?:regions?|oblasts?|countries|nations|states|meetings?|summits?|
    talks|rounds\s+of\s+talks|sanctions?|packages?|laws?|points?|articles?|pages?|
    districts|cities|directions|sectors|fronts?|locations|sites|targets|areas|
    times|percent|years|languages|members|votes|seats|companies|banks|tons?|tonnes|
    barrels|cubic|megawatts?|MW|GW|kilowatts?|votes|signatures|photos|videos|
    episodes|reports|applications|resolutions|documents|points|steps)"""
