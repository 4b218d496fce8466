"""Render stage: lay the collected site out as HTML pages through the Jinja2 templates.

Every page is a `Page` (URL, template, title, context) made by `SitePages`
from the collected view (`builder.site.collect.SiteView`); what it lists — an
entity's mention blocks, a period's timeline entries — is read from the store
when the page is rendered, already laid out by the fragments stage, so a page
costs one template call around strings, whatever it lists. An article's page
was laid out whole by the fragments stage and only has its links finished here.

Every internal link is relative (see `builder.site.templating`), so the same
`site/` works at `/` and under `https://<user>.github.io/<repo>/`; the
absolute `--base-url` appears only where the web demands it (canonical link,
the 404 page).

Pages are grouped in *families* (`PageFamily`): the pages of one entity, the
timeline, the article listing, … so that a rebuild can ask for just the
families a change can reach (`builder.engine.build`), and a worker renders whole
families (an entity's pages share its cut into periods).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from markupsafe import Markup

from builder.site.collect import PAGE_SIZES, EntitySummary, SiteView, TimelinePlace, counted_by_kind
from builder.site.graph import RelationshipMap, force_layout, relationship_map
from builder.model import ENTITY_KINDS, BuildError, DatePoint, format_point, format_value
from builder.site.periods import Cut, Period, page_urls
from builder.search.pagefind import search_terms
from builder.site.seo import entity_ld, json_ld
from builder.site.templating import Templates, finish, resolve_links
from builder.site.urls import entity_url, output_path

# The first timeline page links to the own timelines of this many entities of each kind (the most dated).
TIMELINE_DIRECTORY_SIZE = 40
# An entity whose mentions fill several pages shows its newest this many blocks on its first page.
LATEST_BLOCKS = 10


@dataclass
class Page:
    """One output page: where it goes, which template lays it out, with what."""

    url: str  # site-relative, "" for the home page, "people/to-lam/" for pretty URLs
    template: str
    title: str
    context: dict | Callable[[], dict] = field(default_factory=dict)  # a callable: read when rendered
    structured_data: Callable[[], Markup | None] | None = None  # schema.org JSON-LD, for the pages that have it

    @property
    def output_path(self) -> str:
        return output_path(self.url)


@dataclass
class Pager:
    """Where one page of a long listing stands among its pages (`urls[0]` is the first page)."""

    number: int  # 1-based
    urls: list[str]
    labels: list[str] | None = None  # the pages' titles, where numbers would mean nothing (periods)

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < len(self.urls) else None

    @property
    def previous_label(self) -> str | None:
        return self.labels[self.number - 2] if self.labels and self.number > 1 else None

    @property
    def next_label(self) -> str | None:
        return self.labels[self.number] if self.labels and self.number < len(self.urls) else None


def paginate(items: list, size: int) -> list[list]:
    """`items` in order, cut into chunks of at most `size` (at least one chunk)."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@dataclass
class MonthGroup:
    anchor: str
    label: str
    entries: list[Markup]
    datetime: str  # ISO 8601 of the month, or the year for whole-year entries


def timeline_groups(rows: list[tuple]) -> list[tuple[int, list[MonthGroup]]]:
    """Entries (rows of `store.timeline_entries`) by year, then month; a year's whole-year entries first."""
    years: dict[int, dict[int, list]] = {}
    for _, html, _, year, month in rows:
        years.setdefault(year, {}).setdefault(month, []).append(Markup(html))
    out = []
    for year in sorted(years):
        groups = []
        for month in sorted(years[year]):
            label = format_point(DatePoint(year, month)) if month else f"{year}, the year as a whole"
            anchor = f"y{year}-{month:02d}" if month else f"y{year}-all"
            groups.append(MonthGroup(anchor, label, years[year][month], DatePoint(year, month or None).iso()))
        out.append((year, groups))
    return out


@dataclass(frozen=True)
class PageFamily:
    """A group of pages made together: ("home",), ("entity", id), ("timeline",), ("article", id) …"""

    kind: str
    key: str = ""


GLOBAL_FAMILIES = [PageFamily("home"), PageFamily("articles"), *(PageFamily("listing", k) for k in ENTITY_KINDS),
                   PageFamily("map"), PageFamily("search"), PageFamily("404")]


def period_query(period: Period) -> tuple:
    """(year, month, limit, offset) for a store query of one period's items."""
    if period.whole:
        return False, None, None, 0
    if period.undated:
        return None, None, period.count, period.offset
    if period.month is None:
        return period.year, None, None, 0
    return period.year, period.month, period.count, period.offset


class SitePages:
    """The site's pages, family by family, and their rendering."""

    def __init__(self, site: SiteView, templates: Templates):
        self.site = site
        self.templates = templates
        self._map: RelationshipMap | None = None

    # --- families -------------------------------------------------------------------------

    def families(self) -> list[PageFamily]:
        """Every family of the site."""
        out = list(GLOBAL_FAMILIES) + [PageFamily("timeline")]
        out += [PageFamily("entity", eid) for eid in sorted(self.site.entities)]
        out += [PageFamily("article", aid) for aid in self.site.store.ids_newest_first()]
        return out

    def family_html(self, family: PageFamily, only: set[str] | None = None) -> Iterator[tuple[str, str]]:
        """(output path, finished HTML) of each page of `family` (of those at the URLs in `only`)."""
        if family.kind == "article":
            html = self.site.store.page(family.key)
            url = f"articles/{family.key}/"
            yield output_path(url), finish(resolve_links(html, self.site.timeline_page), url,
                                           self.templates.base_url)
            return
        for page in self.family_pages(family):
            if only is None or page.url in only:
                yield page.output_path, self.render(page)

    def all_paths(self, entity_pages: dict[str, list[str]] | None = None) -> list[str]:
        """The output path of every page of the site (nothing is rendered to know them).

        `entity_pages`: the URLs of the pages of entities known not to have changed, by id.
        """
        known = entity_pages or {}
        paths = []
        for family in self.families():
            if family.kind == "article":
                paths.append(output_path(f"articles/{family.key}/"))
            elif family.kind == "entity" and family.key in known:
                paths += [output_path(url) for url in known[family.key]]
            else:
                paths += [page.output_path for page in self.family_pages(family)]
        return paths

    def render(self, page: Page) -> str:
        context = page.context() if callable(page.context) else page.context
        html = self.templates.render(page.template, page.url, page.title, {**self._globals(), **context},
                                     page.structured_data or (lambda: None))
        return finish(resolve_links(html, self.site.timeline_page), page.url, self.templates.base_url)

    def _globals(self) -> dict:
        return {"site": self.site, "search_terms": search_terms}

    def family_pages(self, family: PageFamily) -> list[Page]:
        kind = family.kind
        if kind == "home":
            return [Page("", "home.html", "Việt Nam–China relations: an annotated archive", self._home)]
        if kind == "articles":
            return self._article_listing()
        if kind == "listing":
            return self._entity_listing(family.key)
        if kind == "map":
            return [Page("map/", "map.html", "Relationship map", lambda: {"graph": self.relationship_map()})]
        if kind == "search":
            return [Page("search/", "search.html", "Search", {})]
        if kind == "404":
            return [Page("404.html", "404.html", "Page not found", {})]
        if kind == "timeline":
            return self._timeline()
        if kind == "entity":
            return self._entity(family.key)
        raise ValueError(f"no such family: {family}")

    def relationship_map(self) -> RelationshipMap:
        if self._map is None:
            self._map = relationship_map(self.site.entities, self.site.store.all_ties(), self._remembered_layout)
        return self._map

    def _remembered_layout(self, order: list[str], edges: list[tuple[str, str, int]]) -> dict[str, tuple]:
        """The map's force layout, taken from the store when the last build drew the same nodes and
        ties: most rebuilds leave the strongest ties as they were, and the layout is a third of a
        one-article rebuild's render."""
        # The recipe (our code among it) is in the key: the store's meta outlives a change of code.
        recipe = self.site.store.get_meta("made_with")
        key = hashlib.blake2b(json.dumps([recipe, order, edges]).encode(), digest_size=16).hexdigest()
        last = self.site.store.get_meta("map_layout")
        if last is not None:
            last_key, positions = json.loads(last)
            if last_key == key:
                return {eid: tuple(xy) for eid, xy in positions.items()}
        positions = force_layout(order, edges)
        try:
            with self.site.store.transaction():
                self.site.store.set_meta("map_layout", json.dumps([key, positions]))
        except sqlite3.OperationalError:  # a render worker's store is read-only: the parent remembers it
            pass
        return positions

    # --- the global pages -----------------------------------------------------------------

    def _home(self) -> dict:
        site = self.site
        month, this_month = site.month_on_timeline()
        entries = [{"href": self._entry_href(year, m, sort, anchor), "value": value, "scheduled": bool(is_scheduled),
                    "sentence": sentence, "shown": format_value_iso(value)}
                   for sort, anchor, _, value, year, m, is_scheduled, sentence in this_month]
        year_link = site.year_on_timeline(month.year) if month else None
        return {"articles": site.newest[:10], "article_total": site.article_count,
                "top": {kind: site.by_kind(kind)[:10] for kind in ENTITY_KINDS},
                "timeline_count": site.timeline_count, "month": month, "this_month": entries,
                "year_on_timeline": year_link or "timeline/"}

    def _entry_href(self, year: int, month: int, sort: str, anchor: str) -> str:
        return self.site.timeline_page(year, month, sort) + "#" + anchor

    def _article_listing(self) -> list[Page]:
        site = self.site
        cut = site.article_cut
        total = site.article_count
        if cut.single:
            return [Page("articles/", "articles.html", "Articles",
                         lambda: {"articles": site.store.summaries(), "total": total, "period": None, "years": [],
                                  "overview": False, "pager": Pager(1, ["articles/"])})]
        periods = cut.periods
        urls = ["articles/"] + [p.url for p in periods]
        labels = ["Articles"] + [f"Articles: {p.label}" for p in periods]
        years = _year_links(cut)
        pages = [Page("articles/", "articles.html", "Articles",
                      {"articles": site.newest[:25], "total": total, "period": None, "years": years,
                       "overview": True, "pager": Pager(1, urls, labels)})]
        for number, period in enumerate(periods, start=2):
            year, month, limit, offset = period_query(period)
            pages.append(Page(period.url, "articles.html", labels[number - 1], lambda year=year, month=month, limit=limit, offset=offset, period=period, number=number: {
                "articles": site.store.summaries(limit, offset, year, month), "total": total, "period": period,
                "years": years, "overview": False, "pager": Pager(number, urls, labels)}))
        return pages

    def _entity_listing(self, kind: str) -> list[Page]:
        entry = ENTITY_KINDS[kind]
        items = self.site.by_kind(kind)
        chunks = paginate(items, PAGE_SIZES["entities"])
        urls = page_urls(f"{entry.folder}/", len(chunks))
        return [Page(url, "entities.html", entry.plural if number == 1 else f"{entry.plural}, page {number}",
                     {"entities": chunk, "total": len(items), "pager": Pager(number, urls), "kind": entry})
                for number, (url, chunk) in enumerate(zip(urls, chunks), start=1)]

    # --- the timeline ---------------------------------------------------------------------

    def _timeline(self) -> list[Page]:
        site = self.site
        cut = site.timeline.cut
        total = site.timeline_count
        years = _year_links(cut)
        if cut.single:
            def whole() -> dict:
                rows = site.store.timeline_entries()
                return {"timeline_total": total, "period": Period("timeline/", ""), "title": "Timeline",
                        "groups": timeline_groups(rows), "years": [], "pager": Pager(1, ["timeline/"]),
                        "filterable": self._filter_choices(rows), "directory": self._timeline_directory()}
            return [Page("timeline/", "timeline.html", "Timeline", whole)]
        periods = cut.periods
        urls = ["timeline/"] + [p.url for p in periods]
        labels = ["Timeline"] + [f"Timeline: {p.label}" for p in periods]
        pages = [Page("timeline/", "timeline.html", "Timeline", lambda: {
            "timeline_total": total, "period": Period("timeline/", ""), "title": "Timeline", "groups": [],
            "years": years, "pager": Pager(1, urls, labels), "filterable": [],
            "directory": self._timeline_directory()})]
        bare_years = [(year, url, None, months) for year, url, _, months in years]  # counts only on the first page
        for number, period in enumerate(periods, start=2):
            pages.append(Page(period.url, "timeline.html", labels[number - 1],
                              lambda period=period, number=number: self._timeline_period(period, number, total,
                                                                                         bare_years, urls, labels)))
        return pages

    def _timeline_period(self, period: Period, number: int, total: int, years: list, urls: list, labels: list) -> dict:
        year, month, limit, offset = period_query(period)
        rows = self.site.store.timeline_entries(year, month, limit, offset)
        return {"timeline_total": total, "period": period, "title": labels[number - 1],
                "groups": timeline_groups(rows), "years": years, "pager": Pager(number, urls, labels),
                "filterable": self._filter_choices(rows), "directory": []}

    def _filter_choices(self, rows: list[tuple]) -> list[tuple]:
        """(kind, [(entity, entries)]) for each kind named in `rows`, most entries first."""
        counts: dict[str, int] = {}
        for _, _, entities, _, _ in rows:
            for eid in entities.split():
                counts[eid] = counts.get(eid, 0) + 1
        return counted_by_kind(counts, self.site.entities)

    def _timeline_directory(self) -> list[tuple]:
        """(kind, [(entity, entries)], more) for the first timeline page: the entities with the most
        dated entries, at most TIMELINE_DIRECTORY_SIZE a kind, and how many more have a timeline."""
        counts = {eid: s.timeline for eid, s in self.site.entities.items() if s.timeline}
        return [(kind, counted[:TIMELINE_DIRECTORY_SIZE], len(counted) - TIMELINE_DIRECTORY_SIZE)
                for kind, counted in counted_by_kind(counts, self.site.entities)]

    # --- an entity's pages ------------------------------------------------------------------

    def entity_place(self, entity_id: str) -> TimelinePlace:
        summary = self.site.entities[entity_id]
        return self.site.own_timeline(entity_id, entity_url(summary.entity.type, entity_id) + "timeline/")

    def entity_cuts(self, entity_id: str) -> tuple[Cut, Cut]:
        """An entity's mentions cut by publication period, and its own timeline cut by date."""
        entity = self.site.entities[entity_id].entity
        first = entity_url(entity.type, entity_id)
        return self.site.mention_cut(entity_id, first + "mentions/"), self.entity_place(entity_id).cut

    def _entity(self, entity_id: str) -> list[Page]:
        summary = self.site.entities[entity_id]
        entity = summary.entity
        first = entity_url(entity.type, entity_id)
        mentions, own = self.entity_cuts(entity_id)
        pages = [Page(first, "entity.html", entity.name, lambda: self._entity_front(summary, mentions, own),
                      lambda: json_ld(entity_ld(summary, self.templates.base_url + first)))]
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
                                      "items": self._entity_items(entity_id, what, period), "periods": _year_links(cut),
                                      "pager": Pager(number, urls, labels)}))
        return pages

    def _entity_items(self, entity_id: str, what: str, period: Period) -> list[Markup]:
        year, month, limit, offset = period_query(period)
        store = self.site.store
        if what == "mentions":
            return [Markup(h) for h in store.mention_blocks(entity_id, year, month, limit, offset)]
        return [Markup(row[1]) for row in store.timeline_entries(year, month, limit, offset, entity_id)]

    def _entity_front(self, summary: EntitySummary, mentions: Cut, own: Cut) -> dict:
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
            "mention_periods": [] if mentions.single else _year_links(mentions),
            "timeline_periods": [] if own.single else _year_links(own),
            "mention_blocks": [Markup(h) for h in store.mention_blocks(
                entity_id, limit=None if mentions.single else LATEST_BLOCKS)],
            "mentions_complete": mentions.single,
            "timeline_entries": [Markup(row[1]) for row in store.timeline_entries(entity=entity_id)]
            if own.single else [],
        }


def format_value_iso(value: str) -> str:
    from builder.model import DateValue

    return format_value(DateValue.parse(value))


def _year_links(cut: Cut) -> list[tuple]:
    """(year, its first page, items, [(month label, url, items)]) of each year of a cut listing, in
    the listing's order ("Undated" for the undated)."""
    out: list = []
    for period in cut.periods:
        name = "Undated" if period.undated else period.year
        if out and out[-1][0] == name:
            out[-1][2] += period.count
        else:
            out.append([name, period.url, period.count, list(period.months)])
    return [tuple(row) for row in out]


def copy_static(templates: Templates, out_dir: Path) -> None:
    folder = templates.folder / "static"
    if folder.is_dir():
        shutil.copytree(folder, out_dir / "static", dirs_exist_ok=True)
    (out_dir / ".nojekyll").write_bytes(b"")


def check_collisions(paths: list[str]) -> None:
    """Two pages written to one path is a build error (after Pelican's collision check)."""
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise BuildError(path, "two pages would be written here")
        seen.add(path)
