"""etl.extract.scan promises the matches of plain `finditer`, only faster: checked
here on the rules' own big patterns over texts made of their words, in
windows that start anywhere (at a token, inside a word, on a space)."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from etl.extract import numbers
from etl.extract.engine import _EVENT_SCAN, _EVENTS
from etl.extract.scan import Scanner, TextIndex

WORDS = ["Kyiv", "Kharkiv", "Donetsk", "region", "oblast", "drones", "missiles",
         "launched", "downed", "shot", "down", "destroyed", "killed", "up", "to",
         "over", "more", "than", "in", "excess", "of", "a", "few", "dozens",
         "one", "hundred", "eighty-eight", "tens", "thousands", "between", "and",
         "1,200", "88", "5 124", "2.5", "2024", "million", "the", "Київ", "’s",
         "–", "-", "(", ")", ",", ".", ":", "+", "\n"]
texts = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)

PATTERNS = {"quantities": numbers.QUANTITY_RE, **_EVENTS}
SCANNERS = {name: Scanner(rx) for name, rx in PATTERNS.items()}


def spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize("name", sorted(PATTERNS))
@settings(max_examples=60, deadline=None)
@given(text=texts, data=st.data())
def test_a_scanner_finds_what_finditer_finds_in_any_window(name, text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    index, rx, scanner = TextIndex(text), PATTERNS[name], SCANNERS[name]
    window = text[lo:hi]
    assert spans(scanner.finditer(window, index=index, offset=lo)) == spans(rx.finditer(window))
    assert spans(scanner.finditer(text, lo, hi, index=index)) == spans(rx.finditer(text, lo, hi))


@settings(max_examples=100, deadline=None)
@given(text=texts, data=st.data())
def test_a_scanner_set_finds_what_each_pattern_finds(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    index = TextIndex(text)
    for sub in (False, True):
        found = _EVENT_SCAN.find(text, lo, hi, index=index, sub=sub)
        expected = {name: spans(rx.finditer(text[lo:hi]) if sub else rx.finditer(text, lo, hi))
                    for name, rx in _EVENTS.items()}
        assert {n: spans(ms) for n, ms in found.items()} == \
            {n: s for n, s in expected.items() if s}


def test_a_window_that_starts_inside_a_word_is_read_as_a_text_of_its_own():
    text = "The Dnipro region"
    rx = re.compile(r"\bpro\b|\bregion\b")
    window = text[7:]                   # "pro region": "pro" is a word here
    assert [m.group() for m in Scanner(rx).finditer(window, index=TextIndex(text),
                                                    offset=7)] == ["pro", "region"]

