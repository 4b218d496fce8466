"""The reduce: render the pages a change reaches, write the data files and the search index, publish.

`render_and_publish` is called by `builder.engine.build` once every record is in the store. It asks
`builder.engine.reach` which families of pages to render (every family on a clean build), renders them
here and on the build's workers (local processes or a Dask cluster: `builder.engine.executors`),
hands every file to the publish stage's writer (`builder.engine.publish.SiteUpdate`), which keeps only
those whose bytes changed, then writes the data files (`builder.site.export`) and the search parts a
change made stale (`builder.search`), and makes it all appear in `site/` at once.
"""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass
from pathlib import Path

from builder.engine import clock, executors
from builder.engine.executors import Workers, tools
from builder.engine.progress import Step
from builder.engine.publish import SiteUpdate
from builder.engine.reach import reach, remember_shapes, unchanged_families
from builder.engine.state import BuildOptions, absolute, template_folders
from builder.engine.store import SiteStore
from builder.ingest.registry import Registry
from builder.memory import give_back_freed_memory
from builder.records import Touched
from builder.search import SearchIndex, search_index
from builder.site.collect import SiteView
from builder.site.export import (
    preview_paths,
    write_annotations,
    write_previews,
    write_reader_files,
)
from builder.site.families.articles import ArticleFamily
from builder.site.families.base import PageFamily
from builder.site.families.sitewide import MapFamily
from builder.site.pages import SitePages, check_collisions, copy_static
from builder.site.templating import Templates
from builder.site.urls import article_url, output_path


class _ForkedPages:
    """A forked render worker's tools: the parent's pages and update, inherited with every sum the
    parent worked out, and a connection of its own to the store (SQLite's rule for fork)."""

    def __init__(self, pages: SitePages, update: SiteUpdate):
        self.pages, self.update = pages, update

    def __call__(self) -> tuple[SitePages, SiteUpdate]:
        self.pages.site.store = SiteStore(self.pages.site.store.path, readonly=True)
        return self.pages, self.update

    def __reduce__(self):
        raise TypeError("only a forked worker inherits the parent's pages; a cluster is sent a _PagesRecipe")


@dataclass
class _PagesRecipe:
    """What a cluster worker, or a clean build's fresh local one, makes its pages from: the store (opened
    read-only), the registry, the options, and where the update stages files and what `site/` holds
    (`SiteUpdate.joining`)."""

    store: Path
    registry: Registry
    options: BuildOptions
    staging: Path
    clean: bool
    forgotten: list[str]

    def __call__(self) -> tuple[SitePages, SiteUpdate]:
        options = self.options
        site = SiteView(SiteStore(self.store, readonly=True), self.registry, options.config.page_sizes)
        pages = SitePages(site, Templates(template_folders(options), options.base_url, options.cache,
                                          options.config))
        return pages, SiteUpdate.joining(options.out, options.cache, self.staging, self.clean, self.forgotten)


def _render_families(token: str, recipe, work: list[tuple[PageFamily, set[str] | None]]) -> list[tuple[str, str, int, bool]]:
    """A worker's share: render each family's pages (those in its set), stage the ones whose bytes
    changed; returns (path, digest, size, staged) of each page rendered."""
    pages, update = tools("render", token, recipe)
    return _render_families_here(pages, update, work)


def render_and_publish(site: SiteView, options: BuildOptions, workers: Workers, touched: Touched, full: bool,
                       changed_entities: set[str], reworded_before: set[str] = frozenset(),
                       tamper_check: TamperCheck | None = None) -> tuple[list[str], list[str]]:
    """Render what the change reaches, write the data files and search bundles, and publish them;
    returns (every page of the site, the files written). `reworded_before`: the pages whose words an
    earlier commit of this build changed (`publish_articles_first`), for the search index; `tamper_check`:
    the published files edited by hand, being looked for since before the content stage."""
    templates = Templates(template_folders(options), options.base_url, options.cache, options.config)
    pages = SitePages(site, templates)
    search = search_index()
    update = SiteUpdate(Path(options.out), options.cache, clean=full)
    # serve's rebuilds publish the pages first and the search index a moment later.
    search_later = options.search and options.publish_in_steps and not update.clean and site.store.meta.search
    indexed_early: list[str] = []  # search bundles indexed while the render went on
    indexing_beside = None  # waits for those, when they are indexed on a thread of this process
    results: list[tuple] = []  # (path, key, size, staged) of each page rendered
    try:
        with clock.CLOCK.stage("reach"):  # which pages the change reaches, and what site/ holds now
            # Worked out once here, before any worker forks, so that every worker shares them.
            site.entities, site.timeline, site.article_cut, site.newest  # noqa: B018
            if site.timeline_cuts_made:  # kept for the workers, and for the next build's buckets that stay as they are
                with site.store.transaction():
                    site.store.keep_timeline_cuts(site.timeline_cuts_made)
            if update.clean:
                every = pages.all_paths()
            else:  # a family no change reaches has the pages it had
                every = pages.all_paths(unchanged_families(site.store, touched, changed_entities))
            check_collisions(every)
            bundles = search.plan(every) if options.search else {}
            if update.clean:
                work = [(family, None) for family in pages.families()]
            else:
                tampered = update.tampered(tamper_check)
                update.forget(tampered)
                early: list[tuple] = []
                if options.search and not search_later and search.fits_beside_render(bundles):
                    # Pagefind is the longest step of a small rebuild: the changed articles' pages are
                    # made first and their search bundles indexed while the reach and render go on.
                    ids = touched.articles | {ArticleFamily.owning(pages, path) for path in tampered} - {None}
                    early = [(PageFamily(ArticleFamily.kind, aid), None) for aid in sorted(ids)
                             if site.store.summary(aid) is not None]
                    with clock.CLOCK.stage("render"):
                        results = _render_families_here(pages, update, early)
                        indexed_early, indexing_beside = _index_articles_beside(search, update, bundles,
                                                                                site.store, results)
                work = sorted((item for item in reach(pages, touched, changed_entities, site.store, tampered).items()
                               if item not in early), key=lambda item: (item[0].kind, item[0].key))
        with clock.CLOCK.stage("render"), clock.PROGRESS.stage("render", len(every) if update.clean else
                                                     _pages_to_render(pages, work), "pages rendered") as counter:
            here = [item for item in work if item[0].kind == "map"]
            # Articles first: on a clean build their search bundles are indexed while the rest renders.
            elsewhere = sorted((item for item in work if item[0].kind != "map"), key=lambda i: i[0].kind != "article")
            # A clean build's workers start fresh from a recipe, as on a cluster: they render the whole site and
            # a forked worker would copy most of the parent's heap as it touched it.
            fresh = update.clean
            if workers.parallel(len(elsewhere), executors.PARALLEL_MIN, needs_fork=not fresh):
                if indexing_beside is not None and not workers.distributed:
                    indexing_beside()  # workers are forked from a process with no other thread running
                    indexing_beside = None
                if workers.distributed or fresh:
                    recipe = _PagesRecipe(Path(site.store.path).resolve(), site.registry, absolute(options),
                                          update.staging.resolve(), update.clean, list(update.forgotten))
                else:
                    recipe = _ForkedPages(pages, update)
                jobs = workers.jobs
                size = max(1, min(64, len(elsewhere) // (jobs * 16)))
                chunks = [elsewhere[i:i + size] for i in range(0, len(elsewhere), size)]
                with workers.pool("render", recipe, fresh=fresh) as (pool, token, carried):
                    futures = [pool.submit(_render_families, token, carried, chunk) for chunk in chunks]
                    for future in futures:  # counted as each comes back, in whatever order
                        future.add_done_callback(functools.partial(_count_rendered, counter))
                    mine = _render_families_here(pages, update, here)  # the map's layout meanwhile
                    results += mine
                    if update.clean and options.search and search.fits_beside_render(bundles):
                        articles_only = [f for f, chunk in zip(futures, chunks, strict=True)
                                         if any(family.kind == "article" for family, _ in chunk)]
                        for future in articles_only:
                            results += future.result()
                        # Pagefind is a process of its own: it runs beside the render workers.
                        indexed_early = sorted(search.article_parts(bundles))
                        with clock.CLOCK.stage("search"), clock.PROGRESS.stage("search", len(indexed_early),
                                                                     "bundles indexed") as indexing:
                            search.index(update, bundles, indexed_early, indexing.advance)
                        futures = futures[len(articles_only):]
                    for future in futures:
                        results += future.result()
                counter.advance(len(mine))  # here, not beside the pool's thread: one counts at a time
            else:
                results += _render_families_here(pages, update, work, counter)
        for path, key, size, staged in results:
            if staged:
                update.written[path] = [key, size, 0]
                update.changed.add(path)
            else:
                update.written.setdefault(path, update.known.get(path, [key, size, 0]))
                update.kept.add(path)
        for path in every:  # pages no change reaches stay as the last build wrote them
            if path not in update.written and path in update.known:
                update.written[path] = update.known[path]
        if update.clean:
            copy_static(templates, update.root)
        every_set = set(every)
        with clock.CLOCK.stage("export"), clock.PROGRESS.stage("export"):
            write_previews(site, update, None if update.clean else sorted(touched.articles))
            write_annotations(site, update)
            urls = [p[: -len("index.html")] if p.endswith("index.html") else p for p in every if p != "404.html"]
            write_reader_files(site, update, pages.relationship_map_data, urls, templates.base_url, templates.config,
                               graph_kept=not (MapFamily.redrawn(touched) or changed_entities))
        if options.search and not search_later:
            give_back_freed_memory()  # Pagefind runs beside this process
            _index_search(search, update, bundles, site.store, set(indexed_early),
                          search.reworded(update) | reworded_before if reworded_before else None, indexing_beside)
            indexing_beside = None
        elif not options.search:
            search.remove(update)  # no index rather than a stale one
        with site.store.transaction():
            site.store.meta.search = options.search
        # Whatever the last build wrote and this one would not is deleted (a removed article's page).
        expected = every_set | preview_paths(site) | {p for p in update.written if p not in every_set
                                                       and not p.startswith("data/previews/dates/")}
        for path in update.known:
            if path.startswith("data/") and not path.startswith("data/previews/dates/") or "/" not in path \
                    or path.startswith(search.folder + "/"):
                expected.add(path)
        for path in expected:
            if path not in update.written and path in update.known:
                update.written[path] = update.known[path]
        with site.store.transaction():
            remember_shapes(pages, site.store, None if update.clean else [family for family, _ in work])
        # Which pages' words changed is seen while the staged pages stand beside the published ones.
        reworded = search.reworded(update) | reworded_before if search_later else None
        with clock.CLOCK.stage("publish"), clock.PROGRESS.stage("publish", what="changes published") as counter:
            update.commit(expected=expected)
            counter.add(len(update.changed) + len(update.deleted))
            counter.advance(len(update.changed) + len(update.deleted))
    except BaseException:
        if indexing_beside is not None:
            with contextlib.suppress(Exception):  # what failed here is the error to report
                indexing_beside()
        update.abort()
        raise
    clock.CLOCK.committed(sorted(update.changed | set(update.deleted)))
    if search_later:
        index = SiteUpdate(Path(options.out), options.cache, clean=False)
        try:
            _index_search(search, index, bundles, site.store, changed=reworded)
            with clock.CLOCK.stage("publish"):
                index.commit()
        except BaseException:
            index.abort()
            raise
        clock.CLOCK.committed(sorted(index.changed | set(index.deleted)), pages=False)
    return sorted(every), sorted(update.changed)


def publish_articles_first(site: SiteView, options: BuildOptions, article_ids: list[str]) -> set[str]:
    """The first commit of a rebuild that publishes in steps (`BuildOptions.publish_in_steps`, serve):
    the pages of the articles it mapped, made from their records and the timeline's pages as the store
    now has them (what the full render will make of them too, so it leaves them as they are). Returns
    the pages whose words it changed (the search index's to catch up with); it writes nothing when
    `site/` has no record to add them to (a first build)."""
    paths = {output_path(article_url(aid)): aid for aid in article_ids if site.store.summary(aid) is not None}
    update = SiteUpdate.some(Path(options.out), options.cache, sorted(paths))
    if update is None or not paths:
        return set()
    pages = SitePages(site, Templates(template_folders(options), options.base_url, options.cache, options.config))
    try:
        for aid in paths.values():
            for path, html in pages.family_html(PageFamily(ArticleFamily.kind, aid)):
                update.put(path, html)
        reworded = search_index().reworded(update)
        update.commit()
    except BaseException:
        update.abort()
        raise
    clock.CLOCK.committed(sorted(update.changed))
    return reworded


def _index_articles_beside(search: SearchIndex, update: SiteUpdate, bundles: dict[str, list[str]], store: SiteStore,
                           rendered: list[tuple]) -> tuple[list[str], object]:
    """Once the articles a change reaches are rendered (`rendered`, `_render_families_here`'s answer), start
    indexing the article parts of the search index they made stale beside the rest of the render; returns
    those parts and what waits for them (None when there are none)."""
    update.changed.update(path for path, _key, _size, staged in rendered if staged)
    todo = search.stale(update, search.article_parts(bundles), update.clean or not store.meta.search,
                        store.meta.bundles)
    return todo, (search.index_beside(update, bundles, todo) if todo else None)


def _index_search(search: SearchIndex, update: SiteUpdate, bundles: dict[str, list[str]], store: SiteStore,
                  done: set[str] = frozenset(), changed: set[str] | None = None, beside=None) -> None:
    """Index the search parts a change made stale (every part when the last site had none: a
    --no-search build), but those `done`; `changed`: the pages whose words an earlier commit of this build
    changed; `beside`: waits for the parts `done` that are being indexed on a thread of this process."""
    with clock.CLOCK.stage("search"):
        if beside is not None:
            beside()
        todo = search.stale(update, bundles, update.clean or not store.meta.search, store.meta.bundles, done,
                            changed)
        with clock.PROGRESS.stage("search", len(todo), "bundles indexed") as indexing:
            search.index(update, bundles, todo, indexing.advance)
        digests = search.finish(update, bundles)
    with store.transaction():
        store.meta.bundles = digests


def _render_families_here(pages: SitePages, update: SiteUpdate, work: list[tuple], counter: Step | None = None
                          ) -> list[tuple]:
    out = []
    for family, only in work:
        for path, html in pages.family_html(family, only):
            staged = update.put(path, html)
            entry = update.written[path]
            out.append((path, entry[0], entry[1], staged))
            if counter is not None:
                counter.advance()
    return out


def _count_rendered(counter: Step, future) -> None:
    """A render worker's chunk came back (on the pool's thread): count its pages."""
    if not future.cancelled() and future.exception() is None:
        counter.advance(len(future.result()))


def _pages_to_render(pages: SitePages, work: list[tuple[PageFamily, set[str] | None]]) -> int:
    """How many pages the render of `work` makes (for the progress shown; nothing is rendered)."""
    return sum(1 if family.kind == "article" else len(only) if only is not None else len(pages.family_pages(family))
               for family, only in work)
