"""Behaviour of builder.ruler: the Aho–Corasick ruler finds exactly what the longest-first alternation specifies.

The reference below is the ruler's specification written as one regular
expression (how the ruler was first built): every registry form, longest
first, tokens joined by `[\\s\\-'"]*`, between word boundaries, tried at every
start. The automaton must give the same matches on real articles and on
text made to stress the junction and boundary rules.
"""

from __future__ import annotations

import random
import re

from builder.annotate.ruler import (
    EntityRuler,
    Pattern,
    RulerMatch,
    _balance_quotes,
    longest_first,
)
from builder.text import fold, form_key, form_tokens


def reference_matches(patterns: list[Pattern], text: str) -> list[RulerMatch]:
    by_key: dict[tuple[str, ...], Pattern] = {}
    for pattern in patterns:
        tokens = tuple(form_tokens(pattern.form))
        if tokens:
            by_key.setdefault(tokens, pattern)
    by_joined = {"".join(k): p for k, p in by_key.items()}
    ordered = sorted(by_key, key=lambda toks: (-len("".join(toks)), toks))
    alternation = "|".join(r"[\s\-'\"]*".join(re.escape(t) for t in toks) for toks in ordered)
    regex = re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)")
    folded = fold(text)
    candidates, pos = [], 0
    while (m := regex.search(folded, pos)) is not None:
        pattern = by_joined[form_key(m.group(0))]
        start, end = _balance_quotes(folded, m.start(), m.end())
        candidates.append(RulerMatch(start, end, pattern.label, pattern.entity))
        pos = m.start() + 1
    return longest_first(candidates)


def registry_patterns(registry) -> list[Pattern]:
    return [Pattern(e.type, form, e.id) for e in registry.entities.values()
            for form in dict.fromkeys([e.name, *e.aliases])]


def test_seed_articles_match_exactly_as_the_alternation_specifies(registry, seed_articles):
    patterns = registry_patterns(registry)
    ruler = EntityRuler(patterns)
    for article in seed_articles.values():
        assert ruler(article.body) == reference_matches(patterns, article.body)


def test_junctions_only_where_a_form_splits_into_tokens():
    patterns = [Pattern("mechanism", "Việt Nam–China Steering Committee", "steering"),
                Pattern("person", "Tô Lâm", "to-lam")]
    ruler = EntityRuler(patterns)
    assert [m.entity for m in ruler("The Viet Nam - China steering committee met.")] == ["steering"]
    assert [m.entity for m in ruler("The VietNam-China Steering Committee met.")] == ["steering"]
    assert ruler("The Vi etnam-China Steering Committee met.") == []
    assert ruler("To Lamb and Toto Lam") == []
    assert [(m.start, m.end) for m in ruler("“To Lam” said")] == [(1, 7)]


def test_a_longer_form_at_the_same_start_wins_only_when_it_ends_at_a_word_boundary():
    patterns = [Pattern("mechanism", "3+3 mechanism", "short"),
                Pattern("mechanism", "3+3 mechanism in diplomacy", "long")]
    ruler = EntityRuler(patterns)
    assert [m.entity for m in ruler("the “3+3” mechanism in diplomacy works")] == ["long"]
    assert [m.entity for m in ruler("the 3+3 mechanism in diplomacyx works")] == ["short"]


def test_random_text_built_from_the_forms_matches_the_alternation(registry):
    patterns = registry_patterns(registry) + [Pattern("mechanism", "Belt", "belt"), Pattern("person", "Lâm Road", "lr")]
    ruler = EntityRuler(patterns)
    rng = random.Random(3)
    pieces = [p.form for p in patterns] + ["the", "and", "x", "“", "”", "-", "–", " ", "  ", "'", "Road", "lam", "9"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "-", "—", "’", "\n"]) for _ in range(rng.randint(1, 12)))
        assert ruler(text) == reference_matches(patterns, text), text
