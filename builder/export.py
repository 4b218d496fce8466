"""Export stage: `site/data/annotations.json`, every article and mention as data.

For researchers and for our own measurement. The schema is stable: fields
are only ever added. `text` is exactly `body[start:end]`; offsets index the
clean body text, which is exported as `body`. The article's `source` is its
seed file (the wire credit is `credit`).
"""

from __future__ import annotations

import json
from pathlib import Path

from .collect import SiteIndex
from .model import Article, Mention
from .render import article_url, entity_url


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


def annotations(site: SiteIndex) -> dict:
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
    return {"entities": entities, "articles": [_article(a) for a in sorted(site.articles, key=lambda a: a.id)]}


def write_annotations(site: SiteIndex, out_dir: Path) -> Path:
    path = Path(out_dir) / "data" / "annotations.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(annotations(site), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
