"""Find quantities in text: digits, words, vague amounts, ranges, qualifiers.

`find_quantities(text)` returns every number-like mention with its value,
bounds and qualifier; deciding whether it is a *fact* is extract.py's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract.scan import Scanner, TextIndex

from etl.extract.rules.numbers import (DIGIT_SCALES, QUALIFIER_WORDS, SCALES, TENS,
                               UNITS, VAGUE)


@dataclass
class Quantity:
    value: float
    low: float | None
    high: float | None
    qualifier: str
    start: int          # span of the number wording, qualifier excluded
    end: int
    surface: str
    form: str           # digits | words | vague | range (the engine adds "both")
    qual_start: int     # where the qualifier wording starts (== start if none)


_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
# A run of number words: "eighty-eight", "a hundred and twenty", "two thousand".
WORD_NUMBER = rf"""
    (?:\b(?:a|one)\s+(?:dozen|hundred|thousand|million)\b      # "a hundred"
       (?:[\s-]+(?:and\s+)?(?:{_WORD})\b)*
     | \bhalf\s+a\s+(?:million|thousand)\b                      # "half a million"
     | \b(?:{_WORD})\s+and\s+a\s+half\s+(?:thousand|million)\b   # "one and a half thousand"
     | \b(?:{_WORD})\b(?:[\s-]+(?:and\s+)?(?:{_WORD})\b)*       # "eighty-eight"
       (?:\s+dozens?\b)?                                        # "two dozen"
    )"""
_DIGIT_FORMS = r"""
    (?:\d{1,3}(?:,\d{3})+(?:\.\d+)?   # 5,124 or 1,234.5
     | \d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+   # 5 124, "600 000." at a full stop,
       (?![\d,]|\.\d|\s?-?\s?(?:mm|millimet|cm\b|calib))  # not "200 000 155 mm"
     | \d+(?:[.,]\d{1,2}(?!\d))?      # 486,5  1.2  132
     | \d+)"""
DIGITS = r"(?<![\w.,/-])" + _DIGIT_FORMS  # not the tail of a model name or decimal
# The second number of a range may follow a hyphen: "4-5", "10-12,000".
_RANGE_END_DIGITS = r"(?<![\w.,/])" + _DIGIT_FORMS
_SCALE = "|".join(sorted(DIGIT_SCALES, key=len, reverse=True))
NUMBER = rf"(?:{DIGITS}(?:\s*(?:{_SCALE})\b)?|{WORD_NUMBER})"
_RANGE_END = rf"(?:{_RANGE_END_DIGITS}(?:\s*(?:{_SCALE})\b)?|{WORD_NUMBER})"
_VAGUE = "|".join(re.escape(w) for w, _, _ in VAGUE)
_QUAL = "|".join(re.escape(w) for w, _ in
                 sorted(QUALIFIER_WORDS, key=lambda q: len(q[0]), reverse=True))

QUANTITY_RE = re.compile(rf"""
    (?:(?P<qual>(?<![\w])(?:{_QUAL}))\s+)?            # "more than", "up to"
    (?:
        (?P<vague>\b(?:{_VAGUE})\b)                   # "tens of thousands"
      | \b(?:between|from)\s+(?P<r1>{NUMBER})\s+(?:and|to)\s+(?P<r2>{NUMBER})
      | (?P<a>{NUMBER})
        (?:\s*(?:-|–|—|to)\s*(?P<b>{_RANGE_END}))?    # "10,000-12,000"
        (?P<plus>\+|\s+or\s+more\b)?                  # "5,000+"
    )""", re.VERBOSE | re.IGNORECASE)


def words_to_number(words: str) -> float | None:
    """Value of number words; None if they are not a number.

    >>> words_to_number("eighty-eight")
    88
    >>> words_to_number("a hundred and twenty")
    120
    >>> words_to_number("two thousand five hundred")
    2500
    >>> words_to_number("half a million")
    500000
    >>> words_to_number("two dozen")
    24
    >>> words_to_number("one and a half thousand")
    1500
    >>> words_to_number("a")
    """
    tokens = re.findall(r"[a-z]+", words.lower())
    if tokens[:3] == ["half", "a", "million"]:
        return 500_000
    if tokens[:3] == ["half", "a", "thousand"]:
        return 500
    if tokens[-4:-1] == ["and", "a", "half"] and tokens[-1] in SCALES:
        whole = words_to_number(" ".join(tokens[:-4]))
        return None if whole is None else int((whole + 0.5) * SCALES[tokens[-1]])
    total, current, seen = 0, 0, False
    for tok in tokens:
        if tok in ("and",):
            continue
        if tok in ("a", "an"):
            current = max(current, 1)
            continue
        if tok in ("dozen", "dozens"):
            current = max(current, 1) * 12
            seen = True
        elif tok in UNITS:
            current += UNITS[tok]
            seen = True
        elif tok in TENS:
            current += TENS[tok]
            seen = True
        elif tok == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif tok in SCALES:
            total += max(current, 1) * SCALES[tok]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


_DIGITS_SCALE = re.compile(rf"([\d,.\s\u00a0\u202f\u2009]+?)\s*({_SCALE})?$", re.I)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


def parse_number(surface: str) -> float | None:
    """Value of one number wording, digits or words.

    >>> parse_number("5,124")
    5124
    >>> parse_number("5 124")
    5124
    >>> parse_number("486,5")
    486.5
    >>> parse_number("1.2 million")
    1200000.0
    >>> parse_number("2.5 thousand")
    2500.0
    >>> parse_number("a dozen")
    12
    >>> parse_number("Kyiv")
    """
    s = surface.strip()
    m = _DIGITS_SCALE.match(s)
    if not m or not s[:1].isdecimal():      # as \d: a digit first
        return words_to_number(s)
    digits, scale = m.group(1).strip(), (m.group(2) or "").lower()
    digits = _SPACES.sub("", digits)
    if _THOUSANDS.fullmatch(digits):
        digits = digits.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(digits):      # European decimal comma
        digits = digits.replace(",", ".")
    try:
        value = float(digits) if "." in digits else int(digits)
    except ValueError:
        return None
    if scale:
        value = float(value) * DIGIT_SCALES[scale]
        if value.is_integer():
            value = float(value)
    return value


QUANTITY_SCAN = Scanner(QUANTITY_RE)
_QUALIFIERS = dict(QUALIFIER_WORDS)
_VAGUE_BOUNDS = {w: (lo, hi) for w, lo, hi in VAGUE}


def _bounds(qualifier: str, value: float) -> tuple[float | None, float | None]:
    return {"exact": (value, value), "approx": (None, None),
            "at_least": (value, None), "at_most": (None, value)}[qualifier]


def find_quantities(text: str, *, index: TextIndex | None = None,
                    offset: int = 0) -> list[Quantity]:
    """Every quantity in `text`, in order. `index`, of an article that
    holds `text` at `offset`, only saves time.

    >>> [(q.value, q.qualifier) for q in find_quantities("over 5,124 assaults")]
    [(5124, 'at_least')]
    >>> [(q.low, q.high) for q in find_quantities("between 30 and 40 drones")]
    [(30, 40)]
    >>> [(q.value, q.high) for q in find_quantities("tens of thousands of troops")]
    [(20000, 99999)]
    >>> [q.value for q in find_quantities("10 to 12 thousand soldiers")]
    [10000.0]
    """
    found = []
    for m in QUANTITY_SCAN.finditer(text, index=index, offset=offset):
        q = _to_quantity(m)
        if q is not None:
            found.append(q)
    return found


# "handed over 350 rounds": "over" is the verb's particle, not "more than".
_PARTICLE_OVER = re.compile(r"\b(?:hand|turn|pass|sign)(?:s|ed|ing)?\s+$", re.I)


def _to_quantity(m: re.Match) -> Quantity | None:
    qual_word = (m.group("qual") or "").lower()
    qual_start = m.start("qual") if m.group("qual") else None
    if qual_word == "over" and _PARTICLE_OVER.search(m.string, max(0, qual_start - 12), qual_start):
        qual_word, qual_start = "", None
    qualifier = _QUALIFIERS.get(qual_word, "exact")
    if m.group("vague"):
        low, high = _VAGUE_BOUNDS[m.group("vague").lower()]
        start, end = m.span("vague")
        return Quantity(low, low, high, "vague", start, end,
                        m.group("vague"), "vague",
                        qual_start if qual_start is not None else start)
    if m.group("r1"):
        low, high = parse_number(m.group("r1")), parse_number(m.group("r2"))
        start, end = m.span("r1")[0], m.span("r2")[1]
        form = "range"
    else:
        low = parse_number(m.group("a"))
        high = parse_number(m.group("b")) if m.group("b") else None
        start, end = m.span("a")[0], m.span("b" if m.group("b") else "a")[1]
        form = "range"
    if low is None:
        return None
    if high is not None:
        # "10 to 12 thousand": the scale word after the second number
        # applies to the first too.
        if high >= 1000 and low < high / 100 and low < 1000:
            scale = high / _scale_free(m.group("r2") or m.group("b"))
            low = low * scale
            # "10-12,000": the thousands written out on the second only
            if scale == 1 and high % 100 == 0 and low * 1000 <= high < low * 10_000:
                low = low * 1000
        if not low < high:
            if m.group("b") and _GLUED_RANGE.fullmatch(m.string, m.end("a"), m.start("b")):
                # "2024-05-06", "380-44": no range; the number before the hyphen
                return _to_quantity_of(m, low, m.span("a"), qualifier, qual_start)
            high = None
    surface = m.string[start:end]
    if high is not None:
        return Quantity(low, low, high, "range", start, end, surface, form,
                        qual_start if qual_start is not None else start)
    if m.group("plus") and m.group("b") is None:
        qualifier = "at_least"
        end = m.end("plus")
    return _to_quantity_of(m, low, (start, end), qualifier, qual_start)


_GLUED_RANGE = re.compile(r"[-–—]")


def _to_quantity_of(m, value, span, qualifier, qual_start) -> Quantity:
    """A single number (no range) over `span` of the match's string."""
    start, end = span
    surface = m.string[start:end]
    form = "digits" if surface[:1].isdigit() else "words"
    lo, hi = _bounds(qualifier, value)
    return Quantity(value, lo, hi, qualifier, start, end, surface, form,
                    qual_start if qual_start is not None else start)


def _scale_free(surface: str) -> float:
    """The second number of a range without its scale word ("12 thousand" -> 12)."""
    head = re.sub(rf"\s*(?:{_SCALE})\b.*$", "", surface.strip(), flags=re.I)
    return parse_number(head) or 1
