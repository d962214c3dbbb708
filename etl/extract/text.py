"""Sentences and clauses, with character offsets into the article text."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from etl.extract.scan import TextIndex


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


# A sentence ends at . ! ? (plus closing quotes and the spaces after them)
# before a capital, a digit or an opening quote; abbreviations like "U.S."
# or "Jan." do not end one. A line break always ends one. The pattern
# starts with the stop itself so that `re` skips ahead to stops; the
# lookbehinds then look back from after it (hence their trailing `.`).
_BREAK = re.compile(r"""[.!?\n](?:(?<=\n)
    | (?<!\b[A-Z].)(?<!\b(?:St|Mr|Dr|No|vs).)
      (?<!\b(?:U\.S|Jan|Feb|Aug|Sep|Oct|Nov|Dec|a\.m|p\.m).)(?<!\bSept.)
      ["”’»)]*(?P<gap>[^\S\n]+)(?=["“‘«(]?[A-Z0-9]))""", re.VERBOSE)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` as spans; a line break always ends a sentence.
    A sentence's paragraph is the number of its line among non-blank lines.

    >>> t = "Russia launched 132 drones. Air defence downed 88.\\nHeadline here"
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Russia launched 132 drones.', 'Air defence downed 88.', 'Headline here']
    >>> u = "The U.S. sent 3 jets."
    >>> [u[s.start:s.end] for s in split_sentences(u)]
    ['The U.S. sent 3 jets.']
    """
    sentences, paragraph, new_line = [], 0, True
    for start, end, ends_line in _pieces(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            if new_line:             # the line's first sentence: not blank
                paragraph += 1
                new_line = False
            sentences.append(Sentence(start, end, paragraph))
        new_line = new_line or ends_line
    return sentences


def _pieces(text: str):
    """(start, end, ends_line) of the text between sentence breaks."""
    start = 0
    for m in _BREAK.finditer(text):
        if m["gap"] is None:
            yield start, m.start(), True
        else:
            yield start, m.start("gap"), False
        start = m.end()
    yield start, len(text), True


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
