"""etl.extract.figures answers what a loop over all of an article's figures
would, by bisection: checked against those loops on random figures, many
sharing a start (a figure and the launched total it also counts)."""
from dataclasses import dataclass

import pytest
from hypothesis import given, settings, strategies as st

from etl.extract.figures import Figures


@dataclass
class Q:
    start: int
    value: int


@dataclass(eq=False)
class M:
    q: Q
    item: str
    head: tuple | None
    period: str | None


figures = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 4),
                             st.sampled_from(["drone", "missile"]), st.booleans(),
                             st.sampled_from([None, "day", "overnight", "cumulative"])),
                   max_size=25).map(lambda rows: [
                       M(Q(start, value), item, (start, start + 3) if head else None, period)
                       for start, value, item, head, period in sorted(rows, key=lambda r: r[0])])


@settings(max_examples=300, deadline=None)
@given(mentions=figures, data=st.data())
def test_nearest_is_the_min_over_all_figures(mentions, data):
    m = data.draw(st.sampled_from(mentions)) if mentions else M(Q(30, 1), "drone", None, None)
    every = [(abs(p.q.start - m.q.start) + (0 if p.q.start < m.q.start else 1), p.period)
             for p in mentions if p is not m and p.period]
    expected = min(every)[1] if every else None
    assert Figures(mentions).nearest("period", m, lambda p: p.period) == expected


@settings(max_examples=300, deadline=None)
@given(mentions=figures, data=st.data(), back=st.integers(0, 70))
def test_since_is_the_loop_from_the_start_up_to_m(mentions, data, back):
    m = data.draw(st.sampled_from(mentions)) if mentions else M(Q(30, 1), "drone", None, None)
    expected = []
    for p in mentions:
        if p is m:
            break
        if m.q.start - p.q.start < back:
            expected.append(p)
    assert Figures(mentions).since(m.q.start - back, m) == expected


@settings(max_examples=200, deadline=None)
@given(mentions=figures)
def test_by_item_value_lists_figures_with_a_noun_in_text_order(mentions):
    index = Figures(mentions).by_item_value()
    for (item, value), ns in index.items():
        assert ns == sorted(ns)
        assert all(mentions[n].item == item and mentions[n].q.value == value
                   and mentions[n].head for n in ns)
    assert sum(map(len, index.values())) == sum(1 for p in mentions if p.head)


def test_figures_out_of_text_order_are_refused():
    with pytest.raises(ValueError, match="text order"):
        Figures([M(Q(5, 1), "drone", None, None), M(Q(2, 1), "drone", None, None)])

