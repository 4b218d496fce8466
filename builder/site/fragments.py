"""Fragments stage: one annotated article laid out once, as everything the site needs of it.

The map step of the build (see the README's "Architecture at scale"): a pure
function of (article, registry, templates) that runs in worker processes and
whose result is kept in the site store (`builder.engine.store`) between builds. It
turns an `Article` into an `ArticleRecord`:

- the article's own page, whole;
- for every entity it names, the block that entity's pages list under
  "Mentions" (the article's title, then each mention in its sentence);
- for every date, its timeline entry (shown on the timeline and on the own
  timeline of every entity named in the same sentence);
- what the listings, feed, previews, export and relationship map need.

Nothing here knows about other articles: a date links to its timeline entry
through a marker the site stage resolves (`builder.site.templating`). Mentions are
anchored by their place in the article, dates and the others counted apart
(`d1`, `d2`, … and `m1`, `m2`, …), not by character offset: an edit that adds
no mention moves no anchor and no link to one, and a date added (the commonest
correction) moves no anchor an entity's pages link to.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from builder.content.markdown import timeline_line
from builder.model import (
    ENTITY_KINDS,
    Article,
    Entity,
    Mention,
    PublicationDate,
    format_value,
)
from builder.records import (
    ArticleRecord,
    ArticleSummary,
    EntityMentions,
    TimelineItem,
    article_order,
    timeline_sort,
)
from builder.search import search_terms
from builder.site.periods import WHOLE_YEAR
from builder.site.seo import article_ld, json_ld
from builder.site.templating import Templates, date_link, escaped, rooted
from builder.site.urls import article_url, entity_url

# A sentence ends at . ! ? (and any closing quote) before a space and a capital, quote or digit.
# The punctuation is matched, not looked behind for, so the scan jumps from one `.!?` to the next;
# the break itself is group 1.
_SENTENCE_END = re.compile(r"[.!?]([\"”’')]*\s+)(?=[\"“‘(]?[A-ZÀ-Ỹ0-9])")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "No.", "St.", "Co.", "Ltd.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.",
                  "Jul.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "U.S.", "Prof.")
LEAD_LENGTH = 280  # the feed's summary of an article
PREVIEW_SENTENCE = 160


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


def anchor(mention_type: str, ordinal: int) -> str:
    """The id of a mention in its article's page: the `ordinal`-th date (`d3`) or other mention (`m12`)."""
    return f"{'d' if mention_type == 'date' else 'm'}{ordinal}"


def timeline_anchor(article_id: str, ordinal: int) -> str:
    """The id of the timeline entry of the article's `ordinal`-th date."""
    return f"t-{article_id}-{anchor('date', ordinal)}"


def scheduled(mention: Mention, date: PublicationDate) -> bool:
    """A date still in the future when the article was written: an announcement, not a report.

    After the publication date, or, when that date is known only to the month
    (inferred "about August 2024"), within it and announced by the text
    ("will pay a state visit ... from August 18-20").
    """
    published = date.value
    if published is None:
        return False
    start = mention.value.start.first_day()
    if start > published.last_day():
        return True
    return published.precision != "day" and mention.announced and start >= published.first_day()


def _time_html(mention: Mention, inner: str) -> str:
    value = mention.value
    return f'<time datetime="{escaped(value.start.iso())}" data-value="{escaped(value.iso())}">{inner}</time>'


class _Layout:
    """The links of one article's mentions, worked out once and shared by every piece that quotes them."""

    def __init__(self, article: Article, mentions: list[Mention]):
        self.article = article
        self.ordinal: dict[int, int] = {}  # each mention's place among the dates, or among the others
        counted = {True: 0, False: 0}
        for m in mentions:
            counted[m.type == "date"] += 1
            self.ordinal[id(m)] = counted[m.type == "date"]
        self.href: dict[int, str] = {}
        for m in mentions:
            n = self.ordinal[id(m)]
            if m.type == "date":
                start = m.value.start
                self.href[id(m)] = date_link(start.year, start.month or WHOLE_YEAR,
                                             timeline_sort(m, article.id, n), timeline_anchor(article.id, n))
            else:
                self.href[id(m)] = rooted(entity_url(m.type, m.entity))

    def pieces(self, start: int, end: int, mentions: list[Mention], anchors: bool = False) -> list:
        """Body text from `start` to `end`: escaped text, and for each mention (mention, opening tag, inner HTML)."""
        out: list = []
        pos = start
        body = self.article.body
        for m in mentions:
            if m.start < pos or m.end > end:
                continue
            out.append(escaped(body[pos:m.start]))
            inner = escaped(m.text)
            if m.type == "date":
                inner = _time_html(m, inner)
            attrs = f' id="{anchor(m.type, self.ordinal[id(m)])}"' if anchors else ""
            entity = f' data-entity="{escaped(m.entity)}"' if m.entity else ""
            title = f' title="{escaped(m.value.iso())}"' if m.type == "date" else ""
            out.append((m, f'<a class="mention {escaped(m.type)}" href="{escaped(self.href[id(m)])}"{attrs}{entity}{title}>',
                        inner))
            pos = m.end
        out.append(escaped(body[pos:end]))
        return out


def joined(pieces: list, highlight: Mention | None = None) -> Markup:
    """The HTML of `_Layout.pieces`, with the `highlight` mention (if any) marked."""
    return Markup("".join(
        piece if isinstance(piece, str)
        else f"{piece[1]}<mark>{piece[2]}</mark></a>" if piece[0] is highlight
        else f"{piece[1]}{piece[2]}</a>"
        for piece in pieces))


class _Quoted:
    """A sentence's HTML, joined once; each quote of it (one per mention, that mention marked) is
    that string with the mention's link cut out and put back with its mark."""

    def __init__(self, pieces: list):
        parts: list[str] = []
        self.cuts: dict[int, tuple[int, int, str]] = {}
        at = 0
        for piece in pieces:
            if isinstance(piece, str):
                parts.append(piece)
                at += len(piece)
                continue
            mention, opening, inner = piece
            link = f"{opening}{inner}</a>"
            self.cuts[id(mention)] = (at, at + len(link), f"{opening}<mark>{inner}</mark></a>")
            parts.append(link)
            at += len(link)
        self.html = "".join(parts)

    def marking(self, mention: Mention) -> Markup:
        """`joined(pieces, mention)`."""
        start, end, marked = self.cuts[id(mention)]
        html = self.html
        return Markup(html[:start] + marked + html[end:])


def _body_html(layout: _Layout, mentions: list[Mention]) -> Markup:
    """The article's blocks as HTML: paragraphs, headings, figures, blockquotes."""
    article = layout.article
    starts = [m.start for m in mentions]

    def inside(block) -> list[Mention]:
        first, last = bisect_left(starts, block.start), bisect_right(starts, block.end)
        return [m for m in mentions[first:last] if m.end <= block.end]

    def text(block) -> str:
        return joined(layout.pieces(block.start, block.end, inside(block), anchors=True))

    # Plain strings around HTML already escaped (`joined`): no Markup.format per block.
    parts: list[str] = []
    blocks = article.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        html = text(block)
        if block.kind == "heading":
            parts.append(f"<h2>{html}</h2>")
        elif block.kind == "caption":
            credit = f' <span class="credit">({escaped(block.credit)})</span>' if block.credit else ""
            parts.append(f'<figure class="photo"><figcaption>{html}{credit}</figcaption></figure>')
        elif block.kind == "quote":
            cite = ""
            if i + 1 < len(blocks) and blocks[i + 1].kind == "attribution":
                i += 1
                cite = f"<figcaption>— <cite>{text(blocks[i])}</cite></figcaption>"
            parts.append(f'<figure class="pull-quote"><blockquote><p>{html}</p></blockquote>{cite}</figure>')
        elif block.kind == "attribution":
            parts.append(f'<p class="attribution">— {html}</p>')
        else:
            parts.append(f"<p>{html}</p>")
        i += 1
    return Markup("\n".join(parts))


def body_html(article: Article) -> Markup:
    """An annotated article's body as HTML, its links still with their markers (`builder.site.templating`)."""
    mentions = sorted(article.mentions, key=lambda m: (m.start, m.end))
    return _body_html(_Layout(article, mentions), mentions)


@dataclass(frozen=True)
class TimelineEntryView:
    """A timeline entry's strings: its template only places them."""

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


@dataclass(frozen=True)
class MentionView:
    sentence: Markup
    href: str


@dataclass(frozen=True)
class MentionGroupView:
    article_href: str
    article: Article
    items: list[MentionView]


def _lead(body: str, limit: int) -> str:
    text = " ".join(body.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def entities_named(article: Article, entities: dict[str, Entity]) -> list[tuple]:
    """(kind, [entity]) for each kind the article names, entities in id order: the article's footer."""
    out = []
    for kind in ENTITY_KINDS.values():
        ids = sorted({m.entity for m in article.mentions if m.type == kind.type and m.entity in entities})
        if ids:
            out.append((kind, [entities[eid] for eid in ids]))
    return out


def _mention_data(m: Mention) -> dict:
    out: dict = {"type": m.type, "text": m.text}
    if m.type == "date":
        out["value"] = m.value.iso()
        out["relative"] = m.relative
    else:
        out["entity"] = m.entity
        if m.title:
            out["title"] = m.title
    out["start"] = m.start
    out["end"] = m.end
    return out


def article_data(article: Article) -> dict:
    """The article as data/annotations.json has it (the schema only ever gains fields)."""
    return {
        "id": article.id,
        "source": article.source_file,
        "title": article.title,
        "date": article.date.value.iso() if article.date.value else None,
        "date_inferred": article.date.inferred,
        "url": article_url(article.id),
        "dateline": article.dateline,
        "credit": article.source,
        "body": article.body,
        "mentions": [_mention_data(m) for m in sorted(article.mentions, key=lambda m: (m.start, m.end))],
    }


_DUMP = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_DUMP_SORTED = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def article_record(article: Article, entities: dict[str, Entity], templates: Templates, markdown: str,
                   squeezed: str) -> ArticleRecord:
    """Lay out one annotated article (see the module docstring). `markdown` is its content file."""
    mentions = sorted(article.mentions, key=lambda m: (m.start, m.end))
    article.mentions = mentions
    layout = _Layout(article, mentions)
    starts = [m.start for m in mentions]
    page_url = article_url(article.id)
    published = article.date.value
    date_iso = published.iso() if published else None
    date_shown = article.date.display()

    entity_items: dict[str, list[MentionView]] = {}
    entity_titles: dict[str, dict[str, None]] = {}
    ties: Counter = Counter()
    entry_views: list[TimelineEntryView] = []
    items: list[TimelineItem] = []
    for start, end in sentence_spans(article):
        first, last = bisect_left(starts, start), bisect_right(starts, end)
        inside = [m for m in mentions[first:last] if m.end <= end]
        if not inside:
            continue
        quoted = _Quoted(layout.pieces(start, end, inside))
        named = sorted({m.entity for m in inside if m.entity and m.entity in entities})
        for i, a in enumerate(named):
            for b in named[i + 1:]:
                ties[(a, b)] += 1
        text = article.body[start:end]
        for m in inside:
            n = layout.ordinal[id(m)]
            if m.type == "date":
                value = m.value
                shown = format_value(value)
                is_scheduled = scheduled(m, article.date)
                entry_anchor = timeline_anchor(article.id, n)
                entry_views.append(TimelineEntryView(
                    anchor=entry_anchor, entities=" ".join(named), start=value.start.iso(), value=value.iso(),
                    shown=shown, as_written=m.text if m.text != shown else None, scheduled=is_scheduled,
                    relative=m.relative, sentence=quoted.marking(m),
                    article_href=rooted(f"{page_url}#{anchor(m.type, n)}"), article_title=article.title,
                    article_date=date_iso, article_date_shown=date_shown))
                items.append(TimelineItem(
                    anchor=entry_anchor, sort=timeline_sort(m, article.id, n), year=value.start.year,
                    month=value.start.month or WHOLE_YEAR, value=value.iso(),
                    first=value.start.first_day().toordinal(), last=value.last_day().toordinal(),
                    precision=value.start.precision, scheduled=is_scheduled, entities=tuple(named), html="",
                    markdown=timeline_line(m, article.title, article.id),
                    sentence=text, text=m.text))
            elif m.entity in entities:
                entity_items.setdefault(m.entity, []).append(
                    MentionView(quoted.marking(m), rooted(f"{page_url}#{anchor(m.type, n)}")))
                if m.title:
                    entity_titles.setdefault(m.entity, {})[m.title] = None

    entries_html = templates.each("timeline_entries.html", "entries", "entry", entry_views)
    items = [TimelineItem(**{**vars(item), "html": html}) for item, html in zip(items, entries_html, strict=True)]
    order = list(entity_items)
    groups = [MentionGroupView(rooted(page_url), article, entity_items[eid]) for eid in order]
    groups_html = templates.pieces("entity_mentions.html", {"groups": groups}, len(groups))
    entity_blocks = [EntityMentions(eid, len(entity_items[eid]), tuple(entity_titles.get(eid, ())), html)
                     for eid, html in zip(order, groups_html, strict=True)]

    def structured_data() -> Markup:
        return json_ld(article_ld(article, templates.base_url + page_url, entities,
                                  lambda e: templates.base_url + entity_url(e.type, e.id), templates.config))

    page = templates.render("article.html", page_url, article.title, {
        "article": article, "body_html": _body_html(layout, mentions),
        "entities_named": entities_named(article, entities),
        "search_terms": search_terms(article.title + " " + article.body)}, structured_data)

    previews = {}
    for item, view in zip(items, entry_views, strict=True):
        previews[item.anchor] = {"label": view.shown, "iso": item.value, "scheduled": item.scheduled,
                                 "relative": view.relative, "article": article.title,
                                 "sentence": _lead(item.sentence, PREVIEW_SENTENCE)}
    summary = ArticleSummary(
        id=article.id, source_file=article.source_file, title=article.title, title_derived=article.title_derived,
        date=article.date, dateline=article.dateline, source=article.source, lead=_lead(article.body, LEAD_LENGTH),
        order=article_order(article.id, article.date), year=published.year if published else None,
        month=(published.month or WHOLE_YEAR) if published else WHOLE_YEAR)
    return ArticleRecord(summary, page, entity_blocks, items, dict(ties), _DUMP(article_data(article)),
                         _DUMP_SORTED(previews) + "\n", markdown, squeezed, mentions)
