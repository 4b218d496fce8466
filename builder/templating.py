"""Templating: the Jinja2 environment and the conventions every HTML-writing stage shares.

Both the per-article stage (`builder.fragments`, which lays out an article's
page and the pieces other pages quote from it) and the site stage
(`builder.render`) render through one environment per process, its templates
compiled once.

Links inside HTML that is laid out before the page holding it is known carry
two markers, replaced when a page is written:

- `ROOT` stands for the way up from the page to the site's root (`../../`),
  so a fragment quoted on pages at any depth is laid out once;
- a date links to its entry on the timeline, whose page depends on how the
  whole timeline is cut (`builder.periods`): the link is written as
  `DATE_OPEN year:month:sort DATE_CLOSE #anchor`, and `resolve_links` puts the
  page in once the cut is known.

Article text never holds a marker: ingest drops control characters.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from markupsafe import Markup

from .model import ENTITY_KINDS, BuildError, format_point, format_value
from .notes import notes_html
from .state import TEMPLATES

TYPE_LABELS = {**{k.type: k.label for k in ENTITY_KINDS.values()}, "date": "Date"}
ROOT = "\x00"
ROOT_PAGE = "\x00\x00"  # the root page itself: "./" from there, not ""
DATE_OPEN, DATE_CLOSE = "\x01", "\x02"
SEPARATOR = "\x1e"  # between the pieces of a template rendered once for many fragments
_DATE_LINK = re.compile("\x01([^\x02]*)\x02")
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def escaped(text: str) -> str:
    """`text` escaped for HTML as markupsafe does, as a plain str (no Markup object per piece)."""
    return text.translate(_HTML_ESCAPES)


def root_path(page_url: str) -> str:
    """The relative path from the page at `page_url` up to the site's root: "", "../", "../../" …"""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return "../" * folder.count("/") if folder.endswith("/") else "../" * (folder.count("/") + bool(folder))


def rooted(target: str) -> str:
    """A link to the site-relative `target` from any page: the root marker, then the path."""
    if target.startswith("#"):
        return target
    return ROOT + target if target else ROOT_PAGE


def article_url(article_id: str) -> str:
    return f"articles/{article_id}/"


def entity_url(entity_type: str, entity_id: str) -> str:
    return f"{ENTITY_KINDS[entity_type].folder}/{entity_id}/"


def date_link(year: int, month: int, sort: str, anchor: str) -> str:
    """The href of a date's link to its timeline entry, with the page left to `resolve_links`."""
    return f"{ROOT}{DATE_OPEN}{year}:{month}:{sort}{DATE_CLOSE}#{anchor}"


def resolve_links(html: str, timeline_page: Callable[[int, int, str], str]) -> str:
    """Put the timeline page of every date link into `html` (`timeline_page(year, month, sort)`)."""
    if DATE_OPEN not in html:
        return html

    def page(match: re.Match) -> str:
        year, month, sort = match.group(1).split(":", 2)
        return timeline_page(int(year), int(month), sort)

    return _DATE_LINK.sub(page, html)


def finish(html: str, page_url: str, base_url: str) -> str:
    """A page's HTML with the root marker replaced by its way up (absolute on the 404 page, which
    is served for missing URLs at any depth)."""
    up = base_url if page_url == "404.html" else root_path(page_url)
    return html.replace(ROOT_PAGE, up or "./").replace(ROOT, up)


def output_path(url: str) -> str:
    return url + "index.html" if url == "" or url.endswith("/") else url


def environment(templates: Path = TEMPLATES) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(format_point=format_point, format_value=format_value, TYPE_LABELS=TYPE_LABELS,
                       ENTITY_KINDS=ENTITY_KINDS, rel=rooted, article_url=article_url, entity_url=entity_url,
                       separator=Markup(SEPARATOR))
    env.filters["markdown"] = notes_html
    return env


class Templates:
    """One environment per process, and the page frame every page shares (base.html)."""

    def __init__(self, templates: Path = TEMPLATES, base_url: str = "/"):
        self.folder = Path(templates)
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.env = environment(self.folder)

    @property
    def absolute(self) -> bool:
        return self.base_url.startswith(("http://", "https://"))

    def render(self, template: str, url: str, title: str, context: dict,
               structured_data: Callable[[], Markup | None] = lambda: None) -> str:
        """The page at site-relative `url`, still with its markers (see `finish`, `resolve_links`)."""
        try:
            return self.env.get_template(template).render(
                page={"title": title, "url": url}, page_url=url,
                canonical=(self.base_url + url if self.absolute and url != "404.html" else None),
                structured_data=structured_data, base_url=self.base_url,
                site_url=lambda target: self.base_url + target, **context)
        except TemplateNotFound as exc:
            raise BuildError(str(self.folder / template),
                             f"template {exc.name!r} not found (searched {self.folder})") from None
        except TemplateSyntaxError as exc:
            raise BuildError(exc.filename or template, f"template syntax error: {exc.message}", exc.lineno) from None
        except TemplateError as exc:
            raise BuildError(str(self.folder / template),
                             f"template failed while rendering {url or 'the home page'}: {exc}") from None

    def pieces(self, template: str, context: dict, expected: int) -> list[str]:
        """A template that lays out `expected` fragments in one loop, each followed by `separator`."""
        try:
            text = self.env.get_template(template).render(**context)
        except TemplateNotFound as exc:
            raise BuildError(str(self.folder / template),
                             f"template {exc.name!r} not found (searched {self.folder})") from None
        except TemplateSyntaxError as exc:
            raise BuildError(exc.filename or template, f"template syntax error: {exc.message}", exc.lineno) from None
        except TemplateError as exc:
            raise BuildError(str(self.folder / template), f"template failed: {exc}") from None
        pieces = text.split(SEPARATOR)
        if len(pieces) != expected + 1:
            raise BuildError(str(self.folder / template), f"laid out {len(pieces) - 1} pieces for {expected}: "
                                                          "each piece must end with {{ separator }}")
        return pieces[:-1]
