"""The whole pipeline on the real seeds: Markdown written, every page rendered, links sound, builds atomic."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from helpers import builder_env, copy_registry, site_bytes, tree_bytes

from builder.commands.check import check_site_links
from builder.content.markdown import article_markdown, escape_markdown
from builder.engine.build import BuildOptions, build
from builder.engine.state import TEMPLATES
from builder.ingest.registry import create_entity_page
from builder.ingest.seed import parse_seed
from builder.model import BuildError, Entity

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build of the real seeds against a copy of the registry."""
    tmp = tmp_path_factory.mktemp("site")
    content = copy_registry(tmp / "content")
    result = build(BuildOptions(seeds=ROOT / "seeds", content=content, out=tmp / "site"))
    return result, content, tmp / "site"


def test_committed_content_articles_are_not_stale(built):
    _, content, _ = built
    fresh = tree_bytes(content / "articles")
    committed = tree_bytes(ROOT / "content" / "articles")
    assert fresh.keys() == committed.keys(), "run `python -m builder build` and commit content/"
    for name in fresh:
        assert fresh[name] == committed[name], f"content/articles/{name} is stale: rebuild and commit"
    assert tree_bytes(content / "timeline") == tree_bytes(ROOT / "content" / "timeline")
    assert (content / "timeline.md").read_bytes() == (ROOT / "content" / "timeline.md").read_bytes()


def test_every_seed_gets_an_annotated_markdown_page(built):
    result, content, _ = built
    pages = sorted((content / "articles").glob("*.md"))
    assert len(pages) == len(list((ROOT / "seeds").glob("*.txt"))) == len(result.articles)
    text = (content / "articles" / "2026-01-24-consulate-general-of-viet-nam-in-chongqing-china-has-held.md").read_text()
    assert text.startswith("---\ngenerated: true\n")
    assert "date: '2026-01-24'" in text and "date_inferred: false" in text and "source: VNS" in text
    assert "[Consul General Bùi Nguyễn Long](../people/bui-nguyen-long.md)" in text
    assert "[January 18, 1950–2026](../timeline/1950.md)" in text


def test_markdown_links_point_at_existing_entity_pages(built):
    _, content, _ = built
    for page in (content / "articles").glob("*.md"):
        for target in re.findall(r"\]\((\.\./(?:people|mechanisms)/[^)]+)\)", page.read_text()):
            assert (page.parent / target).resolve().is_file(), f"{page.name} links to missing {target}"


def test_article_text_cannot_become_markdown_or_html():
    assert escape_markdown("<script>alert(1)</script> [x](javascript:y) *b*") == (
        r"\<script\>alert(1)\</script\> \[x\](javascript:y) \*b\*")


def test_a_backslash_in_article_text_is_escaped_once_and_before_what_follows_it():
    assert escape_markdown(r"C:\new_folder|\*") == r"C:\\new\_folder\|\\\*"
    assert escape_markdown("Hà Nội, 12 January") == "Hà Nội, 12 January"


def test_article_front_matter_is_what_yaml_writes_for_its_metadata(annotator):
    """Front matter is assembled from remembered list items; it must be exactly one yaml.dump of the same data."""
    seeds = [
        "Talks in Hà Nội\n date 2025-05-12\n\nGeneral Secretary Tô Lâm met Xi Jinping on May 12, 2025 and on "
        "13 May 2025. Both sides said: 'the 2025–2026 plan' would start in 2026.\n",
        "Border trade\n date 2025-05-14\n\nXi Jinping recalled that on May 12, 2025 the two sides met; "
        "talks resume in 2026.\n",
    ]
    for i, seed in enumerate(seeds):
        article = annotator(parse_seed(seed.encode(), f"{i}.txt"))
        assert [m for m in article.mentions if m.type == "date"] and [m for m in article.mentions if m.type == "person"]
        page = article_markdown(article)
        front = page.split("---\n")[1]
        assert front == yaml.dump(yaml.safe_load(front), allow_unicode=True, sort_keys=False, width=100000)


def test_every_page_type_is_rendered_with_pretty_urls(built):
    result, _, site = built
    for path in ["index.html", "articles/index.html", "people/index.html", "mechanisms/index.html",
                 "timeline/index.html", "404.html", "people/to-lam/index.html",
                 "mechanisms/3-3-strategic-dialogue-mechanism/index.html", "data/annotations.json",
                 "static/style.css", ".nojekyll"]:
        assert (site / path).is_file(), path
    for article in result.articles:
        assert (site / "articles" / article.id / "index.html").is_file()
    for entity in result.registry.entities.values():
        assert (site / entity.folder / entity.id / "index.html").is_file()


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.lang = None
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        self.h1 += tag == "h1"


def test_every_page_has_language_one_heading_and_a_main_landmark(built):
    _, _, site = built
    for page in site.rglob("*.html"):
        outline = _Outline()
        outline.feed(page.read_text(encoding="utf-8"))
        assert outline.lang == "en", page
        assert outline.h1 == 1, page
        assert "main" in outline.tags and "nav" in outline.tags, page


def test_article_page_highlights_mentions_by_type_and_keeps_diacritics(built):
    _, _, site = built
    html = (site / "articles" / "2026-02-09-pm-pham-minh-chinh-gave-reception-in-ha-noi-for-chinese" / "index.html").read_text()
    assert re.search(r'<a class="mention person" href="../../people/pham-minh-chinh/" id="m\d+"', html)
    assert '<time datetime="2026-02-08" data-value="2026-02-08">Sunday</time>' in html
    assert 'class="mention mechanism" href="../../mechanisms/six-major-orientations/"' in html
    assert "Phạm Minh Chính" in html and "Hà Nội" in html


def test_article_page_renders_captions_once_and_quotes_with_citation(built):
    _, _, site = built
    html = (site / "articles" / "2024-08-developing-a-deeper-more-comprehensive-and-more-substantive" / "index.html").read_text()
    assert len(re.findall(r"The <a [^>]*>Chinese Government</a> and people welcome", html)) == 1
    assert '<figure class="photo"><figcaption>' in html and '<span class="credit">(Photo: VNA)</span>' in html
    assert html.count('<figure class="pull-quote">') == 3
    assert re.search(r"<cite>The <a [^>]*>Ministry of Foreign Affairs of China</a>\s*</cite>", html)
    assert "<h2>Affirmation of major orientations</h2>" in html
    assert "Item 1 of 4" not in html
    assert "about August 2024, inferred" in html


def test_person_page_lists_every_article_with_the_sentence(built):
    result, _, site = built
    html = (site / "people" / "he-wei" / "index.html").read_text()
    index = result.site.entities["he-wei"]
    articles = result.site.store.articles_mentioning("he-wei")
    assert index.articles == len(articles) == 3
    for article_id in articles:
        assert f'href="../../articles/{article_id}/"' in html
    assert html.count('<blockquote class="context">') >= index.mentions
    assert "<mark>Wei</mark>" in html  # the short form is highlighted in its sentence


def test_timeline_lists_dates_in_order_with_anchors_for_every_date_link(built):
    result, _, site = built
    html = (site / "timeline" / "index.html").read_text()
    datetimes = re.findall(r'<li class="timeline-entry[^"]*" id="[^"]+"[^>]*>\s*<p class="when"><time datetime="([^"]+)"', html)
    assert len(datetimes) == sum(1 for a in result.articles for m in a.mentions if m.type == "date")
    assert datetimes[0] == "1950-01-18"
    assert 'class="badge">scheduled</span>' in html  # 2024's "August 18-20" was announced, not past


def test_link_check_finds_no_broken_internal_link_or_anchor(built):
    _, _, site = built
    assert check_site_links(site) == []


def test_link_check_reports_a_broken_link_and_a_broken_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">missing</a><a href="a/#nope">x</a>')
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p><a href="../#top">up</a>')
    problems = check_site_links(tmp_path)
    assert any("broken link 'b/'" in p for p in problems)
    assert any("broken anchor 'a/#nope'" in p for p in problems)
    assert any("a/index.html:1: broken anchor '../#top'" in p for p in problems)
    assert len(problems) == 3


def test_annotations_json_offsets_slice_the_exported_body(built):
    _, _, site = built
    data = json.loads((site / "data" / "annotations.json").read_text())
    assert {"id", "type", "name", "aliases", "url"} <= set(data["entities"][0])
    by_source = {a["source"]: a for a in data["articles"]}
    assert set(by_source) == {p.name for p in (ROOT / "seeds").glob("*.txt")}
    first = by_source["000_d0e993820bacc527.txt"]
    assert first["date"] == "2026-01-24" and first["date_inferred"] is False
    assert {"type": "person", "text": "Consul General Bùi Nguyễn Long", "entity": "bui-nguyen-long"}.items() <= \
        next(m for m in first["mentions"] if m["type"] == "person").items()
    for article in data["articles"]:
        for m in article["mentions"]:
            assert article["body"][m["start"]:m["end"]] == m["text"]
            assert ("entity" in m) != ("value" in m)


def test_same_inputs_give_byte_identical_sites_whatever_hash_seed_or_time_zone(tmp_path, content_copy):
    trees = []
    for i, (seed, tz) in enumerate([("1", "UTC"), ("4242", "Asia/Ho_Chi_Minh")]):
        env = builder_env(PYTHONHASHSEED=seed, TZ=tz)
        out = tmp_path / f"site{i}"
        subprocess.run([sys.executable, "-m", "builder", "build", "--seeds", str(ROOT / "seeds"),
                        "--content", str(content_copy), "--out", str(out)], check=True, env=env,
                       capture_output=True, cwd=ROOT)
        trees.append(site_bytes(out))
    assert any(path.startswith("pagefind/entities/fragment/") for path in trees[0])
    assert trees[0] == trees[1]


def test_failed_render_leaves_the_previous_site_untouched(tmp_path, content_copy):
    out = tmp_path / "site"
    build(BuildOptions(seeds=ROOT / "seeds", content=content_copy, out=out))
    before = tree_bytes(out)
    broken = tmp_path / "templates"
    shutil.copytree(TEMPLATES, broken)
    # Fails on the first person page, after many pages were already rendered.
    entity = broken / "entity.html"
    entity.write_text(entity.read_text().replace("{% block content %}", "{% block content %}{{ no_such_value.x }}", 1))
    with pytest.raises(BuildError) as failure:
        build(BuildOptions(seeds=ROOT / "seeds", content=content_copy, out=out, templates=broken))
    assert "entity.html" in str(failure.value)
    assert tree_bytes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site", "templates"]  # no staging left


def test_build_creates_but_never_overwrites_an_entity_page(content_copy):
    page = content_copy / "people" / "to-lam.md"
    edited = page.read_text() + "\nAn editor's extra note.\n"
    page.write_text(edited)
    stub = Entity(id="to-lam", type="person", name="Tô Lâm", status="discovered")
    assert create_entity_page(content_copy, stub) is None
    assert page.read_text() == edited
    new = create_entity_page(content_copy, Entity(id="new-person", type="person", name="Nguyễn Văn A",
                                                  status="discovered"))
    assert new is not None and "name: Nguyễn Văn A" in new.read_text() and "status: discovered" in new.read_text()
