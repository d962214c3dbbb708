"""An article's figures in text order, looked up by position.

Attributes that read other figures of the article (the period of the
nearest timed air figure, the larger figures just before, an earlier
figure of the same value) would loop over every figure of the article for
each figure: time grows with the square of its length. `Figures` keeps
their starts sorted and a few lookups built once per article, so each
question costs a bisect and the handful of figures it is about.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right


class Figures:
    """The mentions of one article (etl/extract/engine.py `_Mention`), in
    text order (`extract_text` finds them sentence by sentence, each
    sentence's in order), with lookups built on first use. The mentions
    must not change once a lookup has been asked for."""

    def __init__(self, mentions):
        self.mentions = list(mentions)
        self.starts = [m.q.start for m in self.mentions]
        if any(a > b for a, b in zip(self.starts, self.starts[1:])):
            raise ValueError("Figures: mentions must be in text order")
        self._built: dict = {}

    def __iter__(self):
        return iter(self.mentions)

    def __len__(self):
        return len(self.mentions)

    def since(self, start: int, m) -> list:
        """The mentions that start after `start` and come before `m`, one
        of them (as a loop over the article that stops at the first
        mention equal to `m` reads them; `==` compares every field of two
        mentions, so where they start is compared first)."""
        out, mentions = [], self.mentions
        # By index, not over a slice: a slice would copy the rest of the
        # article's figures at every call.
        for k in range(bisect_right(self.starts, min(start, m.q.start - 1)), len(mentions)):
            p = mentions[k]
            if p.q.start == m.q.start and p == m:
                break
            if p.q.start > start:
                out.append(p)
        return out

    def keep(self, key, build):
        """build() once per article: a lookup the figures share."""
        if key not in self._built:
            self._built[key] = build()
        return self._built[key]

    def nearest(self, key, m, build):
        """Among the mentions `build(p)` gives a value for (other than m),
        the value of the nearest one to m: one at distance d before m
        counts d, one at or after m's start d + 1; a tie goes to the
        smallest value (as min() over (distance, value) picks)."""
        starts, values = self.keep(key, lambda: self._valued(build))
        pos = m.q.start
        i = bisect_left(starts, pos)
        found = []
        if i > 0:                               # the nearest start before
            j = bisect_left(starts, starts[i - 1])
            found += [(pos - starts[k], values[k][1]) for k in range(j, i)]
        k = i
        while k < len(starts):                  # the nearest start at or after
            same = [n for n in range(k, bisect_right(starts, starts[k]))
                    if values[n][0] is not m]
            if same:
                found += [(starts[n] - pos + 1, values[n][1]) for n in same]
                break
            k = bisect_right(starts, starts[k])
        return min(found)[1] if found else None

    def _valued(self, build):
        starts, values = [], []
        for p in self.mentions:
            value = build(p)
            if value:
                starts.append(p.q.start)
                values.append((p, value))
        return starts, values

    def by_item_value(self) -> dict:
        """(item, value) -> the indexes of the mentions with a noun
        phrase that count that item with that value, in text order."""
        def build():
            out: dict = {}
            for n, p in enumerate(self.mentions):
                if p.head:
                    out.setdefault((p.item, p.q.value), []).append(n)
            return out
        return self.keep("by item and value", build)
