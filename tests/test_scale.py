"""Building at archive scale: the cache, the workers, long listings cut into pages, the benchmark.

Speed itself is only measured by `python -m builder bench`, never asserted here;
these tests check that the machinery for speed changes nothing in the output.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import copy_registry, site_bytes, tree_bytes

from builder.bench.synthetic import write_corpus
from builder.commands.check import check_site_links
from builder.engine import build as build_module
from builder.engine import executors
from builder.engine.build import BuildOptions, build
from builder.site import collect
from builder.site.families.base import Pager, paginate
from builder.site.periods import Bucket, cut_by_period, key_starts, page_urls

ROOT = Path(__file__).resolve().parent.parent


def options(tmp_path: Path, content: Path, out: str, **extra) -> BuildOptions:
    return BuildOptions(seeds=ROOT / "seeds", content=content, out=tmp_path / out, **extra)


def test_paginate_keeps_order():
    assert paginate([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert paginate([], 3) == [[]]


def test_a_listing_that_fits_is_one_page_and_one_that_does_not_is_cut_by_year_then_month():
    buckets = [Bucket(2016, 0, 1), Bucket(2017, 0, 12), Bucket(2017, 3, 3)]
    assert cut_by_period(buckets, "timeline/", 16).single
    cut = cut_by_period(buckets, "timeline/", 5)
    assert [(p.url, p.count) for p in cut.periods] == [
        ("timeline/2016/", 1), ("timeline/2017/", 5), ("timeline/2017/page/2/", 5), ("timeline/2017/page/3/", 2),
        ("timeline/2017/03/", 3)]
    assert cut.periods[1].months == (("March 2017", "timeline/2017/03/", 3),)  # the year lists its months
    assert cut.url_of(2017, 0, 11) == "timeline/2017/page/3/" and cut.year_url(2017) == "timeline/2017/"


def test_items_of_unequal_weight_fill_a_page_up_to_its_size():
    # Six articles naming an entity 3, 9, 9, 2, 25 and 1 times: a page holds at most 20 mentions,
    # or a single article's.
    cut = cut_by_period([Bucket(2024, 5, 6, 49, (3, 9, 9, 2, 25, 1))], "people/x/mentions/", 20)
    assert [(p.offset, p.count) for p in cut.periods if p.month == 5] == [(0, 2), (2, 2), (4, 1), (5, 1)]
    # Without the weights, by their average.
    average = cut_by_period([Bucket(2024, 5, 10, 50)], "people/x/mentions/", 20)
    assert [p.count for p in average.periods if p.month == 5] == [4, 4, 2]


def test_a_new_item_changes_only_the_pages_of_its_own_year():
    before = cut_by_period([Bucket(2016, 0, 4), Bucket(2017, 0, 4), Bucket(2018, 0, 4)], "t/", 5)
    after = cut_by_period([Bucket(2016, 0, 4), Bucket(2017, 0, 5), Bucket(2018, 0, 4)], "t/", 5)
    assert [p.url for p in before.periods] == [p.url for p in after.periods]
    assert [p.count for p in after.periods] == [4, 5, 4]


def test_a_month_cut_by_its_keys_holds_two_thirds_to_all_of_a_page_size_on_each_page():
    keys = [f"2024-03-{n:05d}" for n in range(2000)]
    starts = key_starts(keys, 200)
    sizes = [end - start for start, end in zip(starts, [*starts[1:], len(keys)])]
    assert starts[0] == 0 and all(133 <= size <= 200 for size in sizes[:-1]) and sizes[-1] <= 200
    cut = cut_by_period([Bucket(2024, 3, 2000, starts=starts)], "timeline/", 200)
    assert [(p.offset, p.count) for p in cut.periods if p.month == 3] == list(zip(starts, sizes))


@pytest.mark.parametrize("where", [150, 555, 1000])
def test_an_entry_added_to_a_month_cut_by_its_keys_moves_no_page_break_but_its_own(where):
    """Cut by count, one entry added early in a month moves an entry across every later page break;
    cut by the keys, the pages start at the same entries as before, but for the page it falls in (a
    forced break may move the next few until a key's own break takes over)."""
    keys = [f"2024-03-{n:05d}" for n in range(0, 4000, 2)]
    added = sorted([*keys, f"2024-03-{2 * where + 1:05d}"])
    before = {keys[i] for i in key_starts(keys, 200)}
    after = {added[i] for i in key_starts(added, 200)}
    assert len(before ^ after) <= 4, sorted(before ^ after)
    assert len(before) >= 10


def test_pager_links_first_page_at_the_listing_url():
    urls = page_urls("people/to-lam/", 3)
    assert urls == ["people/to-lam/", "people/to-lam/page/2/", "people/to-lam/page/3/"]
    assert (Pager(1, urls).previous, Pager(1, urls).next) == (None, "people/to-lam/page/2/")
    assert (Pager(3, urls).previous, Pager(3, urls).next) == ("people/to-lam/page/2/", None)


def test_workers_and_cache_give_the_same_site_byte_for_byte(tmp_path, content_copy, monkeypatch):
    monkeypatch.setattr(executors, "PARALLEL_MIN", 1)
    build(options(tmp_path, content_copy, "serial", cache=None, jobs=1))
    serial = site_bytes(tmp_path / "serial")
    build(options(tmp_path, content_copy, "parallel", cache=tmp_path / "cache", jobs=2))
    assert site_bytes(tmp_path / "parallel") == serial
    # Second run: every annotation comes from the cache.
    build(options(tmp_path, content_copy, "cached", cache=tmp_path / "cache", jobs=2))
    assert site_bytes(tmp_path / "cached") == serial


def test_registry_change_reannotates_only_articles_that_contain_the_form(tmp_path, content_copy, monkeypatch):
    cache = tmp_path / "cache"
    build(options(tmp_path, content_copy, "first", cache=cache, jobs=1))
    annotated: list[str] = []
    real = build_module.Annotator.annotate

    def spy(self, body, reference, dates=None):
        annotated.append(body[:40])
        return real(self, body, reference, dates)

    monkeypatch.setattr(build_module.Annotator, "annotate", spy)
    page = content_copy / "mechanisms" / "canton-fair.md"
    page.write_text(page.read_text(encoding="utf-8").replace("- Canton Fair", "- Canton Fair\n- Guangzhou Fair"),
                    encoding="utf-8")
    result = build(options(tmp_path, content_copy, "second", cache=cache, jobs=1))
    holders = [a for a in result.articles if "canton fair" in a.body.lower() or "guangzhou fair" in a.body.lower()]
    assert holders and len(annotated) == len(holders) < len(result.articles)
    # And the cached results equal a fresh annotation with the new registry.
    fresh = build(options(tmp_path, content_copy, "fresh", cache=None, jobs=1))
    assert [a.mentions for a in result.articles] == [a.mentions for a in fresh.articles]


def test_long_listings_are_cut_into_linked_pages(tmp_path, monkeypatch):
    write_corpus(tmp_path / "corpus", 12, seed=3)
    for listing, size in {"articles": 5, "entities": 20, "timeline": 40, "mentions": 6}.items():
        monkeypatch.setitem(collect.PAGE_SIZES, listing, size)
    out = tmp_path / "site"
    build(BuildOptions(seeds=tmp_path / "corpus" / "seeds", content=tmp_path / "corpus" / "content", out=out,
                       cache=None, jobs=1))
    assert list(out.glob("articles/[12][0-9][0-9][0-9]/index.html"))
    assert (out / "people" / "page" / "2" / "index.html").is_file()
    assert list(out.glob("timeline/[12][0-9][0-9][0-9]/index.html"))
    # An entity named often: its mentions by year of publication, its own timeline by year.
    assert list(out.glob("people/*/mentions/[12][0-9][0-9][0-9]/index.html"))
    assert list(out.glob("people/*/timeline/[12][0-9][0-9][0-9]/index.html"))
    for page in out.glob("people/*/mentions/**/index.html"):  # at most 6 mentions, or one article's
        html = page.read_text(encoding="utf-8")
        assert html.count('<li><blockquote class="context">') <= 6 or html.count("<h3>") == 1, page
    # Every date links to the timeline page that holds its entry; every pager link resolves.
    assert check_site_links(out) == []
    article = next((out / "articles").glob("*-*/index.html")).read_text(encoding="utf-8")  # not a year's listing
    assert re.search(r'href="\.\./\.\./timeline/\d{4}/(?:\d\d/)?(?:page/\d+/)?#t-', article)


def _timeline_pages(seeds: Path, content: Path) -> tuple[dict[str, str], list]:
    """(timeline anchor -> URL of its page, the articles) for a corpus, without writing a site."""
    from builder.ingest.registry import load_registry

    registry = load_registry(content)
    articles, _, _ = build_module.read_articles(seeds)
    annotator = build_module.Annotator(registry)
    for article in articles:
        annotator(article)
    site = build_module.site_of(articles, registry)
    pages = {e["anchor"]: site.timeline_page(e["year"], e["month"], e["sort"]) for e in site.store.timeline_items()}
    return pages, articles


def test_a_new_article_moves_no_timeline_entry_of_the_years_it_does_not_touch(tmp_path, monkeypatch):
    monkeypatch.setitem(collect.PAGE_SIZES, "timeline", 30)
    write_corpus(tmp_path / "corpus", 13, seed=3)
    seeds, content = tmp_path / "corpus" / "seeds", tmp_path / "corpus" / "content"
    newest = sorted(seeds.glob("*.txt"))[-1]
    text = newest.read_bytes()
    newest.unlink()
    before, _ = _timeline_pages(seeds, content)
    newest.write_bytes(text)
    after, articles = _timeline_pages(seeds, content)
    added = next(a for a in articles if a.source_file == newest.name)
    touched = {m.value.start.year for m in added.mentions if m.type == "date"}
    assert len(set(before.values())) > 5 and touched  # several periods, and the new article is on some
    moved = {anchor: (url, after[anchor]) for anchor, url in before.items() if after[anchor] != url}
    # Pages follow dates: only entries in a year the new article adds to may move (when their period fills).
    assert all(int(re.match(r"timeline/(\d{4})/", old)[1]) in touched for old, _ in moved.values()), moved
    assert len(moved) < len(before) / 2


def test_a_busy_year_is_cut_into_months_linked_from_its_page(tmp_path, monkeypatch):
    monkeypatch.setitem(collect.PAGE_SIZES, "timeline", 30)
    write_corpus(tmp_path / "corpus", 13, seed=3)
    out = tmp_path / "site"
    build(BuildOptions(seeds=tmp_path / "corpus" / "seeds", content=tmp_path / "corpus" / "content", out=out,
                       cache=None, jobs=1))
    months = sorted(out.glob("timeline/[12][0-9][0-9][0-9]/[01][0-9]/index.html"))
    assert months
    year = months[0].parent.parent
    year_page = (year / "index.html").read_text(encoding="utf-8")
    assert f'timeline/{year.name}/{months[0].parent.name}/"' in year_page  # the year page lists its months
    overview = (out / "timeline" / "index.html").read_text(encoding="utf-8")
    assert f'timeline/{year.name}/"' in overview and 'class="timeline-entry' not in overview
    # No period page holds more entries than a page may, the year's own entries included.
    for page in out.glob("timeline/**/index.html"):
        assert page.read_text(encoding="utf-8").count('class="timeline-entry') <= 30, page
    # Each period page leads to the next and back, and every link resolves.
    month_html = months[0].read_text(encoding="utf-8")
    assert 'rel="prev"' in month_html and 'rel="next"' in month_html
    assert check_site_links(out) == []


def test_a_year_named_on_its_own_many_times_is_cut_into_pages_too(tmp_path, monkeypatch):
    monkeypatch.setitem(collect.PAGE_SIZES, "timeline", 5)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    years = " ".join(f"Exports of item {n} grew in 2017." for n in range(12))
    months = " ".join(f"Shipment {n} left in March 2017." for n in range(3))
    (seeds / "trade.txt").write_text(f" date 2018-01-05 HÀ NỘI — {years}\n\n{months} Talks resumed in 2016.\n\nVNA/VNS\n",
                                     encoding="utf-8")
    out = tmp_path / "site"
    build(BuildOptions(seeds=seeds, content=copy_registry(tmp_path / "content"), out=out, cache=None, jobs=1))
    pages = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8").count('class="timeline-entry')
             for p in out.glob("timeline/**/index.html")}
    # 2017: twelve entries dated by the year alone, cut 5, 5, 2; March on its own page.
    assert pages["timeline/2017/index.html"] == 5 and pages["timeline/2017/page/3/index.html"] == 2
    assert pages["timeline/2017/03/index.html"] == 3 and pages["timeline/2016/index.html"] == 1
    assert check_site_links(out) == []


def test_synthetic_corpus_is_byte_identical_for_the_same_seed(tmp_path):
    write_corpus(tmp_path / "a", 6, seed=11)
    write_corpus(tmp_path / "b", 6, seed=11)
    assert tree_bytes(tmp_path / "a") == tree_bytes(tmp_path / "b")
    write_corpus(tmp_path / "c", 6, seed=12)
    assert tree_bytes(tmp_path / "c") != tree_bytes(tmp_path / "a")


@pytest.mark.parametrize("step", ["bench"])
def test_bench_quick_reports_every_row(tmp_path, step):
    out = tmp_path / "RESULTS.md"
    out.write_text("# Benchmark results\n\nold figures\n\n## Earlier runs\n\nthe history\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "builder", step, "--quick", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = {cells[2]: cells for line in out.read_text(encoding="utf-8").splitlines()
            if line.startswith("| 20 |") for cells in [[c.strip() for c in line.split("|")]]}
    less = "ours: one article changed, less its search index update"
    one = "ours: one article changed (a dated sentence added)"
    served = "ours: one article changed under serve, until all its pages are written"
    first = "ours: one article changed under serve, until its page is written"
    for tool in ("ours: clean build (no search)", "ours: clean build (with search)", "ours: no-op rebuild",
                 one, less, served, first):
        assert re.fullmatch(r"\d+\.\d\d", rows[tool][3]), rows[tool]
    # the search update runs beside the render: its stage is only what is left to wait for, often nothing
    assert float(rows[less][3]) <= float(rows[one][3])
    assert float(rows[served][3]) < float(rows[one][3])  # no interpreter to start, nothing to read again
    assert float(rows[first][3]) <= float(rows[served][3])  # the edited page is the first commit
    assert "search" in rows["ours: clean build (with search)"][8] and "map" in rows["ours: clean build (no search)"][8]
    text = out.read_text(encoding="utf-8")
    assert "old figures" not in text and text.endswith("## Earlier runs\n\nthe history\n")
    peers = [cells for tool, cells in rows.items() if not tool.startswith("ours")]
    assert len(peers) == 2
    for cells in peers:
        assert re.fullmatch(r"\d+\.\d\d", cells[3]) or "not installed" in cells[8], cells
    assert re.search(r"Machine: \d+ cores", out.read_text(encoding="utf-8"))


def test_build_timings_name_every_stage_and_add_up_to_the_build(tmp_path, content_copy):
    result = build(options(tmp_path, content_copy, "site", jobs=1))
    stages = dict(result.timings)
    total = stages.pop("total")
    assert set(stages) == {"registry", "plan", "discover", "map", "content", "reach", "render", "export", "search",
                           "publish", "record"}
    assert all(seconds >= 0 for seconds in stages.values())
    # A stage timed inside another (the search indexed while pages render) is not counted twice.
    assert sum(stages.values()) <= total


def test_the_map_draws_only_the_strongest_ties_and_says_how_many_it_leaves_out(tmp_path, monkeypatch):
    import json

    from builder.site import graph

    write_corpus(tmp_path / "corpus", 12, seed=5)
    monkeypatch.setattr(graph, "MAX_NODES", 10)
    monkeypatch.setattr(graph, "MAX_EDGES", 15)
    out = tmp_path / "site"
    result = build(BuildOptions(seeds=tmp_path / "corpus" / "seeds", content=tmp_path / "corpus" / "content",
                                out=out, cache=None, jobs=1))
    data = json.loads((out / "data" / "graph.json").read_text(encoding="utf-8"))
    assert 0 < len(data["nodes"]) <= 10 and 0 < len(data["edges"]) <= 15
    drawn = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in drawn and e["target"] in drawn for e in data["edges"])
    weights = [e["weight"] for e in data["edges"]]
    assert weights == sorted(weights, reverse=True)
    ties = len(result.site.store.all_ties())
    assert ties > 15
    page = (out / "map" / "index.html").read_text(encoding="utf-8")
    assert f"strongest of {ties} ties" in page


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads the process's memory from /proc")
def test_memory_the_build_freed_goes_back_to_the_system():
    import os

    from builder.bench.runner import _rss
    from builder.memory import _malloc_trim, give_back_freed_memory

    if _malloc_trim() is None:
        pytest.skip("not glibc: nothing to give back")
    # What receiving many records leaves: buffers freed between a few still held, which the C
    # allocator keeps for itself.
    buffers = [bytes(2048) + str(i).encode() for i in range(60_000)]
    kept = buffers[::200]
    del buffers
    held = _rss(os.getpid())
    give_back_freed_memory()
    assert held - _rss(os.getpid()) > 50_000 * 1024  # most of the ~120 MB freed
    assert len(kept) == 300
