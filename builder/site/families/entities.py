"""The entities: each entity's pages (`people/<id>/`, its mentions and own timeline by period), and the
index of each kind (`people/`, `mechanisms/`, …)."""

from __future__ import annotations

from markupsafe import Markup

from builder.model import ENTITY_KINDS
from builder.records import Touched
from builder.site.collect import EntitySummary, TimelinePlace
from builder.site.families.base import (
    Family,
    Page,
    Pager,
    paginate,
    period_query,
    year_links,
)
from builder.site.periods import Cut, Period, page_urls
from builder.site.seo import entity_ld, json_ld
from builder.site.urls import (
    entity_mentions_url,
    entity_timeline_url,
    entity_url,
    listing_url,
)

# An entity whose mentions fill several pages shows its newest this many blocks on its first page.
LATEST_BLOCKS = 10
_FOLDERS = {kind.folder for kind in ENTITY_KINDS.values()}


class EntityFamily(Family):
    """One entity's pages: its front page (who or what it is, titles, ties, its latest mentions and
    timeline), then, when they do not fit there, its mentions and its own timeline by period."""

    kind = "entity"

    @classmethod
    def every(cls, pages) -> list[Family]:
        return [cls(pages, eid) for eid in sorted(pages.site.entities)]

    @classmethod
    def concerned(cls, pages, change: Touched) -> list[str]:
        """The entities the change named or whose registry page changed, and those named alongside one
        whose page changed (its name is shown on their front pages)."""
        site = pages.site
        keys = change.fronts | set(change.entities) | set(change.own) | change.registry
        for eid in sorted(change.registry):
            keys.update(other for other, _ in site.store.ties_of(eid))
        return sorted(eid for eid in keys if eid in site.entities)

    @classmethod
    def owning(cls, pages, path: str) -> str | None:
        parts = path.split("/")
        return parts[1] if parts[0] in _FOLDERS and len(parts) >= 3 and parts[1] in pages.site.entities else None

    @property
    def summary(self) -> EntitySummary:
        return self.site.entities[self.key]

    @property
    def url(self) -> str:
        return entity_url(self.summary.entity.type, self.key)

    def own_place(self) -> TimelinePlace:
        return self.site.own_timeline(self.key, entity_timeline_url(self.summary.entity.type, self.key))

    def cuts(self) -> tuple[Cut, Cut]:
        """Its mentions cut by publication period, and its own timeline cut by date."""
        return (self.site.mention_cut(self.key, entity_mentions_url(self.summary.entity.type, self.key)),
                self.own_place().cut)

    def reached(self, change: Touched) -> set[str] | None:
        """Its front page, and the periods of its mentions and own timeline the change falls in; all its
        pages when its registry page changed."""
        if self.key in change.registry:
            return None
        mentions, own = self.cuts()
        urls = {self.url}
        for year, month in change.entities.get(self.key, ()):
            urls |= mentions.pages_for(year, month)
        for year, month in change.own.get(self.key, ()):
            urls |= own.pages_for(year, month)
        return urls

    def pages(self) -> list[Page]:
        summary = self.summary
        entity = summary.entity
        first = self.url
        mentions, own = self.cuts()
        base_url = self.site_pages.templates.base_url
        pages = [Page(first, "entity.html", entity.name, lambda: self._front(summary, mentions, own),
                      lambda: json_ld(entity_ld(summary, base_url + first)))]
        for cut, what in ((mentions, "mentions"), (own, "timeline")):
            if cut.single:
                continue
            urls = [p.url for p in cut.periods]
            label = "Mentions" if what == "mentions" else "Timeline"
            labels = [f"{entity.name}: {label.lower()}, {p.label}" for p in cut.periods]
            for number, period in enumerate(cut.periods, start=1):
                pages.append(Page(period.url, "entity_period.html", labels[number - 1],
                                  lambda period=period, number=number, cut=cut, what=what, label=label, urls=urls,
                                  labels=labels: {
                                      "summary": summary, "e": entity, "what": what, "label": label, "period": period,
                                      "items": self._items(what, period), "periods": year_links(cut),
                                      "pager": Pager(number, urls, labels)}))
        return pages

    def _items(self, what: str, period: Period) -> list[Markup]:
        year, month, limit, offset = period_query(period)
        store = self.site.store
        if what == "mentions":
            return [Markup(h) for h in store.mention_blocks(self.key, year, month, limit, offset)]
        return [Markup(row[1]) for row in store.timeline_entries(year, month, limit, offset, self.key)]

    def _front(self, summary: EntitySummary, mentions: Cut, own: Cut) -> dict:
        site, store = self.site, self.site.store
        entity_id = summary.entity.id
        span = (summary.first, summary.last) if summary.first and summary.last else None
        ties = sorted(((site.entities[other].entity, n) for other, n in store.ties_of(entity_id)
                       if other in site.entities), key=lambda pair: (-pair[1], pair[0].name, pair[0].id))
        titles = store.titles_seen(entity_id)
        dated = store.summaries_of({aid for _, ids, _ in titles for aid in ids})
        return {
            "summary": summary, "e": summary.entity, "span": span, "co_mentions": ties,
            "titles_seen": [(title, [dated[aid] for aid in ids if aid in dated], n) for title, ids, n in titles],
            "mention_periods": [] if mentions.single else year_links(mentions),
            "timeline_periods": [] if own.single else year_links(own),
            "mention_blocks": [Markup(h) for h in store.mention_blocks(
                entity_id, limit=None if mentions.single else LATEST_BLOCKS)],
            "mentions_complete": mentions.single,
            "timeline_entries": [Markup(row[1]) for row in store.timeline_entries(entity=entity_id)]
            if own.single else [],
        }


class EntityListingFamily(Family):
    """The index of one kind of entity, most mentioned first, in pages of archive.yml's `page_sizes.entities`."""

    kind = "listing"

    @classmethod
    def every(cls, pages) -> list[Family]:
        return [cls(pages, kind) for kind in ENTITY_KINDS]

    def pages(self) -> list[Page]:
        entry = self.site_pages.templates.config.entity_kinds[self.key]  # with archive.yml's labels
        items = self.site.by_kind(self.key)
        chunks = paginate(items, self.site_pages.site.page_sizes["entities"])
        urls = page_urls(listing_url(self.key), len(chunks))
        return [Page(url, "entities.html", entry.plural if number == 1 else f"{entry.plural}, page {number}",
                     {"entities": chunk, "total": len(items), "pager": Pager(number, urls), "kind": entry})
                for number, (url, chunk) in enumerate(zip(urls, chunks), start=1)]

    def reached(self, change: Touched) -> set[str] | None:
        """All its pages when an entity of its kind is named more or less often, or its registry page
        changed, or one is gone (the order and the counts run across the pages); none otherwise."""
        entities = self.site.entities
        for eid in change.recounted | change.registry:
            summary = entities.get(eid)
            if summary is None or summary.entity.type == self.key:
                return None
        return set()
