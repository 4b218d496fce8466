"""Overlap between claimed spans: touching spans are apart, a long span far back still covers, as the plain rule says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from builder.annotate.ruler import RulerMatch, longest_first
from builder.annotate.spans import SpanSet

SETTINGS = dict(derandomize=True, deadline=None, database=None, max_examples=300)


def test_spans_that_only_touch_do_not_overlap():
    # `Tô Lâm` (0-6) then ` and ` then `Xi Jinping` (11-21)
    claimed = SpanSet([(0, 6), (11, 21)])
    assert not claimed.overlaps(6, 11)  # ` and ` between them
    assert not claimed.overlaps(21, 30)
    assert claimed.overlaps(5, 7) and claimed.overlaps(20, 22)


def test_a_long_claimed_name_covers_a_word_far_inside_it():
    # `Comprehensive Strategic Cooperative Partnership` (0-47), then short names after it.
    claimed = SpanSet([(0, 47), (50, 56), (60, 66)])
    assert claimed.overlaps(30, 40)
    assert not claimed.overlaps(47, 50)


def test_an_empty_span_counts_only_strictly_inside():
    claimed = SpanSet([(10, 10)])
    assert claimed.overlaps(5, 15)
    assert not claimed.overlaps(10, 15) and not claimed.overlaps(5, 10)


def test_longest_first_keeps_the_longer_name_then_the_earlier():
    # `Việt Nam–China Land Border Treaty` over `Việt Nam`; of two equal overlapping spans, the earlier.
    spans = [RulerMatch(0, 8, "place", "viet-nam"), RulerMatch(0, 33, "mechanism", "land-border-treaty"),
             RulerMatch(40, 45, "person", "a"), RulerMatch(43, 48, "person", "b"), RulerMatch(48, 50, "person", "c")]
    assert [s.entity for s in longest_first(spans)] == ["land-border-treaty", "a", "c"]


_span = st.tuples(st.integers(0, 60), st.integers(0, 25)).map(lambda p: (p[0], p[0] + p[1]))


@settings(**SETTINGS)
@given(st.lists(_span, max_size=30), st.lists(_span, min_size=1, max_size=30))
def test_overlaps_answers_as_checking_every_claimed_span(claimed, queries):
    spans = SpanSet()
    added: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(queries):
        assert spans.overlaps(start, end) == any(start < y and end > x for x, y in added)
        if i < len(claimed):
            spans.add(*claimed[i])
            added.append(claimed[i])


@settings(**SETTINGS)
@given(st.lists(_span, max_size=30), _span)
def test_overlapping_lists_exactly_the_spans_the_plain_rule_finds(claimed, query):
    start, end = query
    found = SpanSet(claimed).overlapping(start, end)
    assert sorted(found) == sorted(span for span in claimed if start < span[1] and end > span[0])
