"""Collect stage: the site-wide view, read from the store once every article's record is in it.

Entity pages, listings and the timeline need all articles resolved first
(MkDocs and Pelican gather everything before writing anything). Here that
view is a handful of sums over the store (`builder.engine.store`), never the
articles themselves: each entity's counts, first and last article and own
timeline's size; the cut of every growing listing into periods
(`builder.site.periods`); where each timeline entry's page is. What a page shows
beyond that (an entity's mention blocks, a period's entries) the render stage
reads from the store page by page.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from builder.ingest.registry import Registry
from builder.model import ENTITY_KINDS, DatePoint, Entity
from builder.records import ArticleSummary
from builder.site.periods import WHOLE_YEAR, Bucket, Cut, cut_by_period, key_starts
from builder.site.urls import ARTICLES, TIMELINE

if TYPE_CHECKING:  # the engine's store is handed in; this stage only reads it
    from builder.engine.store import SiteStore

# Listings that grow with the archive are cut into pages of at most this many items (an entity's
# mentions counted one by one), which keeps every page well under ~500 KB of HTML at any size. The
# defaults: archive.yml's `page_sizes` sets them for one archive (`SiteView.page_sizes`).
PAGE_SIZES = {"articles": 250, "entities": 250, "timeline": 200, "mentions": 100}
# The home page's month shows no entry whose interval spans more days than this ("1950–2026" is not news).
MONTH_ENTRY_DAYS = 366


@dataclass
class EntitySummary:
    """What listings, previews and an entity's own pages say of it."""

    entity: Entity
    mentions: int = 0
    articles: int = 0
    timeline: int = 0  # entries on its own timeline
    span: tuple[str, str] | None = None  # ids of its earliest and latest dated article
    first: ArticleSummary | None = None  # those articles
    last: ArticleSummary | None = None
    titles: list[str] = field(default_factory=list)  # titles as written, in order of first dated use


@dataclass
class TimelinePlace:
    """Where each entry of one timeline (the site's, or an entity's own) is."""

    cut: Cut
    store: SiteStore
    entity: str | None = None
    starts: dict[tuple, list[str]] = field(default_factory=dict)  # (year, month) -> `start_keys`, once known

    def page_of(self, year: int, month: int, sort: str) -> str:
        """The page that holds the entry with this bucket and sort key."""
        pages = self.cut.bucket_pages(year, month)
        if len(pages) <= 1:
            return pages[0].url if pages else (self.cut.year_url(year) or self.cut.base)
        return pages[bisect_right(self.start_keys(year, month), sort)].url

    def start_keys(self, year: int, month: int) -> list[str]:
        """The sort keys of the first entries of pages 2, 3, … of a bucket ([] for a bucket of one page)."""
        pages = self.cut.bucket_pages(year, month)
        if len(pages) <= 1:
            return []
        if (year, month) not in self.starts:
            keys = self.store.bucket_keys(year, month, self.entity)
            self.starts[(year, month)] = [keys[page.offset] for page in pages[1:]]
        return self.starts[(year, month)]


class SiteView:
    """The collected site: sums over the store, worked out when first asked for."""

    def __init__(self, store: SiteStore, registry: Registry, page_sizes: dict[str, int] | None = None):
        self.store = store
        self.registry = registry
        self.page_sizes = {**PAGE_SIZES, **(page_sizes or {})}  # archive.yml's page_sizes
        self._mention_cuts: dict[tuple[str, str], Cut] = {}
        self._own_timelines: dict[tuple[str, str], TimelinePlace] = {}
        self.timeline_cuts_made: dict[tuple[int, int], list] = {}  # buckets the timeline was cut anew (`timeline`)

    @cached_property
    def article_count(self) -> int:
        return self.store.article_count()

    @cached_property
    def newest(self) -> list[ArticleSummary]:
        """The newest articles, for the home page and the feed."""
        return self.store.summaries(limit=50)

    @cached_property
    def newest_date(self) -> DatePoint | None:
        """The newest publication date: the site's "now" (never the machine's clock, so builds repeat)."""
        return next((a.date.value for a in self.newest if a.date.value), None)

    @cached_property
    def entities(self) -> dict[str, EntitySummary]:
        """Every registry entity an editor has not rejected (a rejected one is kept in the registry only so
        that it is not proposed again: it has no page), with its sums."""
        summaries = {eid: EntitySummary(entity) for eid, entity in self.registry.entities.items()
                     if entity.status != "rejected"}
        for eid, (mentions, articles) in self.store.entity_totals().items():
            if eid in summaries:
                summaries[eid].mentions, summaries[eid].articles = mentions, articles
        for eid, n in self.store.timeline_counts().items():
            if eid in summaries:
                summaries[eid].timeline = n
        spans = {eid: span for eid, span in self.store.entity_spans().items() if eid in summaries}
        found = self.store.summaries_of({aid for span in spans.values() for aid in span})
        for eid, span in spans.items():
            summaries[eid].span = span
            summaries[eid].first, summaries[eid].last = found.get(span[0]), found.get(span[1])
        for eid, titles in self.store.first_titles().items():
            if eid in summaries:
                summaries[eid].titles = titles
        return summaries

    def by_kind(self, kind: str) -> list[EntitySummary]:
        """One kind's entities, most mentioned first (articles, then mentions, then name)."""
        return sorted((s for s in self.entities.values() if s.entity.type == kind), key=entity_order)

    @cached_property
    def timeline_count(self) -> int:
        return self.store.timeline_count()

    @cached_property
    def timeline(self) -> TimelinePlace:
        size, buckets, starts_of, made = self.page_sizes["timeline"], [], {}, {}
        kept = self.store.timeline_cuts()
        for year, month, count in self.store.timeline_buckets():
            # Dates link into the site's timeline: its busy months are cut by their entries' keys, so
            # that a date added to one moves no link into its other pages (`key_starts`). A bucket's cut
            # is kept in the store until its entries change (`timeline_cuts_made`).
            starts = None
            if count > size:
                cut = kept.get((year, month))
                if cut is None or cut[:2] != [size, count]:
                    keys = self.store.bucket_keys(year, month)
                    offsets = key_starts(keys, size)
                    cut = made[(year, month)] = [size, count, list(offsets), [keys[i] for i in offsets[1:]]]
                starts, starts_of[(year, month)] = tuple(cut[2]), cut[3]
            buckets.append(Bucket(year, month, count, starts=starts))
        self.timeline_cuts_made = made
        cut = cut_by_period(buckets, TIMELINE, size)
        # (a bucket kept whole in its year's page has no pages of its own to start)
        return TimelinePlace(cut, self.store, starts={bucket: keys for bucket, keys in starts_of.items()
                                                      if len(cut.bucket_pages(*bucket)) > 1})

    def timeline_page(self, year: int, month: int, sort: str) -> str:
        """Where a date links to: `resolve_links`'s question."""
        return self.timeline.page_of(year, month, sort)

    @cached_property
    def article_cut(self) -> Cut:
        buckets = [Bucket(y, m, n) for y, m, n in self.store.article_buckets()]
        return cut_by_period(buckets, ARTICLES, self.page_sizes["articles"])

    def mention_cut(self, entity_id: str, base: str) -> Cut:
        """An entity's mentions by the publication period of their articles, a page holding about
        PAGE_SIZES["mentions"] of them (an article's mentions are never split). Worked out once per
        build: what a change reaches and the render both ask."""
        key = (entity_id, base)
        if key not in self._mention_cuts:
            self._mention_cuts[key] = self._mention_cut(entity_id, base)
        return self._mention_cuts[key]

    def _mention_cut(self, entity_id: str, base: str) -> Cut:
        size = self.page_sizes["mentions"]
        rows = self.store.mention_buckets(entity_id)
        cut_whole = sum(w for _, _, _, w in rows) > size
        buckets = []
        for y, m, a, w in rows:
            # A bucket cut by count needs its articles' weights (a year kept whole does not).
            year_load = sum(w2 for y2, _, _, w2 in rows if y2 == y)
            weights = tuple(self.store.mention_weights(entity_id, y, m)) if cut_whole and w > size \
                and (y is None or year_load > size) else None
            buckets.append(Bucket(y, m, a, w, weights))
        return cut_by_period(buckets, base, size)

    def own_timeline(self, entity_id: str, base: str) -> TimelinePlace:
        key = (entity_id, base)
        if key not in self._own_timelines:
            buckets = [Bucket(y, m, n) for y, m, n in self.store.timeline_buckets(entity_id)]
            self._own_timelines[key] = TimelinePlace(cut_by_period(buckets, base, self.page_sizes["mentions"]),
                                                     self.store, entity_id)
        return self._own_timelines[key]

    def month_on_timeline(self) -> tuple[DatePoint | None, list[tuple]]:
        """The month of the newest article and the timeline entries that fall in it.

        An entry falls in the month when its date or interval overlaps it and is no longer than
        a year ("2026" or "1950–2026" are not news of the month). One entry per date and article.
        Each as (sort, anchor, article id, value, year, month, scheduled, sentence).
        """
        newest = self.newest_date
        if newest is None or newest.month is None:
            return None, []
        month = DatePoint(newest.year, newest.month)
        seen, out = set(), []
        for row in self.store.entries_between(month.first_day().toordinal(), month.last_day().toordinal(),
                                              MONTH_ENTRY_DAYS):
            sort, anchor, article, value, year, bucket_month, is_scheduled, sentence, first, last, precision = row
            if precision == "year" or (value, article) in seen:
                continue
            seen.add((value, article))
            out.append(row[:8])
        return month, out

    def year_on_timeline(self, year: int) -> str | None:
        """The timeline page where a year starts, with its anchor (None if nothing is dated in it)."""
        if not any(b.year == year for b in self._timeline_years()):
            return None
        return (self.timeline.cut.year_url(year) or TIMELINE) + f"#y{year}"

    def _timeline_years(self) -> list[Bucket]:
        return [Bucket(y, WHOLE_YEAR, n) for y, n in self.store.timeline_years()]


def entity_order(summary: EntitySummary) -> tuple:
    return (-summary.articles, -summary.mentions, summary.entity.name.casefold(), summary.entity.id)


def counted_by_kind(counts: dict[str, int], entities: dict[str, EntitySummary]) -> list[tuple]:
    """(kind, [(entity, count)]) for each kind with a counted entity, the largest count first."""
    out = []
    for kind in ENTITY_KINDS.values():
        counted = [(entities[eid].entity, n) for eid, n in counts.items()
                   if eid in entities and entities[eid].entity.type == kind.type]
        counted.sort(key=lambda pair: (-pair[1], pair[0].name.casefold(), pair[0].id))
        if counted:
            out.append((kind, counted))
    return out
