"""The build: ingest -> (discover) -> annotate -> content -> collect -> render -> export.

`build()` runs every stage in order and is the only place that knows them
all. The new site is rendered into a temporary folder beside `--out` and
swapped in only when complete, so a failed build leaves the previous `site/`
as it was.

At archive scale (see the README's "Architecture at scale"):

- annotation is the map step: a pure function of (body, registry,
  publication date), looked up in the annotation cache (`builder.cache`)
  and otherwise run across `jobs` worker processes; results come back in
  article order, so the output is the same whatever the worker count;
- pages are rendered across the same number of processes, each writing its
  share of the pages into the staging folder; pages whose key is unchanged
  since the last build are hard-linked from the old site (`builder.incremental`);
- when nothing that goes into the build changed (the seeds, the registry,
  the templates, our code and the options, by content hash),
  `builder.state.up_to_date` says so before any stage is even imported, and
  the CLI stops there.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .annotate import Annotator
from .cache import AnnotationCache
from .collect import SiteIndex, collect
from .content import write_content
from .discover import discover, propose_entities
from .export import write_annotations, write_reader_files
from .incremental import code_fingerprint, load_manifest, page_keys, reuse_unchanged, save_manifest
from .ingest import read_seed
from .model import Article, BuildError, BuildErrors
from .registry import Registry, create_entity_page, load_registry
from .render import Renderer
from .search import index_site
from .state import TEMPLATES, BuildOptions, save_state


@dataclass
class BuildResult:
    articles: list[Article]
    registry: Registry
    site: SiteIndex
    pages: list[str]
    content_changed: list[Path]
    warnings: list[str] = field(default_factory=list)
    errors: list[BuildError] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)  # pages unchanged since the last build, not rendered again


def read_articles(seeds: Path, keep_going: bool = False) -> tuple[list[Article], list[BuildError], list[str]]:
    """Ingest every `*.txt` in `seeds`, in name order."""
    seeds = Path(seeds)
    if not seeds.is_dir():
        raise BuildErrors([BuildError(str(seeds), "seed folder not found; pass --seeds DIR")])
    articles, errors, warnings = [], [], []
    for path in sorted(seeds.glob("*.txt")):
        try:
            article = read_seed(path)
        except BuildError as exc:
            errors.append(exc)
            continue
        warnings.extend(article.warnings)
        articles.append(article)
    if errors and not keep_going:
        raise BuildErrors(errors)
    by_id: dict[str, Article] = {}
    for article in articles:
        if article.id in by_id:
            errors.append(BuildError(
                str(seeds / article.source_file),
                f"would be written as {article.id}.md like {by_id[article.id].source_file}; "
                "give one of them another `title:` in front matter"))
        by_id.setdefault(article.id, article)
    if errors and not keep_going:
        raise BuildErrors(errors)
    return list(by_id.values()), errors, warnings


def build(options: BuildOptions) -> BuildResult:
    """Run the whole pipeline; raises BuildErrors on input problems (unless keep_going)."""
    registry = load_registry(options.content)
    articles, errors, warnings = read_articles(options.seeds, options.keep_going)
    warnings = registry.warnings + warnings
    annotate_articles(articles, registry, options.cache, worker_count(options.jobs))
    # Second pass: names the registry lacks become `status: discovered` pages; only the articles
    # they can affect are annotated again (the cache knows which).
    discovered = discover_entities(articles, registry, options.content)
    if discovered:
        registry = load_registry(options.content)
        annotate_articles(articles, registry, options.cache, worker_count(options.jobs))
    changed = discovered + write_content(options.content, articles)
    site = collect(articles, registry)
    # Everything collected lives until the site is written: out of the garbage collector's sight, it
    # is neither scanned again nor copied into the render workers by the collector touching it.
    gc.freeze()
    try:
        pages, reused = publish(site, Path(options.out), options.base_url, Path(options.templates),
                                worker_count(options.jobs), options.cache)
    finally:
        gc.unfreeze()
    result = BuildResult(articles, registry, site, pages, changed, warnings, errors, reused)
    if options.cache is not None and not errors:
        save_state(options, pages=len(pages), articles=articles)
    return result


def discover_entities(articles: list[Article], registry: Registry, content: Path) -> list[Path]:
    """Write a registry page for every entity the annotated articles name and the registry lacks.

    Returns the pages written (never over an existing one).
    """
    discoveries = [d for article in articles for d in discover(article, article.mentions)]
    written = [create_entity_page(content, entity) for entity in propose_entities(discoveries, registry)]
    return [path for path in written if path is not None]


def worker_count(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


# Below this many articles to annotate (or pages to render), worker start-up costs more than it saves.
_PARALLEL_MIN = 64
_ANNOTATOR: Annotator | None = None  # each worker's own, built once
_RENDERER: Renderer | None = None
_SHARED_PAGES: list = []


def _pool(jobs: int, initializer=None, initargs=()) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=initializer, initargs=initargs)


def _init_annotator(registry: Registry) -> None:
    global _ANNOTATOR
    _ANNOTATOR = Annotator(registry)


def _annotate_chunk(chunk: list[tuple[str, object]]) -> list:
    assert _ANNOTATOR is not None
    return [_ANNOTATOR.mentions(body, reference) for body, reference in chunk]


def annotate_articles(articles: list[Article], registry: Registry, cache_dir: Path | None, jobs: int) -> None:
    """Fill every article's mentions: from the cache where they still hold, else annotated (in parallel)."""
    cache = AnnotationCache(cache_dir, registry) if cache_dir is not None else None
    todo: list[tuple[int, str]] = []
    for i, article in enumerate(articles):
        reference = article.date.reference_day()
        key = cache.key(article.body, reference) if cache else ""
        cached = cache.get(key, article.body) if cache else None
        if cached is not None:
            article.mentions = cached
        else:
            todo.append((i, key))
    work = [(articles[i].body, articles[i].date.reference_day()) for i, _ in todo]
    if len(work) >= _PARALLEL_MIN and jobs > 1:
        size = max(8, len(work) // (jobs * 8))
        chunks = [work[k:k + size] for k in range(0, len(work), size)]
        with _pool(jobs, _init_annotator, (registry,)) as pool:
            results = [m for chunk in pool.map(_annotate_chunk, chunks) for m in chunk]
    else:
        annotator = Annotator(registry)
        results = [annotator.mentions(body, reference) for body, reference in work]
    for (i, key), mentions in zip(todo, results):
        articles[i].mentions = mentions
        if cache:
            cache.put(key, mentions)
    if cache:
        cache.commit()
        cache.close()


def _render_part(staging: str, part: int, parts: int) -> tuple[list[str], tuple | None]:
    """One worker's share of the pages; a BuildError comes back as data (it does not pickle)."""
    assert _RENDERER is not None
    try:
        return _RENDERER.write(Path(staging), _SHARED_PAGES[part::parts], static=False), None
    except BuildError as exc:
        return [], (exc.path, exc.message, exc.line)


def publish(site: SiteIndex, out: Path, base_url: str, templates: Path = TEMPLATES, jobs: int = 1,
            cache: Path | None = None) -> tuple[list[str], list[str]]:
    """Render the site into a fresh folder, then swap it in for `out` in one rename; returns the
    pages written and, of those, the ones taken unchanged from the last build.

    With a `cache` folder, pages whose key is unchanged since the last build are taken from the
    old site (`builder.incremental`) and only the others are rendered.
    """
    global _RENDERER, _SHARED_PAGES
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        renderer = Renderer(site, base_url, templates)
        every = renderer.pages()
        # Page keys only where there is a cache to keep them in (and a last build's to compare with).
        keys = page_keys(renderer, every, code_fingerprint(templates)) if cache is not None else {}
        reused = reuse_unchanged(keys, load_manifest(cache, out), out, staging)
        todo = [page for page in every if page.output_path not in reused]
        if jobs > 1 and len(todo) >= _PARALLEL_MIN and "fork" in multiprocessing.get_all_start_methods():
            # Workers inherit the collected site and its pages by fork; each renders every `jobs`-th
            # page, while this process renders the pages whose context is still to be worked out
            # (the map's layout), so that work overlaps theirs and is done once.
            _RENDERER, _SHARED_PAGES = renderer, [page for page in todo if not page.deferred]
            try:
                with _pool(jobs) as pool:
                    futures = [pool.submit(_render_part, str(staging), i, jobs) for i in range(jobs)]
                    here = renderer.write(staging, [page for page in todo if page.deferred])
                    results = [f.result() for f in futures]
            finally:
                _RENDERER, _SHARED_PAGES = None, []
            failed = [error for _, error in results if error]
            if failed:
                raise BuildError(*failed[0])
            rendered = here + [p for done, _ in results for p in done]
        else:
            rendered = renderer.write(staging, todo)
        pages = sorted(rendered + list(reused))
        write_annotations(site, staging)
        write_reader_files(site, staging, base_url, pages)
        index_site(staging)
        os.chmod(staging, 0o755)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        os.replace(out, retired / out.name)
        os.replace(staging, out)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, out)
    save_manifest(cache, out, keys)
    return pages, sorted(reused)

