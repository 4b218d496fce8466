"""The date scanner answers exactly what the regression snapshot recorded (tests/dates_snapshot.py).

The snapshot is the grammar's own earlier output, not a gold annotation: this test
guards against a change of behaviour slipping in with work on the scanner's speed.
An intended grammar change regenerates the snapshot (see tests/dates_snapshot.py).
"""

from __future__ import annotations

import json

import pytest
from dates_snapshot import SNAPSHOT, corpus, record


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    return corpus(tmp_path_factory.mktemp("dates-snapshot") / "synthetic")


@pytest.fixture(scope="module")
def snapshot():
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_snapshot_covers_the_same_articles(articles, snapshot):
    assert sorted(articles) == sorted(snapshot)
    assert sum(len(entry["dates"]) for entry in snapshot.values()) > 1000


def test_date_output_matches_the_snapshot_article_by_article(articles, snapshot):
    for key, (body, reference) in sorted(articles.items()):
        expected = snapshot[key]
        got = record(body, reference)
        assert got["body_sha1"] == expected["body_sha1"], (
            f"{key}: the article text changed (synthetic generator?); regenerate the snapshot")
        for field in ("dates", "unanchored", "normalised", "published"):
            assert json.loads(json.dumps(got[field])) == expected[field], f"{key}: {field} differ"
