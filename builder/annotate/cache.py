"""Annotation cache: the annotate stage's results, kept by the hash of its inputs.

Annotation is a pure function of (body text, registry, publication date) and
of our code. Each result is stored under
`key = hash(code version, reference day, body)` together with the
fingerprint of the registry it was computed with. On the next build:

- same key, same registry: the stored mentions are used as they are;
- same key, another registry: the result still holds unless the article can
  see the change. An article depends on an entity only through text that
  contains one of the entity's names or aliases (a short form such as
  `PM Chính` is resolved only in an article that names the person in full:
  `builder.annotate.people`), so the build lists the folded, junction-free *keys* of
  every form, old and new, of every entity that was added, removed or edited,
  and re-annotates only the articles whose folded body contains one of them;
- no key: the article is annotated.

The code version is the hash of the annotate stage's source files, so
changing a rule invalidates everything without anyone remembering to bump a
number. Its tables (`annotations`, `dates`, `registries`) live in the SQLite file the build keeps
everything in, written inside the build's one transaction: no file per article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pickle
import re
import sqlite3
from pathlib import Path

from builder.ingest.registry import Registry
from builder.model import Entity, Mention
from builder.text import fold, form_tokens

# The code that decides an article's mentions: the annotate and dates packages, and the shared text and model.
_PACKAGE = Path(__file__).resolve().parent.parent
_ANNOTATION_CODE = ("annotate/*.py", "dates/*.py", "text.py", "model.py")
_COMMIT_EVERY = 500
_JUNCTIONS = re.compile(r"[\s\-'\"]+")


def code_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for pattern in _ANNOTATION_CODE for p in _PACKAGE.glob(pattern)):
        name = path.relative_to(_PACKAGE).as_posix()
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _entity_record(entity: Entity) -> str:
    """Everything about an entity that annotation may read (notes and summary are for pages only)."""
    return json.dumps([entity.id, entity.type, entity.name, entity.aliases, entity.country, entity.titles,
                       entity.status, sorted(entity.extra.items(), key=str)], ensure_ascii=False, default=str)


def entity_fingerprints(registry: Registry) -> dict[str, list]:
    """Per entity: [hash of what annotation may read, keys of its forms]."""
    if _LAST_FINGERPRINTS and _LAST_FINGERPRINTS[0] is registry:
        return _LAST_FINGERPRINTS[1]
    fingerprints = {eid: [hashlib.sha256(_entity_record(e).encode()).hexdigest()[:16], entity_keys(e)]
                    for eid, e in sorted(registry.entities.items())}
    _LAST_FINGERPRINTS[:] = [registry, fingerprints]
    return fingerprints


# The last registry's fingerprints: a build asks for them several times (plan, discovery, the
# annotation cache, the record), and a registry, once loaded, is not changed.
_LAST_FINGERPRINTS: list = []


def registry_fingerprint(fingerprints: dict[str, list]) -> str:
    return hashlib.sha256(json.dumps(sorted(fingerprints.items())).encode()).hexdigest()[:16]


def squeeze(text: str) -> str:
    """Folded text without junctions: a form can only match where its key is a substring of this."""
    return _JUNCTIONS.sub("", fold(text))


def entity_keys(entity: Entity) -> list[str]:
    """The keys of every surface form (name and aliases) of `entity`."""
    return sorted({key for form in [entity.name, *entity.aliases] if (key := "".join(form_tokens(form)))})


def article_key(body: str, reference: dt.date | None, version: str) -> str:
    digest = hashlib.sha256()
    digest.update(f"{version}\0{reference.isoformat() if reference else '-'}\0".encode())
    digest.update(body.encode("utf-8"))
    return digest.hexdigest()


class AnnotationCache:
    """Stored mentions by article key; see the module docstring for when they are reused."""

    def __init__(self, path: Path, registry: Registry, db: sqlite3.Connection | None = None):
        """`db`: the build's own connection to the file at `path`, whose transaction the stored results
        join (the parent's); without it, a read-only view that only looks results up (a worker's)."""
        self.path = Path(path)
        self.readonly = db is None
        self.db = sqlite3.connect(self.path, timeout=60, check_same_thread=False) if db is None else db
        self.registry = registry
        self.version = code_version()
        self.entities = entity_fingerprints(registry)
        self.fingerprint = registry_fingerprint(self.entities)
        if not self.readonly:
            self.db.execute("CREATE TABLE IF NOT EXISTS annotations (key TEXT PRIMARY KEY, registry TEXT, mentions BLOB)")
            self.db.execute("CREATE TABLE IF NOT EXISTS registries (fingerprint TEXT PRIMARY KEY, entities TEXT)")
            # An article's dates by the same key, whatever the registry: what a registry change reuses.
            self.db.execute("CREATE TABLE IF NOT EXISTS dates (key TEXT PRIMARY KEY, dates BLOB)")
            self.db.execute("INSERT OR IGNORE INTO registries VALUES (?, ?)",
                            (self.fingerprint, json.dumps(self.entities, sort_keys=True)))
        self._changed_keys: dict[str, list[str] | None] = {}
        self._pending: list[tuple[str, str, bytes]] = []
        self._pending_dates: list[tuple[str, bytes]] = []

    def key(self, body: str, reference: dt.date | None) -> str:
        return article_key(body, reference, self.version)

    def _keys_changed_since(self, old_fingerprint: str) -> list[str] | None:
        """Keys of the old and new forms of every entity that differs (None: that registry is unknown)."""
        if old_fingerprint not in self._changed_keys:
            try:
                row = self.db.execute("SELECT entities FROM registries WHERE fingerprint = ?",
                                      (old_fingerprint,)).fetchone()
            except sqlite3.OperationalError:
                row = None
            if row is None:
                self._changed_keys[old_fingerprint] = None
            else:
                old = json.loads(row[0])
                keys: set[str] = set()
                for eid in old.keys() | self.entities.keys():
                    before, after = old.get(eid), self.entities.get(eid)
                    if before != after:
                        keys.update((before or [None, []])[1], (after or [None, []])[1])
                self._changed_keys[old_fingerprint] = sorted(keys)
        return self._changed_keys[old_fingerprint]

    def get(self, key: str, body: str) -> list[Mention] | None:
        """The stored mentions for this article if they still hold for our registry, else None."""
        try:
            row = self.db.execute("SELECT registry, mentions FROM annotations WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no cache yet (a worker's first build)
            return None
        if row is None:
            return None
        registry, blob = row
        if registry != self.fingerprint:
            changed = self._keys_changed_since(registry)
            if changed is None:
                return None
            text = squeeze(body)
            if any(k in text for k in changed):
                return None
            if not self.readonly:
                self._pending.append((key, self.fingerprint, blob))
        return pickle.loads(blob)

    def dates(self, key: str) -> list[Mention] | None:
        """The dates found in the article with this key (before names took their spans), if stored."""
        try:
            row = self.db.execute("SELECT dates FROM dates WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return None
        return pickle.loads(row[0]) if row else None

    def put(self, key: str, mentions: list[Mention], dates: list[Mention] | None = None) -> None:
        self._pending.append((key, self.fingerprint, pickle.dumps(mentions, protocol=pickle.HIGHEST_PROTOCOL)))
        if dates is not None:
            self._pending_dates.append((key, pickle.dumps(dates, protocol=pickle.HIGHEST_PROTOCOL)))
        if len(self._pending) >= _COMMIT_EVERY:  # memory stays flat however many articles a build annotates
            self.commit()

    def commit(self) -> None:
        """Hand the results kept so far to the build's transaction (which commits them with its records)."""
        self.db.executemany("INSERT OR REPLACE INTO annotations VALUES (?, ?, ?)", self._pending)
        self.db.executemany("INSERT OR REPLACE INTO dates VALUES (?, ?)", self._pending_dates)
        self._pending.clear()
        self._pending_dates.clear()

    def close(self) -> None:
        if self.readonly:
            self.db.close()
