"""Rebuilds: nothing changed means nothing is built; otherwise only the pages whose content changed are
rendered, and the site is the clean build's, byte for byte."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from helpers import copy_registry, site_bytes

from builder.bench.synthetic import touch_article
from builder.engine.build import BuildOptions, build
from builder.engine.state import up_to_date

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def archive(tmp_path):
    """A publisher's working copy: the seeds, the registry, a cache, and the site of a first build."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    copy_registry(tmp_path / "content")
    options = BuildOptions(seeds=tmp_path / "seeds", content=tmp_path / "content", out=tmp_path / "site",
                           cache=tmp_path / "cache", jobs=1)
    first = build(options)
    assert first.reused == []
    return options


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*.html")}


def clean_build_of(options: BuildOptions, tmp_path: Path) -> dict[str, bytes]:
    out = tmp_path / "clean"
    build(BuildOptions(seeds=options.seeds, content=options.content, out=out, cache=None, jobs=1))
    return site_bytes(out)


def add_sentence(seed: Path, sentence: str) -> None:
    text = seed.read_text(encoding="utf-8")
    cut = text.index("\n\n", 200)
    seed.write_text(text[:cut] + " " + sentence + text[cut:], encoding="utf-8")


def test_an_edited_article_rerenders_its_page_and_its_entities_and_reuses_the_rest(archive, tmp_path):
    before = inodes(archive.out)
    seed = sorted(Path(archive.seeds).glob("*.txt"))[2]
    add_sentence(seed, "Prime Minister Phạm Minh Chính met Ambassador He Wei on March 3, 2025.")
    result = build(archive)
    after = inodes(archive.out)
    article = next(a for a in result.articles if a.source_file == seed.name)
    rendered = {path for path in after if path not in result.reused}
    assert f"articles/{article.id}/index.html" in rendered
    assert "people/he-wei/index.html" in rendered and "people/pham-minh-chinh/index.html" in rendered
    # Pages about nothing the sentence touches are the same files as before (hard links, not copies).
    untouched = [p for p in result.reused if p.startswith("articles/")]
    assert untouched and all(after[p] == before[p] for p in untouched)
    assert len(result.reused) > len(after) / 2
    assert site_bytes(archive.out) == clean_build_of(archive, tmp_path)


def test_an_edit_indexes_its_article_bundle_beside_the_render_and_a_failed_index_publishes_nothing(
        archive, monkeypatch, tmp_path):
    """The edited article's search bundle is indexed on a thread of its own while the other pages render
    (Pagefind is a process: it takes the other core); what goes wrong there stops the build like any
    error, and site/ stays as the last build left it."""
    import threading

    from builder.model import BuildError
    from builder.search import pagefind

    seed = sorted(Path(archive.seeds).glob("*.txt"))[2]
    add_sentence(seed, "The ministers will meet again on March 3, 2027.")
    before = site_bytes(archive.out)
    threads: list[str] = []

    def failing(sources, pages, output_dir):
        threads.append(threading.current_thread().name)
        raise BuildError("pagefind", "the search index could not be built: disk full")

    monkeypatch.setattr(pagefind, "index_bundle", failing)
    with pytest.raises(BuildError, match="disk full"):
        build(archive)
    assert threads and threads[0].startswith("pagefind"), threads  # the articles' bundle, beside the render
    assert site_bytes(archive.out) == before
    monkeypatch.undo()
    build(archive).close()
    assert site_bytes(archive.out) == clean_build_of(archive, tmp_path)
    assert any((Path(archive.out) / "pagefind").glob("articles-*/pagefind-entry.json"))


def test_serve_publishes_the_edited_article_first_then_its_other_pages_then_the_search_index(archive, tmp_path):
    import dataclasses

    options = dataclasses.replace(archive, publish_in_steps=True)
    seed = sorted(Path(options.seeds).glob("*.txt"))[2]
    add_sentence(seed, "Prime Minister Phạm Minh Chính met Ambassador He Wei on March 3, 2025.")
    commits: list[list[str]] = []
    seen_in_site: list[bytes] = []

    def published(paths: list[str]) -> None:
        commits.append(paths)
        if len(commits) == 1:  # the page is in site/ already, before the rest is rendered
            seen_in_site.append((Path(options.out) / paths[0]).read_bytes())

    result = build(options, on_publish=published)
    article = next(a for a in result.articles if a.source_file == seed.name)
    page = f"articles/{article.id}/index.html"
    assert commits[0] == [page]
    assert b"Ambassador He Wei" in seen_in_site[0]
    assert page not in commits[1] and "people/he-wei/index.html" in commits[1]
    assert all(path.startswith("pagefind/") for path in commits[2])
    assert result.first_published_after < result.published_after
    result.close()
    assert site_bytes(options.out) == clean_build_of(options, tmp_path)


def test_a_renamed_entity_changes_every_page_that_shows_its_name(archive, tmp_path):
    page = Path(archive.content) / "people" / "he-wei.md"
    page.write_text(page.read_text(encoding="utf-8").replace("name: He Wei", "name: HE Wei"), encoding="utf-8")
    result = build(archive)
    assert result.reused  # most of the site did not change
    assert site_bytes(archive.out) == clean_build_of(archive, tmp_path)
    assert "HE Wei" in (Path(archive.out) / "people" / "he-wei" / "index.html").read_text(encoding="utf-8")


def test_a_template_change_renders_every_page_again(archive, tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(archive.templates, templates)
    base = templates / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("Skip to content", "Skip to the article"),
                    encoding="utf-8")
    archive.templates = templates
    result = build(archive)
    assert result.reused == []
    assert "Skip to the article" in (Path(archive.out) / "index.html").read_text(encoding="utf-8")


def test_a_page_edited_by_hand_in_the_site_is_rendered_again_not_kept(archive):
    target = next((Path(archive.out) / "articles").glob("*/index.html"))
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("</main>", "<p>edited by hand</p></main>"), encoding="utf-8")
    os.utime(target, ns=(0, 0))
    seed = sorted(Path(archive.seeds).glob("*.txt"))[0]
    add_sentence(seed, "The two sides met again on March 3, 2025.")
    result = build(archive)
    path = target.relative_to(archive.out).as_posix()
    assert path not in result.reused
    assert "edited by hand" not in target.read_text(encoding="utf-8")


def test_the_published_files_edited_by_hand_are_found_by_a_process_of_their_own_as_by_the_build(archive):
    from builder.engine.publish import TamperCheck, changed_files, load_record

    known = load_record(archive.cache, Path(archive.out).resolve())
    target = next((Path(archive.out) / "people").glob("*/index.html"))
    target.write_text(target.read_text(encoding="utf-8") + "<!-- by hand -->", encoding="utf-8")
    (Path(archive.out) / "map" / "index.html").unlink()
    expected = changed_files(Path(archive.out).resolve(), known)
    assert expected == sorted([target.relative_to(archive.out).as_posix(), "map/index.html"])
    assert TamperCheck(archive.out, archive.cache).answer(len(known)) == expected
    assert TamperCheck(archive.out, archive.cache).answer(len(known) + 1) is None  # read another record: not used


@pytest.mark.parametrize("gone", ["entity", "article"])
def test_a_page_edited_by_hand_whose_entity_or_article_is_gone_goes_with_it(archive, tmp_path, gone):
    if gone == "entity":
        target = Path(archive.out) / "people" / "he-wei" / "index.html"
    else:
        seed = sorted(Path(archive.seeds).glob("*.txt"))[0]
        aid = next(a.id for a in build(archive).articles if a.source_file == seed.name)
        target = Path(archive.out) / "articles" / aid / "index.html"
    target.write_text(target.read_text(encoding="utf-8") + "<!-- edited by hand -->", encoding="utf-8")
    os.utime(target, ns=(0, 0))
    if gone == "entity":  # the editors gave He Wei's page another id
        people = Path(archive.content) / "people"
        (people / "he-wei.md").rename(people / "ambassador-he-wei.md")
    else:
        seed.unlink()
    build(archive).close()
    assert not target.exists()
    assert site_bytes(Path(archive.out)) == clean_build_of(archive, tmp_path)


def test_without_a_cache_nothing_is_reused(archive):
    archive.cache = None
    assert build(archive).reused == []


def test_nothing_changed_means_up_to_date_even_if_a_file_was_touched(archive):
    assert up_to_date(archive) is not None
    seed = sorted(Path(archive.seeds).glob("*.txt"))[0]
    os.utime(seed, ns=(10**18, 10**18))  # a new modification time, the same bytes: decided by content
    assert up_to_date(archive) is not None


def test_an_edit_that_keeps_the_size_is_seen(archive):
    seed = sorted(Path(archive.seeds).glob("*.txt"))[0]
    text = seed.read_bytes()
    seed.write_bytes(text.replace(b"the ", b"The ", 1))
    assert len(seed.read_bytes()) == len(text)
    assert up_to_date(archive) is None


def test_a_rebuild_goes_on_from_what_the_no_op_check_found_and_records_the_edit(archive):
    from builder.engine.state import check_inputs

    seed = sorted(Path(archive.seeds).glob("*.txt"))[1]
    add_sentence(seed, "The two sides met again on March 3, 2025.")
    state, records = check_inputs(archive)
    assert state is None and str(seed) in records
    result = build(archive, records)
    result.close()
    assert result.mapped == [seed.name]  # the edited article, by its new hash, and no other
    assert up_to_date(archive) is not None  # the record saved is the edited seed's


def test_a_date_added_before_others_writes_only_its_own_years_timeline_content(archive, monkeypatch):
    """Dates after the new one are numbered anew, which the site's pages show (their anchors) but no
    line of content/timeline/ does: only the new date's year file is made again."""
    from builder.engine.store import SiteStore

    seed = sorted(Path(archive.seeds).glob("*.txt"))[4]  # dated in 1955 and 2022–2024 after its lead
    add_sentence(seed, "The two sides will meet again on March 3, 2031.")
    asked: list[int] = []
    made = SiteStore.timeline_markdown
    monkeypatch.setattr(SiteStore, "timeline_markdown", lambda self, year: asked.append(year) or made(self, year))
    result = build(archive)
    result.close()
    assert asked == [2031]
    assert "[2031](timeline/2031.md): 1 dated mention" in (Path(archive.content) / "timeline.md").read_text("utf-8")


def test_a_seed_saved_while_a_build_runs_is_built_by_the_next_one(archive):
    """The record a build leaves is of the inputs it started from (and the pages it wrote), not of the
    files as they are when it ends: a seed saved after the build looked at it is not taken as built."""
    from builder.engine.state import check_inputs

    edited, saved_late = sorted(Path(archive.seeds).glob("*.txt"))[1:3]
    add_sentence(edited, "The two sides met again on March 3, 2025.")
    _, records = check_inputs(archive)
    add_sentence(saved_late, "Both ministers spoke again on April 9, 2025.")  # after the build listed its inputs
    build(archive, records).close()
    assert up_to_date(archive) is None
    again = build(archive)
    again.close()
    assert again.mapped == [saved_late.name]
    assert up_to_date(archive) is not None


def test_what_a_rebuild_plans_from_a_moments_records_is_what_listing_and_reading_the_inputs_gives(archive):
    """A rebuild handed the inputs' records (the no-op check's, or serve's watcher's) takes the seeds, the
    code's recipe and the article pages' stamps from them instead of listing and reading again."""
    from builder.engine.content import article_pages_changed
    from builder.engine.state import check_inputs, made_with, seed_paths, store_path
    from builder.engine.store import SiteStore

    pages = sorted((Path(archive.content) / "articles").glob("*.md"))
    pages[0].write_text(pages[0].read_text(encoding="utf-8") + "\nAn editor's line.\n", encoding="utf-8")
    pages[1].unlink()
    (Path(archive.seeds) / "notes.md").write_text("not a seed", encoding="utf-8")
    _, records = check_inputs(archive)
    assert seed_paths(archive.seeds, records) == seed_paths(archive.seeds) != []
    assert made_with(archive, records) == made_with(archive)
    store = SiteStore(store_path(archive.cache))
    try:
        changed = article_pages_changed(archive.content, store, records)
        assert changed == article_pages_changed(archive.content, store) == {pages[0].stem, pages[1].stem}
    finally:
        store.close()


def test_a_missing_output_is_not_up_to_date(archive):
    shutil.rmtree(archive.out)
    assert up_to_date(archive) is None


def test_a_generated_article_page_the_store_does_not_know_goes_and_a_hand_written_one_stays(archive):
    articles = Path(archive.content) / "articles"
    page = sorted(articles.glob("*.md"))[0]
    # What an interrupted build or a seed renamed outside the build can leave behind.
    stray = articles / "an-article-whose-seed-is-gone.md"
    stray.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    notes = articles / "editors-notes.md"
    notes.write_text("---\ntitle: Notes\n---\nKept by hand.\n", encoding="utf-8")
    seed = sorted(Path(archive.seeds).glob("*.txt"))[0]
    seed.write_bytes(seed.read_bytes() + b"\n")  # a change, so that the build runs
    result = build(archive)
    assert not stray.exists() and stray in result.content_changed
    assert notes.read_text(encoding="utf-8").endswith("Kept by hand.\n")
    assert page.is_file()


def test_an_edited_article_renders_only_the_article_listing_pages_of_its_period(tmp_path, monkeypatch):
    from builder.bench.synthetic import write_corpus
    from builder.site import collect
    from builder.site import pages as render

    monkeypatch.setitem(collect.PAGE_SIZES, "articles", 6)  # a listing cut by year and month
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 24, seed=9)
    options = BuildOptions(seeds=corpus / "seeds", content=corpus / "content", out=tmp_path / "site",
                           cache=tmp_path / "cache", jobs=1)
    build(options).close()
    seed = sorted((corpus / "seeds").glob("*.txt"))[11]
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace(" — ", " — Officials said ", 1), encoding="utf-8")  # a new first sentence: a new title
    rendered: list[str] = []
    real = render.SitePages.render

    def spy(self, page):
        if page.template == "articles.html":
            rendered.append(page.url)
        return real(self, page)

    monkeypatch.setattr(render.SitePages, "render", spy)
    result = build(options)
    summary = next(s for s in result.summaries if s.source_file == seed.name)
    cut = result.site.article_cut
    own = {"articles/"} | cut.pages_for(summary.year, summary.month)
    listing = ["articles/"] + [p.url for p in cut.periods]
    result.close()
    assert set(rendered) <= own and "articles/" in rendered
    assert len(listing) > len(own)
    assert site_bytes(Path(options.out)) == clean_build_of(options, tmp_path)


# --- a sequence of edits on a small archive cut into many pages ----------------------------------


def _edit_sequence(seeds: Path, content: Path):
    """Edits a publisher makes, one after another: each is applied, then the site is rebuilt."""
    files = sorted(seeds.glob("*.txt"))

    def add_named_sentence():
        add_sentence(files[3], "Prime Minister Tô Lâm met Ambassador Huang Yu in Hà Nội on March 3, 2019.")

    def add_article():
        text = files[5].read_text(encoding="utf-8").replace(" date 20", " date 19", 1)
        (seeds / "99999_new.txt").write_text(text.replace("—", "— Reporting again,", 1), encoding="utf-8")

    def remove_article():
        files[7].unlink()

    def redate_article():  # published in another year: it moves to another period of every listing
        text = files[9].read_text(encoding="utf-8")
        files[9].write_text(re.sub(r"^ date \d{4}", " date 2009", text, count=1), encoding="utf-8")

    def rename_entity():
        page = next(p for p in sorted((content / "people").glob("*.md")) if "status: discovered" not in
                    p.read_text(encoding="utf-8"))
        text = page.read_text(encoding="utf-8")
        name = text.split('name: "', 1)[1].split('"', 1)[0]
        page.write_text(text.replace(f'name: "{name}"', f'name: "{name} (renamed)"', 1), encoding="utf-8")

    def edit_text_only():
        touch_article(seeds.parent, dated=False)

    return [add_named_sentence, add_article, remove_article, redate_article, rename_entity, edit_text_only]


def test_every_rebuild_after_each_edit_is_the_clean_build_byte_for_byte(tmp_path, monkeypatch):
    from builder.bench.synthetic import write_corpus
    from builder.site import collect, feeds

    # Small pages, so that edits grow and shrink periods and move entries between pages.
    for listing, size in {"articles": 6, "entities": 15, "timeline": 25, "mentions": 8}.items():
        monkeypatch.setitem(collect.PAGE_SIZES, listing, size)
    monkeypatch.setattr(feeds, "SITEMAP_URLS", 300)  # a sitemap index of parts, as at archive scale
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 24, seed=9)
    options = BuildOptions(seeds=corpus / "seeds", content=corpus / "content", out=tmp_path / "site",
                           cache=tmp_path / "cache", jobs=1)
    build(options).close()
    for edit in _edit_sequence(corpus / "seeds", corpus / "content"):
        edit()
        result = build(options)
        rendered = set(result.written)
        result.close()
        timeline = timeline_content(Path(options.content))
        clean = clean_build_of(options, tmp_path)  # writes the content folder's files it would make otherwise
        assert site_bytes(Path(options.out)) == clean, edit.__name__
        assert timeline_content(Path(options.content)) == timeline, edit.__name__
        assert len(rendered) < len(clean) / 2, edit.__name__  # a rebuild, not the whole site again
        assert record_of_published(options) == files_in(Path(options.out)), edit.__name__


def timeline_content(content: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in [content / "timeline.md", *(content / "timeline").glob("*.md")]}


def record_of_published(options: BuildOptions) -> dict[str, tuple[int, int]]:
    """What the publish record (rewritten row by row on a rebuild) says site/ holds: {path: (size, mtime)}."""
    from builder.engine.publish import load_record

    return {path: (size, mtime) for path, (_, size, mtime) in load_record(options.cache, options.out).items()}


def files_in(site: Path) -> dict[str, tuple[int, int]]:
    """The files of site/ the build renders (not the static assets, copied whole on a clean build, nor
    the search bundles, swapped whole)."""
    return {path: (p.stat().st_size, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()
            for path in [p.relative_to(site).as_posix()]
            if path != ".nojekyll" and path.split("/")[0] not in ("static", "pagefind") or path == "pagefind/bundles.json"}


def test_a_rebuild_that_leaves_the_ties_alone_takes_the_map_layout_from_the_store(archive, tmp_path, monkeypatch):
    from builder.site import graph
    from builder.site import pages as render

    laid_out = []

    def counted(order, edges, iterations=300):
        laid_out.append(len(order))
        return graph.force_layout(order, edges, iterations)

    monkeypatch.setattr(render, "force_layout", counted)
    seeds = sorted(Path(archive.seeds).glob("*.txt"))
    add_sentence(seeds[0], "Both sides pledged further talks.")  # names nobody: no tie changes
    build(archive).close()
    assert laid_out == []
    clean = clean_build_of(archive, tmp_path)
    site = site_bytes(archive.out)
    assert site["map/index.html"] == clean["map/index.html"]
    assert site["data/graph.json"] == clean["data/graph.json"]
    # A sentence naming two people adds a tie: the map is laid out again, as a clean build lays it out.
    laid_out.clear()
    add_sentence(seeds[1], "Prime Minister Phạm Minh Chính met Ambassador He Wei in Hà Nội.")
    build(archive).close()
    assert len(laid_out) == 1
    clean = clean_build_of(archive, tmp_path / "again")
    site = site_bytes(archive.out)
    assert site["map/index.html"] == clean["map/index.html"]
    assert site["data/graph.json"] == clean["data/graph.json"]


def test_the_map_page_is_rendered_only_when_what_it_draws_changed(archive, monkeypatch):
    from builder.site.pages import SitePages

    rendered = []
    render = SitePages.render
    monkeypatch.setattr(SitePages, "render", lambda self, page: rendered.append(page.url) or render(self, page))
    seeds = sorted(Path(archive.seeds).glob("*.txt"))
    add_sentence(seeds[0], "Both sides pledged further talks on March 3, 2025.")  # a date, no tie
    build(archive).close()
    assert "timeline/" in rendered and "map/" not in rendered
    rendered.clear()
    add_sentence(seeds[1], "Prime Minister Phạm Minh Chính met Ambassador He Wei in Hà Nội.")
    build(archive).close()
    assert "map/" in rendered


def test_an_edit_that_names_and_ties_nothing_new_neither_works_the_map_out_nor_lists_the_entities_again(
        archive, monkeypatch, tmp_path):
    import builder.site.pages as site_pages
    from builder.site.pages import SitePages

    drawn, rendered = [], []
    draw = site_pages.relationship_map
    monkeypatch.setattr(site_pages, "relationship_map", lambda *a: drawn.append(1) or draw(*a))
    render = SitePages.render
    monkeypatch.setattr(SitePages, "render", lambda self, page: rendered.append(page.url) or render(self, page))
    graph = (Path(archive.out) / "data" / "graph.json").stat().st_ino
    seeds = sorted(Path(archive.seeds).glob("*.txt"))
    add_sentence(seeds[0], "Both sides pledged further talks on March 3, 2025.")  # a date, no entity, no tie
    build(archive).close()
    assert "timeline/" in rendered and not drawn
    assert not [url for url in rendered if url in ("people/", "mechanisms/", "organisations/", "places/")]
    assert (Path(archive.out) / "data" / "graph.json").stat().st_ino == graph
    assert site_bytes(archive.out) == clean_build_of(archive, tmp_path)
    rendered.clear()
    add_sentence(seeds[1], "Prime Minister Phạm Minh Chính met Ambassador He Wei in Hà Nội.")
    build(archive).close()
    assert drawn and "people/" in rendered and "places/" in rendered


def test_a_build_with_other_code_lays_the_map_out_again(archive, monkeypatch):
    from builder.engine import build as build_module
    from builder.site import graph
    from builder.site import pages as render

    laid_out = []

    def counted(order, edges, iterations=300):
        laid_out.append(len(order))
        return graph.force_layout(order, edges, iterations)

    monkeypatch.setattr(render, "force_layout", counted)
    recipe = build_module.made_with
    # Other code (a changed layout, say) makes another recipe: the remembered layout is not its own.
    monkeypatch.setattr(build_module, "made_with", lambda options, records=None: "other " + recipe(options, records))
    build(archive).close()
    assert len(laid_out) == 1


def test_a_date_added_to_a_bucket_cut_into_pages_shows_anew_only_the_articles_whose_entries_moved_page(
        tmp_path, monkeypatch):
    """An entry added inside a bucket of numbered timeline pages pushes one entry across each later page
    break: only the articles of those entries link elsewhere, not every article dated in the bucket."""
    from builder.bench.synthetic import write_corpus
    from builder.model import MONTH_NAMES
    from builder.site import collect
    from builder.site.families.articles import ArticleFamily

    monkeypatch.setitem(collect.PAGE_SIZES, "timeline", 4)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 24, seed=9)
    options = BuildOptions(seeds=corpus / "seeds", content=corpus / "content", out=tmp_path / "site",
                           cache=tmp_path / "cache", jobs=1)
    result = build(options)
    store = result.site.store
    year, month, _ = max((b for b in store.timeline_buckets() if b[1]),
                         key=lambda b: (len(store.articles_dated_in(b[0], b[1])), b[0], b[1]))
    dated_there = set(store.articles_dated_in(year, month))
    pages_there = len(result.site.timeline.cut.bucket_pages(year, month))
    result.close()
    assert pages_there >= 3  # the bucket is cut into numbered pages
    shown = []
    real = ArticleFamily.html

    def spy(self, only=None):
        shown.append(self.key)
        return real(self, only)

    monkeypatch.setattr(ArticleFamily, "html", spy)
    edited = sorted((corpus / "seeds").glob("*.txt"))[2]
    add_sentence(edited, f"The ministers met again on {MONTH_NAMES[month - 1]} 1, {year}.")
    build(options).close()
    rebuilt = list(shown)
    monkeypatch.setattr(ArticleFamily, "html", real)
    assert site_bytes(Path(options.out)) == clean_build_of(options, tmp_path)
    # The edited article, and at most one article whose entry crossed each page break of the bucket.
    assert len(rebuilt) <= 1 + pages_there and len(rebuilt) < len(dated_there), (rebuilt, pages_there, dated_there)


def test_a_date_added_to_a_month_of_many_timeline_pages_renders_the_page_it_falls_on_not_the_month(
        tmp_path, monkeypatch):
    """The site's busy months are cut by their entries' keys: a date added to one is shown on its own
    page (and the timeline's first page, and its year's), and no other article's date link moves."""
    from builder.bench.synthetic import write_corpus
    from builder.engine.store import SiteStore
    from builder.site import collect
    from builder.site import pages as render
    from builder.site.families.articles import ArticleFamily

    monkeypatch.setitem(collect.PAGE_SIZES, "timeline", 60)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 12, seed=9)
    # A chronicle of two busy months: 240 dated entries in each of March and April 2019, several pages each.
    days = " ".join(f"The working group met for the {n + 1}th time on {month} {n % 28 + 1}, 2019."
                    for month in ("March", "April") for n in range(240))
    (corpus / "seeds" / "99990_chronicle.txt").write_text(f" date 2019-04-02 HÀ NỘI — {days}", encoding="utf-8")
    options = BuildOptions(seeds=corpus / "seeds", content=corpus / "content", out=tmp_path / "site",
                           cache=tmp_path / "cache", jobs=1)
    result = build(options)
    month_pages = {p.url for p in result.site.timeline.cut.bucket_pages(2019, 3)}
    result.close()
    assert len(month_pages) >= 4
    rendered, shown, keys_read = [], [], []
    real_render, real_html, real_keys = render.SitePages.render, ArticleFamily.html, SiteStore.bucket_keys
    monkeypatch.setattr(SiteStore, "bucket_keys", lambda self, year, month, entity=None: keys_read.append(
        (year, month)) or real_keys(self, year, month, entity))
    monkeypatch.setattr(render.SitePages, "render", lambda self, page: rendered.append(page.url) or real_render(self, page))
    monkeypatch.setattr(ArticleFamily, "html", lambda self, only=None: shown.append(self.key) or real_html(self, only))
    edited = sorted((corpus / "seeds").glob("*.txt"))[2]
    add_sentence(edited, "The ministers met again on March 9, 2019.")
    build(options).close()
    monkeypatch.setattr(render.SitePages, "render", real_render)
    monkeypatch.setattr(ArticleFamily, "html", real_html)
    monkeypatch.setattr(SiteStore, "bucket_keys", real_keys)
    assert site_bytes(Path(options.out)) == clean_build_of(options, tmp_path)
    assert len(month_pages & set(rendered)) <= 2, sorted(month_pages & set(rendered))
    assert len(set(shown)) == 1, shown
    # April's cut is the one the last build kept: only March, whose entries changed, is cut anew
    assert set(keys_read) == {(2019, 3)}, keys_read


@pytest.mark.parametrize("publish_in_steps", [False, True], ids=["command line", "serve"])
def test_a_date_link_that_moved_page_leaves_the_search_bundles_of_the_articles_holding_it_alone(
        tmp_path, monkeypatch, publish_in_steps):
    """Pagefind indexes words, not where links go: the articles whose date links moved to another
    timeline page keep their year's bundle; only the edited article's bundle is indexed again, whether
    the pages are published before the search index (serve) or with it."""
    from builder.bench.synthetic import write_corpus
    from builder.model import MONTH_NAMES
    from builder.search import pagefind
    from builder.site import collect

    monkeypatch.setitem(collect.PAGE_SIZES, "timeline", 4)
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 24, seed=9)
    options = BuildOptions(seeds=corpus / "seeds", content=corpus / "content", out=tmp_path / "site",
                           cache=tmp_path / "cache", jobs=1, publish_in_steps=publish_in_steps)
    result = build(options)
    store = result.site.store
    year, month, _ = max((b for b in store.timeline_buckets() if b[1]),
                         key=lambda b: (len(store.articles_dated_in(b[0], b[1])), b[0], b[1]))
    result.close()
    edited = sorted((corpus / "seeds").glob("*.txt"))[2]
    # Articles of other publication years than the edited one's are dated in that bucket: their pages
    # are shown anew (a link moved), their words are not.
    indexed: list[str] = []  # every bundle Pagefind is run on, beside the render or after it
    real = pagefind.index_bundle
    monkeypatch.setattr(pagefind, "index_bundle", lambda sources, pages, output_dir: (
        indexed.append(Path(output_dir).name), real(sources, pages, output_dir)))
    add_sentence(edited, f"The ministers met again on {MONTH_NAMES[month - 1]} 1, {year}.")
    changed = build(options)
    rewritten_years = {p.split("/")[1][:4] for p in changed.written
                       if p.startswith("articles/") and p.count("/") == 2 and p[9:13].isdigit()}
    changed.close()
    assert len({b for b in indexed if b.startswith("articles-")}) == 1, indexed
    assert len(rewritten_years) > 1, rewritten_years  # pages of other years were written, not indexed
    # The search index's own commit keeps the record of every other file of site/: the next rebuild
    # still knows which pages to delete and which to leave.
    assert record_of_published(options) == files_in(Path(options.out))
    edited.unlink()
    build(options).close()
    assert site_bytes(Path(options.out)) == clean_build_of(options, tmp_path)
