"""What editors and a real archive bring to the map step (`engine/build.py`): the editors' word on an
article's mentions (a seed's `corrections:`, an article page an editor made theirs) and ids two
seeds' articles share (both take the
collision suffix of their seed's file name, `builder.ingest.seed.collision_suffix`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from builder.annotate.corrections import apply_corrections, editor_mentions
from builder.engine.store import SiteStore
from builder.ingest.article_page import ArticlePage, editor_page_text, read_article_page
from builder.ingest.seed import (
    colliding,
    collision_warning,
    duplicate_seeds,
    duplicate_warning,
    natural_id,
)
from builder.model import Article, BuildError, Entity, Mention


def editor_article(article: Article, articles_dir: Path, warnings: list[str]) -> tuple[Article, ArticlePage | None]:
    """The article as its editor has it when an editor made its page in `articles_dir` theirs (the page's
    words, title and dates; `builder.ingest.article_page`), with the page; else (`article`, None).
    A page whose words are not the seed's is the editor's correction: said once, when it is read."""
    where = str(Path(articles_dir) / f"{article.id}.md")
    text = editor_page_text(articles_dir, article.id)
    if text is None:
        return article, None
    page = read_article_page(text, where)
    if " ".join(page.body.split()) != " ".join(article.body.split()):
        warnings.append(f"{where}: the editor's page and the seed {article.source_file} differ in their words; "
                        "the page is the article's text (put `generated: true` back at its top to take the seed's)")
    return page.article(article), page


def corrected_mentions(article, page: ArticlePage | None, entities: dict[str, Entity], where: str,
                       warnings: list[str]) -> list[Mention]:
    """The article's mentions as its editors have them: the links of its editor's `page` when it has
    one, then with the seed's `corrections:` applied; `article.mentions` holds the annotator's (or
    the annotation cache's). `where`: the seed, for messages."""
    mentions = article.mentions
    if page is not None:
        mentions, notes = editor_mentions(page.links, article.body, mentions, entities, page.path,
                                          article.date.reference_day())
        warnings += notes
    if article.corrections:
        mentions, notes = apply_corrections(article.body, mentions, article.corrections, entities, where)
        warnings += notes
    return mentions


def annotated_article(article: Article, annotate: Callable[[Article], list[Mention]], articles_dir: Path,
                      entities: dict[str, Entity], where: str, warnings: list[str]) -> Article:
    """The article as a build has it, in the one order every reader of the seeds keeps (`build`'s map
    step, `check`): the editor's page in place of the seed's words when an editor made it theirs
    (`editor_article`), the annotator's mentions (`annotate(article)`, or the annotation cache's), then
    the editors' word on them (`corrected_mentions`). Raises BuildError for a bad page or correction."""
    article, page = editor_article(article, articles_dir, warnings)
    article.mentions = annotate(article)
    article.mentions = corrected_mentions(article, page, entities, where, warnings)
    return article


def settle_collisions(store: SiteStore, seeds: Path, keys: dict[str, str], deferred: dict[str, str],
                      suffixed: frozenset, remap, errors: list[BuildError]) -> tuple[frozenset, dict[str, str] | None]:
    """Give every seed whose article's id another seed's article also makes its collision suffix, and
    take it back from a seed whose article no longer collides: map again each seed whose suffix must
    change (and each `deferred` one), until the ids settle; `remap(seeds, suffixed)` maps seeds again and
    returns the seeds it deferred in turn. Returns the seeds that carry the suffix, and each stored seed's
    natural id once they settled (None when they did not: `collision_warnings` works them out)."""
    for _ in range(3):
        natural = {seed: (natural_id(aid, seed), aid) for seed, (aid, _) in store.keys().items() if seed in keys}
        ids = {seed: plain for seed, (plain, _) in natural.items()}
        ids.update(deferred)
        need = frozenset(seed for group in colliding(ids).values() for seed in group)
        have = frozenset(seed for seed, (plain, aid) in natural.items() if plain != aid)
        again = sorted((need ^ have) | set(deferred))
        if not again:
            return need, ids
        deferred = remap(again, need)
        suffixed = need
    for seed, aid in deferred.items():  # never seen: ids that will not settle are reported, not built
        errors.append(BuildError(str(Path(seeds) / seed), f"would be written as {aid}.md like another "
                                                                  "article; give it another `title:` in front matter"))
    return suffixed, None


def drop_repeats(seeds: list[str], keys: dict[str, str], folder: Path, warnings: list[str]):
    """(`seeds`, `keys`) without the seeds that repeat another byte for byte (the one whose name sorts
    first is built), with a warning naming both."""
    repeats = duplicate_seeds(keys)
    for seed, original in repeats.items():
        warnings.append(duplicate_warning(str(folder), seed, original))
    if not repeats:
        return seeds, keys
    return ([s for s in seeds if os.path.basename(s) not in repeats],
            {n: k for n, k in keys.items() if n not in repeats})


def collision_warnings(store: SiteStore, folder: Path, keys: dict[str, str], ids: dict[str, str] | None = None
                       ) -> list[str]:
    """A warning for each id that two or more seeds' articles make (built with their suffixes); `ids`: each
    stored seed's natural id, when `settle_collisions` just worked them out."""
    if ids is None:
        ids = {seed: natural_id(aid, seed) for seed, (aid, _) in store.keys().items() if seed in keys}
    return [collision_warning(str(folder), aid, group) for aid, group in colliding(ids).items()]
