"""Sentences and clauses, with character offsets into the article text."""
from __future__ import annotations

import re
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
    """The clause of `sent` around character `pos`.

    >>> t = "Air defence downed 88 drones; 41 were lost."
    >>> s = split_sentences(t)[0]
    >>> a, b = clause_bounds(t, s, t.index("41"))
    >>> t[a:b]
    ' 41 were lost.'
    """
    start, end = sent.start, sent.end
    for m in _CLAUSE.finditer(text, sent.start, sent.end):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end
