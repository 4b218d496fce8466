"""Annotate stage, surface forms: find every registry name and alias in one pass.

Like spaCy's SpanRuler, the ruler holds patterns as records
`(label, surface form, entity id)` — many forms, one canonical id — compiled
once per registry into a single alternation over *folded* text (no case, no
diacritics, plain dashes and quotes). Between two words of a form the text may
have spaces, hyphens, dashes or quote marks, or nothing at all, so
`Việt Nam–China`, `Vietnam-China` and `“3+3”` match their plain forms.
Overlaps are settled by `longest_first`: the longest span wins, then the
earliest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold, form_key, form_tokens

# What may stand between two tokens of a surface form in running text.
_JUNCTION = r"[\s\-'\"]*"


@dataclass(frozen=True)
class Pattern:
    label: str  # "person" | "mechanism"
    form: str  # the surface form as the registry writes it
    entity: str  # canonical id


@dataclass(frozen=True)
class RulerMatch:
    start: int
    end: int
    label: str
    entity: str


def _form_regex(tokens: list[str]) -> str:
    return _JUNCTION.join(re.escape(t) for t in tokens)


class EntityRuler:
    """Matches many surface forms to canonical ids in one scan of the text."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        by_key: dict[tuple[str, ...], Pattern] = {}
        for pattern in patterns:
            tokens = tuple(form_tokens(pattern.form))
            if tokens:
                by_key.setdefault(tokens, pattern)
        self._by_key = {"".join(k): p for k, p in by_key.items()}
        # Longest alternatives first: the regex then prefers the longest form at a position.
        ordered = sorted(by_key, key=lambda toks: (-len("".join(toks)), toks))
        self._regex = (
            re.compile(r"(?<!\w)(?:" + "|".join(_form_regex(list(t)) for t in ordered) + r")(?!\w)")
            if ordered else None
        )

    def __call__(self, text: str) -> list[RulerMatch]:
        """Non-overlapping matches in `text`, longest first then earliest, sorted by start."""
        if self._regex is None:
            return []
        folded = fold(text)
        candidates = []
        # Scan from every start so that a shorter early match cannot hide a longer overlapping one.
        pos = 0
        while (m := self._regex.search(folded, pos)) is not None:
            pattern = self._by_key.get(form_key(m.group(0)))
            if pattern is not None:
                start, end = _balance_quotes(folded, m.start(), m.end())
                candidates.append(RulerMatch(start, end, pattern.label, pattern.entity))
            pos = m.start() + 1
        return longest_first(candidates)


def longest_first(spans: list) -> list:
    """Keep the longest of overlapping spans (then the earliest); return them sorted by start."""
    kept: list = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= a or span.start >= b for a, b in taken):
            kept.append(span)
            taken.append((span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _balance_quotes(folded: str, start: int, end: int) -> tuple[int, int]:
    """Take in the partner of a quote mark the span opens or closes (`“3+3” mechanism`).

    Apostrophes between letters (`People’s`) are not quote marks.
    """
    for quote in ('"', "'"):
        marks = [
            i for i in range(start, end)
            if folded[i] == quote and not (0 < i < len(folded) - 1 and folded[i - 1].isalnum() and folded[i + 1].isalnum())
        ]
        if len(marks) % 2:
            if end < len(folded) and folded[end] == quote:
                end += 1
            elif start > 0 and folded[start - 1] == quote:
                start -= 1
    return start, end
