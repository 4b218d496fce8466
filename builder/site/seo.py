"""What search engines and link unfurlers read: schema.org JSON-LD and the page summary.

`NewsArticle` for articles, with `mentions` of the people, organisations,
places and mechanisms it names; `Person`, `Organization`, `Place` or `Thing`
for entity pages. Emitted as `<script type="application/ld+json">`, which is
data, not script: the Content-Security-Policy does not run it. URLs are
absolute only when the base URL is (otherwise site-relative, as in feeds).
"""

from __future__ import annotations

import json

from markupsafe import Markup

from builder.ingest.registry import same_as
from builder.model import Article, Entity

SCHEMA_TYPES = {"person": "Person", "organisation": "Organization", "place": "Place", "mechanism": "Thing"}


def _entity_ref(entity: Entity, url: str) -> dict:
    return {"@type": SCHEMA_TYPES.get(entity.type, "Thing"), "name": entity.name, "url": url}


def article_ld(article: Article, url: str, entities: dict[str, Entity], entity_url, config=None) -> dict:
    """`entity_url(entity)` gives the absolute (or site-relative) URL of an entity page; `config`:
    archive.yml (its language, and its publisher when that has a url)."""
    ids = sorted({m.entity for m in article.mentions if m.entity and m.entity in entities})
    data: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "inLanguage": config.language if config is not None else "en",
        "mentions": [_entity_ref(entities[i], entity_url(entities[i])) for i in ids],
    }
    if article.date.value:
        data["datePublished"] = article.date.value.iso()
    if article.dateline:
        data["locationCreated"] = {"@type": "Place", "name": article.dateline}
    if article.source:
        data["sourceOrganization"] = {"@type": "Organization", "name": article.source}
    if config is not None and config.publisher_url:
        data["publisher"] = {"@type": "Organization", "name": config.publisher_name, "url": config.publisher_url}
    return data


def entity_ld(summary, url: str) -> dict:
    """`summary`: the collect stage's EntitySummary of the entity."""
    entity = summary.entity
    data: dict = {"@context": "https://schema.org", "@type": SCHEMA_TYPES.get(entity.type, "Thing"),
                  "name": entity.name, "url": url}
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.summary:
        data["description"] = entity.summary
    if entity.type == "person" and entity.titles:
        data["jobTitle"] = list(entity.titles)
    if entity.type == "person" and entity.country:
        data["nationality"] = {"vn": "Việt Nam", "cn": "China"}.get(entity.country, entity.country.upper())
    if links := same_as(entity):
        data["sameAs"] = links
    return data


def json_ld(data: dict) -> Markup:
    """JSON safe inside a <script> element: `<`, `>` and `&` escaped as \\u sequences."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
