"""What the map step makes of one article and the store keeps: plain, picklable records.

`builder.site.fragments.article_record` lays an annotated article out as an `ArticleRecord`; the
store (`builder.engine.store`) keeps it between builds and hands its parts to the pages that show
them. Nothing here knows how they are made or read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.model import Mention, PublicationDate


@dataclass(frozen=True)
class ArticleSummary:
    """What pages other than its own show of an article: listings, headers, the feed."""

    id: str
    source_file: str
    title: str
    title_derived: bool
    date: PublicationDate
    dateline: str | None
    source: str | None
    lead: str  # the opening words, for the feed
    order: str  # sorts newest first, undated last, then by id
    year: int | None  # of publication (None: undated)
    month: int  # of publication; WHOLE_YEAR when known only to the year



@dataclass(frozen=True)
class EntityMentions:
    """One entity's mentions in one article: the block its pages list under "Mentions"."""

    entity: str
    count: int
    titles: tuple[str, ...]  # titles written before the name, in order of first use
    html: str


@dataclass(frozen=True)
class TimelineItem:
    """One dated mention: its place on the timeline and its entry, laid out."""

    anchor: str  # t-<article id>-m<n>
    sort: str  # the timeline's order as one sortable string (see `timeline_sort`)
    year: int  # the bucket of its start (`builder.site.periods`)
    month: int
    value: str  # ISO 8601
    first: int  # first and last day covered, as ordinals (what "in this month" asks)
    last: int
    precision: str
    scheduled: bool  # still in the future when the article was written
    entities: tuple[str, ...]  # named in the same sentence: whose own timelines show it
    html: str
    markdown: str  # its line in content/timeline/<year>.md
    sentence: str  # the sentence as plain text
    text: str  # the date as written


@dataclass
class ArticleRecord:
    """Everything the site needs of one article, made once by `article_record`."""

    summary: ArticleSummary
    page: str  # the article's page, with link markers
    entities: list[EntityMentions]
    timeline: list[TimelineItem]
    ties: dict[tuple[str, str], int]  # (a, b), a < b: sentences naming both
    export: str  # its line of data/annotations.json
    previews: str  # data/previews/dates/<id>.json
    markdown: str  # content/articles/<id>.md
    squeezed: str  # folded text without junctions: which registry changes can touch it
    mentions: list[Mention] = field(default_factory=list)  # recognised mentions, dates included


def article_order(article_id: str, date: PublicationDate) -> str:
    """Newest first, undated last, ties by id: as one string, so a database can sort by it."""
    if date.value is None:
        return f"1 {article_id}"
    return f"0{10**7 - date.value.first_day().toordinal():07d} {article_id}"


def timeline_sort(mention: Mention, article_id: str, ordinal: int) -> str:
    """The timeline's order (by date, shorter first, then article, then place in it) as one string.

    The space sorts below every character of an ISO value and of an id, so the string sorts as the
    tuple (first day, length, ISO value, article id, ordinal) does.
    """
    value = mention.value
    first, last = value.start.first_day(), value.last_day()
    return f"{first.toordinal():07d} {(last - first).days:06d} {value.iso()} {article_id} {ordinal:05d}"


# --- what a change touched: the engine works it out, each family of pages reads it -------------------

NOTHING = {"summary": None, "published": None, "blocks": {}, "entries": {}, "ties": {}, "lines": {}}


@dataclass
class Touched:
    """What the changed articles changed: the pieces of theirs that differ before and after."""

    articles: set[str] = field(default_factory=set)  # ids whose own page (and data files) change
    entities: dict[str, set] = field(default_factory=dict)  # entity -> publication buckets of changed blocks
    own: dict[str, set] = field(default_factory=dict)  # entity -> buckets of changed entries of its own timeline
    fronts: set[str] = field(default_factory=set)  # entities whose first page changes
    buckets: set = field(default_factory=set)  # (year, month) of the site's timeline with a changed entry
    dated: set = field(default_factory=set)  # (year, month, sort key) of each changed entry, before and after
    relisted: set = field(default_factory=set)  # (year, month) of the site's timeline whose every page changes
    timeline_pages: set = field(default_factory=set)  # pages of the site's timeline whose first or last entry moved
    published: set = field(default_factory=set)  # (year, month) of publication of articles whose listing entry changed
    years: set = field(default_factory=set)  # years of content/timeline/ with a changed line
    removed: set[str] = field(default_factory=set)
    registry: set[str] = field(default_factory=set)  # entities whose registry page changed
    recounted: set[str] = field(default_factory=set)  # entities named in more or fewer articles, or more or less often
    redrawn: bool = False  # an article now names other entities, or ties others: the relationship map may differ

    def change(self, before: dict, after: dict) -> None:
        """Note what differs between an article's pieces before and after (`SiteStore.pieces`;
        `NOTHING` for an article that is new, or gone)."""
        for entity in before["blocks"].keys() | after["blocks"].keys():
            if _count(before, entity) != _count(after, entity):
                self.recounted.add(entity)
        if before["blocks"].keys() != after["blocks"].keys() or before["ties"] != after["ties"]:
            self.redrawn = True
        # A date added before others renumbers their anchors, which no line of content/timeline/ shows.
        for year in before["lines"].keys() | after["lines"].keys():
            if before["lines"].get(year) != after["lines"].get(year):
                self.years.add(year)
        self.show_anew(before, after)

    def show_anew(self, before: dict, after: dict) -> None:
        """Note the pages that show a piece that differs between `before` and `after` (`change`); alone,
        for pieces of an article that stays as it was but shows them anew (a link that moved)."""
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
                year, month, _, entities, sort = side
                self.buckets.add((year, month))
                self.dated.add((year, month, sort))
                for entity in entities:
                    self.own.setdefault(entity, set()).add((year, month))
                    self.fronts.add(entity)
        for pair in before["ties"].keys() | after["ties"].keys():
            if before["ties"].get(pair) != after["ties"].get(pair):
                self.fronts.update(pair)

    @property
    def anything(self) -> bool:
        return bool(self.articles or self.removed)


def _count(pieces: dict, entity: str) -> int:
    """How often the article whose `pieces` these are names `entity`."""
    block = pieces["blocks"].get(entity)
    return block[3] if block is not None else 0
