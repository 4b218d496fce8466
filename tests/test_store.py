"""The site store: records replaced per article, sums kept as sums, every lookup by an index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.engine.build import site_of
from builder.engine.store import SiteStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store(seed_articles, registry):
    return site_of(list(seed_articles.values()), registry).store


def _queries(source: str) -> list[str]:
    """The SQL statements in builder/engine/store.py that look rows up by article or id."""
    found = re.findall(r'"((?:SELECT|DELETE|UPDATE)[^"]*WHERE[^"]*)"', source)
    # `remove` deletes an article's rows table by table, `DELETE FROM {table} WHERE article = ?`.
    tables = re.search(r'for table in \(("article_ties"[^)]*)\)', source).group(1)
    found = [q.replace("{table}", t) for q in found for t in (re.findall(r'"(\w+)"', tables) if "{table}" in q else [""])]
    return [q for q in found if "{" not in q and re.search(r"\b(article|id|anchor) = \?", q)]


def test_every_lookup_by_article_is_served_by_an_index(store):
    """A full scan per article is a build that grows with the square of the archive."""
    source = (ROOT / "builder" / "engine" / "store.py").read_text(encoding="utf-8")
    queries = _queries(source)
    assert len(queries) > 10
    for query in queries:
        plan = " ".join(row[-1] for row in store.db.execute("EXPLAIN QUERY PLAN " + query, [""] * query.count("?")))
        assert "SCAN" not in plan.replace("SCAN CONSTANT ROW", ""), (query, plan)


def test_removing_an_article_takes_its_rows_and_its_part_of_the_sums(seed_articles, registry):
    articles = list(seed_articles.values())
    whole = site_of(articles, registry).store
    without = site_of(articles[1:], registry).store
    whole.remove(articles[0].id)
    whole.drop_empty_ties()
    for table in ("articles", "article_texts", "export_lines", "mentions", "mention_blocks", "titles", "timeline",
                  "timeline_texts", "entity_timeline", "article_ties", "ties", "entity_sums", "timeline_sums", "value_sums"):
        rows = sorted(map(repr, whole.db.execute(f"SELECT * FROM {table}")))
        assert rows == sorted(map(repr, without.db.execute(f"SELECT * FROM {table}"))), table


def test_the_kept_sums_are_the_counts_of_the_rows(store):
    db = store.db
    assert store.entity_totals() == {e: (n, a) for e, n, a in db.execute(
        "SELECT entity, sum(count), count(*) FROM mentions GROUP BY entity")}
    assert store.timeline_counts() == dict(db.execute("SELECT entity, count(*) FROM entity_timeline GROUP BY entity"))
    assert store.timeline_buckets() == list(db.execute(
        "SELECT year, month, count(*) FROM timeline GROUP BY year, month ORDER BY year, month"))
    assert store.timeline_years() == list(db.execute("SELECT year, count(*) FROM timeline GROUP BY year ORDER BY year"))
    assert store.timeline_count() == db.execute("SELECT count(*) FROM timeline").fetchone()[0] > 0
    assert store.value_counts() == dict(db.execute("SELECT value, count(DISTINCT article) FROM timeline GROUP BY value"))


def test_an_older_store_is_emptied_not_misread(tmp_path):
    path = tmp_path / "site.sqlite"
    old = SiteStore(path)
    old.db.execute("INSERT INTO meta VALUES ('made_with', 'x')")
    old.db.execute("PRAGMA user_version = 1")
    old.db.commit()
    old.close()
    assert SiteStore(path).get_meta("made_with") is None


def test_everything_a_build_remembers_is_in_one_store_file(tmp_path):
    """The records, the annotation cache, what site/ holds and the inputs read: one SQLite file, each
    owner's tables in it; and forgetting the records (new code or templates) keeps the annotations."""
    import sqlite3

    from helpers import copy_registry

    from builder.engine.build import BuildOptions, build
    from builder.engine.state import STORE_FILE, load_state

    options = BuildOptions(seeds=ROOT / "seeds", content=copy_registry(tmp_path / "content"), out=tmp_path / "site",
                           cache=tmp_path / "cache", search=False)
    build(options).close()
    files = {p.name for p in options.cache.iterdir() if p.is_file() and not p.name.endswith(("-wal", "-shm"))}
    assert files == {STORE_FILE}
    db = sqlite3.connect(options.cache / STORE_FILE)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "family_shapes", "annotations", "published_files", "input_files"} <= tables
    annotated = db.execute("SELECT COUNT(*) FROM annotations").fetchone()[0]
    db.close()
    assert annotated == 5 and len(load_state(options)["files"]) > 5
    store = SiteStore(options.cache / STORE_FILE)
    with store.transaction():
        store.clear()
    assert store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    assert store.db.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == annotated
    store.close()


def test_the_stored_keys_read_once_follow_every_put_removal_and_rolled_back_transaction(seed_articles, registry):
    articles = list(seed_articles.values())
    store = site_of(articles, registry).store
    first = store.keys()
    seed, (aid, key) = next((s, v) for s, v in first.items() if v[0] == articles[0].id)
    first.pop(seed)  # the caller's copy, not the store's
    assert store.keys()[seed] == (aid, key)
    store.remove(aid)
    assert seed not in store.keys()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.remove(articles[1].id)
            assert articles[1].id not in {a for a, _ in store.keys().values()}
            raise RuntimeError("stop")
    assert articles[1].id in {a for a, _ in store.keys().values()}
