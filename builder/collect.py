"""Collect stage: the site-wide view, built once every article is annotated.

Entity pages, "mentioned in" lists and the timeline need all articles
resolved first (MkDocs and Pelican gather everything before writing
anything). This stage turns the annotated articles into plain objects the
renderer only has to lay out: each mention with the sentence it stands in,
each entity's mentions and co-mentions, and the timeline entries.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .model import Article, Entity, Mention
from .registry import Registry

# A sentence ends at . ! ? (and any closing quote) before a space and a capital, quote or digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘(]?[A-ZÀ-Ỹ0-9])")
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
        return list(dict.fromkeys(o.article for o in self.occurrences))


@dataclass(frozen=True)
class TimelineEntry:
    """A dated mention on the site-wide timeline."""

    occurrence: Occurrence
    scheduled: bool  # in the future when the article was written

    @property
    def mention(self) -> Mention:
        return self.occurrence.mention


@dataclass
class SiteIndex:
    """The collect stage's result: what every page of the site is made from."""

    articles: list[Article]  # newest first; undated last
    entities: dict[str, EntityIndex]
    timeline: list[TimelineEntry]
    sentences: dict[str, list[Sentence]]  # by article id


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """The sentences of the body, block by block; never crossing a block boundary."""
    spans = []
    for block in article.blocks:
        text = article.body[block.start:block.end]
        pos = 0
        for m in _SENTENCE_END.finditer(text):
            if text[:m.start()].endswith(_ABBREVIATIONS):
                continue
            spans.append((block.start + pos, block.start + m.start() + len(m.group(0).rstrip())))
            pos = m.end()
        spans.append((block.start + pos, block.end))
    return [(a, b) for a, b in spans if b > a]


def _sentences(article: Article) -> list[Sentence]:
    out = []
    mentions = sorted(article.mentions, key=lambda m: m.start)
    for start, end in sentence_spans(article):
        inside = tuple(m for m in mentions if start <= m.start and m.end <= end)
        out.append(Sentence(article, start, end, inside))
    return out


def _article_order(article: Article) -> tuple:
    value = article.date.value
    # Newest first; undated last; ties by id for determinism.
    return (value is None, -(value.first_day().toordinal()) if value else 0, article.id)


def collect(articles: list[Article], registry: Registry) -> SiteIndex:
    """Build the site-wide index from annotated articles."""
    ordered = sorted(articles, key=_article_order)
    entities = {e.id: EntityIndex(e) for e in registry.entities.values()}
    sentences: dict[str, list[Sentence]] = {}
    timeline: list[TimelineEntry] = []
    co_counts: dict[str, Counter] = {e: Counter() for e in entities}
    titles: dict[str, dict[str, list[Article]]] = {e: {} for e in entities}

    for article in ordered:
        article_sentences = _sentences(article)
        sentences[article.id] = article_sentences
        for sentence in article_sentences:
            in_sentence = {m.entity for m in sentence.mentions if m.entity}
            dated = [
                TimelineEntry(Occurrence(article, m, sentence), _scheduled(m, article))
                for m in sentence.mentions if m.type == "date"
            ]
            timeline.extend(dated)
            for mention in sentence.mentions:
                index = entities.get(mention.entity) if mention.entity else None
                if index is None:
                    continue
                index.occurrences.append(Occurrence(article, mention, sentence))
                index.timeline.extend(dated)
                co_counts[mention.entity].update(in_sentence - {mention.entity})
                if mention.title:
                    seen = titles[mention.entity].setdefault(mention.title, [])
                    if article not in seen:
                        seen.append(article)

    for entity_id, index in entities.items():
        index.co_mentions = sorted(
            ((entities[other].entity, n) for other, n in co_counts[entity_id].items() if other in entities),
            key=lambda pair: (-pair[1], pair[0].name),
        )
        index.titles_seen = sorted(titles[entity_id].items(), key=lambda kv: (_first_date(kv[1]), kv[0]))
        index.timeline = sorted(dict.fromkeys(index.timeline), key=_timeline_order)

    timeline.sort(key=_timeline_order)
    return SiteIndex(ordered, entities, timeline, sentences)


def _first_date(articles: list[Article]) -> str:
    dated = [a.date.value.iso() for a in articles if a.date.value]
    return min(dated) if dated else "9999"


def _scheduled(mention: Mention, article: Article) -> bool:
    """A date after the publication date: an announcement, not a report."""
    published = article.date.value
    return bool(published) and mention.value.start.first_day() > published.last_day()


def _timeline_order(entry: TimelineEntry) -> tuple:
    return (entry.mention.value.sort_key(), entry.occurrence.article.id, entry.mention.start)
