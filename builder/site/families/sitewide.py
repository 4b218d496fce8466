"""The site-wide pages, one each: home (``), the relationship map (`map/`), search (`search/`) and the
404 page. Every rebuild renders the home page (it sums up the whole archive) and the map only when what
it draws changed; publish writes only pages whose bytes changed."""

from __future__ import annotations

import hashlib
import json

from builder.model import ENTITY_KINDS, DateValue, format_value
from builder.records import Touched
from builder.site.families.base import Family, Page
from builder.site.urls import HOME, MAP, NOT_FOUND, SEARCH, TIMELINE


class HomeFamily(Family):
    """The latest articles, the most-mentioned entities of each kind, and the timeline's entries in the
    month of the newest article (never the machine's clock: builds repeat)."""

    kind = "home"

    def pages(self) -> list[Page]:
        return [Page(HOME, "home.html", self.site_pages.templates.config.heading, self._context)]

    def _context(self) -> dict:
        site = self.site
        month, this_month = site.month_on_timeline()
        entries = [{"href": site.timeline_page(year, m, sort) + "#" + anchor, "value": value,
                    "scheduled": bool(is_scheduled), "sentence": sentence, "shown": format_value(DateValue.parse(value))}
                   for sort, anchor, _, value, year, m, is_scheduled, sentence in this_month]
        year_link = site.year_on_timeline(month.year) if month else None
        return {"articles": site.newest[:10], "article_total": site.article_count,
                "top": {kind: site.by_kind(kind)[:10] for kind in ENTITY_KINDS},
                "timeline_count": site.timeline_count, "month": month, "this_month": entries,
                "year_on_timeline": year_link or TIMELINE}


class MapFamily(Family):
    """The relationship map: entities named together in a sentence (`builder.site.graph`)."""

    kind = "map"

    def pages(self) -> list[Page]:
        return [Page(MAP, "map.html", "Relationship map", lambda: {"graph": self.site_pages.relationship_map()})]

    def shape(self) -> list[str]:
        """Its URL and a digest of everything the page draws: most edits leave the strongest ties and
        the most connected entities as they were, and the page is the largest a rebuild would render."""
        graph = self.site_pages.relationship_map()
        drawn = [self.site_pages.relationship_map_data(), graph.total_nodes, graph.total_edges,
                 [kind.type for kind in self.site_pages.templates.config.shown_kinds]]
        return [MAP, hashlib.blake2b(json.dumps(drawn, sort_keys=True).encode(), digest_size=12).hexdigest()]

    @staticmethod
    def redrawn(change: Touched) -> bool:
        """Whether the map may differ: it is drawn from which entities each article names, their ties and
        the registry's names alone."""
        return change.redrawn or bool(change.registry or change.removed)

    @classmethod
    def concerned(cls, pages, change: Touched) -> list[str] | None:
        return None if cls.redrawn(change) else []  # working the map out costs as much as rendering it

    def reached(self, change: Touched) -> set[str]:
        return set()  # what it draws is in its shape: a change that alters the map alters the shape


class SearchFamily(Family):
    kind = "search"

    def pages(self) -> list[Page]:
        return [Page(SEARCH, "search.html", "Search", {})]


class NotFoundFamily(Family):
    kind = "404"

    def pages(self) -> list[Page]:
        return [Page(NOT_FOUND, "404.html", "Page not found", {})]
