"""Export stage: the site's data files, written beside the HTML pages.

- `site/data/annotations.json`: every article and mention as data, for
  researchers and for our own measurement. The schema is stable: fields are
  only ever added. `text` is exactly `body[start:end]`; offsets index the
  clean body text, which is exported as `body`. The article's `source` is its
  seed file (the wire credit is `credit`). One article per line, each line
  made once by the fragments stage and kept in the store.
- `site/data/previews/entities.json`, `site/data/previews/dates/<article>.json`
  and `site/data/previews/date-counts.json`: what a link preview card shows,
  by entity id, by timeline anchor for each article's dates, and how many
  articles have an entry for each date value (read by
  `templates/static/site.js`, which fetches the entities once and an article's
  dates when one of them is first shown, so a reader never downloads the
  whole archive's dates; the counts are kept apart so that a new article
  changes no other article's file).
- `site/data/graph.json`: the relationship map for Cytoscape.js.
- `feed.xml`, `sitemap.xml`, `robots.txt` (see `builder.feeds`).

Each writer hands its files to the publish stage's `SiteUpdate`, which
writes only what changed.
"""

from __future__ import annotations

import json

from .collect import EntitySummary, SiteView
from .feeds import feed_files
from .graph import RelationshipMap
from .publish import SiteUpdate
from .templating import entity_url


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _entities(site: SiteView) -> list[dict]:
    entities = []
    for entity_id in sorted(site.entities):
        e = site.entities[entity_id].entity
        entry = {"id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases, "url": entity_url(e.type, e.id),
                 "status": e.status}
        if e.type == "person":
            entry["titles"] = e.titles
        if e.country:
            entry["country"] = e.country
        entities.append(entry)
    return entities


def annotations_json(site: SiteView) -> bytes:
    """{"entities": [...], "articles": [...]}, one article per line."""
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    parts = ['{"entities":' + dump(_entities(site)) + ',\n"articles":[']
    for i, line in enumerate(site.store.exports()):
        parts.append((",\n" if i else "\n") + line)
    parts.append("\n]}\n")
    return "".join(parts).encode("utf-8")


def entity_preview(summary: EntitySummary, site: SiteView) -> dict:
    e = summary.entity
    titles = list(dict.fromkeys(list(e.titles) + summary.titles))
    data = {"name": e.name, "type": e.type, "url": entity_url(e.type, e.id), "summary": e.summary or "",
            "titles": titles[:3], "articles": summary.articles, "mentions": summary.mentions}
    if summary.span:
        found = site.store.summaries_of(summary.span)
        if summary.span[0] in found and summary.span[1] in found:
            data["first"] = found[summary.span[0]].date.display()
            data["last"] = found[summary.span[1]].date.display()
    if e.country == "vn":
        data["lang"] = "vi"
    return data


def write_previews(site: SiteView, update: SiteUpdate, articles: list[str] | None) -> None:
    """The entities' cards, the date counts, and the date cards of `articles` (None: of every article)."""
    newest = site.newest_date
    update.put("data/previews/entities.json", _json({
        "entities": {eid: entity_preview(s, site) for eid, s in sorted(site.entities.items())},
        "newest": newest and _format(newest)}))
    update.put("data/previews/date-counts.json", _json(site.store.value_counts()))
    ids = [a.id for a in site.store.summaries()] if articles is None else articles
    for article_id in ids:
        cards = site.store.column(article_id, "previews")
        if cards is not None and cards.strip() != "{}":
            update.put(f"data/previews/dates/{article_id}.json", cards)


def preview_paths(site: SiteView) -> set[str]:
    """Every date-card file the site has (an article with no date has none)."""
    return {f"data/previews/dates/{aid}.json" for aid in site.store.dated_articles()}


def _format(point) -> str:
    from .model import format_point

    return format_point(point)


def write_reader_files(site: SiteView, update: SiteUpdate, graph: RelationshipMap, page_urls: list[str],
                       base_url: str) -> None:
    """graph.json, the Atom feed, the sitemap and robots.txt."""
    update.put("data/graph.json", _json(graph.to_json(lambda e: entity_url(e.type, e.id))))
    for name, text in feed_files(site, base_url, page_urls).items():
        update.put(name, text)
