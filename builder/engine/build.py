"""The build: ingest -> annotate -> (discover) -> content + fragments -> store -> collect -> render -> publish.

`build()` runs every stage in order and is the only place that knows them all
(see the README's "Architecture at scale"):

1. **Plan** what changed since the last build: seeds by content hash, the
   registry entity by entity, our code, templates and options.
2. **Map** each new or changed article (and each article a registry change
   can touch): ingest, annotations (from the annotation cache when it still
   holds), the names it proposes (`builder.annotate.discover`), Markdown and fragments
   (`builder.site.fragments`). A pure function of (seed, registry, templates), run
   across worker processes (or a Dask cluster's: `builder.engine.executors`); the
   records go into the site store (`builder.engine.store`).
3. **Discover**: write a `status: discovered` registry page for every name the
   map proposed, and map again, with the new registry, only the articles whose
   text holds one of those names, until nothing new comes.
4. **Collect** the site-wide view from the store (`builder.site.collect`).
5. **Render** the pages a change can reach — every page on a clean build —
   across the same workers (`builder.site.pages`), and hand them, with the data
   files and the search bundles, to the publish stage, which writes only
   what changed and makes the new site appear at once (`builder.engine.publish`).

When nothing that goes into the build changed, `builder.engine.state.up_to_date`
says so before any stage is even imported, and the CLI stops there.
"""

from __future__ import annotations

import functools
import gc
import os
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from builder.annotate.annotator import Annotator
from builder.annotate.cache import AnnotationCache, entity_fingerprints, squeeze
from builder.annotate.discover import discover
from builder.annotate.proposals import propose_entities
from builder.content.markdown import article_markdown
from builder.engine import clock, executors
from builder.engine.content import (
    article_pages_changed,
    sync_content,
    write_timeline_content,
)
from builder.engine.editorial import (
    annotated_article,
    collision_warnings,
    drop_repeats,
    settle_collisions,
)
from builder.engine.executors import Workers, tools
from builder.engine.progress import Progress, Step
from builder.engine.reach import (
    entity_digests,
)
from builder.engine.publish import TamperCheck
from builder.engine.render import publish_articles_first, render_and_publish
from builder.engine.state import (
    BuildOptions,
    absolute,
    file_hashes,
    file_records,
    files_of,
    input_files,
    load_state,
    made_with,
    records_after,
    records_from_stats,
    registry_sources,
    save_state,
    seed_paths,
    store_path,
    template_folders,
)
from builder.engine.store import SiteStore, seal
from builder.ingest.registry import Registry, create_entity_page, load_registry
from builder.ingest.seed import collision_suffix, natural_id, read_articles, read_seed  # noqa: F401 - read_articles: for tools and tests
from builder.memory import give_back_freed_memory
from builder.model import Article, BuildError, BuildErrors, Mention
from builder.records import NOTHING, ArticleRecord, ArticleSummary, Touched
from builder.site.collect import SiteView
from builder.site.fragments import article_record
from builder.site.templating import Templates


@dataclass
class BuildResult:
    site: SiteView
    registry: Registry
    pages: list[str]  # every page of the site
    written: list[str]  # files this build wrote into site/
    content_changed: list[Path]
    warnings: list[str] = field(default_factory=list)
    errors: list[BuildError] = field(default_factory=list)
    mapped: list[str] = field(default_factory=list)  # seeds whose record this build made
    seeds: Path | None = None
    article_count: int = 0
    mention_count: int = 0
    scratch: object = None  # the temporary folder of a --no-cache build's store, kept while the result is
    timings: dict = field(default_factory=dict)  # seconds by stage (`Stopwatch`)
    published_after: float | None = None  # seconds until the pages were in site/ (before a later search index)
    first_published_after: float | None = None  # seconds until the first of them were (`publish_in_steps`)
    inputs: dict | None = None  # each input's [size, mtime_ns, content hash] as the build recorded them

    def close(self) -> None:
        self.site.store.close()
        if self.scratch is not None:
            self.scratch.cleanup()

    @property
    def reused(self) -> list[str]:
        """The pages this build left as the last one wrote them."""
        written = set(self.written)
        return sorted(p for p in self.pages if p not in written)

    @property
    def summaries(self) -> list[ArticleSummary]:
        return self.site.store.summaries()

    @cached_property
    def articles(self) -> list[Article]:
        """Every article as built, annotated, in seed-file order (read again from the seeds: for tests
        and tools; the build itself never holds them all)."""
        out = []
        for summary in sorted(self.summaries, key=lambda s: s.source_file):
            article = read_seed(Path(self.seeds) / summary.source_file)
            if summary.id != article.id:  # a colliding id, built with its suffix
                article.slug = f"{article.slug}-{collision_suffix(article.source_file)}"
            article.mentions = self.site.store.mentions_of(summary.id)
            out.append(article)
        return out


# A rebuild publishing in steps publishes the pages of at most this many mapped articles first: the
# articles a save changed, not the hundreds a registry edit maps again (those come with the rest).
FIRST_STEP_ARTICLES = 16
# Rounds of discovery in one build at most (each maps again only the articles its new names touch).
DISCOVERY_PASSES = 4


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


# --- the map step ---------------------------------------------------------------------------------


@dataclass
class Mapped:
    """What mapping one seed gave: its record (or the error that stopped it) and what it proposes."""

    seed: str
    key: str
    record: ArticleRecord | None = None
    sealed: dict | None = None  # the record's `store.seal`
    error: tuple | None = None  # a BuildError as data (it does not pickle)
    warnings: list[str] = field(default_factory=list)
    discoveries: list = field(default_factory=list)
    fresh: tuple | None = None  # (cache key, mentions, dates or None) when annotated, not taken from the cache


class _Mapper:
    """A worker's (or the parent's) tools for the map step, made once per process."""

    def __init__(self, registry: Registry, options: BuildOptions, work: Path):
        self.annotator = Annotator(registry)
        self.entities = dict(registry.entities)
        self.templates = Templates(template_folders(options), options.base_url, work, options.config)
        self.cache = AnnotationCache(store_path(work), registry)
        self.articles = Path(options.content) / "articles"

    def __call__(self, seed: Path, key: str, propose: bool, root: str | None = None,
                 suffixed: bool = False) -> Mapped:
        """Ingest, annotate and lay out one article; with `propose`, also look for names the registry lacks.

        `root`: the folder a relative `seed` is in (a cluster worker's working folder is not ours).
        `suffixed`: another seed makes the same id, so this one takes its `collision_suffix`."""
        try:
            article = read_seed(Path(root, seed) if root else seed, display_path=str(seed))
        except BuildError as exc:
            return Mapped(seed.name, key, error=(exc.path, exc.message, exc.line))
        if suffixed:
            article.slug = f"{article.slug}-{collision_suffix(seed.name)}"
        result = Mapped(seed.name, key, warnings=list(article.warnings))

        def annotate(article: Article) -> list[Mention]:
            reference = article.date.reference_day()
            cache_key = self.cache.key(article.body, reference)
            mentions = self.cache.get(cache_key, article.body)
            if mentions is None:
                # The dates do not depend on the registry: after a registry change they are the stored ones.
                known = self.cache.dates(cache_key)
                mentions, dates = self.annotator.annotate(article.body, reference, known)
                result.fresh = (cache_key, mentions, dates if known is None else None)
            return mentions

        try:
            article = annotated_article(article, annotate, self.articles, self.entities, str(seed), result.warnings)
        except BuildError as exc:
            result.error = (exc.path, exc.message, exc.line)
            return result
        if propose:
            result.discoveries = discover(article, article.mentions)
        try:
            result.record = article_record(article, self.entities, self.templates, article_markdown(article),
                                           squeeze(article.body))
            result.sealed = seal(result.record)
        except BuildError as exc:
            result.error = (exc.path, exc.message, exc.line)
        return result



@dataclass
class _MapperRecipe:
    """What a worker makes its `_Mapper` from: plain values (pickled once per cluster worker)."""

    registry: Registry
    options: BuildOptions
    work: Path

    def __call__(self) -> _Mapper:
        return _Mapper(self.registry, self.options, self.work)


_LOCAL: list = []  # the running build's in-process mapper: [registry, mapper]


class Resident:
    """What a long-running process (`serve`) keeps warm between its builds: the registry while none of
    its pages changed, the annotator and templates of the in-process mapper made from it, and the
    inputs' records, so that a rebuild after a save reads, compiles and hashes only what changed."""

    def __init__(self):
        self.registry: Registry | None = None
        self.registry_stamps: list | None = None  # (path, size, mtime) of every registry page it was read from
        self.mapper: list = []  # as _LOCAL: [registry, mapper]
        self.records: dict | None = None  # each input's [size, mtime_ns, content hash], as the last build read it
        self.seen: dict | None = None  # {path: (size, mtime_ns)} of every input, as the caller's watcher just saw them

    def inputs_for(self, options: BuildOptions) -> dict | None:
        """Each input's [size, mtime_ns, content hash] for the next build (None before the first): from
        the watcher's snapshot when the caller handed one over (`seen`, used once), so that the files are
        not listed and stat'ed a second time; only the files that changed are read."""
        seen, self.seen = self.seen, None
        if self.records is None:
            return None
        if seen is not None:
            return records_from_stats(seen, self.records)
        return file_records(input_files(options), self.records)

    def registry_for(self, options: BuildOptions, inputs: dict | None = None) -> Registry:
        """The registry, read again only when a registry page came, went or changed since the last read;
        `inputs`: the records the build starts from, which hold every registry page's size and mtime."""
        pages = files_of(registry_sources(options), inputs)
        if inputs is not None:
            stamps = [(name, inputs[name][0], inputs[name][1]) for name in pages]
        else:
            stamps = [(name, stat.st_size, stat.st_mtime_ns) for name in pages for stat in [os.stat(name)]]
        if self.registry is None or stamps != self.registry_stamps:
            self.registry = load_registry(options.content, None if options.cache is None else store_path(options.cache))
            self.registry_stamps = stamps
        return self.registry


def _local_mapper(registry: Registry, options: BuildOptions, work: Path) -> _Mapper:
    """The running build's in-process mapper, made again only for another registry: compiling its
    automaton takes as long as the rest of a one-article rebuild's discovery and map together."""
    if not _LOCAL or _LOCAL[0] is not registry:
        _LOCAL[:] = [registry, _Mapper(registry, options, work)]
    return _LOCAL[1]


def _map_chunk(token: str, recipe: _MapperRecipe | None, chunk: list[tuple[str, str]], propose: bool,
               root: str | None = None, suffixed: frozenset = frozenset()) -> list[Mapped]:
    mapper = tools("map", token, recipe)
    return [mapper(Path(seed), key, propose, root, Path(seed).name in suffixed) for seed, key in chunk]


def map_seeds(todo: list[tuple[Path, str]], registry: Registry, options: BuildOptions, workers: Workers | int,
              work: Path, propose: bool, suffixed: frozenset = frozenset(), fresh: bool = False):
    """Map each (seed, key), in order, on `workers` (or that many local processes); yields a `Mapped`
    per seed. `fresh`: local workers start as new interpreters rather than forks of this process (when it
    holds much the workers do not need: a forked worker's resident memory counts all of it again).

    A few chunks are in flight at a time: results are used (and let go) as they come, never all
    held at once."""
    if isinstance(workers, int):
        workers = Workers(workers)
    if workers.parallel(len(todo), executors.PARALLEL_MIN):
        jobs = workers.jobs
        size = max(4, min(32, len(todo) // (jobs * 8)))
        chunks = [[(str(s), k) for s, k in todo[i:i + size]] for i in range(0, len(todo), size)]
        root = str(Path.cwd()) if workers.distributed else None
        if workers.distributed:
            options, work = absolute(options), Path(work).resolve()
        with workers.pool("map", _MapperRecipe(registry, options, work), fresh=fresh) as (pool, token, recipe):
            pending: deque = deque()
            for chunk in chunks:
                pending.append(pool.submit(_map_chunk, token, recipe, chunk, propose, root,
                                           frozenset(Path(seed).name for seed, _ in chunk) & suffixed))
                if len(pending) >= jobs * 3:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    else:
        mapper = _local_mapper(registry, options, work)
        for seed, key in todo:
            yield mapper(seed, key, propose, None, seed.name in suffixed)


def site_of(articles: list[Article], registry: Registry, templates: Path | None = None) -> SiteView:
    """The collected view of articles already annotated, in a store of its own held in memory: the
    fragments, store and collect stages without a build (for tests and tools)."""
    from builder.site.theme import TEMPLATES

    layout = Templates(templates or TEMPLATES)
    entities = dict(registry.entities)
    store = SiteStore(Path(":memory:"))
    with store.transaction():
        for article in articles:
            record = article_record(article, entities, layout, article_markdown(article), squeeze(article.body))
            store.put(article.source_file, "", record)
    return SiteView(store, registry)


# --- the plan -------------------------------------------------------------------------------------


def _changed_registry_keys(old: dict, new: dict) -> list[str]:
    """The form keys of every entity added, removed or changed between two registries' fingerprints."""
    keys: set[str] = set()
    for eid in old.keys() | new.keys():
        before, after = old.get(eid), new.get(eid)
        if before != after:
            keys.update((before or [None, []])[1], (after or [None, []])[1])
    return sorted(keys)


def build(options: BuildOptions, inputs: dict | None = None, progress: Progress | None = None,
          resident: Resident | None = None, on_publish: Callable[[list[str]], None] | None = None) -> BuildResult:
    """Run the whole pipeline; raises BuildErrors on input problems (unless keep_going).

    `inputs`: each input file's [size, mtime_ns, content hash] as `state.check_inputs` just found them
    (the seeds are then not looked at again); None: they are found here. `progress`: told what each
    stage is doing, as it does it (`builder.engine.progress`); the caller closes it. `resident`: what a
    long-running caller keeps warm from one build to the next (`Resident`). `on_publish(paths)`: called
    after each commit into site/ with the paths it wrote or deleted (serve reloads the open pages)."""
    seeds_dir = Path(options.seeds)
    if not seeds_dir.is_dir():
        raise BuildErrors([BuildError(str(seeds_dir), "seed folder not found; pass --seeds DIR")])
    clock.start(progress, on_publish)
    started = time.perf_counter()
    with clock.CLOCK.stage("registry"):
        if resident is not None:
            if inputs is None:  # the files that changed since the last build are read
                inputs = resident.inputs_for(options)
            registry = resident.registry_for(options, inputs)
            _LOCAL[:] = resident.mapper
        else:
            registry = load_registry(options.content, None if options.cache is None else store_path(options.cache))
    warnings = list(registry.warnings)
    workers = Workers(worker_count(options.jobs), options.scheduler)
    scratch = None
    if options.cache is None:  # the caches of this build alone
        # A cluster's workers read them too: beside the site rather than in this machine's temp folder.
        where = Path(options.out).resolve().parent if workers.distributed else None
        if where is not None:
            where.mkdir(parents=True, exist_ok=True)
        scratch = tempfile.TemporaryDirectory(prefix="archive-build-", dir=where)
        work = Path(scratch.name)
    else:
        work = Path(options.cache)
    store = SiteStore(store_path(work))
    try:
        result = _build(options, registry, store, warnings, workers, work, inputs)
    except BaseException:
        store.close()
        if scratch is not None:
            scratch.cleanup()
        raise
    finally:
        if resident is not None:
            resident.mapper = list(_LOCAL)
        _LOCAL.clear()
        clock.stop()
        workers.close()
    result.scratch = scratch
    clock.CLOCK.seconds["total"] = time.perf_counter() - started
    result.timings = dict(clock.CLOCK.seconds)
    result.published_after = clock.CLOCK.published
    result.first_published_after = clock.CLOCK.first_published
    if resident is not None:
        resident.records = result.inputs
    return result


def _build(options: BuildOptions, registry: Registry, store: SiteStore, warnings: list[str], workers: Workers,
           work: Path, records: dict | None) -> BuildResult:
    with clock.CLOCK.stage("plan"):  # what changed: seeds by hash, the registry entity by entity
        recipe = made_with(options, records)
        inputs = [str(Path(options.seeds).resolve()), str(Path(options.content).resolve())]
        fresh_store = store.meta.made_with != recipe or store.meta.inputs != inputs
        if fresh_store:  # records of other code, templates, options or folders: none of them holds
            with store.transaction():
                store.clear()
                store.meta.inputs = inputs
        in_sync = store.meta.in_sync and not fresh_store
        # Paths as plain strings: an archive has tens of thousands of seeds, and this is on every
        # rebuild's way to its first page.
        current = records  # every input as found a moment ago, or None
        if records is None:
            seeds = seed_paths(options.seeds)
            records = load_state(options).get("files", {}) if options.cache is not None else {}
            hashes = file_hashes(seeds, records)
            stamps = None
        else:  # looked at a moment ago (listed, and a seed changed since has another mtime in its record)
            seeds = seed_paths(options.seeds, records)
            hashes = {seed: records[seed][2] for seed in seeds}
            stamps = records
        keys = {os.path.basename(seed): hashes[seed] for seed in seeds}
        seeds, keys = drop_repeats(seeds, keys, options.seeds, warnings)  # a seed repeating another: built once
        stored = store.keys()  # seed -> (article id, key)

        # What the registry change (since the records were made) can touch.
        fingerprints = entity_fingerprints(registry)
        old_registry = store.meta.registry
        affected: set[str] = set()
        if old_registry is not None and old_registry != fingerprints:
            affected = store.articles_holding(_changed_registry_keys(old_registry, fingerprints))
            # An editor's correction links words that need not be a form of the entity they link.
            for eid in old_registry.keys() | fingerprints.keys():
                if old_registry.get(eid) != fingerprints.get(eid):
                    affected.update(store.articles_mentioning(eid))
        # An article page an editor made theirs (or changed, deleted, gave back) since the last build.
        affected |= article_pages_changed(options.content, store, stamps)
        todo = [(Path(seed), keys[name]) for seed in seeds for name in [os.path.basename(seed)]
                if name not in stored or stored[name][1] != keys[name] or stored[name][0] in affected]
        gone = {seed: aid for seed, (aid, _) in stored.items() if seed not in keys}

    touched = Touched()
    content_changed: list[Path] = []
    errors: list[BuildError] = []
    mapped: dict[str, None] = {}  # seed names whose record this build made, in the order made
    # One transaction for every record this build makes: a build that stops on an input error
    # leaves the store (and so the next build's idea of what the site holds) as it was.
    with store.transaction():
        store.meta.in_sync = False
        with clock.CLOCK.stage("map"), clock.PROGRESS.stage("map", what="articles mapped") as counter:
            registry, written = _map_rounds(todo, registry, options, workers, work, store,
                                            touched if in_sync else None, errors, warnings, gone, keys, mapped,
                                            counter)
        content_changed += written
        if errors and not options.keep_going:
            raise BuildErrors(errors)
        for aid in sorted(gone.values()):
            _remove(store, aid, touched)
        store.drop_empty_ties()
        store.meta.registry = entity_fingerprints(registry)
        store.meta.made_with = recipe
    # Every record is in the store: the site's sums are worked out from here, once (the content stage
    # writes files and stamps, never what they sum).
    site = SiteView(store, registry, options.config.page_sizes)
    reworded: set[str] = set()
    if options.publish_in_steps and in_sync and 0 < len(touched.articles) <= FIRST_STEP_ARTICLES:
        with clock.CLOCK.stage("first"):  # the pages being edited are back before the rest is worked out
            reworded = publish_articles_first(site, options, sorted(touched.articles))
    full = not in_sync or fresh_store
    # Which published files were edited by hand is asked beside the content stage (a `stat` of each).
    ahead = TamperCheck(options.out, options.cache) if not full and options.cache is not None else None
    try:
        with clock.CLOCK.stage("content"), clock.PROGRESS.stage("content"):
            with store.transaction():
                content_changed += sync_content(options.content, store, warnings)
            content_changed += write_timeline_content(options.content, store, None if fresh_store else touched.years)

        give_back_freed_memory()  # what receiving the map's records left: the render workers fork from here
        digests = entity_digests(registry.entities)
        last_digests = store.meta.entities
        changed_entities = {eid for eid in set(digests) | set(last_digests) if digests.get(eid) != last_digests.get(eid)}
        gc.freeze()  # what the parent holds lives until the end: out of the collector's sight, and not copied
        try:
            pages = render_and_publish(site, options, workers, touched, full, changed_entities, reworded, ahead)
        finally:
            gc.unfreeze()
    finally:
        if ahead is not None:
            ahead.close()  # (answered by now, unless the build stopped before)
    with store.transaction():
        store.meta.entities = digests
        store.meta.in_sync = True
    mentions = store.mention_count()
    result = BuildResult(site, registry, pages[0], pages[1], sorted(set(content_changed)), warnings, errors,
                         list(mapped), Path(options.seeds), site.article_count, mentions)
    if options.cache is not None and not errors:
        with clock.CLOCK.stage("record"):
            result.inputs = save_state(options, pages=len(result.pages), articles=site.article_count, mentions=mentions,
                       content=[os.path.join(articles, f"{a}.md") for articles in [str(Path(options.content) / "articles")]
                                for a in store.ids()],
                       files=None if current is None else records_after(options, current, content_changed))
    return result


def _map_rounds(todo, registry: Registry, options: BuildOptions, workers: Workers, work: Path, store: SiteStore,
                touched: Touched | None, errors: list[BuildError], warnings: list[str], gone: dict[str, str],
                keys: dict[str, str], mapped: dict[str, None], counter: Step | None = None) -> tuple[Registry, list[Path]]:
    """Map `todo` into the store, annotating, laying out and looking for new names in one pass; write
    a `status: discovered` registry page for each name proposed, then map again, with the registry
    those pages make, only the articles (of this build or stored) whose text holds a new name, until
    a round proposes nothing (at most DISCOVERY_PASSES rounds propose).

    An article the new names do not touch is laid out the same with either registry (its mentions,
    and so its record, are the same), so most articles are mapped once: laying out in the same pass
    as the discovery saves a second read, annotation-cache lookup and trip through the workers.
    Returns the registry the build ends with and the registry pages written; `counter` counts the
    articles mapped (each round adds its own to the total).
    """
    written: list[Path] = []
    settled: dict[str, str] | None = None
    batch = list(todo)
    warnings_by_seed: dict[str, list[str]] = {}  # from the last round that mapped each seed
    # The seeds whose stored article carries its collision suffix (kept unless the collision went).
    suffixed = frozenset(seed for seed, (aid, _) in store.keys().items()
                         if seed in keys and natural_id(aid, seed) != aid)
    for round_ in range(DISCOVERY_PASSES + 1):
        proposing = round_ < DISCOVERY_PASSES
        if counter is not None:
            counter.add(len(batch))
        deferred: dict[str, str] = {}
        # A later round's workers start fresh: by then this process holds the first round's records.
        discoveries = _map_into_store(batch, registry, options, workers, work, store, touched, errors,
                                      warnings_by_seed, gone, proposing, counter, suffixed, deferred, round_ > 0)
        mapped.update((seed.name, None) for seed, _ in batch)
        suffixed, settled = settle_collisions(store, options.seeds, keys, deferred, suffixed, functools.partial(
            _remap, registry, options, workers, work, store, touched, errors, warnings_by_seed, gone, keys, mapped,
            counter), errors)
        if not proposing or (errors and not options.keep_going):
            break
        with clock.CLOCK.stage("discover"):
            pages = [create_entity_page(options.content, e) for e in propose_entities(discoveries, registry)]
            pages = [path for path in pages if path is not None]
            if not pages:
                break
            written += pages
            before = entity_fingerprints(registry)
            registry = load_registry(options.content, None if options.cache is None else store_path(options.cache),
                                     remember=False)  # the store's transaction holds the file
            reached = store.articles_holding(_changed_registry_keys(before, entity_fingerprints(registry)))
            seed_of = {aid: seed for seed, (aid, _) in store.keys().items()}
            batch = [(Path(options.seeds) / seed, keys[seed])
                     for seed in sorted(seed_of[aid] for aid in reached if aid in seed_of) if seed in keys]
    warnings.extend(w for seed in mapped for w in warnings_by_seed.get(seed, ()))
    warnings.extend(collision_warnings(store, options.seeds, keys, settled))
    return registry, written



def _remap(registry, options, workers, work, store, touched, errors, warnings_by_seed, gone, keys, mapped, counter,
           again: list[str], suffixed: frozenset) -> dict[str, str]:
    """Map `again` into the store once more, `suffixed` taking their collision suffix (`settle_collisions`)."""
    if counter is not None:
        counter.add(len(again))
    deferred: dict[str, str] = {}
    _map_into_store([(Path(options.seeds) / seed, keys[seed]) for seed in again], registry, options, workers, work,
                    store, touched, errors, warnings_by_seed, gone, False, counter, suffixed, deferred)
    mapped.update((seed, None) for seed in again)
    return deferred


def _nothing(n: int = 1) -> None:
    pass


def _remove(store: SiteStore, article_id: str, touched: Touched) -> None:
    touched.change(store.pieces(article_id), NOTHING)
    touched.removed.add(article_id)
    store.remove(article_id)


def _map_into_store(todo, registry, options, workers, work, store, touched, errors,
                    warnings_by_seed: dict[str, list[str]], gone, propose: bool, counter: Step | None = None,
                    suffixed: frozenset = frozenset(), deferred: dict | None = None, fresh: bool = False) -> list:
    """Lay out `todo` and put each record into the store in its article's place, noting in `touched`
    what changed (None: a build that renders everything need not know) and in `warnings_by_seed`
    each seed's warnings; with `propose`, returns the new names the articles propose (`discover`);
    `counter` is advanced as each article's result comes back; `fresh`: as `map_seeds`. `suffixed`: the seeds that take their
    collision suffix; a seed whose id another seed's article holds is put in `deferred` (seed -> its
    id) and not stored: `_settle_collisions` maps it again, suffixed.

    Runs inside the caller's transaction."""
    discoveries: list = []
    if not todo:
        return discoveries
    cache = AnnotationCache(store.path, registry, store.db)
    ids = {aid: seed for seed, (aid, _) in store.keys().items()}
    by_seed = {seed: aid for aid, seed in ids.items()}
    leaving = set(gone)
    advance = counter.advance if counter is not None else _nothing
    for result in map_seeds(todo, registry, options, workers, work, propose, suffixed, fresh):
        advance()
        if result.error is not None:
            # With --keep-going, an article built before keeps its record, and so its last good pages (as
            # `make -k` leaves a target whose rule failed): an error in an update never unpublishes it.
            errors.append(BuildError(*result.error))
            continue
        record = result.record
        aid = record.summary.id
        other = ids.get(aid)
        if propose and deferred is not None:  # a deferred seed is mapped again without proposing
            discoveries.extend(result.discoveries)
        if other is not None and other != result.seed and other not in leaving:
            if deferred is not None:
                deferred[result.seed] = natural_id(aid, result.seed)
            else:
                errors.append(BuildError(str(Path(options.seeds) / result.seed),
                                         f"would be written as {aid}.md like {other}; "
                                         "give one of them another `title:` in front matter"))
            continue
        warnings_by_seed[result.seed] = result.warnings
        if deferred is None:
            discoveries.extend(result.discoveries)
        if result.fresh is not None:
            cache.put(*result.fresh)
        previous = by_seed.get(result.seed)
        if previous is not None and previous != aid:  # the seed's article has a new id (its title or date changed)
            _remove(store, previous, touched or Touched())
            ids.pop(previous, None)
        before = store.pieces(aid) if touched is not None else None
        store.put(result.seed, result.key, record, result.sealed)
        ids[aid] = result.seed
        by_seed[result.seed] = aid
        if touched is not None:
            touched.change(before, store.pieces(aid))
            touched.articles.add(aid)
    cache.commit()
    cache.close()
    return discoveries


