"""Machine-facing files of the site: the Atom feed, `sitemap.xml` (an index of `sitemaps/N.xml` past
the protocol's 50,000 URLs a file) and `robots.txt`.

These are where the web demands absolute addresses (STYLE.md, habit 4): every
URL is the `--base-url` joined with the page's site-relative URL. With the
default base URL `/` they are root-relative, which is the best a build that
does not know its address can do; `robots.txt` then names no sitemap, since
crawlers need an absolute one. Entry ids are `tag:` URIs made from the
article id, so they stay the same when the site moves.

Nothing here reads the clock: the feed's `updated` is the newest article's date.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from builder.config import SiteConfig
from builder.records import ArticleSummary
from builder.site.collect import SiteView
from builder.site.urls import article_url

FEED_LIMIT = 50


def is_absolute(base_url: str) -> bool:
    return base_url.startswith(("http://", "https://"))


def _stamp(article: ArticleSummary, fallback: str) -> str:
    value = article.date.value
    return f"{value.first_day().isoformat()}T00:00:00Z" if value else fallback


def atom_feed(site: SiteView, base_url: str, config: SiteConfig | None = None) -> str:
    """The newest articles as Atom 1.0 (RFC 4287); title, subtitle, author and the ids' authority from
    archive.yml."""
    config = config or SiteConfig()
    tag = config.feed_id
    newest = site.newest_date
    updated = f"{newest.first_day().isoformat()}T00:00:00Z" if newest else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(config.language)}>',
        f"  <title>{escape(config.title)}</title>",
        f"  <subtitle>{escape(config.feed_subtitle)}</subtitle>",
        f"  <id>tag:{escape(tag)}:feed</id>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(base_url + 'feed.xml')}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(base_url)}/>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(config.publisher_name)}</name>"
        + (f"<uri>{escape(config.publisher_url)}</uri>" if config.publisher_url else "") + "</author>",
    ]
    for article in site.newest[:FEED_LIMIT]:
        stamp = _stamp(article, updated)
        lines += [
            "  <entry>",
            f"    <title>{escape(article.title)}</title>",
            f"    <id>tag:{escape(tag)}:articles/{escape(article.id)}</id>",
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(base_url + article_url(article.id))}/>",
            f"    <updated>{stamp}</updated>",
        ]
        if article.date.value:
            lines.append(f"    <published>{stamp}</published>")
        if article.source:
            lines.append(f"    <author><name>{escape(article.source)}</name></author>")
        lines += [f"    <summary>{escape(article.lead)}</summary>", "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


# The sitemaps.org protocol's limit of URLs in one sitemap file (an archive of 10,000 articles has ~59,000
# pages); past it, sitemap.xml is an index of sitemap files of at most this many each.
SITEMAP_URLS = 50_000
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _urlset(urls: list[str], base_url: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{_SITEMAP_NS}">']
    lines += [f"  <url><loc>{escape(base_url + url)}</loc></url>" for url in urls]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemaps(urls: list[str], base_url: str) -> dict[str, str]:
    """Every HTML page, sorted (sitemaps.org protocol 0.9): `sitemap.xml` lists them all, or, past
    SITEMAP_URLS, is a sitemap index of `sitemaps/1.xml`, `sitemaps/2.xml`, … that do."""
    urls = sorted(urls)
    if len(urls) <= SITEMAP_URLS:
        return {"sitemap.xml": _urlset(urls, base_url)}
    parts = {f"sitemaps/{n}.xml": _urlset(urls[i:i + SITEMAP_URLS], base_url)
             for n, i in enumerate(range(0, len(urls), SITEMAP_URLS), start=1)}
    index = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{_SITEMAP_NS}">']
    index += [f"  <sitemap><loc>{escape(base_url + name)}</loc></sitemap>" for name in parts]
    index.append("</sitemapindex>")
    return {"sitemap.xml": "\n".join(index) + "\n", **parts}


def robots(base_url: str) -> str:
    text = "User-agent: *\nAllow: /\n"
    if is_absolute(base_url):
        text += f"Sitemap: {base_url}sitemap.xml\n"
    return text


def feed_files(site: SiteView, base_url: str, page_urls: list[str], config: SiteConfig | None = None) -> dict[str, str]:
    """feed.xml, sitemap.xml (and its parts past SITEMAP_URLS) and robots.txt, by name."""
    return {"feed.xml": atom_feed(site, base_url, config), **sitemaps(page_urls, base_url), "robots.txt": robots(base_url)}
