"""Reach: which pages a change can alter, so that a rebuild renders those and no other.

A rebuild knows what changed — the articles whose record it made again or removed, the registry
entities whose page differs — and, from the store, what each of those articles stood on before and
after (`builder.records.Touched`): its entities and the publication period of its mentions, the
buckets of its dates on the site's timeline and on each entity's own. `reach` completes that picture
(an edited entity shows in the timeline's filters; an article whose dates now link to a timeline page
that moved is shown anew) and then asks each family of pages (`builder.site.families`) which of its
pages it reaches. A family whose *shape* (its page URLs) is not the one the last build remembered is
rendered whole.

Rendering a page that turns out unchanged costs time, not correctness: the publish stage writes only
files whose bytes differ. Missing a page would be wrong, and the tests compare every rebuild with a
clean build, byte for byte.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right

from builder.engine.store import SiteStore
from builder.model import Entity
from builder.records import Touched
from builder.site.families.base import PageFamily
from builder.site.pages import FAMILIES, SitePages
from builder.site.templating import DATE_CLOSE, DATE_OPEN


def entity_digests(entities: dict[str, Entity]) -> dict[str, str]:
    """A hash of everything an entity's registry page says (notes and summary included), by id."""
    return {eid: hashlib.blake2b(repr(sorted(vars(e).items())).encode(), digest_size=12).hexdigest()
            for eid, e in sorted(entities.items())}


def timeline_links(pages: SitePages) -> dict[str, list]:
    """{"year-month": [page URLs, first keys of pages 2, 3, …]} of every bucket of the site's timeline:
    where each date links to (the cut keeps the first keys; `SiteView.timeline`)."""
    place = pages.site.timeline
    shape = {}
    for year, month, _ in pages.site.store.timeline_buckets():
        shape[f"{year}-{month}"] = [[p.url for p in place.cut.bucket_pages(year, month)], place.start_keys(year, month)]
    return shape


def relinked(store: SiteStore, bucket: str, before: list | None, after: list | None) -> dict[str, set[str]]:
    """{article: the link markers of its entries} for each article with an entry in `bucket`
    ("year-month") whose link now points to another page than it did: the bucket's [page URLs, first
    keys of pages 2, 3, …] `before` and `after` (`timeline_links`).

    An entry added to a bucket cut into numbered pages moves one entry across each later page break,
    not the bucket's hundreds; only their articles show another link. A bucket whose pages are not
    its own on one side (kept whole in its year's page) is counted as moved whole."""
    year, month = (int(part) for part in bucket.split("-"))
    rows = store.bucket_entries(year, month)
    whole = not before or not after or not before[0] or not after[0]

    def page(shape: list, sort: str) -> str:
        urls, starts = shape
        return urls[bisect_right(starts, sort)]

    moved: dict[str, set[str]] = {}
    for sort, article in rows:
        if whole or page(before, sort) != page(after, sort):
            moved.setdefault(article, set()).add(f"{DATE_OPEN}{year}:{month}:{sort}{DATE_CLOSE}")
    return moved


def rebounded(before: list | None, after: list | None) -> set[str]:
    """The pages of a bucket whose first or last entry is another than it was: the bucket's [page URLs,
    first keys of pages 2, 3, …] `before` and `after` (`timeline_links`). A page that is new, or gone,
    is one of them."""
    def bounds(shape: list | None) -> dict[str, tuple]:
        if not shape:
            return {}
        urls, starts = shape
        edges = [None, *starts, None]
        return {url: (edges[i], edges[i + 1]) for i, url in enumerate(urls)}

    old, new = bounds(before), bounds(after)
    return {url for url in old.keys() | new.keys() if old.get(url) != new.get(url)}


def _holds_any(html: str, markers: set[str]) -> bool:
    return DATE_OPEN in html and any(marker in html for marker in markers)


def reach(pages: SitePages, touched: Touched, changed_entities: set[str], store: SiteStore,
          tampered: list[str]) -> dict[PageFamily, set[str] | None]:
    """{family: the URLs of its pages to render (None: all of them)}; see the module docstring."""
    touched.registry |= changed_entities
    for eid in sorted(changed_entities):
        # Its name is shown in the filter of every timeline page that lists an entry naming it.
        named_in = set(store.entity_buckets(eid))
        touched.buckets |= named_in
        touched.relisted |= named_in
    last_links = store.meta.timeline_links
    links = timeline_links(pages)
    moved = {name for name in set(links) | set(last_links) if links.get(name) != last_links.get(name)}
    markers: dict[str, set[str]] = {}
    for name in sorted(moved):
        touched.timeline_pages |= rebounded(last_links.get(name), links.get(name))
        for aid, found in relinked(store, name, last_links.get(name), links.get(name)).items():
            markers.setdefault(aid, set()).update(found)
    for aid in sorted(markers):
        if aid not in touched.articles and store.summary(aid) is not None:
            # A date of it links to a page that moved: its page, and each block and entry of it that
            # holds such a link, are shown anew; its other pieces are as they were.
            touched.articles.add(aid)
            pieces = store.pieces(aid)
            blocks, entries = store.piece_texts(aid)
            linked = {**pieces, "ties": {},
                      "blocks": {e: v for e, v in pieces["blocks"].items() if _holds_any(blocks.get(e, ""), markers[aid])},
                      "entries": {a: v for a, v in pieces["entries"].items()
                                  if _holds_any(entries.get(a, ""), markers[aid])}}
            touched.show_anew({**linked, "blocks": {}, "entries": {}}, linked)
    last_shapes = store.family_shapes()
    wanted: dict[PageFamily, set[str] | None] = {}
    for cls in FAMILIES:
        keys = cls.concerned(pages, touched)
        for family in cls.every(pages) if keys is None else [cls(pages, key) for key in keys]:
            shape = family.shape()
            if shape is not None and last_shapes.get((family.kind, family.key)) != shape:
                wanted[family.identity] = None
                continue
            urls = family.reached(touched)
            if urls is None or urls:
                wanted[family.identity] = urls
    # Files edited by hand in site/: their whole family is rendered, so they are written again.
    for path in tampered:
        for cls in FAMILIES:
            key = cls.owning(pages, path)
            if key is not None:
                wanted[PageFamily(cls.kind, key)] = None
                break
    return wanted


def unchanged_families(store: SiteStore, touched: Touched, changed_entities: set[str]) -> dict[PageFamily, list[str]]:
    """The URLs of the pages of each family no change can reach, as the last build remembered them: the
    site's page list without working out the periods of thousands of entities."""
    concerned = set(changed_entities)
    concerned |= touched.fronts | set(touched.entities) | set(touched.own)
    return {PageFamily(kind, key): shape for (kind, key), shape in store.family_shapes().items()
            if kind == "entity" and key not in concerned}


def remember_shapes(pages: SitePages, store: SiteStore, families: list[PageFamily] | None) -> None:
    """Keep this build's shapes for the next one: those of `families` (None: every family) and where the
    timeline's dates link; forget the families that are gone."""
    store.meta.timeline_links = timeline_links(pages)
    every = pages.families()
    if families is None:
        store.db.execute("DELETE FROM family_shapes")
        families, gone = every, []
    else:
        present = set(every)
        # As (kind, key) pairs, which the store takes (a PageFamily is not one).
        gone = [(identity.kind, identity.key) for identity in map(lambda f: PageFamily(*f), store.family_shapes())
                if identity not in present]
    store.set_family_shapes({(f.kind, f.key): pages.family(f).shape() for f in families}, gone)
