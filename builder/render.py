"""Render stage: lay the collected site out as HTML through the Jinja2 templates.

Every page is a `Page` (URL, template, context). Every internal link is
relative (`rel`: the way up to the site's root, then the site-relative path),
so the same `site/` works at `/` and under `https://<user>.github.io/<repo>/`;
the absolute `--base-url` appears only where the web demands it (canonical
link, the 404 page). Links are written with a marker for the way up (`ROOT`),
replaced once per page, so a fragment shared by many pages is laid out once. Article text is escaped, never interpreted: the article body is laid
out from its blocks and mentions here, not by re-parsing the Markdown.
"""

from __future__ import annotations

import posixpath
from collections import OrderedDict
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from markupsafe import Markup, escape

from .collect import EntityIndex, Sentence, SiteIndex
from .graph import relationship_map
from .model import ENTITY_KINDS, Article, BuildError, DatePoint, Mention, format_point, format_value
from .notes import notes_html
from .seo import article_ld, entity_ld, json_ld
from .search import search_terms
from .state import TEMPLATES

TYPE_LABELS = {**{k.type: k.label for k in ENTITY_KINDS.values()}, "date": "Date"}


@dataclass
class Page:
    """One output page: where it goes, which template lays it out, with what."""

    url: str  # site-relative, "" for the home page, "people/to-lam/" for pretty URLs
    template: str
    title: str
    context: dict = field(default_factory=dict)

    @property
    def deferred(self) -> bool:
        """Whether part of the context is only worked out when the page is rendered."""
        return any(isinstance(value, Deferred) for value in self.context.values())

    @property
    def output_path(self) -> str:
        return self.url + "index.html" if self.url == "" or self.url.endswith("/") else self.url


@dataclass(frozen=True)
class Deferred:
    """A page's context value worked out only when the page is rendered."""

    compute: Callable[[], object]

    def __call__(self) -> object:
        return self.compute()


def root_path(page_url: str) -> str:
    """The relative path from the page at `page_url` up to the site's root: "", "../", "../../" …"""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return "../" * folder.count("/") if folder.endswith("/") else "../" * (folder.count("/") + bool(folder))


# Stands for `root_path(page)` in HTML rendered before the page that holds it is known (shared
# fragments: a sentence, a timeline entry); every page's HTML has it replaced once, at the end.
# Article text never holds it: ingest drops control characters.
ROOT = "\x00"
ROOT_PAGE = "\x00\x00"  # the root page itself: "./" from there, not ""
SENTENCE_CACHE_SIZE = 20_000


def article_url(article: Article) -> str:
    return f"articles/{article.id}/"


def entity_url(entity_type: str, entity_id: str) -> str:
    return f"{ENTITY_KINDS[entity_type].folder}/{entity_id}/"


def timeline_anchor(article: Article, mention: Mention) -> str:
    return f"t-{article.id}-{mention.anchor}"


def mention_target(article: Article, mention: Mention) -> str:
    if mention.type == "date":
        return f"timeline/#{timeline_anchor(article, mention)}"
    return entity_url(mention.type, mention.entity)


_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def escaped(text: str) -> str:
    """`text` escaped for HTML as markupsafe does, as a plain str: no Markup object is made (making
    one per piece of text was a tenth of the render's time at 1,000 articles)."""
    return text.translate(_HTML_ESCAPES)


def _time_html(mention: Mention, inner: str) -> str:
    value = mention.value
    return f'<time datetime="{escaped(value.start.iso())}" data-value="{escaped(value.iso())}">{inner}</time>'


def time_element(mention: Mention, text: Markup | str) -> Markup:
    """`<time>` for a date; an interval's `datetime` is its start (HTML has no intervals)."""
    return Markup(_time_html(mention, str(escape(text))))


def linked_pieces(article: Article, start: int, end: int, mentions: list[Mention], rel: Callable[[str], str],
                  anchors: bool = False) -> list[str | tuple[Mention, str, str]]:
    """Body text from `start` to `end`: escaped text, and for each mention (mention, opening tag, inner HTML).

    Plain strings throughout: this runs for every sentence of the archive.
    """
    out: list[str | tuple[Mention, str, str]] = []
    pos = start
    body = article.body
    for m in mentions:
        if m.start < pos or m.end > end:
            continue
        out.append(escaped(body[pos:m.start]))
        inner = escaped(m.text)
        if m.type == "date":
            inner = _time_html(m, inner)
        attrs = f' id="{escaped(m.anchor)}"' if anchors else ""
        entity = f' data-entity="{escaped(m.entity)}"' if m.entity else ""
        title = f' title="{escaped(m.value.iso())}"' if m.type == "date" else ""
        out.append((m, f'<a class="mention {escaped(m.type)}" href="{escaped(rel(mention_target(article, m)))}"'
                       f"{attrs}{entity}{title}>", inner))
        pos = m.end
    out.append(escaped(body[pos:end]))
    return out


def join_pieces(pieces: list[str | tuple[Mention, str, str]], highlight: Mention | None = None) -> Markup:
    """The HTML of `linked_pieces`, with the `highlight` mention (if any) marked."""
    return Markup("".join(
        piece if isinstance(piece, str)
        else f"{piece[1]}<mark>{piece[2]}</mark></a>" if piece[0] is highlight
        else f"{piece[1]}{piece[2]}</a>"
        for piece in pieces))


def linked_text(article: Article, start: int, end: int, mentions: list[Mention], rel: Callable[[str], str],
                anchors: bool = False, highlight: Mention | None = None) -> Markup:
    """Escaped body text from `start` to `end` with each mention made a link (`highlight` marked)."""
    return join_pieces(linked_pieces(article, start, end, mentions, rel, anchors), highlight)


def article_body_html(article: Article, rel: Callable[[str], str]) -> Markup:
    """The article's blocks as HTML: paragraphs, headings, figures, blockquotes."""
    mentions = sorted(article.mentions, key=lambda m: m.start)
    parts: list[Markup] = []
    blocks = article.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        inside = [m for m in mentions if block.start <= m.start and m.end <= block.end]
        html = linked_text(article, block.start, block.end, inside, rel, anchors=True)
        if block.kind == "heading":
            parts.append(Markup("<h2>{}</h2>").format(html))
        elif block.kind == "caption":
            credit = Markup(' <span class="credit">({})</span>').format(block.credit) if block.credit else ""
            parts.append(Markup('<figure class="photo"><figcaption>{}{}</figcaption></figure>').format(html, credit))
        elif block.kind == "quote":
            cite = Markup("")
            if i + 1 < len(blocks) and blocks[i + 1].kind == "attribution":
                nxt = blocks[i + 1]
                nxt_inside = [m for m in mentions if nxt.start <= m.start and m.end <= nxt.end]
                cite = Markup("<figcaption>— <cite>{}</cite></figcaption>").format(
                    linked_text(article, nxt.start, nxt.end, nxt_inside, rel, anchors=True))
                i += 1
            parts.append(Markup('<figure class="pull-quote"><blockquote><p>{}</p></blockquote>{}</figure>').format(html, cite))
        elif block.kind == "attribution":
            parts.append(Markup('<p class="attribution">— {}</p>').format(html))
        else:
            parts.append(Markup("<p>{}</p>").format(html))
        i += 1
    return Markup("\n").join(parts)


@dataclass(frozen=True)
class TimelineEntryView:
    """A timeline entry's strings, worked out in Python: its template only places them (it runs for
    every dated mention on the timeline and on each entity's own timeline)."""

    anchor: str
    entities: str  # ids, space-separated: what the timeline filter matches
    start: str  # ISO 8601 of the start (HTML's `datetime` has no intervals)
    value: str  # ISO 8601, interval included
    shown: str  # the reader's form
    as_written: str | None  # the text, when it differs from `shown`
    scheduled: bool
    relative: bool
    sentence: Markup
    article_href: str
    article_title: str
    article_date: str | None  # ISO 8601 of the publication date
    article_date_shown: str


def timeline_entry_view(entry, rel: Callable[[str], str], sentence: Markup) -> TimelineEntryView:
    m, article = entry.mention, entry.occurrence.article
    shown = format_value(m.value)
    return TimelineEntryView(
        anchor=timeline_anchor(article, m), entities=" ".join(entry.entity_ids), start=m.value.start.iso(),
        value=m.value.iso(), shown=shown, as_written=m.text if m.text != shown else None,
        scheduled=entry.scheduled, relative=m.relative, sentence=sentence,
        article_href=rel(f"{article_url(article)}#{m.anchor}"), article_title=article.title,
        article_date=article.date.value.iso() if article.date.value else None, article_date_shown=article.date.display())


@dataclass
class MonthGroup:
    anchor: str
    label: str
    entries: list
    datetime: str  # ISO 8601 of the month, or the year for whole-year entries


def timeline_groups(entries: list) -> list[tuple[int, list[MonthGroup]]]:
    """Entries by year, then month; a year's whole-year entries first."""
    years: dict[int, dict[int, list]] = {}
    for entry in entries:
        start = entry.mention.value.start
        years.setdefault(start.year, {}).setdefault(start.month or 0, []).append(entry)
    out = []
    for year in sorted(years):
        groups = []
        for month in sorted(years[year]):
            label = format_point(DatePoint(year, month)) if month else f"{year}, the year as a whole"
            anchor = f"y{year}-{month:02d}" if month else f"y{year}-all"
            point = DatePoint(year, month or None)
            groups.append(MonthGroup(anchor, label, years[year][month], point.iso()))
        out.append((year, groups))
    return out


def entities_named(article: Article, site: SiteIndex) -> list[tuple]:
    """(kind, [entity]) for each kind the article names, entities in id order: the article's footer."""
    out = []
    for kind in ENTITY_KINDS.values():
        ids = sorted({m.entity for m in article.mentions if m.type == kind.type})
        if ids:
            out.append((kind, [site.entities[eid].entity for eid in ids]))
    return out


@dataclass
class TimelinePage:
    """One page of the timeline: all of it, or one period of it (a year, a month, part of a month)."""

    url: str
    title: str
    entries: list
    year: int | None = None  # None: the whole timeline, or its overview
    months: list[tuple[str, str, int]] = field(default_factory=list)  # a year cut by month: (label, url, entries)


def timeline_by_period(entries: list, size: int) -> list[TimelinePage]:
    """The timeline's pages: one when it fits, else a page per year, cut into months when a year does
    not fit (the year's page keeps the entries dated only by the year), and a month, or those entries,
    into numbered pages when they do not. An entry's page follows from its date
    and from how full its year and month are, never from how many entries come before it, so a new
    article moves no other entry to another page (and its link stays put) unless it fills a period."""
    if len(entries) <= size:
        return [TimelinePage("timeline/", "Timeline", entries)]
    by_year: dict[int, list] = {}
    for entry in entries:
        by_year.setdefault(entry.mention.value.start.year, []).append(entry)
    pages = []
    for year, items in by_year.items():
        first = f"timeline/{year}/"
        if len(items) <= size:
            pages.append(TimelinePage(first, f"Timeline: {year}", items, year))
            continue
        whole_year = [e for e in items if e.mention.value.start.month is None]
        by_month: dict[int, list] = {}
        for entry in items:
            if entry.mention.value.start.month is not None:
                by_month.setdefault(entry.mention.value.start.month, []).append(entry)
        months, month_pages = [], []
        for month, month_items in by_month.items():
            label = format_point(DatePoint(year, month))
            urls = page_urls(f"{first}{month:02d}/", len(paginate(month_items, size)))
            months.append((label, urls[0], len(month_items)))
            for number, (url, chunk) in enumerate(zip(urls, paginate(month_items, size)), start=1):
                month_pages.append(TimelinePage(url, f"Timeline: {label}" + (f", page {number}" if number > 1 else ""),
                                                chunk, year))
        # The year's own entries ("in 2017") stay on its page, cut by count as well when there are many.
        chunks = paginate(whole_year, size)
        for number, (url, chunk) in enumerate(zip(page_urls(first, len(chunks)), chunks), start=1):
            pages.append(TimelinePage(url, f"Timeline: {year}" + (f", page {number}" if number > 1 else ""), chunk,
                                      year, months if number == 1 else []))
        pages += month_pages
    return pages


def article_search_terms(article: Article) -> str:
    return search_terms(article.title + " " + article.body)


def entity_search_terms(index: EntityIndex) -> str:
    e = index.entity
    return search_terms(" ".join([e.name, *e.aliases, e.summary or "", *e.titles, e.notes_markdown]))


def _counted_by_kind(counts: dict[str, int], site: SiteIndex) -> list[tuple]:
    """(kind, [(entity, count)]) for each kind with a counted entity, the largest count first."""
    out = []
    for kind in ENTITY_KINDS.values():
        counted = [(site.entities[eid].entity, n) for eid, n in counts.items()
                   if site.entities[eid].entity.type == kind.type]
        counted.sort(key=lambda pair: (-pair[1], pair[0].name.casefold(), pair[0].id))
        if counted:
            out.append((kind, counted))
    return out


def timeline_filter_choices(entries: list, site: SiteIndex) -> list[tuple]:
    """(kind, [(entity, entries)]) for each kind named in `entries`, most entries first."""
    counts: dict[str, int] = {}
    for entry in entries:
        for eid in entry.entity_ids:
            counts[eid] = counts.get(eid, 0) + 1
    return _counted_by_kind(counts, site)


def timeline_directory(site: SiteIndex) -> list[tuple]:
    """(kind, [(entity, entries)], more) for the first timeline page: the entities with the most
    dated entries, at most TIMELINE_DIRECTORY_SIZE a kind, and how many more have a timeline."""
    counts = {eid: len(index.timeline) for eid, index in site.entities.items() if index.timeline}
    return [(kind, counted[:TIMELINE_DIRECTORY_SIZE], len(counted) - TIMELINE_DIRECTORY_SIZE)
            for kind, counted in _counted_by_kind(counts, site)]


# Listings that grow with the archive are cut into pages of at most this many items, which
# keeps every page well under ~500 KB of HTML at any archive size. A listing that fits on
# one page keeps its single URL; the others continue at `<url>page/2/`, `<url>page/3/` …
PAGE_SIZES = {"articles": 250, "entities": 250, "timeline": 200, "mentions": 100}
# The first timeline page links to the own timelines of this many entities of each kind (the most dated).
TIMELINE_DIRECTORY_SIZE = 40


@dataclass
class Pager:
    """Where one page of a long listing stands among its pages (`urls[0]` is the first page)."""

    number: int  # 1-based
    urls: list[str]
    labels: list[str] | None = None  # the pages' titles, where numbers would mean nothing (the timeline)

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


def paginate(items: list, size: int, weight: Callable[[object], int] = lambda item: 1) -> list[list]:
    """`items` in order, cut into chunks whose total weight stays within `size` (at least one item each)."""
    chunks: list[list] = [[]]
    load = 0
    for item in items:
        w = weight(item)
        if chunks[-1] and load + w > size:
            chunks.append([])
            load = 0
        chunks[-1].append(item)
        load += w
    return chunks


def page_urls(first: str, count: int) -> list[str]:
    return [first if n == 1 else f"{first}page/{n}/" for n in range(1, count + 1)]


def mention_groups(index: EntityIndex) -> list[tuple[Article, list]]:
    """An entity's occurrences grouped by article, in the order collected."""
    groups: dict[int, tuple[Article, list]] = {}
    for occurrence in index.occurrences:
        groups.setdefault(id(occurrence.article), (occurrence.article, []))[1].append(occurrence)
    return list(groups.values())


class Renderer:
    """Jinja2 environment (templates compiled once) and the pages of one site."""

    def __init__(self, site: SiteIndex, base_url: str = "/", templates: Path = TEMPLATES):
        self.site = site
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.templates = Path(templates)
        self.env = Environment(
            loader=FileSystemLoader(str(self.templates)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals.update(format_point=format_point, format_value=format_value, TYPE_LABELS=TYPE_LABELS,
                                ENTITY_KINDS=ENTITY_KINDS)
        self.env.filters["markdown"] = notes_html
        self.timeline_pages: dict[str, str] = {}  # timeline anchor -> URL of the page holding it; see pages()
        self._sentences: OrderedDict[int, list] = OrderedDict()  # see sentence_html
        self._entities: dict | None = None
        self._pages: list[Page] | None = None

    def _site_pages(self) -> list[Page]:
        site = self.site
        by_kind = {
            kind.type: sorted((i for i in site.entities.values() if i.entity.type == kind.type), key=_entity_order)
            for kind in ENTITY_KINDS.values()
        }
        month, this_month = site.month_on_timeline()
        pages = [
            *self._listing("articles/", "articles.html", "Articles", "articles", site.articles, {}),
        ]
        for kind in ENTITY_KINDS.values():
            pages += self._listing(f"{kind.folder}/", "entities.html", kind.plural, "entities", by_kind[kind.type],
                                   {"kind": kind})
        pages += [
            # Laid out only by the process that renders the map, while the others render other pages.
            Page("map/", "map.html", "Relationship map", {"graph": Deferred(lambda: relationship_map(site))}),
            Page("search/", "search.html", "Search", {}),
        ]
        periods = timeline_by_period(site.timeline, PAGE_SIZES["timeline"])
        self.timeline_pages = {}
        years: list[tuple[int, str, int]] = []  # (year, its page, entries): the year links on every timeline page
        for period in periods:
            if period.year is not None and (not years or years[-1][0] != period.year):
                years.append((period.year, period.url, 0))
            if period.year is not None:
                years[-1] = (period.year, years[-1][1], years[-1][2] + len(period.entries))
            for entry in period.entries:
                self.timeline_pages[timeline_anchor(entry.occurrence.article, entry.mention)] = period.url
            for year, months in timeline_groups(period.entries):
                # A year or month that runs over two pages is linked where it starts.
                self.timeline_pages.setdefault(f"y{year}", period.url)
                for group in months:
                    self.timeline_pages.setdefault(group.anchor, period.url)
        for year, url, _ in years:
            self.timeline_pages.setdefault(f"y{year}", url)
        if len(periods) > 1:
            # The timeline's first page is then an overview: its years, with the way into each.
            periods.insert(0, TimelinePage("timeline/", "Timeline", []))
        urls = [period.url for period in periods]
        for number, period in enumerate(periods, start=1):
            pages.append(Page(period.url, "timeline.html", period.title, {
                "timeline_total": len(site.timeline), "period": period, "groups": timeline_groups(period.entries),
                # Counts only on the first page: a new article then changes no other page's year links.
                "years": years if number == 1 else [(year, url, None) for year, url, _ in years], "pager": Pager(number, urls, [p.title for p in periods]),
                "filterable": timeline_filter_choices(period.entries, site),
                "directory": timeline_directory(site) if number == 1 else []}))
        # The home page links to the year of the newest article on the timeline: placed only now.
        pages.insert(0, Page("", "home.html", "Việt Nam–China relations: an annotated archive", {
            "articles": site.articles[:10], "top": {t: indexes[:10] for t, indexes in by_kind.items()},
            "timeline_count": len(site.timeline), "month": month, "this_month": this_month,
            # (the timeline itself when nothing is dated in that year)
            "year_on_timeline": self.resolve(f"timeline/#y{month.year}")
            if month and f"y{month.year}" in self.timeline_pages else "timeline/"}))
        pages.append(Page("404.html", "404.html", "Page not found", {}))
        for article in site.articles:
            pages.append(Page(article_url(article), "article.html", article.title,
                              {"article": article, "sentences": site.sentences[article.id]}))
        for index in (i for indexes in by_kind.values() for i in indexes):
            groups = paginate(mention_groups(index), PAGE_SIZES["mentions"], weight=lambda g: len(g[1]))
            # An entity's page N holds both its Nth mentions and its Nth timeline entries: both cut small.
            entries = paginate(index.timeline, PAGE_SIZES["mentions"])
            count = max(len(groups), len(entries))
            urls = page_urls(entity_url(index.entity.type, index.entity.id), count)
            for number, url in enumerate(urls, start=1):
                pages.append(Page(url, "entity.html",
                                  index.entity.name if number == 1 else f"{index.entity.name}, page {number}",
                                  {"index": index, "pager": Pager(number, urls),
                                   "mention_groups": groups[number - 1] if number <= len(groups) else [],
                                   "timeline_entries": entries[number - 1] if number <= len(entries) else []}))
        return pages

    def _listing(self, first: str, template: str, title: str, key: str, items: list, context: dict) -> list[Page]:
        chunks = paginate(items, PAGE_SIZES[key])
        urls = page_urls(first, len(chunks))
        return [Page(url, template, title if number == 1 else f"{title}, page {number}",
                     {key: chunk, "total": len(items), "pager": Pager(number, urls), **context})
                for number, (url, chunk) in enumerate(zip(urls, chunks), start=1)]

    def resolve(self, target: str) -> str:
        """A link `timeline/#<anchor>` (a date, a year, a month) goes to the timeline page that holds the anchor."""
        if target.startswith("timeline/#"):
            return self.timeline_pages.get(target[len("timeline/#"):], "timeline/") + target[len("timeline/"):]
        return target

    def render_page(self, page: Page) -> str:
        try:
            template = self.env.get_template(page.template)
            return self._render(template, page)
        except TemplateNotFound as exc:
            raise BuildError(str(self.templates / page.template),
                             f"template {exc.name!r} not found (searched {self.templates})") from None
        except TemplateSyntaxError as exc:
            raise BuildError(exc.filename or page.template, f"template syntax error: {exc.message}", exc.lineno) from None
        except TemplateError as exc:
            raise BuildError(str(self.templates / page.template),
                             f"template failed while rendering {page.url or 'the home page'}: {exc}") from None

    def rooted(self, target: str) -> str:
        """A link to `target` from any page: the root marker, then the site-relative path (see ROOT)."""
        if target.startswith("#"):
            return target
        return ROOT + self.resolve(target) if target else ROOT_PAGE

    def sentence_html(self, sentence: Sentence, highlight: Mention | None = None) -> Markup:
        """One sentence with its mentions linked, `highlight` marked.

        Laid out once for the timeline and the pages of the entities it names (with ROOT for the way up);
        the most recent SENTENCE_CACHE_SIZE are kept, so memory stays flat however large the archive.
        """
        key = id(sentence)
        pieces = self._sentences.get(key)
        if pieces is None:
            pieces = linked_pieces(sentence.article, sentence.start, sentence.end, list(sentence.mentions), self.rooted)
            if len(self._sentences) >= SENTENCE_CACHE_SIZE:
                self._sentences.popitem(last=False)  # the least recently used (O(1), unlike a dict's first key)
            self._sentences[key] = pieces
        else:
            self._sentences.move_to_end(key)
        return join_pieces(pieces, highlight)

    def entry_views(self, entries: list) -> list[TimelineEntryView]:
        return [timeline_entry_view(entry, self.rooted, self.sentence_html(entry.occurrence.sentence, entry.mention))
                for entry in entries]

    def _globals(self) -> dict:
        rel = self.rooted
        return dict(
            site=self.site, base_url=self.base_url, rel=rel, site_url=lambda target: self.base_url + target,
            article_search_terms=article_search_terms, entity_search_terms=entity_search_terms,
            body_html=(lambda a: article_body_html(a, rel)), sentence_html=self.sentence_html,
            entities_named=lambda a: entities_named(a, self.site), entry_views=self.entry_views,
            article_url=article_url, entity_url=entity_url, timeline_anchor=timeline_anchor,
        )

    def _render(self, template, page: Page) -> str:
        absolute = self.base_url.startswith(("http://", "https://"))
        html = template.render(
            page=page, page_url=page.url,
            canonical=(self.base_url + page.url if absolute and page.url != "404.html" else None),
            structured_data=lambda: self._structured_data(page),
            **self._globals(),
            **{key: value() if isinstance(value, Deferred) else value for key, value in page.context.items()},
        )
        # The 404 page is served for a missing URL at any depth: only absolute links work there.
        up = self.base_url if page.url == "404.html" else root_path(page.url)
        return html.replace(ROOT_PAGE, up or "./").replace(ROOT, up)

    def _structured_data(self, page: Page) -> Markup | None:
        """schema.org JSON-LD for article and entity pages (None for the others)."""
        url = self.base_url + page.url
        if "article" in page.context:
            if self._entities is None:
                self._entities = {eid: index.entity for eid, index in self.site.entities.items()}
            data = article_ld(page.context["article"], url, self._entities,
                              lambda e: self.base_url + entity_url(e.type, e.id))
        elif "index" in page.context:
            data = entity_ld(page.context["index"], url)
        else:
            return None
        return json_ld(data)

    def pages(self) -> list[Page]:
        """Every page of the site, worked out once (worker processes inherit them).

        Raises BuildError when two pages would be written to one path (after Pelican's collision check).
        """
        if self._pages is None:
            pages = self._site_pages()
            written: dict[str, str] = {}
            for page in pages:
                path = page.output_path
                if path in written:
                    raise BuildError(path, f"two pages would be written here: {written[path]!r} and {page.title!r}")
                written[path] = page.title
            self._pages = pages
        return self._pages

    def write(self, out_dir: Path, pages: list[Page] | None = None, static: bool = True) -> list[str]:
        """Render `pages` (default: all) into `out_dir`, and the static files; returns the paths written."""
        pages = self.pages() if pages is None else pages
        for page in pages:
            target = out_dir / page.output_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.render_page(page), encoding="utf-8", newline="\n")
        if static:
            folder = self.templates / "static"
            if folder.is_dir():
                shutil.copytree(folder, out_dir / "static", dirs_exist_ok=True)
            (out_dir / ".nojekyll").write_bytes(b"")
        return sorted(page.output_path for page in pages)


def _entity_order(index: EntityIndex) -> tuple:
    return (-len(index.articles), -len(index.occurrences), index.entity.name.casefold(), index.entity.id)
