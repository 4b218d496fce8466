"""Shared fixtures: the repository's real seeds and registry, annotated once per session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import copy_registry

from builder.annotate.annotator import Annotator
from builder.engine.build import read_articles
from builder.ingest.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def registry():
    return load_registry(ROOT / "content")


@pytest.fixture(scope="session")
def annotator(registry):
    return Annotator(registry)


@pytest.fixture(scope="session")
def seed_articles(annotator):
    """The five seeds, ingested and annotated, by seed-file prefix ("000" … "004")."""
    articles, errors, _ = read_articles(ROOT / "seeds")
    assert not errors
    return {a.source_file[:3]: annotator(a) for a in articles}


@pytest.fixture
def annotate(annotator):
    """Annotate a snippet as if published on `published` (default 2026-02-09)."""

    def run(text: str, published: dt.date | None = dt.date(2026, 2, 9)):
        return annotator.mentions(text, published)

    return run


@pytest.fixture
def content_copy(tmp_path):
    """A private copy of the registry (every entity folder) to build against."""
    return copy_registry(tmp_path / "content")
