"""Regression snapshot of the date grammar's output (tests/gold/dates_snapshot.json).

NOT a gold annotation: the snapshot records what `builder.dates` answered when it was
taken, so that work on the scanner's speed can prove it changes nothing. For every
article of the seeds, the held-out seeds and a small synthetic corpus (fixed size and
seed, generated afresh in a temporary folder) it keeps:

- `dates`: `find_dates(body, publication day)` as [start, end, text, iso, relative, announced];
- `unanchored`: `find_dates(body, None)` the same way (the reference-free rules);
- `normalised`: `normalise_date(text, publication day)` of each of those texts (iso or None);
- `published`: `infer_publication_date(body)` as [iso or None, how].

A deliberate change to the grammar changes the snapshot: rerun
`python tests/dates_snapshot.py` from the repository root and commit the new file with
the grammar change, after checking the difference is the one intended
(tests/test_dates_snapshot.py compares article by article, so its failure shows it).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "gold" / "dates_snapshot.json"
SYNTHETIC_ARTICLES, SYNTHETIC_SEED = 60, 2024


def corpus(synthetic_folder: Path) -> dict[str, tuple[str, object]]:
    """(body, publication day) by a stable key, for every snapshot article."""
    from builder.bench.synthetic import write_corpus
    from builder.engine.build import read_articles

    write_corpus(synthetic_folder, SYNTHETIC_ARTICLES, seed=SYNTHETIC_SEED)
    sources = {"seeds": ROOT / "seeds", "heldout": ROOT / "tests" / "heldout" / "seeds",
               "synthetic": synthetic_folder / "seeds"}
    out = {}
    for label, folder in sources.items():
        articles, errors, _ = read_articles(folder)
        assert not errors, errors
        for article in articles:
            out[f"{label}/{Path(article.source_file).stem}"] = (article.body, article.date.reference_day())
    return out


def _mentions(mentions) -> list:
    return [[m.start, m.end, m.text, m.value.iso(), m.relative, m.announced] for m in mentions]


def record(body: str, reference) -> dict:
    """What the date grammar answers for one article body."""
    from builder.dates import find_dates, infer_publication_date, normalise_date

    published = infer_publication_date(body)
    dates = find_dates(body, reference)
    normalised = [normalise_date(m.text, reference) for m in dates]
    return {
        "body_sha1": hashlib.sha1(body.encode("utf-8")).hexdigest(),
        "reference": reference.isoformat() if reference else None,
        "dates": _mentions(dates),
        "normalised": [value.iso() if value else None for value in normalised],
        "unanchored": _mentions(find_dates(body, None)),
        "published": [published.value.iso() if published.value else None, published.how],
    }


def take(synthetic_folder: Path) -> dict[str, dict]:
    return {key: record(body, ref) for key, (body, ref) in sorted(corpus(synthetic_folder).items())}


def dump(snapshot: dict) -> str:
    """One line per article: compact, yet a diff names the article that changed."""
    lines = [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, separators=(',', ':'))}"
             for key, value in snapshot.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        SNAPSHOT.write_text(dump(take(Path(tmp) / "synthetic")), encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}")
