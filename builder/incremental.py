"""Render stage, incremental: a key per page from everything the page shows, so that a rebuild
renders only the pages whose key changed and takes the others from the previous site.

A page's key hashes our code and templates, the base URL, the page's URL, title and template,
and its context, walked by `_Keys`: an article by its text, blocks, mentions, the names of the
entities it links to and the timeline pages its dates link to; an entity by its registry record;
an entity's index by what its page says of it (counts, first and last article, titles,
co-mentions); a timeline entry by its article and mention. A value of a type the walk does not
know makes the page "always render" (a new kind of context can never be served stale).

The keys of the last build are kept in the cache folder (`pages.json`), with each file's size
and modification time: a page is reused only when its key is unchanged and its file in `site/`
is still the one that build wrote. It is hard-linked into the new site (which is still built
beside the old one and swapped in whole), so reuse costs no copy and the old site stays intact
until the swap.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .collect import EntityIndex, Occurrence, Sentence, TimelineEntry
from .model import Article, DatePoint, DateValue, Entity, EntityKind, Mention
from .render import Deferred, MonthGroup, Page, Pager, Renderer, TimelinePage, mention_target
from .state import code_and_template_files

MANIFEST = "pages.json"


class _Unkeyable(Exception):
    """The page's context holds something the walk does not know: render it every time."""


def code_fingerprint(templates: Path) -> str:
    """Hash of our code and the templates: any change to either renders every page again."""
    digest = hashlib.blake2b(digest_size=16)
    for path in code_and_template_files(templates):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class _Keys:
    """Walks page contexts into strings; an article's or an entity's part is worked out once."""

    def __init__(self, renderer: Renderer):
        self.renderer = renderer
        self.entities = {eid: index.entity for eid, index in renderer.site.entities.items()}
        self._articles: dict[int, str] = {}
        self._entities: dict[int, str] = {}
        self._shared: dict[int, str] = {}

    def article(self, article: Article) -> str:
        key = self._articles.get(id(article))
        if key is None:
            resolve = self.renderer.resolve
            dates = [resolve(mention_target(article, m)) for m in article.mentions if m.type == "date"]
            named = sorted({m.entity for m in article.mentions if m.entity})
            key = self._articles[id(article)] = _digest(repr((
                article.source_file, article.title, article.title_derived, article.date, article.dateline,
                article.source, article.body, article.blocks, article.mentions, article.id, dates,
                [self.entity(self.entities[eid]) for eid in named if eid in self.entities])))
        return key

    def entity(self, entity: Entity) -> str:
        key = self._entities.get(id(entity))
        if key is None:
            key = self._entities[id(entity)] = _digest(repr(sorted(vars(entity).items())))
        return key

    def value(self, value) -> str:
        if value is None or isinstance(value, (str, int, float, bool)):
            return repr(value)
        if isinstance(value, (list, tuple)):
            return "[" + ",".join(self.value(v) for v in value) + "]"
        if isinstance(value, dict):
            return "{" + ",".join(f"{k!r}:{self.value(v)}" for k, v in sorted(value.items())) + "}"
        if isinstance(value, Article):
            return "A" + self.article(value)
        if isinstance(value, Entity):
            return "E" + self.entity(value)
        if isinstance(value, (Mention, DatePoint, DateValue, EntityKind)):
            return repr(value)
        if isinstance(value, (Sentence, Occurrence, TimelineEntry, EntityIndex)):
            # Shared by many pages (an entry by the timeline and each entity it names): worked out once.
            key = self._shared.get(id(value))
            if key is None:
                key = self._shared[id(value)] = self._shared_value(value)
            return key
        if isinstance(value, Pager):
            return self.value(["pager", value.number, value.urls, value.labels])
        if isinstance(value, TimelinePage):
            return self.value(["period", value.url, value.title, value.year, value.months, value.entries])
        if isinstance(value, MonthGroup):
            return self.value(["month", value.anchor, value.label, value.datetime, value.entries])
        if isinstance(value, Deferred):
            raise _Unkeyable("worked out at render time")
        raise _Unkeyable(type(value).__name__)

    def _shared_value(self, value) -> str:
        if isinstance(value, Sentence):
            return f"S{self.article(value.article)}:{value.start}:{value.end}"
        if isinstance(value, Occurrence):
            return f"O{self.article(value.article)}:{value.mention.start}:{value.sentence.start}"
        if isinstance(value, TimelineEntry):
            return f"T{self.value(value.occurrence)}:{value.scheduled}:{value.entity_ids}"
        span = value.first_and_last
        return "I" + _digest(self.value([value.entity, len(value.occurrences), len(value.articles),
                                         list(span) if span else None, value.titles_seen, value.co_mentions]))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def page_keys(renderer: Renderer, pages: list[Page], code: str) -> dict[str, str]:
    """{output path: key} for every page whose context can be keyed (the others are left out)."""
    walk = _Keys(renderer)
    keys = {}
    for page in pages:
        try:
            context = walk.value(page.context)
        except _Unkeyable:
            continue
        keys[page.output_path] = _digest("\0".join([code, renderer.base_url, page.url, page.template, page.title,
                                                     context]))
    return keys


def load_manifest(cache: Path | None, out: Path) -> dict[str, list]:
    """The last build's {output path: [key, size, mtime_ns]} for `out`, or {} if there is none."""
    if cache is None:
        return {}
    try:
        data = json.loads((Path(cache) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("pages", {}) if data.get("out") == str(Path(out).resolve()) else {}


def reuse_unchanged(keys: dict[str, str], manifest: dict[str, list], out: Path, staging: Path) -> set[str]:
    """Hard-link into `staging` each page of `out` whose key is the last build's and whose file is
    still what that build wrote; returns the output paths reused."""
    reused = set()
    for path, key in keys.items():
        last = manifest.get(path)
        if not last or last[0] != key:
            continue
        old = Path(out) / path
        try:
            stat = old.stat()
            if [stat.st_size, stat.st_mtime_ns] != last[1:]:
                continue
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(old, target)
        except OSError:
            continue
        reused.add(path)
    return reused


def save_manifest(cache: Path | None, out: Path, keys: dict[str, str]) -> None:
    """Record each keyed page's key with the size and mtime of its file as now in `out`."""
    if cache is None:
        return
    pages = {}
    for path, key in sorted(keys.items()):
        try:
            stat = (Path(out) / path).stat()
        except OSError:
            continue
        pages[path] = [key, stat.st_size, stat.st_mtime_ns]
    Path(cache).mkdir(parents=True, exist_ok=True)
    target = Path(cache) / MANIFEST
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps({"out": str(Path(out).resolve()), "pages": pages}), encoding="utf-8")
    os.replace(temporary, target)
