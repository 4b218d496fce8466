"""The timeline: every dated mention in order, announcements marked, per-entity timelines, dates as <time>."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import copy_registry

from builder.dates import find_dates
from builder.engine.build import BuildOptions, build, site_of
from builder.model import DateValue

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site_view(seed_articles, registry):
    return site_of(list(seed_articles.values()), registry)


@pytest.fixture(scope="module")
def timeline(site_view):
    return site_view.store.timeline_items()


@pytest.fixture(scope="module")
def seed_of(seed_articles):
    """The seed-file prefix ("000" …) of each article id."""
    return {a.id: prefix for prefix, a in seed_articles.items()}


def entry_for(timeline, seed_of, prefix: str, text: str) -> dict:
    (entry,) = [e for e in timeline if seed_of[e["article"]] == prefix and e["text"] == text]
    return entry


def test_every_dated_mention_is_on_the_timeline_once(timeline, seed_articles):
    on_timeline = sorted((e["article"], e["text"], e["value"]) for e in timeline)
    dated = sorted((a.id, m.text, m.value.iso()) for a in seed_articles.values() for m in a.mentions if m.type == "date")
    assert on_timeline == dated
    assert len({e["anchor"] for e in timeline}) == len(timeline)


def test_timeline_runs_by_start_then_length(timeline):
    values = [DateValue.parse(e["value"]) for e in timeline]
    keys = [(v.start.first_day(), v.last_day()) for v in values]
    assert keys == sorted(keys)
    assert timeline[0]["text"] == "January 18, 1950–2026"
    # four periods of 2024 start on 1 January: the shorter first
    starts = [e["text"] for e, v in zip(timeline, values) if v.start.first_day().isoformat() == "2024-01-01"]
    assert starts == ["the first six months of the year", "the first half of this year",
                      "the first seven months of 2024", "This year"]


def test_dates_after_the_publication_day_are_scheduled(timeline, seed_of):
    assert entry_for(timeline, seed_of, "002", "September 2-4")["scheduled"]
    assert entry_for(timeline, seed_of, "002", "September 3")["scheduled"]


def test_reported_dates_and_history_are_not_scheduled(timeline, seed_of):
    assert not entry_for(timeline, seed_of, "002", "December 2023")["scheduled"]
    assert not entry_for(timeline, seed_of, "002", "24 years ago")["scheduled"]
    assert not entry_for(timeline, seed_of, "000", "January 18, 1950–2026")["scheduled"]
    assert not entry_for(timeline, seed_of, "001", "Sunday")["scheduled"]


def test_announced_visit_in_an_article_dated_only_to_the_month_is_scheduled(timeline, seed_of, seed_articles):
    # 004 is "about August 2024, inferred"; "will pay a state visit to China from August 18-20"
    assert seed_articles["004"].date.value.precision == "month"
    assert entry_for(timeline, seed_of, "004", "August 18-20")["scheduled"]
    assert not entry_for(timeline, seed_of, "004", "July 25, 2024")["scheduled"]


def test_entity_timeline_holds_the_dates_of_sentences_naming_the_entity(site_view, timeline):
    store = site_view.store
    for entity_id in site_view.entities:
        own = store.timeline_items(entity_id)
        assert [e for e in timeline if entity_id in e["entities"].split()] == own
    he_wei = [e["text"] for e in store.timeline_items("he-wei")]
    assert "Sunday" in he_wei  # "… gave a reception in Hà Nội on Sunday for Chinese Ambassador … He Wei"
    to_lam = store.timeline_items("to-lam")
    assert "August 18-20" in [e["text"] for e in to_lam]
    assert [e["sort"] for e in to_lam] == sorted(e["sort"] for e in to_lam)


# --- the rendered HTML ----------------------------------------------------------


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("timeline-site")
    copy_registry(tmp / "content")
    result = build(BuildOptions(seeds=ROOT / "seeds", content=tmp / "content", out=tmp / "site"))
    return result, tmp / "site"


class _DatesOutsideTime(HTMLParser):
    """Text outside <time> elements, leaving out the registry's own text: editors' notes, summaries
    and the names and aliases ("UNCLOS 1982" is a name, not a date)."""

    PROSE = {"notes", "lede", "summary", "facts"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, is prose or time)
        self.outside: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "meta", "link", "input", "hr", "source", "wbr"):
            return
        classes = set((dict(attrs).get("class") or "").split())
        # <script> holds data (JSON-LD) or code, never text a reader sees.
        self.stack.append((tag, tag in ("time", "script", "style") or bool(classes & self.PROSE)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not any(skip for _, skip in self.stack) and data.strip():
            self.outside.append(data)


def test_every_date_shown_in_the_html_is_a_time_element(built_site):
    _, site = built_site
    iso = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
    problems = []
    for page in sorted(site.rglob("*.html")):
        parser = _DatesOutsideTime()
        parser.feed(page.read_text(encoding="utf-8"))
        for text in parser.outside:
            # the project's own grammar finds any absolute date written out ("24 January 2026", "August 2024")
            dates = [m.text for m in find_dates(text, None)] + iso.findall(text)
            problems += [f"{page.relative_to(site)}: {d!r} in {text.strip()[:60]!r}" for d in dates]
    assert problems == []


def test_timeline_year_and_month_headings_are_time_elements(built_site):
    _, site = built_site
    html = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="y1950"><time datetime="1950">1950</time></h2>' in html
    assert re.search(r'<h3 id="y1950-01"><time datetime="1950-01">January 1950</time></h3>', html)
    assert re.search(r'<h3 id="y2025-all"><time datetime="2025">2025, the year as a whole</time></h3>', html)


def test_each_date_mention_in_an_article_is_a_time_with_its_start(built_site):
    result, site = built_site
    for article in result.articles:
        html = (site / "articles" / article.id / "index.html").read_text(encoding="utf-8")
        mentions = sorted(article.mentions, key=lambda m: (m.start, m.end))
        for n, m in enumerate((m for m in mentions if m.type == "date"), start=1):
            # Anchored by its place among the article's dates: `d1`, `d2` …
            assert re.search(rf'id="d{n}"[^>]*><time datetime="{m.value.start.iso()}" '
                             rf'data-value="{re.escape(m.value.iso())}">', html), (article.id, m.text)


def test_inferred_publication_date_is_shown_and_exported_as_inferred(built_site):
    _, site = built_site
    html = (site / "articles" / "2024-08-developing-a-deeper-more-comprehensive-and-more-substantive"
            / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-08">about August 2024, inferred</time>' in html
    data = json.loads((site / "data" / "annotations.json").read_text(encoding="utf-8"))
    by_source = {a["source"]: a for a in data["articles"]}
    assert by_source["004_7ea1cbbc3dbb5ca5.txt"]["date"] == "2024-08"
    assert by_source["004_7ea1cbbc3dbb5ca5.txt"]["date_inferred"] is True
    assert by_source["002_7a67f66cde4784e2.txt"]["date_inferred"] is False
