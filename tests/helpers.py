"""Small helpers shared by the test modules."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from builder.model import ENTITY_KINDS


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path, with its bytes: compare two trees exactly."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# Pagefind writes its filter index (and the hashes that name it) in hash-map order, which varies
# from run to run even on one thread; the pages, fragments and word index it writes are byte-identical.
_PAGEFIND_UNSTABLE = re.compile(r"^pagefind/(?:[^/]+/)?(filter/|pagefind-entry\.json$|pagefind\.[^/]+\.pf_meta$)")


def site_bytes(root: Path) -> dict[str, bytes]:
    """`tree_bytes` of a built site without the few Pagefind files whose order is not ours to fix."""
    return {path: data for path, data in tree_bytes(root).items() if not _PAGEFIND_UNSTABLE.match(path)}


REPO = Path(__file__).resolve().parent.parent


def copy_registry(content: Path) -> Path:
    """A private copy of the repository's registry (every entity folder) under `content`, to build against."""
    for kind in ENTITY_KINDS.values():
        if (REPO / "content" / kind.folder).is_dir():
            shutil.copytree(REPO / "content" / kind.folder, content / kind.folder)
    return content


def builder_env(**overrides: str) -> dict[str, str]:
    """The environment for `python -m builder` in a subprocess, importing *this* checkout's package.

    Without it a subprocess started outside the repository imports whichever
    checkout `pip install -e` last pointed at (another worktree, or none).
    """
    env = dict(os.environ, **overrides)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


class PageElements(HTMLParser):
    """Every element of an HTML page with its attributes, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def parse_html(html: str) -> PageElements:
    parser = PageElements()
    parser.feed(html)
    parser.close()
    return parser


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster"}


# Relative (`../../static/site.js`) or, on the 404 page, under the base URL (`/repo/static/site.js`).
_OWN_SCRIPT = re.compile(r"^(?:(?:\.\./)*|\./|(?:https?://[^/\s]+)?/(?:[\w.-]+/)*)static/[\w/.-]+\.js$")


def _templates_own(tag: str, attrs: dict) -> bool:
    """The few risky elements the templates themselves write, each recognisable by its attributes."""
    if tag == "script":
        return (_OWN_SCRIPT.match(attrs.get("src") or "") is not None and "type" not in attrs) or (
            attrs.get("type") == "application/ld+json" and "src" not in attrs)
    if tag == "svg":
        return attrs.get("class") == "map-svg"
    if tag == "form":
        return attrs.get("class") in {"search-box", "timeline-filter"}
    return False


def smuggled(parsed: PageElements) -> list[str]:
    """Elements or attributes that only hostile input could have put on a page.

    Beyond their own scripts (site files and JSON-LD data), the map's SVG and
    two forms, the templates use none of these elements, no event handler and
    no script URL; markup quoted *inside* an attribute value is text.
    """
    found = []
    for tag, attrs in parsed.elements:
        if tag in {"script", "img", "svg", "iframe", "b", "object", "embed", "style", "form", "base"} and not (
                _templates_own(tag, attrs)):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            value = "".join((value or "").split()).lower()
            if name.startswith("on") or (name in URL_ATTRIBUTES and value.startswith(("javascript:", "data:", "vbscript:"))):
                found.append(f"{tag} {name}={value!r}")
    return found
