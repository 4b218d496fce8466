"""Spans of text already claimed, and whether a new one overlaps any: the annotate stage's one overlap rule.

Two spans overlap when `start < b and end > a` (they share a character, or
an empty span stands strictly inside the other). The ruler (`longest_first`),
people (`resolve_people`), dates (in `Annotator`) and discovery (names
across linked ones) each test every candidate against every span claimed so far; `SpanSet` keeps the spans sorted
by start, so a test looks only at the few spans that start within the longest
claimed span's length before the candidate's end, not at all of them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class SpanSet:
    """Claimed `(start, end)` spans; `overlaps` in about log n steps."""

    def __init__(self, spans=()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0  # no claimed span is longer: the furthest back an overlapping one can start
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some claimed span (a, b) has `start < b and end > a`."""
        starts, ends = self._starts, self._ends
        lowest = start - self._longest  # a span starting at or before this ends at or before `start`
        i = bisect_left(starts, end)  # the spans before i start before `end`
        while i > 0:
            i -= 1
            if starts[i] <= lowest:
                return False
            if ends[i] > start:
                return True
        return False

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Every claimed span (a, b) with `start < b and end > a`, latest start first."""
        starts, ends = self._starts, self._ends
        lowest = start - self._longest
        found = []
        i = bisect_left(starts, end)
        while i > 0:
            i -= 1
            if starts[i] <= lowest:
                break
            if ends[i] > start:
                found.append((starts[i], ends[i]))
        return found
