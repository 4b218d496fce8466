"""Search: the index readers search the site with, behind one small interface.

What the engine knows of search is `SearchIndex`: which pages go into which part of the index
(`plan`), whether indexing can run beside the render workers (`fits_beside_render`), which parts a
change makes stale (`reworded`, `stale`), and writing them (`index`, `finish`) through the publish stage's writer. Pagefind (`builder.search.pagefind`) is the one implementation; replacing
it touches that module, the search page's template (`templates/search.html`) and its script
(`templates/static/search.js`), and nothing in the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from builder.search.pagefind import Pagefind, search_terms

__all__ = ["SearchIndex", "search_index", "search_terms"]


class SearchIndex(Protocol):
    folder: str  # where in site/ the index lives ("pagefind")

    def plan(self, pages: list[str]) -> dict[str, list[str]]:
        """{part of the index: its pages} for the searchable pages among `pages` (output paths)."""

    def fits_beside_render(self, parts: dict[str, list[str]]) -> bool:
        """Whether the article parts can be indexed while the render workers run, within memory."""

    def article_parts(self, parts: dict[str, list[str]]) -> dict[str, list[str]]:
        """The parts of `parts` that index articles (those a render of the articles alone completes)."""

    def index_beside(self, update, parts: dict[str, list[str]], names: list[str]) -> Callable[[], None]:
        """Start indexing the parts `names` beside this process and return at once; the answer, called,
        waits for the indexing to end and raises what it raised."""

    def reworded(self, update) -> set[str]:
        """The pages written or deleted by `update` (before it commits) whose searchable text changed."""

    def stale(self, update, parts: dict[str, list[str]], everything: bool, last: dict[str, str],
              done: set[str] = frozenset(), changed: set[str] | None = None) -> list[str]:
        """The parts to index again: those whose pages' text changed (`reworded(update)`, or the pages
        `changed`, `reworded`'s answer before an earlier commit of this build) since the build that left
        `last` (`finish`'s answer), every part when `everything`, but those `done` already."""

    def index(self, update, parts: dict[str, list[str]], names: list[str], advance=None) -> None:
        """Index the parts `names` into the site being written (`update`, the publish stage's writer),
        calling `advance()` after each."""

    def finish(self, update, parts: dict[str, list[str]]) -> dict[str, str]:
        """Whatever ties the parts together; returns what the next build's `stale` compares with."""

    def remove(self, update) -> None:
        """Take the index out of the site (a build without search)."""


def search_index() -> SearchIndex:
    return Pagefind()
