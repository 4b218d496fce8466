"""Editors' notes (the Markdown body of an entity page) as safe HTML.

The notes are Markdown, so links and emphasis work; but they are escaped
before Markdown sees them (no raw HTML passes), and a link or image whose URL
has a scheme other than http, https or mailto (`javascript:`, `data:`,
`vbscript:` …) loses that URL (an image becomes its alt text). Relative links and `#anchors` are kept.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# What a browser ignores in a URL before reading its scheme.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


def is_safe_url(url: str) -> bool:
    """A relative URL, an anchor, or one whose scheme is http, https or mailto."""
    m = _SCHEME.match(_IGNORED.sub("", url).lower())
    return m is None or m.group(1) in SAFE_SCHEMES


class _DropUnsafeUrls(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img" and not is_safe_url(element.get("src", "")):
                alt, tail = element.get("alt", ""), element.tail
                element.clear()  # an image with a script URL is shown as its alt text
                element.tag, element.text, element.tail = "span", alt, tail
            href = element.get("href")
            if href is not None and not is_safe_url(href):
                del element.attrib["href"]


class _SafeUrls(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API name
        # After "inline" (priority 20), which turns [text](url) into elements.
        md.treeprocessors.register(_DropUnsafeUrls(md), "drop_unsafe_urls", 1)


def notes_html(text: str) -> Markup:
    """The editors' Markdown as HTML: no raw HTML, no script URLs."""
    return Markup(markdown.markdown(str(escape(text)), extensions=[_SafeUrls()]))
