"""The build: ingest -> (discover) -> annotate -> content -> collect -> render -> export.

`build()` runs every stage in order and is the only place that knows them
all. The new site is rendered into a temporary folder beside `--out` and
swapped in only when complete, so a failed build leaves the previous `site/`
as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .annotate import Annotator
from .collect import SiteIndex, collect
from .content import write_content
from .discover import discover, propose_entities
from .export import write_annotations, write_reader_files
from .ingest import read_seed
from .model import Article, BuildError, BuildErrors
from .registry import Registry, create_entity_page, load_registry
from .render import TEMPLATES, Renderer
from .search import index_site


@dataclass
class BuildOptions:
    seeds: Path = Path("seeds")
    content: Path = Path("content")
    out: Path = Path("site")
    base_url: str = "/"
    keep_going: bool = False
    templates: Path = TEMPLATES


@dataclass
class BuildResult:
    articles: list[Article]
    registry: Registry
    site: SiteIndex
    pages: list[str]
    content_changed: list[Path]
    warnings: list[str] = field(default_factory=list)
    errors: list[BuildError] = field(default_factory=list)


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
    # Two passes: names the registry lacks become `status: discovered` pages, then everything is annotated.
    discovered = discover_entities(articles, registry, options.content)
    if discovered:
        registry = load_registry(options.content)
    annotator = Annotator(registry)
    for article in articles:
        annotator(article)
    changed = discovered + write_content(options.content, articles)
    site = collect(articles, registry)
    pages = publish(site, Path(options.out), options.base_url, Path(options.templates))
    return BuildResult(articles, registry, site, pages, changed, warnings, errors)


def discover_entities(articles: list[Article], registry: Registry, content: Path) -> list[Path]:
    """Write a registry page for every entity the articles name and the registry lacks; returns the new pages."""
    annotator = Annotator(registry)
    discoveries = [d for article in articles for d in discover(article, annotator.mentions(article.body, None))]
    written = [create_entity_page(content, entity) for entity in propose_entities(discoveries, registry)]
    return [path for path in written if path is not None]


def publish(site: SiteIndex, out: Path, base_url: str, templates: Path = TEMPLATES) -> list[str]:
    """Render the site into a fresh folder, then swap it in for `out` in one rename."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        pages = Renderer(site, base_url, templates).write(staging)
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
    return pages
