r"""Annotate stage, surface forms: find every registry name and alias in one pass.

Like spaCy's SpanRuler, the ruler holds patterns as records
`(label, surface form, entity id)` — many forms, one canonical id — compiled
once per registry into one Aho–Corasick automaton (PyPI `pyahocorasick`) over
*folded* text (no case, no diacritics, plain dashes and quotes). Between two
words of a form the text may have spaces, hyphens, dashes or quote marks, or
nothing at all, so `Việt Nam–China`, `Vietnam-China` and `“3+3”` match their
plain forms. Overlaps are settled by `longest_first`: the longest span wins,
then the earliest.

How one scan finds them all: the automaton holds each form's *key* (its
folded tokens joined, `vietnamchina`) and runs over the text with the
junction characters (spaces, hyphens, quotes) squeezed out, remembering where
each kept character stood. A hit is kept when it starts and ends at word
boundaries of the real text and every junction it spans falls between two
tokens of a form with that key (`Viet Nam` matches the form `Việt Nam`, but
`Vietn am` does not). At each start the longest such hit is the candidate —
exactly what a single longest-first regex alternation
`(?<!\w)(?:form|form|…)(?!\w)` with `[\s\-'"]*` between tokens finds, in
time that does not grow with the number of forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from operator import not_

import ahocorasick

from builder.annotate.spans import SpanSet
from builder.text import fold, form_tokens

# What may stand between two tokens of a surface form in running text.
_JUNCTION = re.compile(r"[\s\-'\"]")
# The same set for C-speed membership tests (every `\s` character is below U+3001).
_JUNCTION_CHARS = frozenset(ch for ch in map(chr, range(0x3001)) if _JUNCTION.match(ch))
_WORD_CHAR = re.compile(r"\w")


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


@dataclass(frozen=True)
class _Key:
    """Everything the automaton stores for one key: the pattern and where its forms split into tokens."""

    pattern: Pattern
    length: int
    splits: tuple[frozenset[int], ...]  # per token tuple: offsets in the key where a junction may stand
    capitals: bool = False  # every form with this key is a short abbreviation (`NA`): it matches only in capitals


def _abbreviation(form: str) -> bool:
    """`NA`, `PM`, `CPV`: two or three capitals, which as a word in lower case (`Na`) are someone's name."""
    return 2 <= len(form) <= 3 and form.isupper() and form.isalpha()


class EntityRuler:
    """Matches many surface forms to canonical ids in one scan of the text."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = patterns
        first_tokens: dict[tuple[str, ...], Pattern] = {}
        for pattern in patterns:
            tokens = tuple(form_tokens(pattern.form))
            if tokens:
                first_tokens.setdefault(tokens, pattern)
        by_key: dict[str, list[tuple[str, ...]]] = {}
        owner: dict[str, Pattern] = {}
        written: dict[str, bool] = {}  # key -> whether every form with it is a short abbreviation
        for pattern in patterns:
            key = "".join(form_tokens(pattern.form))
            written[key] = written.get(key, True) and _abbreviation(pattern.form)
        for tokens, pattern in first_tokens.items():
            key = "".join(tokens)
            by_key.setdefault(key, []).append(tokens)
            owner[key] = pattern  # as before: the last token tuple with this key names the pattern
        self._automaton = None
        if by_key:
            automaton = ahocorasick.Automaton()
            for key, tuples in by_key.items():
                automaton.add_word(key, _Key(owner[key], len(key), tuple(_splits(t) for t in tuples), written[key]))
            automaton.make_automaton()
            self._automaton = automaton

    def __call__(self, text: str) -> list[RulerMatch]:
        """Non-overlapping matches in `text`, longest first then earliest, sorted by start."""
        if self._automaton is None:
            return []
        folded = fold(text)
        # The text without junctions, and where each of its characters stands in `folded`.
        squeezed = _JUNCTION.sub("", folded)
        where = list(compress(range(len(folded)), map(not_, map(_JUNCTION_CHARS.__contains__, folded))))
        best: dict[int, tuple[int, _Key]] = {}  # start in squeezed -> (end in squeezed, key)
        for last, key in self._automaton.iter(squeezed):
            first = last - key.length + 1
            held = best.get(first)
            if held is not None and held[1].length >= key.length:
                continue
            start, end = where[first], where[last] + 1
            if start > 0 and _WORD_CHAR.match(folded, start - 1):
                continue
            if end < len(folded) and _WORD_CHAR.match(folded, end):
                continue
            if end - start != key.length and not _junctions_fit(where, first, last, key.splits):
                continue
            if key.capitals and not text[start:end].isupper():
                continue  # `Li Na`: not the National Assembly
            best[first] = (last, key)
        candidates = []
        for first in sorted(best):
            last, key = best[first]
            start, end = _balance_quotes(folded, where[first], where[last] + 1)
            candidates.append(RulerMatch(start, end, key.pattern.label, key.pattern.entity))
        return longest_first(candidates)


def _splits(tokens: tuple[str, ...]) -> frozenset[int]:
    offsets, pos = set(), 0
    for token in tokens[:-1]:
        pos += len(token)
        offsets.add(pos)
    return frozenset(offsets)


def _junctions_fit(where: list[int], first: int, last: int, splits: tuple[frozenset[int], ...]) -> bool:
    """Every junction inside the hit stands where some token tuple of its key splits."""
    gaps = {k - first for k in range(first + 1, last + 1) if where[k] != where[k - 1] + 1}
    return not gaps or any(gaps <= allowed for allowed in splits)


def longest_first(spans: list) -> list:
    """Keep the longest of overlapping spans (then the earliest); return them sorted by start."""
    kept: list = []
    taken = SpanSet()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.overlaps(span.start, span.end):
            kept.append(span)
            taken.add(span.start, span.end)
    return sorted(kept, key=lambda s: s.start)


def _balance_quotes(folded: str, start: int, end: int) -> tuple[int, int]:
    """Take in the partner of a quote mark the span opens or closes (`“3+3” mechanism`).

    Apostrophes between letters (`People’s`) are not quote marks.
    """
    span = folded[start:end]
    for quote in ('"', "'"):
        if quote not in span:
            continue
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
