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
import hashlib
import json
import os
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from builder.annotate.annotator import Annotator
from builder.annotate.cache import AnnotationCache, entity_fingerprints, squeeze
from builder.annotate.discover import discover, propose_entities
from builder.content.markdown import article_markdown
from builder.engine.content import (
    editor_pages_changed,
    sync_content,
    write_timeline_content,
)
from builder.engine.editorial import (
    collision_warnings,
    corrected_mentions,
    drop_repeats,
    settle_collisions,
)
from builder.engine.executors import Workers, tools
from builder.engine.progress import Progress, Step, Stopwatch
from builder.engine.publish import SiteUpdate
from builder.engine.reach import (
    entity_digests,
    reach,
    remember_shapes,
    unchanged_families,
)
from builder.engine.state import (
    BuildOptions,
    code_and_template_files,
    file_hashes,
    file_records,
    input_files,
    load_state,
    registry_files,
    save_state,
    seed_files,
    store_path,
)
from builder.engine.store import SCHEMA_VERSION, SiteStore, seal
from builder.ingest.registry import Registry, create_entity_page, load_registry
from builder.ingest.seed import collision_suffix, natural_id, read_articles, read_seed  # noqa: F401 - read_articles: for tools and tests
from builder.memory import give_back_freed_memory
from builder.model import Article, BuildError, BuildErrors
from builder.records import NOTHING, ArticleRecord, ArticleSummary, Touched
from builder.search import SearchIndex, search_index
from builder.site.collect import SiteView
from builder.site.export import (
    preview_paths,
    write_annotations,
    write_previews,
    write_reader_files,
)
from builder.site.families.base import PageFamily
from builder.site.fragments import article_record
from builder.site.pages import SitePages, check_collisions, copy_static
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


_CLOCK = Stopwatch()  # the running build's
_PROGRESS = Progress()  # the running build's reporter (`builder.engine.progress`): shows nothing unless handed one


# Rounds of discovery in one build at most (each maps again only the articles its new names touch).
DISCOVERY_PASSES = 4
# Below this many articles to map (or families to render), worker start-up costs more than it saves.
_PARALLEL_MIN = 64


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def made_with(options: BuildOptions) -> str:
    """What every record and page depends on besides its article and the registry: our code, the
    templates and the options that shape the output."""
    h = hashlib.blake2b(digest_size=16)
    h.update(json.dumps([SCHEMA_VERSION, options.base_url]).encode())
    for path in code_and_template_files(options.templates):
        h.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


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
        self.templates = Templates(options.templates, options.base_url, work)
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
        reference = article.date.reference_day()
        cache_key = self.cache.key(article.body, reference)
        mentions = self.cache.get(cache_key, article.body)
        if mentions is None:
            # The dates do not depend on the registry: after a registry change they are the stored ones.
            known = self.cache.dates(cache_key)
            mentions, dates = self.annotator.annotate(article.body, reference, known)
            result.fresh = (cache_key, mentions, dates if known is None else None)
        article.mentions = mentions
        try:  # the editors' word, after the annotation cache: it holds through every rebuild
            mentions = corrected_mentions(article, self.entities, self.articles, str(seed), result.warnings)
        except BuildError as exc:
            result.error = (exc.path, exc.message, exc.line)
            return result
        article.mentions = mentions
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

    def registry_for(self, options: BuildOptions) -> Registry:
        """The registry, read again only when a registry page came, went or changed since the last read."""
        stamps = [(name, stat.st_size, stat.st_mtime_ns) for name in registry_files(options)
                  for stat in [os.stat(name)]]
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


def _absolute(options: BuildOptions) -> BuildOptions:
    """The options with absolute paths: what a cluster worker, whose working folder is not ours, is sent."""
    return replace(options, seeds=Path(options.seeds).resolve(), content=Path(options.content).resolve(),
                   out=Path(options.out).resolve(), templates=Path(options.templates).resolve(),
                   cache=None if options.cache is None else Path(options.cache).resolve())


def map_seeds(todo: list[tuple[Path, str]], registry: Registry, options: BuildOptions, workers: Workers | int,
              work: Path, propose: bool, suffixed: frozenset = frozenset()):
    """Map each (seed, key), in order, on `workers` (or that many local processes); yields a `Mapped`
    per seed.

    A few chunks are in flight at a time: results are used (and let go) as they come, never all
    held at once."""
    if isinstance(workers, int):
        workers = Workers(workers)
    if workers.parallel(len(todo), _PARALLEL_MIN):
        jobs = workers.jobs
        size = max(4, min(32, len(todo) // (jobs * 8)))
        chunks = [[(str(s), k) for s, k in todo[i:i + size]] for i in range(0, len(todo), size)]
        root = str(Path.cwd()) if workers.distributed else None
        if workers.distributed:
            options, work = _absolute(options), Path(work).resolve()
        with workers.pool("map", _MapperRecipe(registry, options, work)) as (pool, token, recipe):
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
          resident: Resident | None = None) -> BuildResult:
    """Run the whole pipeline; raises BuildErrors on input problems (unless keep_going).

    `inputs`: each input file's [size, mtime_ns, content hash] as `state.check_inputs` just found them
    (the seeds are then not looked at again); None: they are found here. `progress`: told what each
    stage is doing, as it does it (`builder.engine.progress`); the caller closes it. `resident`: what a
    long-running caller keeps warm from one build to the next (`Resident`)."""
    seeds_dir = Path(options.seeds)
    if not seeds_dir.is_dir():
        raise BuildErrors([BuildError(str(seeds_dir), "seed folder not found; pass --seeds DIR")])
    global _CLOCK, _PROGRESS
    _CLOCK = Stopwatch()
    _PROGRESS = progress if progress is not None else Progress()
    started = time.perf_counter()
    with _CLOCK.stage("registry"):
        if resident is not None:
            registry = resident.registry_for(options)
            _LOCAL[:] = resident.mapper
            if inputs is None and resident.records is not None:  # the files that changed since are read
                inputs = file_records(input_files(options), resident.records)
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
        _PROGRESS = Progress()
        workers.close()
    result.scratch = scratch
    _CLOCK.seconds["total"] = time.perf_counter() - started
    result.timings = dict(_CLOCK.seconds)
    result.published_after = _CLOCK.published
    if resident is not None:
        resident.records = result.inputs
    return result


def _build(options: BuildOptions, registry: Registry, store: SiteStore, warnings: list[str], workers: Workers,
           work: Path, records: dict | None) -> BuildResult:
    with _CLOCK.stage("plan"):  # what changed: seeds by hash, the registry entity by entity
        recipe = made_with(options)
        inputs = [str(Path(options.seeds).resolve()), str(Path(options.content).resolve())]
        fresh_store = store.meta.made_with != recipe or store.meta.inputs != inputs
        if fresh_store:  # records of other code, templates, options or folders: none of them holds
            with store.transaction():
                store.clear()
                store.meta.inputs = inputs
        in_sync = store.meta.in_sync and not fresh_store
        seeds = seed_files(options.seeds)
        if records is None:
            records = load_state(options).get("files", {}) if options.cache is not None else {}
            hashes = file_hashes(seeds, records)
        else:  # looked at a moment ago: a seed changed since then has another mtime in the record kept
            hashes = {str(seed): records[str(seed)][2] for seed in seeds if str(seed) in records}
            hashes.update(file_hashes([seed for seed in seeds if str(seed) not in hashes]))
        keys = {seed.name: hashes[str(seed)] for seed in seeds}
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
        # An article page an editor made theirs (and changed since the last build) is read back.
        affected |= editor_pages_changed(options.content, store)
        todo = [(seed, keys[seed.name]) for seed in seeds
                if seed.name not in stored or stored[seed.name][1] != keys[seed.name] or stored[seed.name][0] in affected]
        gone = {seed: aid for seed, (aid, _) in stored.items() if seed not in keys}

    touched = Touched()
    content_changed: list[Path] = []
    errors: list[BuildError] = []
    mapped: dict[str, None] = {}  # seed names whose record this build made, in the order made
    # One transaction for every record this build makes: a build that stops on an input error
    # leaves the store (and so the next build's idea of what the site holds) as it was.
    with store.transaction():
        store.meta.in_sync = False
        with _CLOCK.stage("map"), _PROGRESS.stage("map", what="articles mapped") as counter:
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
    with _CLOCK.stage("content"), _PROGRESS.stage("content"):
        with store.transaction():
            content_changed += sync_content(options.content, store)
        content_changed += write_timeline_content(options.content, store, None if fresh_store else touched.years)

    give_back_freed_memory()  # what receiving the map's records left: the render workers fork from here
    site = SiteView(store, registry)
    digests = entity_digests(registry.entities)
    last_digests = store.meta.entities
    changed_entities = {eid for eid in set(digests) | set(last_digests) if digests.get(eid) != last_digests.get(eid)}
    gc.freeze()  # what the parent holds lives until the end: out of the collector's sight, and not copied
    try:
        pages = _publish(site, options, workers, touched, not in_sync or fresh_store, changed_entities)
    finally:
        gc.unfreeze()
    with store.transaction():
        store.meta.entities = digests
        store.meta.in_sync = True
    mentions = store.mention_count()
    result = BuildResult(site, registry, pages[0], pages[1], sorted(set(content_changed)), warnings, errors,
                         list(mapped), Path(options.seeds), site.article_count, mentions)
    if options.cache is not None and not errors:
        with _CLOCK.stage("record"):
            result.inputs = save_state(options, pages=len(result.pages), articles=site.article_count, mentions=mentions,
                       content=[os.path.join(articles, f"{a}.md") for articles in [str(Path(options.content) / "articles")]
                                for a in store.ids()], known=records)
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
        discoveries = _map_into_store(batch, registry, options, workers, work, store, touched, errors,
                                      warnings_by_seed, gone, proposing, counter, suffixed, deferred)
        mapped.update((seed.name, None) for seed, _ in batch)
        suffixed = settle_collisions(store, options.seeds, keys, deferred, suffixed, functools.partial(
            _remap, registry, options, workers, work, store, touched, errors, warnings_by_seed, gone, keys, mapped,
            counter), errors)
        if not proposing or (errors and not options.keep_going):
            break
        with _CLOCK.stage("discover"):
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
    warnings.extend(collision_warnings(store, options.seeds, keys))
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
                    suffixed: frozenset = frozenset(), deferred: dict | None = None) -> list:
    """Lay out `todo` and put each record into the store in its article's place, noting in `touched`
    what changed (None: a build that renders everything need not know) and in `warnings_by_seed`
    each seed's warnings; with `propose`, returns the new names the articles propose (`discover`);
    `counter` is advanced as each article's result comes back. `suffixed`: the seeds that take their
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
    for result in map_seeds(todo, registry, options, workers, work, propose, suffixed):
        advance()
        if result.error is not None:
            errors.append(BuildError(*result.error))
            old = by_seed.get(result.seed)
            if old is not None and options.keep_going:  # built without it: as if removed
                _remove(store, old, touched or Touched())
                ids.pop(old, None)
                by_seed.pop(result.seed, None)
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


# --- render and publish ---------------------------------------------------------------------------

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
    """What a cluster worker makes its pages from: the store (opened read-only), the registry, the
    options, and where the update stages files and what `site/` holds (`SiteUpdate.joining`)."""

    store: Path
    registry: Registry
    options: BuildOptions
    staging: Path
    clean: bool
    forgotten: list[str]

    def __call__(self) -> tuple[SitePages, SiteUpdate]:
        options = self.options
        site = SiteView(SiteStore(self.store, readonly=True), self.registry)
        pages = SitePages(site, Templates(options.templates, options.base_url, options.cache))
        return pages, SiteUpdate.joining(options.out, options.cache, self.staging, self.clean, self.forgotten)


def _render_families(token: str, recipe, work: list[tuple[PageFamily, set[str] | None]]) -> list[tuple[str, str, int, bool]]:
    """A worker's share: render each family's pages (those in its set), stage the ones whose bytes
    changed; returns (path, digest, size, staged) of each page rendered."""
    pages, update = tools("render", token, recipe)
    return _render_families_here(pages, update, work)


def _publish(site: SiteView, options: BuildOptions, workers: Workers, touched: Touched, full: bool,
             changed_entities: set[str]) -> tuple[list[str], list[str]]:
    """Render what the change reaches, write the data files and search bundles, and publish them;
    returns (every page of the site, the files written)."""
    templates = Templates(options.templates, options.base_url, options.cache)
    pages = SitePages(site, templates)
    search = search_index()
    update = SiteUpdate(Path(options.out), options.cache, clean=full)
    try:
        with _CLOCK.stage("reach"):  # which pages the change reaches, and what site/ holds now
            # Worked out once here, before any worker forks, so that every worker shares them.
            site.entities, site.timeline, site.article_cut, site.newest  # noqa: B018
            if update.clean:
                every = pages.all_paths()
            else:  # a family no change reaches has the pages it had
                every = pages.all_paths(unchanged_families(pages, site.store, touched, changed_entities))
            check_collisions(every)
            bundles = search.plan(every) if options.search else {}
            if update.clean:
                work = [(family, None) for family in pages.families()]
            else:
                tampered = update.tampered()
                update.forget(tampered)
                work = sorted(reach(pages, touched, changed_entities, site.store, tampered).items(),
                              key=lambda item: (item[0].kind, item[0].key))
        with _CLOCK.stage("render"), _PROGRESS.stage("render", len(every) if update.clean else
                                                     _pages_to_render(pages, work), "pages rendered") as counter:
            results: list[tuple] = []
            here = [item for item in work if item[0].kind == "map"]
            # Articles first: on a clean build their search bundles are indexed while the rest renders.
            elsewhere = sorted((item for item in work if item[0].kind != "map"), key=lambda i: i[0].kind != "article")
            indexed_early: list[str] = []  # search bundles indexed while the render went on
            if workers.parallel(len(elsewhere), _PARALLEL_MIN, needs_fork=True):
                if workers.distributed:
                    recipe = _PagesRecipe(Path(site.store.path).resolve(), site.registry, _absolute(options),
                                          update.staging.resolve(), update.clean, list(update.forgotten))
                else:
                    recipe = _ForkedPages(pages, update)
                jobs = workers.jobs
                size = max(1, min(64, len(elsewhere) // (jobs * 16)))
                chunks = [elsewhere[i:i + size] for i in range(0, len(elsewhere), size)]
                with workers.pool("render", recipe) as (pool, token, carried):
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
                        indexed_early = [name for name in sorted(bundles) if name.startswith("articles")]
                        with _CLOCK.stage("search"), _PROGRESS.stage("search", len(indexed_early),
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
        with _CLOCK.stage("export"), _PROGRESS.stage("export"):
            write_previews(site, update, None if update.clean else sorted(touched.articles))
            write_annotations(site, update)
            urls = [p[: -len("index.html")] if p.endswith("index.html") else p for p in every if p != "404.html"]
            write_reader_files(site, update, pages.relationship_map(), urls, templates.base_url)
        # serve's rebuilds publish the pages first and the search index a moment later.
        search_later = options.search and options.search_after_pages and not update.clean \
            and site.store.meta.search
        if options.search and not search_later:
            give_back_freed_memory()  # Pagefind runs beside this process
            _index_search(search, update, bundles, site.store, set(indexed_early))
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
            remember_shapes(pages, site.store, None if update.clean else [family for family, _ in work],
                            None if update.clean else touched)
        with _CLOCK.stage("publish"), _PROGRESS.stage("publish", what="changes published") as counter:
            update.commit(expected=expected)
            counter.add(len(update.changed) + len(update.deleted))
            counter.advance(len(update.changed) + len(update.deleted))
    except BaseException:
        update.abort()
        raise
    _CLOCK.published = time.perf_counter() - _CLOCK.started
    if search_later:
        index = SiteUpdate(Path(options.out), options.cache, clean=False)
        try:
            _index_search(search, index, bundles, site.store, changed=set(update.changed) | set(update.deleted))
            with _CLOCK.stage("publish"):
                index.commit()
        except BaseException:
            index.abort()
            raise
    return sorted(every), sorted(update.changed)


def _index_search(search: SearchIndex, update: SiteUpdate, bundles: dict[str, list[str]], store: SiteStore,
                  done: set[str] = frozenset(), changed: set[str] | None = None) -> None:
    """Index the search parts a change made stale (every part when the last site had none: a
    --no-search build), but those `done`; `changed`: the pages an earlier commit of this build wrote."""
    with _CLOCK.stage("search"):
        todo = search.stale(update, bundles, update.clean or not store.meta.search, store.meta.bundles, done,
                            changed)
        with _PROGRESS.stage("search", len(todo), "bundles indexed") as indexing:
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
