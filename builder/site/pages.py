"""Render stage: the site's pages, asked of their families, laid out through the Jinja2 templates.

`SitePages` knows every family of pages (`builder.site.families`): it lists them, makes the one a
`PageFamily` names, and renders a `Page` (URL, template, title, context) into finished HTML. What a
page lists — an entity's mention blocks, a period's timeline entries — is read from the store when the
page is rendered, already laid out by the map step (`builder.site.fragments`), so a page costs one
template call around strings, whatever it lists.

Every internal link is relative (see `builder.site.templating`), so the same `site/` works at `/` and
under `https://<user>.github.io/<repo>/`; the absolute `--base-url` appears only where the web demands
it (canonical link, the 404 page).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Iterator

from builder.model import BuildError
from builder.search import search_terms
from builder.site.collect import SiteView
from builder.site.families.articles import ArticleFamily, ArticleListingFamily
from builder.site.families.base import Family, Page, PageFamily
from builder.site.families.entities import EntityFamily, EntityListingFamily
from builder.site.families.sitewide import (
    HomeFamily,
    MapFamily,
    NotFoundFamily,
    SearchFamily,
)
from builder.site.families.timeline import TimelineFamily
from builder.site.graph import RelationshipMap, force_layout, relationship_map
from builder.site.templating import Templates, finish, resolve_links
from builder.site.urls import entity_url, output_path

# Every family of pages, in the order the site lists them (the site-wide ones first).
FAMILIES: list[type[Family]] = [HomeFamily, ArticleListingFamily, EntityListingFamily, MapFamily, SearchFamily,
                                NotFoundFamily, TimelineFamily, EntityFamily, ArticleFamily]
_BY_KIND = {cls.kind: cls for cls in FAMILIES}


class SitePages:
    """The site's pages, family by family, and their rendering."""

    def __init__(self, site: SiteView, templates: Templates):
        self.site = site
        self.templates = templates
        self._map: RelationshipMap | None = None
        self._map_data: dict | None = None

    # --- families -------------------------------------------------------------------------

    def families(self) -> list[PageFamily]:
        """Every family of the site."""
        return [family.identity for cls in FAMILIES for family in cls.every(self)]

    def family(self, identity: PageFamily) -> Family:
        cls = _BY_KIND.get(identity.kind)
        if cls is None:
            raise ValueError(f"no such family: {identity}")
        return cls(self, identity.key)

    def family_pages(self, identity: PageFamily) -> list[Page]:
        return self.family(identity).pages()

    def family_html(self, identity: PageFamily, only: set[str] | None = None) -> Iterator[tuple[str, str]]:
        """(output path, finished HTML) of each page of the family (of those at the URLs in `only`)."""
        return self.family(identity).html(only)

    def all_paths(self, known: dict[PageFamily, list[str]] | None = None) -> list[str]:
        """The output path of every page of the site (nothing is rendered to know them).

        `known`: the URLs of the pages of families known not to have changed (their last shapes).
        """
        known = known or {}
        paths = []
        for cls in FAMILIES:
            for family in cls.every(self):
                urls = known.get(family.identity)
                paths += family.paths() if urls is None else [output_path(url) for url in urls]
        return paths

    def render(self, page: Page) -> str:
        context = page.context() if callable(page.context) else page.context
        html = self.templates.render(page.template, page.url, page.title, {**self._globals(), **context},
                                     page.structured_data or (lambda: None))
        return finish(resolve_links(html, self.site.timeline_page), page.url, self.templates.base_url)

    def _globals(self) -> dict:
        return {"site": self.site, "search_terms": search_terms}

    # --- the relationship map (its page and data/graph.json) --------------------------------

    def relationship_map(self) -> RelationshipMap:
        if self._map is None:
            self._map = relationship_map(self.site.entities, self.site.store.all_ties(), self._remembered_layout)
        return self._map

    def relationship_map_data(self) -> dict:
        """The map as `data/graph.json` holds it (for Cytoscape.js), made once: the map family's shape is a
        digest of it."""
        if self._map_data is None:
            self._map_data = self.relationship_map().to_json(lambda e: entity_url(e.type, e.id))
        return self._map_data

    def _remembered_layout(self, order: list[str], edges: list[tuple[str, str, int]]) -> dict[str, tuple]:
        """The map's force layout, taken from the store when the last build drew the same nodes and
        ties: most rebuilds leave the strongest ties as they were, and the layout is a third of a
        one-article rebuild's render."""
        meta = self.site.store.meta
        # The recipe (our code among it) is in the key: the store's meta outlives a change of code.
        key = hashlib.blake2b(json.dumps([meta.made_with, order, edges]).encode(), digest_size=16).hexdigest()
        last = meta.map_layout
        if last is not None:
            last_key, positions = last
            if last_key == key:
                return {eid: tuple(xy) for eid, xy in positions.items()}
        positions = force_layout(order, edges)
        try:
            with self.site.store.transaction():
                meta.map_layout = [key, positions]
        except sqlite3.OperationalError:  # a render worker's store is read-only: the parent remembers it
            pass
        return positions


def copy_static(templates: Templates, out_dir: Path) -> None:
    """The theme's static/ files, then the archive's own static/ (in its templates/ folder) over them:
    a file of the same name replaces the theme's."""
    for templates_folder in reversed(templates.folders):
        folder = templates_folder / "static"
        if folder.is_dir():
            shutil.copytree(folder, out_dir / "static", dirs_exist_ok=True)
    (out_dir / ".nojekyll").write_bytes(b"")


def check_collisions(paths: list[str]) -> None:
    """Two pages written to one path is a build error (after Pelican's collision check)."""
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise BuildError(path, "two pages would be written here")
        seen.add(path)
