"""Export stage: the site's data files, written beside the HTML pages.

- `site/data/annotations.json`: every article and mention as data, for
  researchers and for our own measurement. The schema is stable: fields are
  only ever added. `text` is exactly `body[start:end]`; offsets index the
  clean body text, which is exported as `body`. The article's `source` is its
  seed file (the wire credit is `credit`).
- `site/data/previews/entities.json` and `site/data/previews/dates/<article>.json`:
  what a link preview card shows, by entity id, and by timeline anchor for
  each article's dates (read by `templates/static/site.js`, which fetches the
  entities once and an article's dates when one of them is first shown, so a
  reader never downloads the whole archive's dates).
- `site/data/graph.json`: the relationship map for Cytoscape.js.
- `feed.xml`, `sitemap.xml`, `robots.txt` (see `builder.feeds`).
"""

from __future__ import annotations

import json
from pathlib import Path

from .collect import EntityIndex, SiteIndex, TimelineEntry
from .feeds import write_feeds
from .graph import relationship_map
from .model import Article, Mention, format_point, format_value
from .render import article_url, entity_url, timeline_anchor


def _mention(m: Mention) -> dict:
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


def _article(a: Article) -> dict:
    return {
        "id": a.id,
        "source": a.source_file,
        "title": a.title,
        "date": a.date.value.iso() if a.date.value else None,
        "date_inferred": a.date.inferred,
        "url": article_url(a),
        "dateline": a.dateline,
        "credit": a.source,
        "body": a.body,
        "mentions": [_mention(m) for m in sorted(a.mentions, key=lambda m: (m.start, m.end))],
    }


def _entities(site: SiteIndex) -> list[dict]:
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


def write_annotations(site: SiteIndex, out_dir: Path) -> Path:
    """{"entities": [...], "articles": [...]} as JSON, one article per line, written one at a time."""
    path = Path(out_dir) / "data" / "annotations.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write('{"entities":' + dump(_entities(site)) + ',\n"articles":[')
        for i, article in enumerate(sorted(site.articles, key=lambda a: a.id)):
            out.write((",\n" if i else "\n") + dump(_article(article)))
        out.write("\n]}\n")
    return path


def _write_json(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                    encoding="utf-8", newline="\n")
    return path


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def _entity_preview(index: EntityIndex) -> dict:
    e = index.entity
    seen_titles = [title for title, _ in index.titles_seen]
    titles = list(dict.fromkeys(list(e.titles) + seen_titles))
    data = {"name": e.name, "type": e.type, "url": entity_url(e.type, e.id), "summary": e.summary or "",
            "titles": titles[:3], "articles": len(index.articles), "mentions": len(index.occurrences)}
    span = index.first_and_last
    if span:
        data["first"] = span[0].date.display()
        data["last"] = span[1].date.display()
    if e.country == "vn":
        data["lang"] = "vi"
    return data


def _date_preview(entry: TimelineEntry, same_day: int) -> dict:
    m, article = entry.mention, entry.occurrence.article
    return {
        "label": format_value(m.value), "iso": m.value.iso(), "scheduled": entry.scheduled,
        "relative": m.relative, "article": article.title,
        "sentence": _shorten(entry.occurrence.sentence.text),
        "other_count": same_day,
    }


def previews(site: SiteIndex) -> tuple[dict, dict[str, dict]]:
    """Link-preview cards: entities by id; for each article, its dates by timeline anchor (the date
    links' fragment). A date's card counts the other articles with an entry for the same value."""
    articles_by_value: dict[str, set[str]] = {}
    for entry in site.timeline:
        articles_by_value.setdefault(entry.mention.value.iso(), set()).add(entry.occurrence.article.id)
    entities = {"entities": {eid: _entity_preview(index) for eid, index in sorted(site.entities.items())},
                "newest": format_point(site.newest_date) if site.newest_date else None}
    dates: dict[str, dict] = {}
    for e in site.timeline:
        article_id = e.occurrence.article.id
        sharing = articles_by_value[e.mention.value.iso()]  # not a set difference: a copy per entry
        same_day = len(sharing) - (article_id in sharing)
        dates.setdefault(article_id, {})[timeline_anchor(e.occurrence.article, e.mention)] = _date_preview(e, same_day)
    return entities, dates


def _summary(article: Article) -> str:
    return _shorten(article.body, 280)


def write_reader_files(site: SiteIndex, out_dir: Path, base_url: str, pages: list[str]) -> list[str]:
    """The preview cards, graph.json, the Atom feed, sitemap and robots.txt; returns the paths written."""
    out_dir = Path(out_dir)
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    entities, dates = previews(site)
    written = [_write_json(out_dir / "data" / "previews" / "entities.json", entities)]
    written += [_write_json(out_dir / "data" / "previews" / "dates" / f"{aid}.json", cards) for aid, cards in dates.items()]
    graph = relationship_map(site).to_json(lambda e: entity_url(e.type, e.id))
    _write_json(out_dir / "data" / "graph.json", graph)
    urls = [p[: -len("index.html")] if p.endswith("index.html") else p for p in pages if p != "404.html"]
    feeds = write_feeds(out_dir, site, base_url, urls, article_url, _summary)
    return ["data/graph.json", *(path.relative_to(out_dir).as_posix() for path in written), *feeds]
