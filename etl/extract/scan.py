"""Exact, faster `finditer` for the big word alternations of the rules.

Python's `re` tries every alternative of a pattern at every position of the
text, so a pattern of 600 place names scans at ~1 MB/s. Yet a match can
only start where the text starts with one of a few hundred short prefixes
("kyi", "kha", "sha", ...). `Scanner` reads those prefixes off the parsed
pattern once, finds the positions of the text that start with one of them,
and tries the pattern only there (`rx.match(text, p, endpos)`, which sees
the same lookbehinds and word boundaries as a search does). The matches are
the ones `rx.finditer` gives, in the same order: the positions tried are a
superset of the positions where a match can start.

Where a match can start:

- at a token start (`_TOKEN`: the first character of a word, or a
  character that is neither a word character nor a space) when the
  pattern guards its start with `\\b` or a lookbehind such as `(?<![\\w-])`;
- anywhere else only for paths of the pattern that have no such guard (or
  that start with a space); those prefixes are looked for at every
  character, with a character-class scan that `re` runs in C.

Prefixes are compared in ASCII lower case, `SCANNER_PREFIX` characters
long; a position whose prefix has a non-ASCII character is always tried,
so case folding beyond ASCII ("K" for "k" under IGNORECASE) cannot drop a
match, unless that character is a symbol such as "’" or "–" at the start
(what folds into ASCII is a letter): only patterns that may start with a
non-ASCII character try those. A pattern this module cannot read
(back-references, a possible empty match, too many prefixes) is scanned
with plain `finditer`.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from re import _compiler as sre_compile          # noqa: the parsed-pattern API
from re import _constants as C
from re import _parser as sre_parse

SCANNER_PREFIX = 3
_MAX_PREFIXES = 60_000
_TOKEN = re.compile(r"\w+|[^\w\s]")
_ALPHABET = [chr(i) for i in range(128)]
_SPACES = [chr(i) for i in range(0x3001) if chr(i).isspace() and i >= 128]
_IS_WORD = re.compile(r"\w").fullmatch
_IS_SPACE = re.compile(r"\s").fullmatch
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


class Unreadable(Exception):
    """A pattern whose match starts cannot be listed; scanned plainly."""


class Scanner:
    """`rx.finditer`, trying `rx` only where a match can start.

    >>> s = Scanner(re.compile(r"(?<![\\w-])(?:Kyiv|Kharkiv)(?!\\w)"))
    >>> [m.group() for m in s.finditer("Kyiv, Kharkivs and Kharkiv")]
    ['Kyiv', 'Kharkiv']
    >>> s.fast
    True
    """

    def __init__(self, rx: re.Pattern, match=None):
        """`match`, if given, stands for `rx.match` (same arguments, same
        match) where the caller has a faster way to try one position."""
        self.rx, self.match = rx, match or rx.match
        k = self.k = SCANNER_PREFIX
        try:
            at_token, anywhere = _prefixes(rx, k)
        except Unreadable:
            self.fast = False
            return
        self.fast = True
        anywhere, firsts = {p for p, _ in anywhere}, {c for _, c in anywhere}
        self.anywhere = frozenset(anywhere)
        self.short_any = {n: frozenset(p for p in anywhere if len(p) == n) for n in range(1, k)}
        # A prefix shorter than k: the whole match is that short.
        self.prefixes = frozenset(at_token | anywhere)
        self.in_table = False       # see _join_table()
        # The characters anywhere paths start with, as written (None: any
        # non-ASCII character), are found with one class scan in C.
        self.first_scan = re.compile("|".join(
            ([f"[{''.join(re.escape(c) for c in sorted(firsts - {None}))}]"]
             if firsts - {None} else []) + ([r"[^\x00-\x7f]"] if None in firsts else []))
        ) if firsts else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None,
                 *, index: "TextIndex | None" = None, offset: int = 0):
        """The matches of `self.rx.finditer(text, pos, endpos)`.

        `index` (of a text that holds `text` at `offset`) saves finding the
        token starts again for each window of one article.
        """
        end = len(text) if endpos is None else min(endpos, len(text))
        if not self.fast:
            yield from self.rx.finditer(text, pos, end)
            return
        if index is None:
            index, offset = TextIndex(text), 0
        match = self.match
        last = pos
        for p in index.starts(self, pos + offset, end + offset):
            p -= offset
            if p < last:
                continue
            m = match(text, p, end)
            if m:
                yield m
                last = m.end()

    def search(self, text, pos=0, endpos=None, *, index=None, offset=0):
        """The first match of `finditer`, as `rx.search` gives it."""
        return next(self.finditer(text, pos, endpos, index=index, offset=offset), None)

    def _candidates(self, index: "TextIndex") -> list[int]:
        """Every position of the index's text where a match can start."""
        if not self.in_table:
            self._join_table()
        wanted = index.wanted()
        found = wanted.get(self, []) + wanted.get(_EVERY, [])
        if self.first_scan is not None:
            found = set(found)
            low, k, anywhere = index.low, self.k, self.anywhere
            shorts = [(n, keys) for n, keys in self.short_any.items() if keys]
            for m in self.first_scan.finditer(index.text):
                p = m.start()
                key = low[p:p + k]
                if key in anywhere or not key.isascii() or any(
                        key[:n] in keys for n, keys in shorts):
                    found.add(p)
        return sorted(found)

    def _join_table(self):
        """Put the scanner's prefixes in the table of all scanners, so that
        one pass over an article's tokens serves them all. Done at its
        first scan through an index: a ScannerSet's patterns read the
        tokens of their windows themselves and stay out."""
        for prefix in self.prefixes:
            _WANTED.setdefault(prefix, []).append(self)
        _WANTED_BY.append(self)
        _SCANNERS_OF.clear()        # what a key starts has changed
        self.in_table = True


class ScannerSet:
    """Several patterns over the same windows: what `finditer` of each
    would give, from one pass over the window's tokens.

    >>> events = ScannerSet({"down": re.compile(r"\\bdowned\\b"),
    ...                      "launch": re.compile(r"\\blaunch(?:ed)?\\b")})
    >>> t = "Russia launched 40 drones; 30 were downed."
    >>> hits = events.find(t, 0, len(t), index=TextIndex.of(t))
    >>> {name: [m.group() for m in ms] for name, ms in sorted(hits.items())}
    {'down': ['downed'], 'launch': ['launched']}
    """

    def __init__(self, patterns: dict[str, re.Pattern]):
        self.scanners = {name: Scanner(rx) for name, rx in patterns.items()}
        # Patterns that start only at token starts are tried at the
        # window's tokens; the others (unreadable ones, or ones that may
        # start inside a word) scan each window by themselves.
        self.at_tokens = {n: s.rx.match for n, s in self.scanners.items()
                          if s.fast and s.first_scan is None}
        self.own_scan = {n: s for n, s in self.scanners.items() if n not in self.at_tokens}
        self.by_prefix: dict[str, list[str]] = {}
        for name in self.at_tokens:
            for prefix in self.scanners[name].prefixes:
                self.by_prefix.setdefault(prefix, []).append(name)
        # A token key -> the patterns it may start, kept across articles
        # (English repeats its few thousand keys; most start none).
        self._by_key: dict[str, tuple[str, ...]] = {}

    def _may_start(self, key: str) -> tuple[str, ...]:
        """The token-start patterns a text whose folded prefix is `key` may start."""
        if key.isascii():
            found = {name for n in range(1, len(key) + 1)
                     for name in self.by_prefix.get(key[:n], ())}
        elif _is_symbol(key[0]):         # ’s, – 1, · 2: no case folds into these
            found = set(self.by_prefix.get(_NON_ASCII, ()))
        else:                            # may fold into any pattern's prefix
            found = set(self.at_tokens)
        names = self._by_key[key] = tuple(n for n in self.at_tokens if n in found) if found else ()
        return names

    def find(self, text: str, start: int, end: int, *, index: "TextIndex",
             sub: bool = False) -> dict[str, list[re.Match]]:
        """Matches of each pattern in text[start:end], by name, in order:
        `finditer(text, start, end)` of each, or with `sub`, `finditer` of
        the substring text[start:end] (no look before `start`). Patterns
        with no match are left out."""
        if sub:
            s, off, lo, hi = text[start:end], start, 0, end - start
        else:
            s, off, lo, hi = text, 0, start, end
        out = {}
        for name, scanner in self.own_scan.items():
            hits = list(scanner.finditer(s, lo, hi, index=index, offset=off))
            if hits:
                out[name] = hits
        if start >= end:
            return out
        starts, keys = index.token_starts, index.token_keys
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        # The window's first position is a token start of its own in a substring.
        tries = [(start, index.low[start:min(end, start + index.k)])] if sub else []
        by_key, match, last = self._by_key, self.at_tokens, {}
        for p, key in (*tries, *zip(starts[i:j], keys[i:j])):
            names = by_key.get(key)
            if names is None:
                names = self._may_start(key)
            if not names:
                continue
            p -= off
            for name in names:
                if p < last.get(name, lo):
                    continue
                m = match[name](s, p, hi)
                if m:
                    hits = out.get(name)
                    if hits is None:
                        out[name] = [m]
                    else:
                        hits.append(m)
                    last[name] = m.end()
        return out


class TextIndex:
    """Token starts of one text with their prefixes, shared by every
    `Scanner` run over it (one per article). `TextIndex.of(text)` keeps the
    last one."""

    def __init__(self, text: str):
        self.text = text
        k = self.k = SCANNER_PREFIX
        self._starts: dict[Scanner, list[int]] = {}
        self._wanted: dict[Scanner | str, list[int]] | None = None
        self.memo: dict = {}        # see keep()
        low = text.lower()
        if "\u0130" in text or "\u212a" in text:   # the two that lower into ASCII
            low = "".join(c if c.isascii() else "\x80" for c in text).lower()
        self.low = low
        starts = [m.start() for m in _TOKEN.finditer(text)]
        # Token starts and their keys (prefixes), in text order: read once
        # for all scanners by wanted(), and by a ScannerSet window by window.
        self.token_starts, self.token_keys = starts, [low[p:p + k] for p in starts]

    @classmethod
    def of(cls, text: str) -> "TextIndex":
        """The index of `text`, built once for the article being read
        (the last text asked for; found by identity, not by hashing)."""
        last = _LAST[0]
        if last is None or last.text is not text:
            last = _LAST[0] = cls(text)
        return last

    def keep(self, key, compute):
        """compute() the first time `key` is asked for in this article:
        results that several figures of one article ask for."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def wanted(self) -> dict[Scanner | str, list[int]]:
        """Token starts by the scanners whose prefixes they begin with, in
        text order; under _EVERY, those with a non-ASCII key."""
        if self._wanted is None or self._wanted_size != len(_WANTED_BY):
            # (again when a scanner joined the table after the first look)
            self._wanted, self._wanted_size = {}, len(_WANTED_BY)
            wanted, scanners_of = self._wanted, _SCANNERS_OF
            for p, key in zip(self.token_starts, self.token_keys):
                scanners = scanners_of.get(key)
                if scanners is None:
                    scanners = scanners_of[key] = _scanners_of(key)
                for scanner in scanners:
                    found = wanted.get(scanner)
                    if found is None:
                        wanted[scanner] = [p]
                    else:
                        found.append(p)
        return self._wanted

    def starts(self, scanner: Scanner, lo: int, hi: int) -> list[int]:
        """Positions in [lo, hi) to try, plus lo itself when it is no token
        start of the text (the start of a window is a token start when the
        window is a substring; one that is a token start here already is
        among the candidates if its prefix can start a match)."""
        found = self._starts.get(scanner)
        if found is None:
            found = self._starts[scanner] = scanner._candidates(self)
        i, j = bisect_left(found, lo), bisect_left(found, hi)
        if lo >= hi or (i < len(found) and found[i] == lo) or self.is_token_start(lo):
            return found[i:j]
        return [lo, *found[i:j]]

    def is_token_start(self, pos: int) -> bool:
        starts = self.token_starts
        i = bisect_left(starts, pos)
        return i < len(starts) and starts[i] == pos


def match_by_first_char(aliases, may_start, compile_aliases):
    """A `match(text, pos, endpos)` that stands for
    `compile_aliases(aliases).match` (for a Scanner's `match`): at a
    position it tries the pattern over only the aliases that can begin with
    the character there (`may_start(alias, char)`), in their order. The
    pattern picks the first alias that matches, so it gives the same match,
    trying far fewer alternatives. The ASCII characters' patterns are
    compiled at once, not mid-article; others on first use."""
    @functools.cache
    def pattern_at(char):
        some = [a for a in aliases if may_start(a, char)]
        return compile_aliases(some) if some else None

    for char in map(chr, range(128)):
        pattern_at(char)

    def match(text, pos, endpos):
        rx = pattern_at(text[pos])
        return rx.match(text, pos, endpos) if rx else None
    return match


def per_article(fn):
    """Compute fn(text) once per article: kept on the article's TextIndex."""
    @functools.wraps(fn)
    def once(text):
        return TextIndex.of(text).keep(fn, lambda: fn(text))
    return once


_LAST: list[TextIndex | None] = [None]
_WANTED: dict[str, list[Scanner]] = {}     # prefix -> scanners it may start
_WANTED_BY: list[Scanner] = []             # the scanners in _WANTED
_EVERY = "every scanner"                   # wanted() key of non-ASCII token keys
# A token's key -> the scanners any of its prefixes may start (most keys:
# none): kept across articles, since English repeats its few thousand keys,
# until a scanner joins the table.
_SCANNERS_OF: dict[str, tuple] = {}


def _scanners_of(key: str) -> tuple:
    if _is_symbol(key[0]):      # ’s, – 1: only scanners that may start with one
        return tuple(_WANTED.get(_NON_ASCII, ()))
    if not key.isascii():       # case folding beyond ASCII: every scanner tries it
        return (_EVERY,)
    return tuple(dict.fromkeys(
        scanner for n in range(1, len(key) + 1) for scanner in _WANTED.get(key[:n], ())))


# -- reading the prefixes off a parsed pattern -------------------------------

def _prefixes(rx: re.Pattern, k: int) -> tuple[set[str], set[str]]:
    """(prefixes at token starts, prefixes anywhere) of the pattern's
    matches: strings of k folded characters, or fewer when a match can be
    that short."""
    parsed = sre_parse.parse(rx.pattern, rx.flags)
    # A path is (prefix so far, start is guarded against a word before it).
    paths = _walk(list(parsed), {("", False)}, rx.flags, k)
    at_token, anywhere = set(), set()
    for prefix, where in paths:
        if prefix == "":
            raise Unreadable("may match the empty string")
        if where == "token":
            at_token.add(prefix)
        else:
            anywhere.add((prefix, where[1]))     # with its first character
    if len(at_token) + len(anywhere) > _MAX_PREFIXES:
        raise Unreadable("too many prefixes")
    return at_token, anywhere


def _walk(items, paths, flags, k):
    """Extend each path by the items of a sequence. Paths that reached k
    characters are kept unchanged. A path's second field is False/True
    (guarded) until its first character is read, then 'token'/'anywhere'."""
    for item in items:
        growing = {p for p in paths if len(p[0]) < k}
        if not growing:
            break
        done = paths - growing
        paths = done | _step(item, growing, flags, k)
        if len(paths) > _MAX_PREFIXES:
            raise Unreadable("too many prefixes")
    return paths


def _step(item, paths, flags, k):
    op, av = item
    if op is C.AT:
        guard = av is C.AT_BOUNDARY
        return {(p, g or guard) if p == "" else (p, g) for p, g in paths}
    if op is C.ASSERT_NOT:
        direction, sub = av
        guard = direction < 0 and _excludes_words(sub)
        return {(p, g or guard) if p == "" else (p, g) for p, g in paths}
    if op is C.ASSERT:
        return paths
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _walk(list(sub), paths, (flags | add) & ~remove, k)
    if op is C.ATOMIC_GROUP:
        return _walk(list(av), paths, flags, k)
    if op is C.BRANCH:
        out = set()
        for alternative in av[1]:
            out |= _walk(list(alternative), paths, flags, k)
        return out
    if op in _REPEATS:
        low, high, sub = av
        out, current = set(), paths
        for n in range(min(high, low + k + 1) + 1):
            if n >= low:
                out |= current
            if n == high:
                break
            current = _walk(list(sub), current, flags, k)
        return out
    if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY):
        return _read_char(item, paths, flags)
    raise Unreadable(f"unsupported {op}")


def _excludes_words(sub) -> bool:
    """True for a lookbehind body like [\\w-] or \\w: no word character before."""
    items = list(sub)
    if len(items) != 1:
        return False
    op, av = items[0]
    return op is C.IN and (C.CATEGORY, C.CATEGORY_WORD) in av \
        and (C.NEGATE, None) not in av


def _read_char(item, paths, flags):
    """Extend paths by one character. Only ASCII characters make keys: a
    text prefix with any other character is always tried.
    A path that starts away from token starts records its first character
    as written (None: some non-ASCII character)."""
    chars = _members(item, flags)
    ascii_chars = [c for c in chars if c.isascii()]
    out = set()
    for prefix, state in paths:
        if prefix != "":
            out.update((prefix + c.lower(), state) for c in ascii_chars)
            continue
        for c in ascii_chars:
            # A start not at a token start: a space, or a letter with no
            # guard against a letter before it.
            anywhere = c in _SPACE_SET or (c in _WORD_SET and not state)
            out.add((c.lower(), ("anywhere", c) if anywhere else "token"))
        if len(ascii_chars) < len(chars) or (not state and _may_be_non_ascii(item, flags)):
            # A non-ASCII space, or a non-ASCII letter with no guard.
            out.add((_NON_ASCII, ("anywhere", None)))
        elif _may_be_non_ascii(item, 0):
            # A non-ASCII character at a token start (case folding aside:
            # what folds into ASCII is a letter): read where the text has
            # a non-ASCII symbol there (see _is_symbol).
            out.add((_NON_ASCII, "token"))
    return out


_NON_ASCII = "\x80"   # a prefix that stands for "starts with a non-ASCII character"


def _is_symbol(c: str) -> bool:
    """A non-ASCII character of a folded text that is no word character,
    and none in the original text either: no ASCII item of a pattern
    matches it, even under IGNORECASE (what folds into ASCII, such as the
    Kelvin sign, is a letter; "\\x80" stands in for any non-ASCII character
    in a text with such a sign)."""
    return not c.isascii() and c != _NON_ASCII and not _IS_WORD(c)


def _may_be_non_ascii(item, flags) -> bool:
    """False only for an item of listed ASCII characters that no case
    folding can take outside ASCII (no letter under IGNORECASE)."""
    op, av = item
    if op is C.LITERAL:
        codes = [av]
    elif op is C.IN and all(o in (C.LITERAL, C.RANGE) for o, _ in av):
        codes = [c for o, a in av for c in ([a] if o is C.LITERAL else range(a[0], a[1] + 1))]
    else:
        return True
    return any(c >= 128 or (flags & re.IGNORECASE and chr(c).isalpha()) for c in codes)


_WORD_SET = frozenset(c for c in _ALPHABET + _SPACES if _IS_WORD(c))
_SPACE_SET = frozenset(c for c in _ALPHABET + _SPACES if _IS_SPACE(c))


def _members(item, flags) -> list[str]:
    """The characters (ASCII and non-ASCII spaces) one pattern item matches
    (the same items recur across patterns: each is compiled once)."""
    key = (flags, repr(item))
    if key not in _MEMBERS:
        state = sre_parse.State()
        state.flags = flags
        one = sre_compile.compile(sre_parse.SubPattern(state, [item]), flags)
        _MEMBERS[key] = [c for c in _ALPHABET + _SPACES if one.fullmatch(c)]
    return _MEMBERS[key]


_MEMBERS: dict[tuple, list[str]] = {}
