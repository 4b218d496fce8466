"""Search with Pagefind: indexes of the site's pages, in bundles, written to `site/pagefind/<bundle>/`.

Pagefind (the binary the PyPI package `pagefind[bin]` ships; nothing is
downloaded) holds a whole index in memory while it builds it, about 280 KB
per 1,000-word page, and rebuilds it whole. So the pages worth finding —
articles and the first page of each entity — are indexed in *bundles*: the
entity pages in one (`entities`), the articles of each publication year in
another (`articles-2024`; a year of more than BUNDLE_MAX_PAGES articles by
quarter, `articles-2024-q1`). The bundles are built one after another, each
small, and a rebuild builds again only those whose pages changed; the search
page loads the first and merges the others (Pagefind's `mergeIndex`, listed
in `pagefind/bundles.json`), so a reader searches them as one.

Which parts of a page are indexed is said by the templates:
`data-pagefind-body` on article and entity pages only, a `type` filter and
the `title` meta. Pagefind itself matches `to lam` to `Tô Lâm` (it compares
decomposed letters); for letters that do not decompose (`đ`) each page
carries a hidden folded copy of those words (`search_terms`), and the search
page folds the reader's query the same way (`templates/static/search.js`).
Aliases are on the entity page ("Also written"), so they find it.

Without the binary the build fails with a message saying what to install: a
published site whose search box finds nothing would fail silently.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from builder.model import ENTITY_KINDS, BuildError
from builder.text import UNDECOMPOSED_LETTERS, fold

_WORD = re.compile(r"\w+")
# Pagefind matches `to lam` to `Tô Lâm` by itself (Unicode decomposition), but not letters that do not
# decompose: `Đà Nẵng` is never found as `da nang` without a folded copy.
_UNDECOMPOSED = re.compile("[" + "".join(sorted(UNDECOMPOSED_LETTERS)) + "]")


def search_terms(text: str) -> str:
    """The hidden, search-only words of a page: the folded form (`builder.text.fold`) of each word of
    `text` that has a letter Unicode does not decompose (`Đà` -> `da`). Sorted, each once.

    Only those: Pagefind already matches `to lam` to `Tô Lâm`, and hidden text shows in its excerpts.
    """
    return " ".join(sorted({fold(w) for w in _WORD.findall(text) if _UNDECOMPOSED.search(w)}))


def pagefind_executable() -> Path:
    """The Pagefind binary from the `pagefind_bin` wheel; BuildError if it is not installed."""
    try:
        import pagefind_bin
    except ImportError:
        raise BuildError("pagefind", "the search indexer is not installed; run: pip install 'pagefind[bin]' "
                                     "(or pip install -e .)") from None
    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError as exc:
        raise BuildError("pagefind", f"the pagefind_bin package has no binary for this platform ({exc}); "
                                     "reinstall it with: pip install --force-reinstall 'pagefind[bin]'") from None


BUNDLE_MAX_PAGES = 500  # ~140 MB of Pagefind's memory; a quarter of a larger year is a bundle of its own
_ENTITY_FOLDERS = {kind.folder for kind in ENTITY_KINDS.values()}


def search_bundles(pages: list[str]) -> dict[str, list[str]]:
    """{bundle: its pages} for the indexable pages among `pages` (output paths): the first page of every
    entity in `entities`; articles by the publication year their id starts with (`undated` for none),
    a year of more than BUNDLE_MAX_PAGES articles by quarter. A pure function of the page list: a new
    article changes its own bundle and no other."""
    entities, articles = [], {}
    for page in sorted(pages):
        parts = page.split("/")
        if len(parts) != 3 or parts[2] != "index.html":
            continue
        if parts[0] in _ENTITY_FOLDERS:
            entities.append(page)
        elif parts[0] == "articles" and "-" in parts[1]:  # not a year's listing (`articles/2024/`)
            year = parts[1][:4] if parts[1][:4].isdigit() else "undated"
            articles.setdefault(year, []).append(page)
    bundles = {"entities": entities} if entities else {}
    for year, members in articles.items():
        if len(members) <= BUNDLE_MAX_PAGES or year == "undated":
            bundles[f"articles-{year}"] = members
            continue
        for page in members:  # a year-only id ("2024-slug") stays in the year's bundle
            month = page.split("/")[1][5:7]
            bundles.setdefault(f"articles-{year}-q{(int(month) + 2) // 3}" if month.isdigit() else f"articles-{year}",
                               []).append(page)
    return dict(sorted(bundles.items()))


# Pagefind holds a bundle's whole index while it works: about this much per 1,000-word page (measured
# on the synthetic archive, linear in the page count).
PAGEFIND_BYTES_PER_PAGE = 280 * 1024
# A clean build indexes the article bundles while its workers render the rest only if Pagefind stays
# under this: beside two workers of a 10,000-article build more would take it past half a gigabyte.
BESIDE_RENDER_BUDGET = 32 * 2**20


def indexer_fits_beside_render(bundles: dict[str, list[str]]) -> bool:
    """Whether Pagefind, indexing the largest article bundle of `bundles` (`search_bundles`), stays
    within BESIDE_RENDER_BUDGET."""
    sizes = [len(members) for members in Pagefind().article_parts(bundles).values()]
    return max(sizes, default=0) * PAGEFIND_BYTES_PER_PAGE <= BESIDE_RENDER_BUDGET


def bundle_list(names: list[str]) -> str:
    """pagefind/bundles.json: the bundles to load, `entities` (the one whose script is loaded) first."""
    return json.dumps({"bundles": sorted(names, key=lambda n: (n != "entities", n))}) + "\n"


def index_bundle(sources: list[Path], pages: list[str], output_dir: Path) -> None:
    """Index exactly `pages` (paths relative to the site; each read from the first of `sources` that
    has it) into `output_dir`. Pagefind takes a folder: it is given one of hard links to those pages."""
    with tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        for page in pages:
            source = next((Path(s) for s in sources if (Path(s) / page).is_file()), None)
            if source is None:  # never indexed without it: a missing result would go unnoticed
                raise BuildError(page, "is to be indexed for search but was not written")
            target = Path(tmp) / page
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source / page, target)
        command = [str(pagefind_executable()), "--site", tmp, "--output-path", str(output_dir), "--silent"]
        done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BuildError("pagefind", "the search index could not be built: "
                                     + (detail[-1] if detail else f"exit status {done.returncode}"))


class Pagefind:
    """The search index as Pagefind bundles (`builder.search.SearchIndex`)."""

    folder = "pagefind"

    def plan(self, pages: list[str]) -> dict[str, list[str]]:
        return search_bundles(pages)

    def fits_beside_render(self, parts: dict[str, list[str]]) -> bool:
        return indexer_fits_beside_render(parts)

    def article_parts(self, parts: dict[str, list[str]]) -> dict[str, list[str]]:
        return {name: members for name, members in parts.items() if name.startswith("articles")}

    def stale(self, update, parts: dict[str, list[str]], everything: bool, last: dict[str, str],
              done: set[str] = frozenset(), changed: set[str] | None = None) -> list[str]:
        """The bundles whose pages' words changed (in `update`, or the pages `changed`: `reworded`'s
        answer before an earlier commit), or that gained or lost a page (every bundle when
        `everything`), but those `done` already."""
        changed = self.reworded(update) if changed is None else changed
        now = _digests(parts)
        return [name for name in sorted(parts) if name not in done and
                (everything or last.get(name) != now[name] or any(page in changed for page in parts[name]))]

    def reworded(self, update) -> set[str]:
        """The pages `update` writes or deletes whose words change. A page whose words are the same but
        a link of which points elsewhere (a date whose timeline page moved) leaves its bundle's index as
        it was: Pagefind indexes text, not where links go."""
        return {page for page in set(update.changed) | set(update.deleted)
                if not _same_words(update.root / page, update.out / page)}

    def index(self, update, parts: dict[str, list[str]], names: list[str], advance=None) -> None:
        """Run Pagefind over each of the bundles `names`, one after another."""
        sources = [update.root] if update.clean else [update.root, update.out]
        for name in names:
            index_bundle(sources, parts[name], update.tree(f"{self.folder}/{name}"))
            if advance is not None:
                advance()

    def index_beside(self, update, parts: dict[str, list[str]], names: list[str]) -> Callable[[], None]:
        """Start indexing the bundles `names` on a thread of its own and return at once: Pagefind is a
        process, so it runs on another core while this one renders. The bundles' folders are claimed
        here, on the caller's thread (the writer is not shared across threads). The answer waits for
        the indexing to end and raises what it raised."""
        sources = [update.root] if update.clean else [update.root, update.out]
        targets = [(parts[name], update.tree(f"{self.folder}/{name}")) for name in names]
        pool = ThreadPoolExecutor(1, thread_name_prefix="pagefind")
        done = pool.submit(lambda: [index_bundle(sources, pages, target) for pages, target in targets])
        pool.shutdown(wait=False)  # the thread ends with its one task
        return done.result

    def finish(self, update, parts: dict[str, list[str]]) -> dict[str, str]:
        """List every bundle in bundles.json and delete those no page is in any more; returns a digest
        of each bundle's page list."""
        folder = update.out / self.folder
        if not update.clean and folder.is_dir():
            for stale in sorted(p.name for p in folder.glob("*") if p.is_dir()):
                if stale not in parts:
                    update.delete_tree(f"{self.folder}/{stale}")
        update.put(f"{self.folder}/bundles.json", bundle_list(sorted(parts)))
        return _digests(parts)

    def remove(self, update) -> None:
        update.delete_tree(self.folder)


_LINK_TARGET = re.compile(rb'\shref="[^"]*"')


def _same_words(new: Path, old: Path) -> bool:
    """Whether a page staged to replace another differs from it at most in where its links go."""
    if new.suffix != ".html" or not (new.is_file() and old.is_file()):
        return False
    return _LINK_TARGET.sub(b"", new.read_bytes()) == _LINK_TARGET.sub(b"", old.read_bytes())


def _digests(parts: dict[str, list[str]]) -> dict[str, str]:
    return {name: hashlib.blake2b("\n".join(members).encode(), digest_size=12).hexdigest()
            for name, members in parts.items()}
