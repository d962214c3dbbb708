"""Who states a figure: attributions mapped to a small vocabulary.

The vocabulary and its spellings live in `etl/extract/rules/claimants.py`; this
module only compiles them and reads text with them.

    >>> normalise_claimant("Ukraine’s air force")
    'Ukrainian Air Force'
    >>> [c.claimant for c in find_claimants("Russia's defence ministry said 45 drones were downed")]
    ['Russian Defence Ministry']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract.scan import Scanner, TextIndex, match_by_first_char
from etl.extract.rules.claimants import CLAIMANTS, CUES_AFTER, CUES_AFTER_QUOTE, CUES_BEFORE


@dataclass(frozen=True)
class ClaimantMention:
    """One claimant named in a text. `raw` is the wording as written;
    `framed` is True when an attribution cue ("according to", "said")
    stands next to it, so the engine can prefer it over a bare mention."""

    claimant: str
    raw: str
    start: int
    end: int
    framed: bool = False


def _is_acronym(alias: str) -> bool:
    """One word with two or more capitals: matched as written.

    >>> [_is_acronym(a) for a in ("SBU", "MoD", "Kremlin", "air force")]
    [True, True, False, False]
    """
    return " " not in alias and sum(c.isupper() for c in alias) >= 2


def _alternation(words) -> str:
    ordered = sorted(set(words), key=len, reverse=True)   # longest wins
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_CLAIMANT_OF = {}
for _canon, _aliases in CLAIMANTS.items():
    for _a in _aliases:
        _CLAIMANT_OF[_a if _is_acronym(_a) else _a.lower()] = _canon

_ALIASES = sorted(_CLAIMANT_OF, key=len, reverse=True)


def _pattern(alias: str) -> str:
    """An acronym as written, any other alias in any case."""
    p = re.escape(alias).replace(r"\ ", r"\s+")
    return p if _is_acronym(alias) else f"(?i:{p})"


def _claimant_re(aliases: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(_pattern, aliases)) + r")(?!\w)")


_CLAIMANT_RE = _claimant_re(_ALIASES)


def _may_start(alias: str, char: str) -> bool:
    """Whether `alias` can match from `char` on (in any case unless an acronym)."""
    first = re.escape(alias[0])
    return re.fullmatch(first if _is_acronym(alias) else f"(?i:{first})", char) is not None


_CLAIMANT_SCAN = Scanner(_CLAIMANT_RE, match=match_by_first_char(_ALIASES, _may_start, _claimant_re))
# A cue, then up to four words ("the", "Kharkiv", "regional"), then the name.
_CUE_BEFORE_RE = re.compile(
    rf"(?i:\b(?:{_alternation(CUES_BEFORE)})|[,\"”]\s*(?:{_alternation(CUES_AFTER_QUOTE)}))"
    r"[\s,]+(?:[\w'.-]+\s+){0,4}$")
# The name, an optional possessive or apposition, then a reporting verb,
# all inside one sentence.
_CUE_AFTER_RE = re.compile(
    rf"^(?:'s)?[^.!?;\n]{{0,80}}?\b(?i:{_alternation(CUES_AFTER)})\b")


def _fold(text: str) -> str:
    """Curly apostrophes as straight ones; same length, so spans hold."""
    return text.replace("’", "'").replace("‘", "'")


def _lookup(surface: str) -> str:
    key = " ".join(surface.split())
    return _CLAIMANT_OF.get(key) or _CLAIMANT_OF[key.lower()]


def find_claimants(text: str, *, index: TextIndex | None = None,
                   offset: int = 0) -> list[ClaimantMention]:
    """Every claimant named in `text`, in order, each marked `framed` when an
    attribution cue stands next to it; [] when none. `index`, of an article
    that holds `text` at `offset`, only saves time (folding keeps spans).

    >>> [(c.claimant, c.framed) for c in find_claimants(
    ...     "The governor said the air force downed 20 drones, according to the SBU.")]
    [('regional governor', True), ('Ukrainian Air Force', False), ('SBU', True)]
    """
    folded = _fold(text)
    out = []
    for m in _CLAIMANT_SCAN.finditer(folded, index=index, offset=offset):
        framed = bool(_CUE_BEFORE_RE.search(folded, max(0, m.start() - 80), m.start())
                      or _CUE_AFTER_RE.match(folded[m.end():m.end() + 120]))
        out.append(ClaimantMention(_lookup(m.group()), text[m.start():m.end()],
                                   m.start(), m.end(), framed))
    return out


def first_claimant(text: str, *, index: TextIndex | None = None,
                   offset: int = 0) -> ClaimantMention | None:
    """The first claimant named in `text` (as find_claimants gives it,
    but not read for cues: `framed` is left False); None when none."""
    folded = _fold(text)
    m = _CLAIMANT_SCAN.search(folded, index=index, offset=offset)
    if m is None:
        return None
    return ClaimantMention(_lookup(m.group()), text[m.start():m.end()], m.start(), m.end())


def normalise_claimant(raw: str | None) -> str | None:
    """The vocabulary name for an attribution as written; None if unknown.

    The first name in `raw` decides ("air force spokesman Yurii Ihnat").

    >>> normalise_claimant("the ministry in Moscow")
    'Russian Defence Ministry'
    >>> normalise_claimant("Kharkiv regional governor Oleh Syniehubov")
    'regional governor'
    >>> normalise_claimant("a neighbour") is None
    True
    """
    if not raw:
        return None
    m = _CLAIMANT_RE.search(_fold(raw))
    return _lookup(m.group()) if m else None
