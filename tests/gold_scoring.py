"""Scores an annotated article against a hand-written gold file (`tests/gold/entities/*.yaml`).

People are scored mention by mention: each person mention's name (the
linked text without its title) and entity must match a gold form of that
person, counted with multiplicity. Mechanisms, organisations and places are
scored as an editor reads them: is every gold entity linked at least once
(recall), and does every linked span of that type fall on a gold name of
the same type (precision)?
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from builder.model import Article
from builder.text import fold

GOLD_TYPES = {"people": "person", "mechanisms": "mechanism", "organisations": "organisation", "places": "place"}


@dataclass
class Score:
    """True positives, false positives and false negatives, with what they were."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    spurious: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.spurious += other.spurious
        self.missed += other.missed
        return self


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def score_people(article: Article, gold: dict, same_person=lambda predicted, gold_id: predicted == gold_id) -> Score:
    expected = Counter()
    for person_id, entry in (gold.get("people") or {}).items():
        for form, count in (entry.get("forms") or {}).items():
            expected[(person_id, _nfc(form))] += int(count)
    all_forms = sorted({form for _, form in expected}, key=len, reverse=True)
    predicted = Counter()
    for m in article.mentions:
        if m.type != "person":
            continue
        text = _nfc(m.text)
        name = next((f for f in all_forms if text == f or text.endswith(" " + f)), text)
        gold_id = next((g for g, f in expected if f == name and same_person(m.entity, g)), m.entity)
        predicted[(gold_id, name)] += 1
    score = Score()
    for key in expected.keys() | predicted.keys():
        hit = min(expected[key], predicted[key])
        score.tp += hit
        if predicted[key] > hit:
            score.fp += predicted[key] - hit
            score.spurious.append(f"{article.source_file}: {key[1]!r} -> {key[0]} x{predicted[key] - hit}")
        if expected[key] > hit:
            score.fn += expected[key] - hit
            score.missed.append(f"{article.source_file}: {key[1]!r} ({key[0]}) x{expected[key] - hit}")
    return score


def _occurrences(body: str, form: str) -> list[tuple[int, int]]:
    folded, needle = fold(body).casefold(), fold(_nfc(form)).casefold()
    spans, start = [], folded.find(needle)
    while needle and start >= 0:
        spans.append((start, start + len(needle)))
        start = folded.find(needle, start + 1)
    return spans


def score_entities(article: Article, gold: dict, section: str, check_id: bool) -> Score:
    """Per article: each gold entity linked at least once; each linked span on a gold name of its type."""
    entity_type = GOLD_TYPES[section]
    spans = {
        entity_id: [s for form in entry.get("forms") or [] for s in _occurrences(article.body, form)]
        for entity_id, entry in (gold.get(section) or {}).items()
    }
    # A name inside another linked name cannot carry a link of its own (HTML links do not nest):
    # `Cao Bang` in the spring-meeting mechanism's name is not scored as a place.
    others = [(m.start, m.end) for m in article.mentions if m.type not in (entity_type, "date")]
    spans = {g: ss for g, ss in spans.items() if not ss or not all(any(a <= s and e <= b for a, b in others) for s, e in ss)}
    score = Score()
    found = set()
    for m in article.mentions:
        if m.type != entity_type:
            continue
        owners = [g for g, ss in spans.items() if any(m.start < b and m.end > a for a, b in ss)]
        right = [g for g in owners if not check_id or g == m.entity]
        if right:
            score.tp += 1
            found.update(right)
        else:
            score.fp += 1
            score.spurious.append(f"{article.source_file}: {m.text!r} -> {m.entity}")
    for entity_id in spans:
        if entity_id not in found:
            # Recall is per entity: one link in the article is enough.
            score.fn += 1
            score.missed.append(f"{article.source_file}: {entity_id} ({(gold[section][entity_id].get('forms') or [''])[0]!r})")
    return score


def entity_recall(article: Article, gold: dict, section: str, check_id: bool) -> tuple[int, int]:
    """(gold entities linked at least once, gold entities)."""
    s = score_entities(article, gold, section, check_id)
    return len(gold.get(section) or {}) - s.fn, len(gold.get(section) or {})
