"""The site store: every article's record, kept between builds, and the site-wide view made from them.

Its tables are in the build's one SQLite file (`<cache>/build.sqlite`, `builder.engine.state.STORE_FILE`;
a temporary one for `--no-cache`), beside the annotation cache's, the publish record's and the inputs'.
The map step writes one `ArticleRecord` per article (`put`), replacing what
the article held before; the collect and render stages read from it by
entity, by period and by page, so no stage ever holds the whole archive in
memory, and a rebuild after one article changed touches that article's rows
and nothing else. Site-wide sums are kept as sums (`ties`: sentences naming
two entities), changed by what the article takes away and adds.

Tables: `articles` (a record's summary), `mentions` (an entity's block for one
article), `titles`, `timeline` (one row per dated mention), `entity_timeline`
(which entries an entity's own timeline shows), `ties`, and `meta` (what the
records were made with: when that changes, every record is made again). The
laid-out HTML, Markdown and export lines are in tables of their own
(`article_texts`, `mention_blocks`, `timeline_texts`), so that the sums and
scans over the small tables never read through them. Each block and entry
keeps a digest of everything it shows, so that a rebuild can tell which of an
article's pieces changed (`changes`).
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import pickle
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from builder.engine.state import STORE_FILE
from builder.records import ArticleRecord, ArticleSummary, EntityMentions, TimelineItem

SCHEMA_VERSION = "11"  # bumped whenever a table changes: an older store is emptied and made anew
TITLE_ARTICLES = 20  # an entity page lists this many articles for each of its titles, then counts the rest
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS family_shapes (kind TEXT, key TEXT, shape TEXT, PRIMARY KEY (kind, key));
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, seed TEXT, key TEXT, ord TEXT, year INTEGER, month INTEGER, summary BLOB,
    mention_count INTEGER, entries INTEGER, content_size INTEGER, content_mtime INTEGER);
CREATE INDEX IF NOT EXISTS articles_ord ON articles (ord, id);
CREATE INDEX IF NOT EXISTS articles_stamps ON articles (id, entries, mention_count, content_size, content_mtime);
CREATE INDEX IF NOT EXISTS articles_period ON articles (year, month, ord);
CREATE INDEX IF NOT EXISTS articles_keys ON articles (seed, key, id);
CREATE TABLE IF NOT EXISTS article_texts (
    id TEXT PRIMARY KEY, page TEXT, export TEXT, previews TEXT, markdown TEXT, squeezed TEXT, mentions BLOB);
CREATE TABLE IF NOT EXISTS mentions (
    entity TEXT, article TEXT, ord TEXT, year INTEGER, month INTEGER, count INTEGER, digest TEXT,
    PRIMARY KEY (entity, article));
CREATE INDEX IF NOT EXISTS mentions_order ON mentions (entity, ord, year);
-- With the count: an entity's mentions by period are summed from the index alone (at 10,000 articles a
-- place named in 5,000 of them took 15 ms a query, read row by row from the table).
DROP INDEX IF EXISTS mentions_period;
CREATE INDEX IF NOT EXISTS mentions_by_period ON mentions (entity, year, month, ord, count);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article);
CREATE TABLE IF NOT EXISTS mention_blocks (entity TEXT, article TEXT, html TEXT, PRIMARY KEY (entity, article));
CREATE INDEX IF NOT EXISTS mention_blocks_article ON mention_blocks (article);
CREATE TABLE IF NOT EXISTS titles (entity TEXT, title TEXT, article TEXT, ord TEXT, seq INTEGER, date TEXT);
CREATE INDEX IF NOT EXISTS titles_entity ON titles (entity, ord, seq);
CREATE INDEX IF NOT EXISTS titles_article ON titles (article);
CREATE INDEX IF NOT EXISTS titles_first ON titles (entity, title, date);
CREATE TABLE IF NOT EXISTS timeline (
    anchor TEXT PRIMARY KEY, article TEXT, sort TEXT, year INTEGER, month INTEGER, value TEXT,
    first INTEGER, last INTEGER, precision TEXT, scheduled INTEGER, entities TEXT, text TEXT, digest TEXT);
CREATE INDEX IF NOT EXISTS timeline_order ON timeline (year, month, sort);
CREATE INDEX IF NOT EXISTS timeline_span ON timeline (last, first);
CREATE INDEX IF NOT EXISTS timeline_article ON timeline (article);
CREATE INDEX IF NOT EXISTS timeline_value ON timeline (value, article);
CREATE TABLE IF NOT EXISTS timeline_texts (anchor TEXT PRIMARY KEY, html TEXT, markdown TEXT, sentence TEXT);
CREATE TABLE IF NOT EXISTS entity_timeline (
    entity TEXT, sort TEXT, year INTEGER, month INTEGER, anchor TEXT, article TEXT, PRIMARY KEY (entity, sort));
CREATE INDEX IF NOT EXISTS entity_timeline_article ON entity_timeline (article);
CREATE INDEX IF NOT EXISTS entity_timeline_order ON entity_timeline (entity, year, month, sort);
CREATE TABLE IF NOT EXISTS export_lines (id TEXT PRIMARY KEY, digest TEXT, offset INTEGER, length INTEGER);
CREATE TABLE IF NOT EXISTS article_ties (article TEXT, a TEXT, b TEXT, n INTEGER);
CREATE INDEX IF NOT EXISTS article_ties_article ON article_ties (article);
CREATE TABLE IF NOT EXISTS ties (a TEXT, b TEXT, n INTEGER, PRIMARY KEY (a, b));
CREATE INDEX IF NOT EXISTS ties_b ON ties (b);
CREATE TABLE IF NOT EXISTS entity_sums (entity TEXT PRIMARY KEY, mentions INTEGER, articles INTEGER, entries INTEGER);
CREATE TABLE IF NOT EXISTS timeline_sums (year INTEGER, month INTEGER, entries INTEGER, cut TEXT,
                                          PRIMARY KEY (year, month));
CREATE TABLE IF NOT EXISTS value_sums (value TEXT PRIMARY KEY, articles INTEGER);
"""


_OWN_TABLES = sorted(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", _SCHEMA))
# The files of the records before they were one (each is made again, in STORE_FILE, by the next build).
_EARLIER_RECORDS = ("site.sqlite", "annotations.sqlite", "published.sqlite", "published.json", "last-build.json",
                    "registry.pickle")


def block_digest(block: EntityMentions) -> str:
    return hashlib.blake2b(repr((block.count, block.titles, block.html)).encode(), digest_size=12).hexdigest()


_ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(TimelineItem))


def entry_digest(entry: TimelineItem) -> str:
    # Each field as str, not the repr of them all: an entry's HTML and sentence are long, and repr copies them.
    return hashlib.blake2b("\x1f".join([str(getattr(entry, name)) for name in _ENTRY_FIELDS]).encode(),
                           digest_size=12).hexdigest()


def seal(record: ArticleRecord) -> dict:
    """What `put` writes besides the record's own strings: pickles and digests. Worked out where the
    record is made (a worker process), so that the process writing the store only writes."""
    return {
        "summary": pickle.dumps(record.summary, protocol=pickle.HIGHEST_PROTOCOL),
        "mentions": pickle.dumps(record.mentions, protocol=pickle.HIGHEST_PROTOCOL),
        "export": hashlib.blake2b(record.export.encode(), digest_size=12).hexdigest(),
        "blocks": [block_digest(m) for m in record.entities],
        "entries": [entry_digest(t) for t in record.timeline],
    }


class _MetaKey:
    """One key of the store's `meta` table, read and written as its Python value (JSON in the table)."""

    def __init__(self, doc: str, default=None):
        self.__doc__ = doc
        self.default = default

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, meta: StoreMeta | None, owner=None):
        if meta is None:
            return self
        raw = meta.store.get_meta(self.name)
        return json.loads(raw) if raw is not None else copy.deepcopy(self.default)

    def __set__(self, meta: StoreMeta, value) -> None:
        meta.store.set_meta(self.name, json.dumps(value, sort_keys=True, ensure_ascii=False))


class StoreMeta:
    """What the store remembers of the last build besides the articles' records, key by key, typed.

    Every module that remembers something between builds names it here, so that the list of what a
    build carries over is one list (read and written inside the caller's transaction).
    """

    made_with = _MetaKey("The recipe (`build.made_with`: our code, templates and options) of the records.")
    inputs = _MetaKey("The seed and content folders the records were made from.")
    in_sync = _MetaKey("True once a build's map step finished: the records are those of the seeds.", False)
    registry = _MetaKey("Each entity's [hash of what annotation reads, its form keys] (`entity_fingerprints`).")
    entities = _MetaKey("A hash of each entity's whole registry page, by id (`reach.entity_digests`).", {})
    search = _MetaKey("Whether the published site has a search index.", False)
    bundles = _MetaKey("A hash of each search bundle's page list, by bundle name.", {})
    timeline_links = _MetaKey("Each timeline bucket's [page URLs, first keys of pages 2, 3, …]: where dates link.", {})
    map_layout = _MetaKey("[key of the nodes and ties, {entity: [x, y]}]: the map's last force layout.")
    export_digests = _MetaKey("The digest of each article's line of annotations.json, by id.", {})

    def __init__(self, store: SiteStore):
        self.store = store


class SiteStore:
    """The store in one SQLite file; see the module docstring."""

    def __init__(self, path: Path, readonly: bool = False):
        self.path = Path(path)
        if readonly:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
            # A cache: a crash mid-build loses at most this build's rows, and `meta` then says to redo them.
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=OFF")
            if self.db.execute("PRAGMA user_version").fetchone()[0] != int(SCHEMA_VERSION):
                tables = [name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                for name in tables:
                    self.db.execute(f"DROP TABLE {name}")
                if self.path.name == STORE_FILE:
                    for name in _EARLIER_RECORDS:
                        for suffix in ("", "-wal", "-shm"):
                            (self.path.parent / (name + suffix)).unlink(missing_ok=True)
                self.db.execute(f"PRAGMA user_version = {int(SCHEMA_VERSION)}")
            self.db.executescript(_SCHEMA)
        self.db.execute("PRAGMA cache_size=-16000")  # 16 MB: the store is read page by page, not held
        self.meta = StoreMeta(self)
        self._keys: dict[str, tuple[str, str]] | None = None  # `keys()` until a record is put or taken out

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self.db:
                yield
        except BaseException:
            self._keys = None  # rolled back: what was put or taken out is not so
            raise

    # --- what the records were made with --------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def family_shapes(self) -> dict[tuple[str, str], list[str]]:
        """{(kind, key): shape} of every family as the last build left it (`Family.shape`)."""
        return {(kind, key): json.loads(shape) for kind, key, shape in self.db.execute(
            "SELECT kind, key, shape FROM family_shapes ORDER BY kind, key")}

    def set_family_shapes(self, shapes: dict[tuple[str, str], list[str] | None], gone: Iterable = ()) -> None:
        """Remember these families' shapes (None: nothing to remember) and forget the families `gone`."""
        self.db.executemany("DELETE FROM family_shapes WHERE kind = ? AND key = ?", [tuple(f) for f in gone])
        self.db.executemany("INSERT OR REPLACE INTO family_shapes VALUES (?, ?, ?)",
                            [(kind, key, json.dumps(shape)) for (kind, key), shape in sorted(shapes.items())
                             if shape is not None])

    def clear(self) -> None:
        """Forget every record (they were made with other code, templates or options); the other
        owners' tables in the same file (annotation cache, publish record, inputs) stay."""
        self._keys = None
        for table in _OWN_TABLES:
            if table != "meta":
                self.db.execute(f"DELETE FROM {table}")

    # --- writing ----------------------------------------------------------------------------

    def keys(self) -> dict[str, tuple[str, str]]:
        """{seed file: (article id, record key)} of every stored record (read once until one is put or taken
        out: a build asks at each step of its map, and an archive has tens of thousands)."""
        if self._keys is None:
            self._keys = {seed: (aid, key) for aid, seed, key in self.db.execute("SELECT id, seed, key FROM articles")}
        return dict(self._keys)

    def remove(self, article_id: str) -> None:
        """Take an article's rows out, and its part of the site-wide sums."""
        self._keys = None
        for a, b, n in self.db.execute("SELECT a, b, n FROM article_ties WHERE article = ?", (article_id,)).fetchall():
            self._add_tie(a, b, -n)
        self._add_sums(article_id, -1)
        self.db.execute("DELETE FROM timeline_texts WHERE anchor IN (SELECT anchor FROM timeline WHERE article = ?)",
                        (article_id,))
        for table in ("article_ties", "mentions", "mention_blocks", "titles", "timeline", "entity_timeline"):
            self.db.execute(f"DELETE FROM {table} WHERE article = ?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.db.execute("DELETE FROM article_texts WHERE id = ?", (article_id,))
        self.db.execute("DELETE FROM export_lines WHERE id = ?", (article_id,))

    def _add_sums(self, article_id: str, sign: int) -> None:
        """Add (1) or take away (-1) an article's part of the per-entity and per-bucket counts, so
        that a rebuild reads the site's totals from a few rows instead of counting a million."""
        entities: dict[str, list[int]] = {}
        for entity, mentions, articles in self.db.execute(
                "SELECT entity, sum(count), count(*) FROM mentions WHERE article = ? GROUP BY entity", (article_id,)):
            entities.setdefault(entity, [0, 0, 0])[:2] = [sign * mentions, sign * articles]
        for entity, entries in self.db.execute(
                "SELECT entity, count(*) FROM entity_timeline WHERE article = ? GROUP BY entity", (article_id,)):
            entities.setdefault(entity, [0, 0, 0])[2] = sign * entries
        self.db.executemany(
            "INSERT INTO entity_sums VALUES (?, ?, ?, ?) ON CONFLICT (entity) DO UPDATE SET "
            "mentions = mentions + excluded.mentions, articles = articles + excluded.articles, "
            "entries = entries + excluded.entries", [(e, *sums) for e, sums in sorted(entities.items())])
        self.db.executemany(
            # (a bucket whose entries change is cut into pages anew: its cut is forgotten)
            "INSERT INTO timeline_sums VALUES (?, ?, ?, NULL) ON CONFLICT (year, month) DO UPDATE SET "
            "entries = entries + excluded.entries, cut = NULL",
            [(year, month, sign * n) for year, month, n in self.db.execute(
                "SELECT year, month, count(*) FROM timeline WHERE article = ? GROUP BY year, month", (article_id,))])
        self.db.executemany(
            "INSERT INTO value_sums VALUES (?, ?) ON CONFLICT (value) DO UPDATE SET articles = articles + excluded.articles",
            [(value, sign) for (value,) in self.db.execute(
                "SELECT DISTINCT value FROM timeline WHERE article = ? ORDER BY value", (article_id,))])

    def _add_tie(self, a: str, b: str, n: int) -> None:
        self.db.execute("INSERT INTO ties VALUES (?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET n = n + excluded.n",
                        (a, b, n))

    def put(self, seed: str, key: str, record: ArticleRecord, sealed: dict | None = None) -> None:
        """Store `record` (made from `seed` with inputs hashing to `key`) in place of the article's old
        rows; `sealed`: its `seal(record)`, when already worked out."""
        sealed = sealed or seal(record)
        s = record.summary
        aid = s.id
        self.remove(aid)
        self.db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,NULL,NULL)", (
            aid, seed, key, s.order, s.year, s.month, sealed["summary"], len(record.mentions), len(record.timeline)))
        self.db.execute("INSERT INTO article_texts VALUES (?,?,?,?,?,?,?)", (
            aid, record.page, record.export, record.previews, record.markdown, record.squeezed, sealed["mentions"]))
        self.db.execute("INSERT INTO export_lines VALUES (?, ?, NULL, NULL)", (aid, sealed["export"]))
        self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
                            [(m.entity, aid, s.order, s.year, s.month, m.count, digest)
                             for m, digest in zip(record.entities, sealed["blocks"], strict=True)])
        self.db.executemany("INSERT INTO mention_blocks VALUES (?,?,?)",
                            [(m.entity, aid, m.html) for m in record.entities])
        date = s.date.value.iso() if s.date.value else None
        self.db.executemany("INSERT INTO titles VALUES (?,?,?,?,?,?)",
                            [(m.entity, title, aid, s.order, seq, date) for m in record.entities
                             for seq, title in enumerate(m.titles)])
        self.db.executemany("INSERT INTO timeline VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [
            (t.anchor, aid, t.sort, t.year, t.month, t.value, t.first, t.last, t.precision, int(t.scheduled),
             " ".join(t.entities), t.text, digest) for t, digest in zip(record.timeline, sealed["entries"], strict=True)])
        self.db.executemany("INSERT INTO timeline_texts VALUES (?,?,?,?)",
                            [(t.anchor, t.html, t.markdown, t.sentence) for t in record.timeline])
        self.db.executemany("INSERT OR IGNORE INTO entity_timeline VALUES (?,?,?,?,?,?)",
                            [(e, t.sort, t.year, t.month, t.anchor, aid) for t in record.timeline for e in t.entities])
        self.db.executemany("INSERT INTO article_ties VALUES (?,?,?,?)",
                            [(aid, a, b, n) for (a, b), n in sorted(record.ties.items())])
        for (a, b), n in sorted(record.ties.items()):
            self._add_tie(a, b, n)
        self._add_sums(aid, 1)

    def pieces(self, article_id: str) -> dict:
        """What an article's rows are, by piece, to compare before and after a change (see `changes`)."""
        row = self.db.execute("SELECT summary, year, month FROM articles WHERE id = ?", (article_id,)).fetchone()
        return {
            "summary": row[0] if row else None,
            "published": (row[1], row[2]) if row else None,
            "blocks": {e: (y, m, d, n) for e, y, m, d, n in self.db.execute(
                "SELECT entity, year, month, digest, count FROM mentions WHERE article = ?", (article_id,))},
            "entries": {a: (y, m, d, tuple(es.split()), sort) for a, y, m, d, es, sort in self.db.execute(
                "SELECT anchor, year, month, digest, entities, sort FROM timeline WHERE article = ?", (article_id,))},
            "ties": {(a, b): n for a, b, n in self.db.execute(
                "SELECT a, b, n FROM article_ties WHERE article = ?", (article_id,))},
            "lines": self._timeline_lines(article_id),
        }

    def _timeline_lines(self, article_id: str) -> dict[int, tuple[str, ...]]:
        """{year: the article's lines in that year's content/timeline/ file, in the file's order}."""
        lines: dict[int, list[str]] = {}
        for year, markdown in self.db.execute("SELECT t.year, x.markdown FROM timeline t JOIN timeline_texts x "
                                              "ON x.anchor = t.anchor WHERE t.article = ? ORDER BY t.sort",
                                              (article_id,)):
            lines.setdefault(year, []).append(markdown)
        return {year: tuple(rows) for year, rows in lines.items()}

    def drop_empty_ties(self) -> None:
        """Forget the sums that came down to nothing (of entities and periods no longer mentioned)."""
        self.db.execute("DELETE FROM ties WHERE n <= 0")
        self.db.execute("DELETE FROM entity_sums WHERE mentions = 0 AND articles = 0 AND entries = 0")
        self.db.execute("DELETE FROM timeline_sums WHERE entries = 0")
        self.db.execute("DELETE FROM value_sums WHERE articles = 0")

    # --- reading: articles --------------------------------------------------------------------

    def content_stamps(self) -> list[tuple[str, int | None, int | None]]:
        """(article id, size, mtime_ns) of each article's content file as the build last wrote it."""
        return list(self.db.execute("SELECT id, content_size, content_mtime FROM articles ORDER BY id"))

    def set_content_stamp(self, article_id: str, size: int, mtime: int) -> None:
        self.db.execute("UPDATE articles SET content_size = ?, content_mtime = ? WHERE id = ?", (size, mtime, article_id))

    def ids(self) -> list[str]:
        return [aid for (aid,) in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def ids_newest_first(self) -> list[str]:
        """The ids in the order of `summaries()`, without unpickling a summary."""
        return [aid for (aid,) in self.db.execute("SELECT id FROM articles ORDER BY ord")]

    def mention_count(self) -> int:
        return self.db.execute("SELECT coalesce(sum(mention_count), 0) FROM articles").fetchone()[0]

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def summaries(self, limit: int | None = None, offset: int = 0, year: int | None | bool = False,
                  month: int | None = None) -> list[ArticleSummary]:
        """Article summaries newest first; of one publication year (None: undated) and month if asked."""
        where, args = self._period_where(year, month)
        sql = f"SELECT summary FROM articles {where} ORDER BY ord"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [pickle.loads(row[0]) for row in self.db.execute(sql, args)]

    @staticmethod
    def _period_where(year, month, prefix: str = "WHERE") -> tuple[str, list]:
        if year is False:
            return "", []
        if year is None:
            return f"{prefix} year IS NULL", []
        if month is None:
            return f"{prefix} year = ?", [year]
        return f"{prefix} year = ? AND month = ?", [year, month]

    def summary(self, article_id: str) -> ArticleSummary | None:
        row = self.db.execute("SELECT summary FROM articles WHERE id = ?", (article_id,)).fetchone()
        return pickle.loads(row[0]) if row else None

    def summaries_of(self, ids: Iterable[str]) -> dict[str, ArticleSummary]:
        ids = list(ids)
        out = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for aid, blob in self.db.execute(f"SELECT id, summary FROM articles WHERE id IN ({marks})", chunk):
                out[aid] = pickle.loads(blob)
        return out

    def article_buckets(self) -> list[tuple]:
        """(year, month, articles) of publication, newest first, undated last."""
        return list(self.db.execute(
            "SELECT year, month, count(*) FROM articles GROUP BY year, month "
            "ORDER BY year IS NULL, year DESC, month DESC"))

    def page(self, article_id: str) -> str:
        return self.db.execute("SELECT page FROM article_texts WHERE id = ?", (article_id,)).fetchone()[0]

    def column(self, article_id: str, name: str):
        assert name in ("export", "previews", "markdown", "squeezed")
        row = self.db.execute(f"SELECT {name} FROM article_texts WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def mentions_of(self, article_id: str) -> list:
        row = self.db.execute("SELECT mentions FROM article_texts WHERE id = ?", (article_id,)).fetchone()
        return pickle.loads(row[0]) if row else []

    def exports(self) -> Iterator[str]:
        """Every article's annotations.json line, in id order."""
        for (line,) in self.db.execute("SELECT export FROM article_texts ORDER BY id"):
            yield line

    def export_lines(self) -> list[tuple[str, str, int | None, int | None]]:
        """(id, digest of its line, offset, length in the file the last build wrote) in id order."""
        return list(self.db.execute("SELECT id, digest, offset, length FROM export_lines ORDER BY id"))

    def set_export_places(self, places: list[tuple[int, int, str]]) -> None:
        self.db.executemany("UPDATE export_lines SET offset = ?, length = ? WHERE id = ?", places)

    def articles_holding(self, keys: list[str]) -> set[str]:
        """The articles whose squeezed text holds any of `keys` (what a registry change can touch):
        one pass over the texts with an automaton of all the keys, however many there are."""
        keys = [k for k in keys if k]
        if not keys:
            return set()
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for key in keys:
            automaton.add_word(key, key)
        automaton.make_automaton()
        found: set[str] = set()
        for aid, text in self.db.execute("SELECT id, squeezed FROM article_texts"):
            if next(automaton.iter(text), None) is not None:
                found.add(aid)
        return found

    # --- reading: entities ------------------------------------------------------------------

    def entity_totals(self, entity: str | None = None) -> dict[str, tuple[int, int]]:
        """{entity: (mentions, articles)}; of one entity, or of every entity mentioned."""
        if entity is None:
            rows = self.db.execute("SELECT entity, mentions, articles FROM entity_sums WHERE articles > 0")
        else:
            rows = self.db.execute("SELECT entity, sum(count), count(*) FROM mentions WHERE entity = ? GROUP BY entity",
                                   (entity,))
        return {e: (n, a) for e, n, a in rows}

    def articles_mentioning(self, entity: str) -> list[str]:
        """The ids of the articles that mention `entity`, newest first."""
        return [aid for (aid,) in self.db.execute("SELECT article FROM mentions WHERE entity = ? ORDER BY ord", (entity,))]

    def entity_spans(self) -> dict[str, tuple[str, str]]:
        """{entity: ids of the earliest and the latest dated article that mention it}."""
        # Two seeks in `mentions_order` per entity, not a pass over every mention of the archive.
        return {e: (oldest.split(" ", 1)[1], newest.split(" ", 1)[1]) for e, newest, oldest in self.db.execute(
            "SELECT s.entity, "
            "(SELECT ord FROM mentions m WHERE m.entity = s.entity AND m.year IS NOT NULL ORDER BY m.ord LIMIT 1), "
            "(SELECT ord FROM mentions m WHERE m.entity = s.entity AND m.year IS NOT NULL ORDER BY m.ord DESC LIMIT 1) "
            "FROM entity_sums s ORDER BY s.entity") if newest is not None}

    def first_titles(self) -> dict[str, list[str]]:
        """{entity: its titles as written, in order of first (dated) use}."""
        rows = sorted(self.db.execute("SELECT entity, title, min(date) FROM titles GROUP BY entity, title"),
                      key=lambda r: (r[0], r[2] or "9999", r[1]))
        out: dict[str, list[str]] = {}
        for entity, title, _ in rows:
            out.setdefault(entity, []).append(title)
        return out

    def mention_buckets(self, entity: str) -> list[tuple]:
        """(year, month, articles, mentions) of an entity's mentions by publication, newest first."""
        return list(self.db.execute(
            "SELECT year, month, count(*), sum(count) FROM mentions WHERE entity = ? GROUP BY year, month "
            "ORDER BY year IS NULL, year DESC, month DESC", (entity,)))

    def mention_weights(self, entity: str, year: int | None, month: int) -> list[int]:
        """How many mentions each article of a publication bucket makes of `entity`, newest first."""
        where, args = self._period_where(year, None if year is None else month, "AND")
        return [n for (n,) in self.db.execute(f"SELECT count FROM mentions WHERE entity = ? {where} ORDER BY ord",
                                             [entity, *args])]

    def mention_blocks(self, entity: str, year=False, month=None, limit=None, offset=0) -> list[str]:
        where, args = self._period_where(year, month, "AND")
        where = where.replace("year", "m.year").replace("month", "m.month")
        sql = ("SELECT b.html FROM mentions m JOIN mention_blocks b ON b.entity = m.entity AND b.article = m.article "
               f"WHERE m.entity = ? {where} ORDER BY m.ord")
        args = [entity, *args]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [html for (html,) in self.db.execute(sql, args)]

    def titles_seen(self, entity: str) -> list[tuple[str, list[str], int]]:
        """(title, ids of the first `TITLE_ARTICLES` articles that write it, newest first, how many do)
        for an entity, titles in order of first dated use."""
        by_title: dict[str, list] = {}  # each (entity, title, article) is one row
        for title, aid, date in self.db.execute(
                "SELECT title, article, date FROM titles WHERE entity = ? ORDER BY ord, seq", (entity,)):
            seen = by_title.setdefault(title, [[], 0, "9999"])
            if len(seen[0]) < TITLE_ARTICLES:
                seen[0].append(aid)
            seen[1] += 1
            if date and date < seen[2]:
                seen[2] = date
        ordered = sorted(by_title.items(), key=lambda kv: (kv[1][2], kv[0]))
        return [(title, ids, n) for title, (ids, n, _) in ordered]

    def ties_of(self, entity: str) -> list[tuple[str, int]]:
        return list(self.db.execute("SELECT b, n FROM ties WHERE a = ? AND n > 0 UNION ALL "
                                    "SELECT a, n FROM ties WHERE b = ? AND n > 0", (entity, entity)))

    def all_ties(self) -> list[tuple[str, str, int]]:
        return list(self.db.execute("SELECT a, b, n FROM ties WHERE n > 0"))

    def timeline_counts(self) -> dict[str, int]:
        """{entity: entries on its own timeline}."""
        return dict(self.db.execute("SELECT entity, entries FROM entity_sums WHERE entries > 0"))

    # --- reading: the timeline ----------------------------------------------------------------

    def timeline_buckets(self, entity: str | None = None) -> list[tuple]:
        """(year, month, entries) in the timeline's order; of the site, or of one entity's own timeline."""
        if entity is None:
            return list(self.db.execute("SELECT year, month, entries FROM timeline_sums WHERE entries > 0 "
                                        "ORDER BY year, month"))
        return list(self.db.execute("SELECT year, month, count(*) FROM entity_timeline WHERE entity = ? "
                                    "GROUP BY year, month ORDER BY year, month", (entity,)))

    def timeline_items(self, entity: str | None = None) -> list[dict]:
        """Every entry of the site's timeline (or of an entity's own) in order, as a dict of its columns
        (the layout left out): for tests and tools."""
        names = ["anchor", "article", "sort", "year", "month", "value", "scheduled", "entities", "text", "sentence"]
        columns = ", ".join([f"t.{c}" for c in names[:-1]] + ["x.sentence"])
        if entity is None:
            rows = self.db.execute(f"SELECT {columns} FROM timeline t JOIN timeline_texts x ON x.anchor = t.anchor "
                                   "ORDER BY t.sort")
        else:
            rows = self.db.execute(f"SELECT {columns} FROM entity_timeline e JOIN timeline t ON t.anchor = e.anchor "
                                   "JOIN timeline_texts x ON x.anchor = t.anchor WHERE e.entity = ? ORDER BY e.sort",
                                   (entity,))
        return [dict(zip(names, row)) for row in rows]

    def timeline_count(self) -> int:
        return self.db.execute("SELECT coalesce(sum(entries), 0) FROM timeline_sums").fetchone()[0]

    def timeline_entries(self, year=False, month=None, limit=None, offset=0, entity: str | None = None) -> list[tuple]:
        """(sort, html, entities, year, month) of timeline entries in order; of a period, of an entity."""
        where, args = self._period_where(year, month, "AND")
        if entity is None:
            where = where.replace("year", "t.year").replace("month", "t.month")
            sql = ("SELECT t.sort, x.html, t.entities, t.year, t.month FROM timeline t "
                   f"JOIN timeline_texts x ON x.anchor = t.anchor WHERE 1 {where} ORDER BY t.sort")
        else:
            where = where.replace("year", "e.year").replace("month", "e.month")
            sql = ("SELECT t.sort, x.html, t.entities, t.year, t.month FROM entity_timeline e "
                   "JOIN timeline t ON t.anchor = e.anchor JOIN timeline_texts x ON x.anchor = e.anchor "
                   f"WHERE e.entity = ? {where} ORDER BY e.sort")
            args = [entity, *args]
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return list(self.db.execute(sql, args))

    def timeline_cuts(self) -> dict[tuple[int, int], list]:
        """{(year, month): the cut a build made of that bucket of the site's timeline (`keep_timeline_cuts`)}
        for each bucket whose entries have not changed since."""
        return {(year, month): json.loads(cut) for year, month, cut in self.db.execute(
            "SELECT year, month, cut FROM timeline_sums WHERE cut IS NOT NULL")}

    def keep_timeline_cuts(self, cuts: dict[tuple[int, int], list]) -> None:
        """Remember how buckets of the site's timeline were cut, until their entries change."""
        self.db.executemany("UPDATE timeline_sums SET cut = ? WHERE year = ? AND month = ?",
                            [(json.dumps(cut), year, month) for (year, month), cut in sorted(cuts.items())])

    def bucket_keys(self, year: int, month: int, entity: str | None = None) -> list[str]:
        """The sort key of every entry of a bucket of the site's timeline (or of an entity's own), in order."""
        if entity is None:
            rows = self.db.execute("SELECT sort FROM timeline WHERE year = ? AND month = ? ORDER BY sort",
                                   (year, month))
        else:
            rows = self.db.execute("SELECT sort FROM entity_timeline WHERE entity = ? AND year = ? AND month = ? "
                                   "ORDER BY sort", (entity, year, month))
        return [k for (k,) in rows]

    def entries_between(self, first: int, last: int, longest: int) -> list[tuple]:
        """(sort, anchor, article, value, year, month, scheduled, sentence, first, last, precision) of the
        entries that overlap the days `first`..`last` (ordinals) and span at most `longest` days, in the
        timeline's order."""
        # `timeline_span` (last, first): only the entries that end on or after `first` are read.
        return list(self.db.execute(
            "SELECT t.sort, t.anchor, t.article, t.value, t.year, t.month, t.scheduled, x.sentence, t.first, t.last, "
            "t.precision FROM timeline t JOIN timeline_texts x ON x.anchor = t.anchor "
            "WHERE t.last >= ? AND t.first <= ? AND t.last - t.first <= ? ORDER BY t.sort", (first, last, longest)))

    def value_counts(self) -> dict[str, int]:
        """{ISO value: articles with an entry for it}."""
        return dict(self.db.execute("SELECT value, articles FROM value_sums WHERE articles > 0 ORDER BY value"))

    def entity_buckets(self, entity: str) -> list[tuple[int, int]]:
        """The buckets of the site's timeline that hold an entry naming `entity`."""
        return list(self.db.execute("SELECT DISTINCT year, month FROM entity_timeline WHERE entity = ?", (entity,)))

    def piece_texts(self, article_id: str) -> tuple[dict[str, str], dict[str, str]]:
        """An article's laid-out pieces: ({entity: its block's HTML}, {anchor: its entry's HTML})."""
        blocks = dict(self.db.execute("SELECT entity, html FROM mention_blocks WHERE article = ?", (article_id,)))
        entries = dict(self.db.execute("SELECT t.anchor, x.html FROM timeline t JOIN timeline_texts x "
                                       "ON x.anchor = t.anchor WHERE t.article = ?", (article_id,)))
        return blocks, entries

    def bucket_entries(self, year: int, month: int) -> list[tuple[str, str]]:
        """(sort key, article) of every entry of one bucket of the site's timeline, in order."""
        return list(self.db.execute("SELECT sort, article FROM timeline WHERE year = ? AND month = ? ORDER BY sort",
                                    (year, month)))

    def articles_dated_in(self, year: int, month: int) -> list[str]:
        return [aid for (aid,) in self.db.execute(
            "SELECT DISTINCT article FROM timeline WHERE year = ? AND month = ? ORDER BY article", (year, month))]

    def dated_articles(self) -> list[str]:
        return [aid for (aid,) in self.db.execute("SELECT id FROM articles WHERE entries > 0 ORDER BY id")]

    def timeline_markdown(self, year: int) -> list[str]:
        return [md for (md,) in self.db.execute("SELECT x.markdown FROM timeline t JOIN timeline_texts x "
                                                "ON x.anchor = t.anchor WHERE t.year = ? ORDER BY t.sort", (year,))]

    def timeline_years(self) -> list[tuple[int, int]]:
        return list(self.db.execute("SELECT year, sum(entries) FROM timeline_sums WHERE entries > 0 GROUP BY year "
                                    "ORDER BY year"))

