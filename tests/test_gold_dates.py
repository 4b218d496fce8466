"""Date recognition measured against the hand-written gold annotation of the seeds (tests/gold/dates/).

A predicted date counts as correct only when its surface text AND its ISO
8601 value match a gold date; both sides are counted with multiplicity.
Precision and recall must each reach TARGET per article and overall.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from builder.model import DateValue

GOLD = Path(__file__).resolve().parent / "gold" / "dates"
TARGET = 0.95
SEEDS = sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def load_gold(stem: str) -> dict:
    return yaml.safe_load((GOLD / f"{stem}.yaml").read_text(encoding="utf-8"))


def gold_dates(gold: dict) -> list[tuple[str, str]]:
    """The gold (text, value) pairs in reading order, each repeated `count` times."""
    out = []
    for item in gold["dates"]:
        out.extend([(item["text"], item["value"])] * item.get("count", 1))
    return out


def predicted_dates(article) -> list[tuple[str, str]]:
    return [(m.text, m.value.iso()) for m in article.mentions if m.type == "date"]


def score(gold: list, predicted: list) -> tuple[Counter, Counter, Counter]:
    """(correct, missed, spurious) as multisets of (text, value)."""
    g, p = Counter(gold), Counter(predicted)
    return g & p, g - p, p - g


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0  # nothing to find, nothing claimed: no error


def report(name: str, correct: Counter, missed: Counter, spurious: Counter) -> str:
    lines = [f"{name}: {sum(correct.values())} correct"]
    lines += [f"  missed   {text!r} = {value}" + (f" x{n}" if n > 1 else "") for (text, value), n in missed.items()]
    lines += [f"  spurious {text!r} = {value}" + (f" x{n}" if n > 1 else "") for (text, value), n in spurious.items()]
    return "\n".join(lines)


# --- the gold files themselves ------------------------------------------------


def test_every_seed_has_a_gold_file():
    assert sorted(p.stem for p in GOLD.glob("*.yaml")) == SEEDS


@pytest.mark.parametrize("stem", SEEDS)
def test_gold_file_is_well_formed(stem, seed_articles):
    gold = load_gold(stem)
    article = seed_articles[stem[:3]]
    assert gold["article"] == article.source_file
    published = article.date.value.iso() if article.date.value else None
    assert gold["published"] == published, f"{stem}: gold says published {gold['published']}"
    assert gold["how"] == article.date.how
    position = 0
    for item in gold["dates"]:
        assert set(item) <= {"text", "value", "count"}, item
        DateValue.parse(item["value"])  # raises on a malformed ISO value
        # Each occurrence stands, as a whole expression, after the previous one in reading order.
        pattern = re.compile(rf"(?<!\w){re.escape(item['text'])}(?!\w)")
        for _ in range(item.get("count", 1)):
            found = pattern.search(article.body, position)
            assert found, f"{stem}: {item['text']!r} not found in the body after offset {position}"
            position = found.end()


# --- the annotator against the gold ------------------------------------------


@pytest.mark.parametrize("stem", SEEDS)
def test_dates_reach_target_precision_and_recall(stem, seed_articles):
    correct, missed, spurious = score(gold_dates(load_gold(stem)), predicted_dates(seed_articles[stem[:3]]))
    n_correct = sum(correct.values())
    precision = ratio(n_correct, n_correct + sum(spurious.values()))
    recall = ratio(n_correct, n_correct + sum(missed.values()))
    print(f"{stem}: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= TARGET and recall >= TARGET, report(stem, correct, missed, spurious)


def test_dates_reach_target_precision_and_recall_overall(seed_articles):
    totals = [Counter(), Counter(), Counter()]
    for stem in SEEDS:
        for total, part in zip(totals, score(gold_dates(load_gold(stem)), predicted_dates(seed_articles[stem[:3]]))):
            total.update({(stem, *key): n for key, n in part.items()})
    correct, missed, spurious = (sum(c.values()) for c in totals)
    precision, recall = ratio(correct, correct + spurious), ratio(correct, correct + missed)
    print(f"overall: {correct} correct, {missed} missed, {spurious} spurious; "
          f"precision {precision:.3f} recall {recall:.3f}")
    assert precision >= TARGET and recall >= TARGET, "\n".join(
        [f"precision {precision:.3f}, recall {recall:.3f}"]
        + [f"missed   {key}" for key in totals[1]] + [f"spurious {key}" for key in totals[2]])


def test_scoring_counts_surface_and_value_with_multiplicity():
    gold = [("April 2025", "2025-04"), ("April 2025", "2025-04"), ("last year", "2025")]
    predicted = [("April 2025", "2025-04"), ("last year", "2024"), ("2025", "2025")]
    correct, missed, spurious = score(gold, predicted)
    assert correct == Counter({("April 2025", "2025-04"): 1})
    assert missed == Counter({("April 2025", "2025-04"): 1, ("last year", "2025"): 1})
    assert spurious == Counter({("last year", "2024"): 1, ("2025", "2025"): 1})
