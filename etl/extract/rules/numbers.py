"""Number vocabulary: words, scales, vague amounts and qualifiers (data only).

Bounds for vague words follow ../shared/spec/FACTS.md ("Value, bounds and
qualifier"): conservative, ACLED-style conventions.
"""

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
          "billion": 1_000_000_000}
# Abbreviated scales that follow digits only ("1.2 mln", "5k").
DIGIT_SCALES = {**SCALES, "mln": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

# Vague amounts: wording -> (low, high). Longest wording first, because
# "tens of thousands" must win over "thousands" (NOTE: order matters).
VAGUE = [
    ("hundreds of thousands", 200_000, 999_999),
    ("tens of thousands", 20_000, 99_999),
    ("several hundred thousand", 300_000, 999_999),
    ("several thousand", 3_000, 9_999),
    ("a few thousand", 3_000, 9_999),
    ("several hundred", 300, 999),
    ("a few hundred", 300, 999),
    ("several dozen", 24, 99),
    ("a few dozen", 24, 99),
    ("millions", 2_000_000, 9_999_999),
    ("thousands", 2_000, 9_999),
    ("hundreds", 200, 999),
    ("dozens", 24, 99),
    ("scores", 40, 99),
]

# Words before a number that set its qualifier. Longest first (NOTE: order
# matters: "no more than" must win over "more than").
QUALIFIER_WORDS = [
    ("no more than", "at_most"), ("not more than", "at_most"),
    ("a little more than", "at_least"), ("a little over", "at_least"),
    ("slightly more than", "at_least"), ("slightly over", "at_least"),
    ("just over", "at_least"), ("well over", "at_least"),
    ("more than", "at_least"), ("at least", "at_least"),
    ("upwards of", "at_least"), ("in excess of", "at_least"),
    ("over", "at_least"), ("exceeding", "at_least"), ("exceeded", "at_least"),
    ("as many as", "at_most"), ("up to", "at_most"),
    ("fewer than", "at_most"), ("less than", "at_most"),
    ("just under", "at_most"), ("under", "at_most"), ("at most", "at_most"),
    ("an estimated", "approx"), ("estimated", "approx"),
    ("approximately", "approx"), ("approx.", "approx"), ("about", "approx"),
    ("around", "approx"), ("roughly", "approx"), ("nearly", "approx"),
    ("almost", "approx"), ("close to", "approx"), ("some", "approx"),
    ("circa", "approx"), ("~", "approx"), ("almost", "approx"),
]
