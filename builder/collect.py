"""Collect stage: the site-wide view, built once every article is annotated.

Entity pages, "mentioned in" lists and the timeline need all articles
resolved first (MkDocs and Pelican gather everything before writing
anything). This stage turns the annotated articles into plain objects the
renderer only has to lay out: each mention with the sentence it stands in,
each entity's mentions and co-mentions, and the timeline entries.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from .memory import collector_paused
from .model import Article, DatePoint, Entity, Mention
from .registry import Registry

# A sentence ends at . ! ? (and any closing quote) before a space and a capital, quote or digit.
# The punctuation is matched, not looked behind for, so the scan jumps from one `.!?` to the next;
# the break itself is group 1.
_SENTENCE_END = re.compile(r"[.!?]([\"”’')]*\s+)(?=[\"“‘(]?[A-ZÀ-Ỹ0-9])")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "No.", "St.", "Co.", "Ltd.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "U.S.", "Prof.")


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's body with the mentions inside it."""

    article: Article
    start: int
    end: int
    mentions: tuple[Mention, ...]

    @property
    def text(self) -> str:
        return self.article.body[self.start:self.end]


@dataclass(frozen=True)
class Occurrence:
    """One mention in its sentence."""

    article: Article
    mention: Mention
    sentence: Sentence


@dataclass
class EntityIndex:
    """Everything the site knows about one entity."""

    entity: Entity
    occurrences: list[Occurrence] = field(default_factory=list)
    co_mentions: list[tuple[Entity, int]] = field(default_factory=list)
    titles_seen: list[tuple[str, list[Article]]] = field(default_factory=list)
    timeline: list["TimelineEntry"] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        """The articles that mention the entity, in the order of its occurrences.

        Worked out again only when occurrences were added: every page of a much-mentioned entity
        (and its listing row, and its preview) asks, and each time it was a pass over them all.
        """
        known = self.__dict__.get("_articles")
        if known is None or known[0] != len(self.occurrences):
            known = self.__dict__["_articles"] = (len(self.occurrences),
                                                  list(dict.fromkeys(o.article for o in self.occurrences)))
        return known[1]

    @property
    def first_and_last(self) -> tuple[Article, Article] | None:
        """The earliest and the latest dated article that mentions the entity (None if none is dated)."""
        known = self.__dict__.get("_first_and_last")
        if known is None or known[0] != len(self.occurrences):
            dated = sorted((a for a in self.articles if a.date.value), key=lambda a: (a.date.value.first_day(), a.id))
            known = self.__dict__["_first_and_last"] = (len(self.occurrences),
                                                        (dated[0], dated[-1]) if dated else None)
        return known[1]


@dataclass(frozen=True)
class TimelineEntry:
    """A dated mention on the site-wide timeline."""

    occurrence: Occurrence
    scheduled: bool  # in the future when the article was written

    @property
    def mention(self) -> Mention:
        return self.occurrence.mention

    @property
    def entity_ids(self) -> list[str]:
        """The entities named in the entry's sentence: what the timeline can be filtered by."""
        return sorted({m.entity for m in self.occurrence.sentence.mentions if m.entity})


@dataclass
class SiteIndex:
    """The collect stage's result: what every page of the site is made from."""

    articles: list[Article]  # newest first; undated last
    entities: dict[str, EntityIndex]
    timeline: list[TimelineEntry]
    sentences: dict[str, list[Sentence]]  # by article id

    @property
    def newest_date(self) -> DatePoint | None:
        """The newest publication date: the site's "now" (never the machine's clock, so builds repeat)."""
        return next((a.date.value for a in self.articles if a.date.value), None)

    def month_on_timeline(self) -> tuple[DatePoint | None, list["TimelineEntry"]]:
        """The month of the newest article and the timeline entries that fall in it.

        An entry falls in the month when its date or interval overlaps it and is
        no longer than a year ("2026" or "1950–2026" are not news of the month).
        One entry per date and article.
        """
        newest = self.newest_date
        if newest is None or newest.month is None:
            return None, []
        month = DatePoint(newest.year, newest.month)
        first, last = month.first_day(), month.last_day()
        seen, out = set(), []
        for entry in self.timeline:
            value = entry.mention.value
            start, end = value.start.first_day(), value.last_day()
            if value.start.precision == "year" or (end - start).days > 366:
                continue
            key = (value.iso(), entry.occurrence.article.id)
            if start <= last and end >= first and key not in seen:
                seen.add(key)
                out.append(entry)
        return month, out


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """The sentences of the body, block by block; never crossing a block boundary."""
    spans = []
    for block in article.blocks:
        text = article.body[block.start:block.end]
        pos = 0
        for m in _SENTENCE_END.finditer(text):
            if text.endswith(_ABBREVIATIONS, 0, m.start(1)):
                continue
            spans.append((block.start + pos, block.start + m.start(1) + len(m.group(1).rstrip())))
            pos = m.end()
        spans.append((block.start + pos, block.end))
    return [(a, b) for a, b in spans if b > a]


def _sentences(article: Article) -> list[Sentence]:
    out = []
    mentions = sorted(article.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    for start, end in sentence_spans(article):
        # Only the mentions that start within the sentence can lie inside it: found by bisection, not a scan.
        first, last = bisect_left(starts, start), bisect_right(starts, end)
        inside = tuple(m for m in mentions[first:last] if m.end <= end)
        out.append(Sentence(article, start, end, inside))
    return out


def _article_order(article: Article) -> tuple:
    value = article.date.value
    # Newest first; undated last; ties by id for determinism.
    return (value is None, -(value.first_day().toordinal()) if value else 0, article.id)


def collect(articles: list[Article], registry: Registry) -> SiteIndex:
    """Build the site-wide index from annotated articles."""
    with collector_paused():
        return _collect(articles, registry)


def _collect(articles: list[Article], registry: Registry) -> SiteIndex:
    ordered = sorted(articles, key=_article_order)
    entities = {e.id: EntityIndex(e) for e in registry.entities.values()}
    sentences: dict[str, list[Sentence]] = {}
    timeline: list[TimelineEntry] = []
    co_counts: dict[str, Counter] = {e: Counter() for e in entities}
    titles: dict[str, dict[str, dict[int, Article]]] = {e: {} for e in entities}

    # Each entry's place in time, computed once: entities' timelines share the site's entries.
    order: dict[int, tuple] = {}
    for article in ordered:
        article_id = article.id
        article_sentences = _sentences(article)
        sentences[article_id] = article_sentences
        for sentence in article_sentences:
            in_sentence = {m.entity for m in sentence.mentions if m.entity}
            dated = [
                TimelineEntry(Occurrence(article, m, sentence), _scheduled(m, article))
                for m in sentence.mentions if m.type == "date"
            ]
            for entry in dated:
                order[id(entry)] = _timeline_key(entry.mention, article_id)
            timeline.extend(dated)
            for mention in sentence.mentions:
                index = entities.get(mention.entity) if mention.entity else None
                if index is None:
                    continue
                index.occurrences.append(Occurrence(article, mention, sentence))
                index.timeline.extend(dated)
                co_counts[mention.entity].update(in_sentence - {mention.entity})
                if mention.title:  # articles in order, each once (a dict: a list's `in` grew with the archive)
                    titles[mention.entity].setdefault(mention.title, {}).setdefault(id(article), article)

    for entity_id, index in entities.items():
        index.co_mentions = sorted(
            ((entities[other].entity, n) for other, n in co_counts[entity_id].items() if other in entities),
            key=lambda pair: (-pair[1], pair[0].name),
        )
        seen = [(title, list(by_id.values())) for title, by_id in titles[entity_id].items()]
        index.titles_seen = sorted(seen, key=lambda kv: (_first_date(kv[1]), kv[0]))
        # Equal entries are the same date mention in the same sentence (one Sentence object per span):
        # keyed so, repeats are dropped without hashing every mention of the sentence again.
        unique: dict[tuple, TimelineEntry] = {}
        for entry in index.timeline:
            unique.setdefault((id(entry.occurrence.sentence), entry.mention), entry)
        index.timeline = sorted(unique.values(), key=lambda entry: order[id(entry)])

    timeline.sort(key=lambda entry: order[id(entry)])
    return SiteIndex(ordered, entities, timeline, sentences)


def _first_date(articles: list[Article]) -> str:
    dated = [a.date.value.iso() for a in articles if a.date.value]
    return min(dated) if dated else "9999"


def _scheduled(mention: Mention, article: Article) -> bool:
    """A date still in the future when the article was written: an announcement, not a report.

    After the publication date, or, when that date is known only to the month
    (inferred "about August 2024"), within it and announced by the text
    ("will pay a state visit ... from August 18-20").
    """
    published = article.date.value
    if published is None:
        return False
    start = mention.value.start.first_day()
    if start > published.last_day():
        return True
    return published.precision != "day" and mention.announced and start >= published.first_day()


def _timeline_key(mention: Mention, article_id: str) -> tuple:
    """The timeline's order: by date (shorter first), then article, then place in the article."""
    return (mention.value.sort_key(), article_id, mention.start)
