"""Which NOT_A_FACT row of etl/extract/rules/patterns.py applies around a number,
found without searching: speed only, the same reason as trying each row's
pattern over the probe `left + "⟨N⟩" + right` in order.

It reads the rows through Python's private parsed-pattern API, as
etl/extract/scan.py does; a row it cannot read raises at import.

    >>> row_reason("Russia launched ", " drones overnight")
    >>> row_reason("Artillery fired ", "mm shells")
    'calibre'
    >>> row_reason("a woman aged ", ", was hurt")
    'age'
"""
from __future__ import annotations

import re
from re import _compiler as sre_compile          # noqa: the parsed-pattern API
from re import _constants as C
from re import _parser as sre_parse

from etl.extract.rules import patterns

# Each alternative of a NOT_A_FACT row holds ⟨N⟩ (tests/test_lexicons.py),
# so in a probe with one ⟨N⟩ every match covers the number: a row applies
# when it matches at all. No row need be searched for: an alternative
# `P⟨N⟩R` matches when `⟨N⟩R` matches at the number and P matches the text
# right before it (the one ⟨N⟩ fixes where P ends), which P written
# backwards checks with one match at the start of that text reversed.


class _Unreadable(Exception):
    """A NOT_A_FACT row _row_parts cannot read (raised at import). Before
    ⟨N⟩ an alternative may hold characters, groups, repeats, lookbehinds
    and \\b, not lookaheads, anchors or backreferences; ⟨N⟩ itself stands
    outside groups, and a row has no capturing group or flags of its own."""


def _backwards(items, state):
    """Parsed items matching the reverse of what `items` match. A lookbehind
    turns into a lookahead; \\b is the same either way. Refuses what does
    not turn around plainly (lookaheads, anchors, backreferences)."""
    out = []
    for op, av in reversed(list(items)):
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY) \
                or op is C.AT and av in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
            out.append((op, av))
        elif op is C.SUBPATTERN:
            group, add, remove, sub = av
            out.append((op, (group, add, remove, _backwards(sub, state))))
        elif op is C.BRANCH:
            out.append((op, (None, [_backwards(alt, state) for alt in av[1]])))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            out.append((op, (low, high, _backwards(sub, state))))
        elif op in (C.ASSERT, C.ASSERT_NOT) and av[0] < 0:
            out.append((op, (1, _backwards(av[1], state))))
        else:
            raise _Unreadable(f"{op} before ⟨N⟩")
    return sre_parse.SubPattern(state, out)


def _row_parts(rx):
    """(P backwards or None when empty, ⟨N⟩R) of each alternative of a row,
    parsed. Assertions right before ⟨N⟩ stay with ⟨N⟩R: tried at the
    number, they see the text before it as they did."""
    parsed = sre_parse.parse(rx.pattern, rx.flags)
    state, items = parsed.state, list(parsed)
    if state.groups > 1 or state.flags != _ROW_FLAGS:
        raise _Unreadable("a capturing group or flags of its own")
    alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is C.BRANCH else [items]
    parts = []
    for alt in map(list, alternatives):
        if (C.LITERAL, ord("⟨")) not in alt:
            raise _Unreadable("⟨N⟩ inside a group")
        at = alt.index((C.LITERAL, ord("⟨")))
        while at and alt[at - 1][0] in (C.AT, C.ASSERT, C.ASSERT_NOT):
            at -= 1
        parts.append((_backwards(alt[:at], state) if at else None,
                      sre_parse.SubPattern(state, alt[at:])))
    return parts


def _compiled(items):
    """A pattern of parsed items (one of several: an alternation)."""
    state = sre_parse.State()
    state.flags = _ROW_FLAGS
    tree = items[0] if len(items) == 1 else [(C.BRANCH, (None, items))]
    return sre_compile.compile(sre_parse.SubPattern(state, list(tree)), _ROW_FLAGS)


def _first_row_at_number(parts):
    """One pattern for the alternatives of all rows that begin with the
    number, each row's in a group of its own: alternatives are tried in
    order, so the group that matched is that of the first row that does."""
    state = sre_parse.State()
    state.flags = _ROW_FLAGS
    rows, branch = {}, []
    for row, alternatives in enumerate(parts):
        heres = [here for back, here in alternatives if back is None]
        if heres:
            group = state.opengroup()
            rows[group] = row
            inner = sre_parse.SubPattern(state, list(heres[0]) if len(heres) == 1 else
                                         [(C.BRANCH, (None, heres))])
            state.closegroup(group, inner)
            branch.append(sre_parse.SubPattern(state, [(C.SUBPATTERN, (group, 0, 0, inner))]))
    tree = sre_parse.SubPattern(state, [(C.BRANCH, (None, branch))])
    return sre_compile.compile(tree, _ROW_FLAGS), rows


_ROW_FLAGS = re.VERBOSE | re.IGNORECASE | re.UNICODE    # as patterns.py has them
_ROW_REASONS = [reason for reason, _ in patterns.NOT_A_FACT_RES]
_ROW_PARTS = [_row_parts(rx) for _, rx in patterns.NOT_A_FACT_RES]
_AT_NUMBER, _AT_NUMBER_ROW = _first_row_at_number(_ROW_PARTS)
# The alternatives with text before the number, in row order, and one
# pattern for any of their P: most numbers have none.
_BEFORE_NUMBER = [(row, _compiled([back]).match, _compiled([here]).match)
                  for row, alternatives in enumerate(_ROW_PARTS)
                  for back, here in alternatives if back is not None]
_ANY_BEFORE = _compiled([back for alternatives in _ROW_PARTS
                         for back, _ in alternatives if back is not None])


def row_reason(left, right) -> str | None:
    """The reason of the first NOT_A_FACT row that matches around a number
    with `left` and `right` of it."""
    if "⟨" in left or "⟨" in right:        # the text itself holds one: rare
        return _row_reason_searched(left, right)
    probe, at, before = left + "⟨N⟩" + right, len(left), left[::-1]
    at_number = _AT_NUMBER.match(probe, at)
    first = _AT_NUMBER_ROW[at_number.lastindex] if at_number else len(_ROW_REASONS)
    if _ANY_BEFORE.match(before):
        for row, back, here in _BEFORE_NUMBER:
            if row >= first:
                break
            if back(before) and here(probe, at):
                return _ROW_REASONS[row]
    return _ROW_REASONS[first] if at_number else None


def _row_reason_searched(left, right) -> str | None:
    """`row_reason` for a text with ⟨ in it: rows searched for, and when
    the text holds a ⟨N⟩, only matches that cover the number's count."""
    probe = left + "⟨N⟩" + right
    own = "⟨N⟩" in left or "⟨N⟩" in right
    for reason, rx in patterns.NOT_A_FACT_RES:
        if any(m.start() <= len(left) <= m.end() for m in rx.finditer(probe)) \
                if own else rx.search(probe):
            return reason
    return None
