"""Templating: the Jinja2 environment and the conventions every HTML-writing stage shares.

Both the per-article stage (`builder.site.fragments`, which lays out an article's
page and the pieces other pages quote from it) and the site stage
(`builder.site.pages`) render through one environment per process, its templates
compiled once.

Links inside HTML that is laid out before the page holding it is known carry
two markers, replaced when a page is written:

- `ROOT` stands for the way up from the page to the site's root (`../../`),
  so a fragment quoted on pages at any depth is laid out once;
- a date links to its entry on the timeline, whose page depends on how the
  whole timeline is cut (`builder.site.periods`): the link is written as
  `DATE_OPEN year:month:sort DATE_CLOSE #anchor`, and `resolve_links` puts the
  page in once the cut is known.

Article text never holds a marker: ingest drops control characters.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Callable, Sequence

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from markupsafe import Markup

from builder.config import SiteConfig
from builder.model import ENTITY_KINDS, BuildError, format_point, format_value
from builder.site.notes import notes_html
from builder.site.theme import TEMPLATES
from builder.site.urls import article_url, entity_url

TYPE_LABELS = {**{k.type: k.label for k in ENTITY_KINDS.values()}, "date": "Date"}
ROOT = "\x00"
ROOT_PAGE = "\x00\x00"  # the root page itself: "./" from there, not ""
DATE_OPEN, DATE_CLOSE = "\x01", "\x02"
SEPARATOR = "\x1e"  # between the pieces of a template rendered once for many fragments
_DATE_LINK = re.compile("\x01([^\x02]*)\x02")
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


_NEEDS_ESCAPING = re.compile("[&<>\"']")


def escaped(text: str) -> str:
    """`text` escaped for HTML as markupsafe does, as a plain str (no Markup object per piece).
    Most pieces of an article have nothing to escape: one C scan says so."""
    return text.translate(_HTML_ESCAPES) if _NEEDS_ESCAPING.search(text) else text


def root_path(page_url: str) -> str:
    """The relative path from the page at `page_url` up to the site's root: "", "../", "../../" …"""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return "../" * folder.count("/") if folder.endswith("/") else "../" * (folder.count("/") + bool(folder))


def rooted(target: str) -> str:
    """A link to the site-relative `target` from any page: the root marker, then the path."""
    if target.startswith("#"):
        return target
    return ROOT + target if target else ROOT_PAGE


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



def _folders(templates: Path | Sequence[Path]) -> list[Path]:
    return [Path(t) for t in templates] if isinstance(templates, list | tuple) else [Path(templates)]


def environment(templates: Path | Sequence[Path] = TEMPLATES, cache: Path | None = None,
                config: SiteConfig | None = None) -> Environment:
    """`templates`: a folder, or the folders to look in, first first (the archive's own templates/,
    then the theme: one loader chain). `cache`: a folder for the compiled templates, so a process
    does not compile them again. `config`: archive.yml, handed to every template as `config`."""
    bytecode = None
    if cache is not None:
        Path(cache).mkdir(parents=True, exist_ok=True)
        bytecode = FileSystemBytecodeCache(str(cache))
    config = config or SiteConfig()
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in _folders(templates)]),
        bytecode_cache=bytecode,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    kinds = config.entity_kinds
    env.globals.update(format_point=format_point, format_value=format_value,
                       TYPE_LABELS={**{k.type: k.label for k in kinds.values()}, "date": "Date"},
                       ENTITY_KINDS=kinds, shown_kinds=config.shown_kinds, config=config, rel=rooted, article_url=article_url, entity_url=entity_url,
                       separator=Markup(SEPARATOR))
    env.filters["markdown"] = notes_html
    return env


class Templates:
    """One environment per process, and the page frame every page shares (base.html)."""

    def __init__(self, templates: Path | Sequence[Path] = TEMPLATES, base_url: str = "/", cache: Path | None = None,
                 config: SiteConfig | None = None):
        self.folders = _folders(templates)
        self.folder = self.folders[0]
        self.config = config or SiteConfig()
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.env = environment(self.folders, Path(cache) / "templates" if cache is not None else None, self.config)
        self._fillers: dict[str, _Filler] = {}

    def _not_found(self, template: str, exc: TemplateNotFound) -> BuildError:
        searched = ", ".join(str(folder) for folder in self.folders)
        return BuildError(str(self.folder / template),
                          f"template {exc.name!r} not found (searched {searched}); copy it from the theme "
                          f"({self.folders[-1]}) into the archive's templates/ or fix the name")

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
            raise self._not_found(template, exc) from None
        except TemplateSyntaxError as exc:
            raise BuildError(exc.filename or template, f"template syntax error: {exc.message}", exc.lineno) from None
        except TemplateError as exc:
            raise BuildError(str(self.folder / template),
                             f"template failed while rendering {url or 'the home page'}: {exc}") from None

    def each(self, template: str, listing: str, name: str, items: list) -> list[str]:
        """`template` (a loop `{% for <name> in <listing> %}` over `items`, each followed by `separator`)
        laid out once per item, as `pieces` does, but each distinct shape of item (which of its fields are
        None, which flags are set) rendered by Jinja once and the others filled in by substitution: the
        timeline's entries are most of the template calls of a build. A template whose output cannot be
        filled so (a filter on a field) is rendered by Jinja every time.
        """
        if not items:
            return []
        filler = self._fillers.get(template)
        if filler is None:
            filler = self._fillers[template] = _Filler(self, template, listing, name)
        if filler.broken:
            return self.pieces(template, {listing: items}, len(items))
        out = []
        for item in items:
            piece = filler.fill(item)
            if piece is None:
                return self.pieces(template, {listing: items}, len(items))
            out.append(piece)
        return out

    def pieces(self, template: str, context: dict, expected: int) -> list[str]:
        """A template that lays out `expected` fragments in one loop, each followed by `separator`."""
        try:
            text = self.env.get_template(template).render(**context)
        except TemplateNotFound as exc:
            raise self._not_found(template, exc) from None
        except TemplateSyntaxError as exc:
            raise BuildError(exc.filename or template, f"template syntax error: {exc.message}", exc.lineno) from None
        except TemplateError as exc:
            raise BuildError(str(self.folder / template), f"template failed: {exc}") from None
        pieces = text.split(SEPARATOR)
        if len(pieces) != expected + 1:
            raise BuildError(str(self.folder / template), f"laid out {len(pieces) - 1} pieces for {expected}: "
                                                          "each piece must end with {{ separator }}")
        return pieces[:-1]


_SENTINEL = re.compile("\x03(\\d+)\x03")


class _Filler:
    """One template's output for each shape of item, with a numbered mark where each field goes."""

    def __init__(self, templates: Templates, template: str, listing: str, name: str):
        self.templates = templates
        self.template = template
        self.listing = listing
        self.shapes: dict[tuple, tuple[list[str], list[str]] | None] = {}
        source, _, _ = templates.env.loader.get_source(templates.env, template)
        # A filter on a field (`{{ e.title|upper }}`) would apply to the mark, not to the value.
        self.broken = re.search(r"\{\{[^}]*\b" + re.escape(name) + r"\.[^}]*\|", source) is not None

    def _shape(self, item) -> tuple:
        return tuple((key, value if isinstance(value, bool) else value is None)
                     for key, value in vars(item).items())

    def fill(self, item) -> str | None:
        shape = self._shape(item)
        known = self.shapes.get(shape, False)
        if known is False:
            known = self.shapes[shape] = self._learn(item)
        if known is None:
            return None
        return self._join(*known, item)

    def _learn(self, item) -> tuple[list[str], list[str]] | None:
        names = [key for key, value in vars(item).items() if value is not None and not isinstance(value, bool)]
        marks = {key: Markup(f"\x03{i}\x03") for i, key in enumerate(names)}
        proxy = type(item)(**{key: marks.get(key, value) for key, value in vars(item).items()})
        (text,) = self.templates.pieces(self.template, {self.listing: [proxy]}, 1)
        chunks = _SENTINEL.split(text)
        parts, fields = chunks[0::2], [names[int(i)] for i in chunks[1::2]]
        (real,) = self.templates.pieces(self.template, {self.listing: [item]}, 1)
        if self._join(parts, fields, item) != real:  # the template did more with a field than place it
            return None
        return parts, fields

    def _join(self, parts, fields, item) -> str:
        values = vars(item)
        out = [parts[0]]
        for field_name, part in zip(fields, parts[1:], strict=True):
            value = values[field_name]
            out.append(str(value) if isinstance(value, Markup) else escaped(str(value)))
            out.append(part)
        return "".join(out)
