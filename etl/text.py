"""Sentences and clauses, with character offsets into the article text."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from etl.scan import Scanner, TextIndex


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


# A sentence ends at . ! ? (plus closing quotes) before a capital, a digit
# or an opening quote; abbreviations like "U.S." or "Jan." do not end one.
_END = re.compile(r"""(?<!\b[A-Z])(?<!\bU\.S)(?<!\bSt)(?<!\bMr)(?<!\bDr)
    (?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bSep)(?<!\bOct)(?<!\bNov)
    (?<!\bDec)(?<!\bNo)(?<!\bvs)(?<!\ba\.m)(?<!\bp\.m)
    [.!?]["”’»)]*\s+(?=["“‘«(]?[A-Z0-9])""", re.VERBOSE)
_END_SCAN = Scanner(_END)
_PARAGRAPH = re.compile(r"\n")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` as spans; a line break always ends a sentence.

    >>> t = "Russia launched 132 drones. Air defence downed 88.\\nHeadline here"
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Russia launched 132 drones.', 'Air defence downed 88.', 'Headline here']
    >>> u = "The U.S. sent 3 jets."
    >>> [u[s.start:s.end] for s in split_sentences(u)]
    ['The U.S. sent 3 jets.']
    """
    out = []
    index = TextIndex.of(text)
    pos, para = 0, 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if line.strip():
            para += 1
        start = line_start
        for m in _END_SCAN.finditer(line, index=index, offset=line_start):
            _add(out, text, start, line_start + m.start() + len(m.group().rstrip()), para)
            start = line_start + m.end()
        _add(out, text, start, line_start + len(line), para)
    return out


def _add(out, text, start, end, para):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, para))


# Clause boundaries inside a sentence: a new clause starts after these.
_CLAUSE = re.compile(r"""(?:;|:\s|\s[–—]\s(?!including|among)|,\s+(?:while|whereas|but|and\s+(?=(?:the|another|[A-Z]\w+)\s)|
    which|although|though|as\s+(?=\w+\s+(?:said|reported)))\b|\bwhile\b|\bwhereas\b|\bbut\b)""",
                     re.VERBOSE)


def clause_bounds(text: str, sent: Sentence, pos: int) -> tuple[int, int]:
    """The clause of `sent` around character `pos`: from the end of the last
    clause mark before it to the start of the first mark after it (a mark
    around `pos` itself bounds nothing).

    >>> t = "Air defence downed 88 drones; 41 were lost."
    >>> s = split_sentences(t)[0]
    >>> a, b = clause_bounds(t, s, t.index("41"))
    >>> t[a:b]
    ' 41 were lost.'
    """
    starts, ends = _clause_marks(text, sent)
    # Marks never overlap, so their ends are in order as their starts are.
    before = bisect_right(ends, pos)
    after = bisect_left(starts, pos)
    return (ends[before - 1] if before else sent.start,
            starts[after] if after < len(starts) else sent.end)


def _clause_marks(text: str, sent: Sentence) -> tuple[list[int], list[int]]:
    """Starts and ends of the clause marks in a sentence, in order. Kept per
    article: each number of a sentence asks for its clause several times."""
    def find():
        marks = [m.span() for m in _CLAUSE.finditer(text, sent.start, sent.end)]
        return [s for s, _ in marks], [e for _, e in marks]
    return TextIndex.of(text).keep(("clause marks", sent.start, sent.end), find)
