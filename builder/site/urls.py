"""The site's URL scheme, in one place: where each family of pages lives.

Every URL is site-relative and ends in "/" for a folder page ("people/to-lam/"); the home page is "".
Pages link to each other relatively (`builder.site.templating.finish`), so the site works at a domain's
root and under a project path alike.
"""

from __future__ import annotations

from builder.model import ENTITY_KINDS

HOME = ""
ARTICLES = "articles/"
TIMELINE = "timeline/"
MAP = "map/"
SEARCH = "search/"
NOT_FOUND = "404.html"


def article_url(article_id: str) -> str:
    return f"{ARTICLES}{article_id}/"


def listing_url(entity_type: str) -> str:
    """The index of every entity of one kind ("people/")."""
    return f"{ENTITY_KINDS[entity_type].folder}/"


def entity_url(entity_type: str, entity_id: str) -> str:
    return f"{listing_url(entity_type)}{entity_id}/"


def entity_mentions_url(entity_type: str, entity_id: str) -> str:
    """Where an entity's mentions continue, by period, when they do not fit on its page."""
    return entity_url(entity_type, entity_id) + "mentions/"


def entity_timeline_url(entity_type: str, entity_id: str) -> str:
    """The entity's own timeline: the dated mentions of the sentences that name it."""
    return entity_url(entity_type, entity_id) + "timeline/"


def entity_of_period_url(period_url: str) -> str:
    """The entity page a page of its mentions or own timeline belongs to."""
    for part in ("mentions/", "timeline/"):
        if part in period_url:
            return period_url.rsplit(part, 1)[0]
    return period_url


def output_path(url: str) -> str:
    """The file a URL is written to: a folder URL's index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url
