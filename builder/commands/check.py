"""`python -m builder check`: validate content/ and the built site.

- the registry: every page readable, every name and alias owned once;
- entities marked `status: discovered`, listed for an editor to confirm;
- the committed `content/articles/` match what the seeds produce now;
- every internal link and anchor in `site/` resolves (a link checker).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from builder.ingest.registry import Registry


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if name in ("href", "src") and tag != "link" or (tag == "link" and name == "href"):
                self.links.append((value, self.getpos()[0]))


def _parse(path: Path) -> _LinkCollector:
    parser = _LinkCollector()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
        return None, ""
    if not parts.path:
        return page, unquote(parts.fragment)
    if parts.path.startswith("/"):
        return Path("/__absolute__"), ""
    base = posixpath.dirname(page.relative_to(site).as_posix())
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    if target.startswith(".."):
        return Path("/__outside__") / target, ""
    path = site / target
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    return path, unquote(parts.fragment)


def check_site_links(site: Path) -> list[str]:
    """Every relative href/src in every HTML page of `site` must reach a file (and anchor)."""
    site = Path(site).resolve()
    pages = sorted(site.rglob("*.html"))
    parsed = {page: _parse(page) for page in pages}
    problems = []
    for page, collector in parsed.items():
        for href, line in collector.links:
            target, anchor = _resolve(site, page, href)
            if target is None:
                continue
            where = f"{page.relative_to(site)}:{line}"
            if str(target).startswith(("/__absolute__", "/__outside__")):
                if page.name != "404.html":  # the 404 page is served at any depth, so it uses absolute links
                    problems.append(f"{where}: link {href!r} is absolute or leaves the site; use a relative link")
                continue
            if not target.exists():
                problems.append(f"{where}: broken link {href!r}: {target.relative_to(site)} does not exist")
                continue
            if anchor and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if anchor not in ids:
                    problems.append(f"{where}: broken anchor {href!r}: no id {anchor!r} in {target.relative_to(site)}")
    return problems


def discovered_entities(registry: Registry) -> list[str]:
    """One line per entity the build proposed and no editor has yet confirmed or rejected."""
    return [f"{e.path}:1: {e.type} {e.name!r} was discovered automatically"
            f"{' (titles: ' + '; '.join(e.titles) + ')' if e.titles else ''}; "
            "check it, then set `status: confirmed`, or `status: rejected` to stop it being linked and proposed again"
            for e in sorted(registry.entities.values(), key=lambda e: (e.type, e.id)) if e.status == "discovered"]


def stale_content(content: Path, expected: dict[Path, str]) -> list[str]:
    """Generated Markdown that differs from what the current seeds and registry produce."""
    from builder.content.markdown import is_generated

    problems = []
    for path, text in sorted(expected.items()):
        if path.exists() and path.parent.name == "articles" and not is_generated(path):
            continue  # an editor's page: the build reads it, never writes it
        if not path.exists():
            problems.append(f"{path}: missing; run `python -m builder build` and commit content/")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{path}: stale; run `python -m builder build` and commit content/")
    return problems
