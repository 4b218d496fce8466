"""Reach: which pages a change can alter, so that a rebuild renders those and no other.

A rebuild knows what changed — the articles whose record it made again or
removed, the registry entities whose page record differs — and, from the
store, what each of those articles stood on before and after (`Touched`):
its entities and the publication period of its mentions, the buckets of its
dates on the site's timeline and on each entity's own. From that and from the
*shapes* of the last build (which URLs each cut listing had, and where the
pages of a bucket cut by count started), `reach` says, family by family,
which pages to render: the article's page; the first page of each entity it
names and the pages of its periods; the timeline pages of its dates; the
site-wide pages. When a cut changed shape (a year grew into months, a bucket
gained a page), every page of that listing is rendered, and every article
with a date in a bucket whose pages moved is treated as changed too, since
its date links now point elsewhere.

Rendering a page that turns out unchanged costs time, not correctness: the
publish stage writes only files whose bytes differ. Missing a page would be
wrong, and the tests compare every rebuild with a clean build, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from builder.engine.store import SiteStore
from builder.model import Entity
from builder.site.pages import GLOBAL_FAMILIES, PageFamily, SitePages

NOTHING = {"summary": None, "published": None, "blocks": {}, "entries": {}, "ties": {}}


@dataclass
class Touched:
    """What the changed articles changed: the pieces of theirs that differ before and after."""

    articles: set[str] = field(default_factory=set)  # ids whose own page (and data files) change
    entities: dict[str, set] = field(default_factory=dict)  # entity -> publication buckets of changed blocks
    own: dict[str, set] = field(default_factory=dict)  # entity -> buckets of changed entries of its own timeline
    fronts: set[str] = field(default_factory=set)  # entities whose first page changes
    buckets: set = field(default_factory=set)  # (year, month) of the site's timeline with a changed entry
    published: set = field(default_factory=set)  # (year, month) of publication of articles whose listing entry changed
    years: set = field(default_factory=set)  # years of content/timeline/ with a changed line
    removed: set[str] = field(default_factory=set)

    def change(self, before: dict, after: dict) -> None:
        """Note what differs between an article's pieces before and after (`SiteStore.pieces`;
        `NOTHING` for an article that is new, or gone)."""
        named = before["blocks"].keys() | after["blocks"].keys()
        if before["summary"] != after["summary"]:  # its title or date: shown on its entities' first pages
            self.fronts |= named
            # and in the article listing, on the pages of its publication period (before and after)
            self.published |= {side for side in (before["published"], after["published"]) if side is not None}
        for entity in named:
            old, new = before["blocks"].get(entity), after["blocks"].get(entity)
            if old != new:
                self.fronts.add(entity)
                for side in (old, new):
                    if side is not None:
                        self.entities.setdefault(entity, set()).add(side[:2])
        for anchor in before["entries"].keys() | after["entries"].keys():
            old, new = before["entries"].get(anchor), after["entries"].get(anchor)
            if old == new:
                continue
            for side in (old, new):
                if side is None:
                    continue
                year, month, _, entities = side
                self.buckets.add((year, month))
                self.years.add(year)
                for entity in entities:
                    self.own.setdefault(entity, set()).add((year, month))
                    self.fronts.add(entity)
        for pair in before["ties"].keys() | after["ties"].keys():
            if before["ties"].get(pair) != after["ties"].get(pair):
                self.fronts.update(pair)

    @property
    def anything(self) -> bool:
        return bool(self.articles or self.removed)


def entity_digests(entities: dict[str, Entity]) -> dict[str, str]:
    """A hash of everything an entity's registry page says (notes and summary included), by id."""
    return {eid: hashlib.blake2b(repr(sorted(vars(e).items())).encode(), digest_size=12).hexdigest()
            for eid, e in sorted(entities.items())}


def timeline_shape(pages: SitePages, buckets: set | None, last: dict) -> dict[str, list]:
    """{"year-month": [page URLs, first keys of pages 2, 3, …]} of every bucket of the site's timeline.

    The first keys are worked out only for `buckets` (None: all): a bucket whose entries did not change
    keeps the ones of the last build.
    """
    place = pages.site.timeline
    shape = {}
    for year, month, _ in pages.site.store.timeline_buckets():
        name = f"{year}-{month}"
        periods = place.cut.bucket_pages(year, month)
        urls = [p.url for p in periods]
        if len(periods) > 1:
            if buckets is None or (year, month) in buckets or name not in last or last[name][0] != urls:
                starts = pages.site.store.bucket_keys(year, month, periods[1].offset)
            else:
                starts = last[name][1]
        else:
            starts = []
        shape[name] = [urls, starts]
    return shape


def cut_shape(cut) -> str:
    """The URLs of a cut listing's period pages, as the store keeps them to compare with the next build's."""
    return json.dumps([p.url for p in cut.periods])


def entity_shape(pages: SitePages, entity_id: str) -> list[str]:
    """The URLs of an entity's pages: when they change, every page of it is rendered."""
    return [page.url for page in pages.family_pages(PageFamily("entity", entity_id))]


def reach(pages: SitePages, touched: Touched, changed_entities: set[str], store: SiteStore,
          tampered: list[str]) -> dict[PageFamily, set[str] | None]:
    """{family: the URLs of its pages to render (None: all of them)}; see the module docstring."""
    site = pages.site
    last_timeline = json.loads(store.get_meta("timeline_shape") or "{}")
    last_entities = json.loads(store.get_meta("entity_pages") or "{}")
    for eid in sorted(changed_entities):
        # Its name is shown in the filter of every timeline page that lists an entry naming it.
        touched.buckets |= set(store.entity_buckets(eid))
    shape = timeline_shape(pages, touched.buckets, last_timeline)
    moved = {name for name in set(shape) | set(last_timeline) if shape.get(name) != last_timeline.get(name)}
    for name in sorted(moved):
        year, month = (int(part) for part in name.split("-"))
        for aid in store.articles_dated_in(year, month):
            if aid not in touched.articles and site.store.summary(aid) is not None:
                # Its dates link to pages that moved: every piece of it is shown anew.
                touched.articles.add(aid)
                touched.change(NOTHING, store.pieces(aid))
    wanted: dict[PageFamily, set[str] | None] = {family: None for family in GLOBAL_FAMILIES}
    for aid in touched.articles:
        if site.store.summary(aid) is not None:
            wanted[PageFamily("article", aid)] = None
    # The article listing: its first page and those of the periods touched; all of it if its cut changed.
    article_cut = site.article_cut
    if store.get_meta("article_periods") == cut_shape(article_cut):
        urls = {"articles/"}
        for year, month in touched.published:
            urls |= article_cut.pages_for(year, month)
        wanted[PageFamily("articles")] = urls
    # The timeline: its first page, and the pages of the buckets touched; all of it if its cut changed.
    cut = site.timeline.cut
    if store.get_meta("timeline_periods") != cut_shape(cut):
        wanted[PageFamily("timeline")] = None
    elif touched.buckets or touched.anything:
        urls = {"timeline/"}
        for year, month in touched.buckets:
            urls |= cut.pages_for(year, month)
        wanted[PageFamily("timeline")] = urls
    # Each entity: its first page, and its periods the change falls in; all its pages if a cut changed.
    for eid in sorted(touched.fronts | set(touched.entities) | set(touched.own) | changed_entities):
        if eid not in site.entities:
            continue
        family = PageFamily("entity", eid)
        if eid in changed_entities or last_entities.get(eid) != entity_shape(pages, eid):
            wanted[family] = None
            continue
        mentions, own = pages.entity_cuts(eid)
        urls = {mentions.base.rsplit("mentions/", 1)[0]}
        for year, month in touched.entities.get(eid, ()):
            urls |= mentions.pages_for(year, month)
        for year, month in touched.own.get(eid, ()):
            urls |= own.pages_for(year, month)
        wanted[family] = urls
    # An entity named alongside a renamed (or otherwise edited) one shows its name on its first page.
    for eid in sorted(changed_entities):
        for other, _ in store.ties_of(eid):
            if other in site.entities and PageFamily("entity", other) not in wanted:
                mentions, _ = pages.entity_cuts(other)
                wanted[PageFamily("entity", other)] = {mentions.base.rsplit("mentions/", 1)[0]}
    # Files edited by hand in site/: their whole family is rendered, so they are written again.
    for path in tampered:
        family = family_of(path)
        if family is not None:
            wanted[family] = None
    return wanted


def remember_shapes(pages: SitePages, store: SiteStore, entities: list[str] | None, touched: Touched | None) -> None:
    """Keep this build's shapes for the next one: the timeline's, and those of `entities` (None: all)."""
    last = json.loads(store.get_meta("timeline_shape") or "{}")
    store.set_meta("timeline_periods", cut_shape(pages.site.timeline.cut))
    store.set_meta("article_periods", cut_shape(pages.site.article_cut))
    store.set_meta("timeline_shape", json.dumps(timeline_shape(pages, None if touched is None else touched.buckets,
                                                               last)))
    shapes = {} if entities is None else json.loads(store.get_meta("entity_pages") or "{}")
    for eid in (sorted(pages.site.entities) if entities is None else entities):
        if eid in pages.site.entities:
            shapes[eid] = entity_shape(pages, eid)
    store.set_meta("entity_pages", json.dumps({eid: shapes[eid] for eid in sorted(shapes) if eid in pages.site.entities}))


def known_entity_pages(store: SiteStore) -> dict[str, list[str]]:
    """The URLs of each entity's pages as the last build had them (its `remember_shapes`)."""
    return json.loads(store.get_meta("entity_pages") or "{}")


def family_of(path: str) -> PageFamily | None:
    """The family of the page at output path `path`, when it is one a rebuild can pick out."""
    from builder.model import ENTITY_KINDS

    parts = path.split("/")
    if parts[0] == "articles" and len(parts) == 3:
        return PageFamily("article", parts[1])
    if parts[0] in {k.folder for k in ENTITY_KINDS.values()} and len(parts) >= 3:
        return PageFamily("entity", parts[1])
    if parts[0] == "timeline":
        return PageFamily("timeline")
    return None
