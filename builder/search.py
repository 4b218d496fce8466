"""Search stage: a Pagefind index of the rendered site, written to `site/pagefind/`.

Runs on the finished staging folder, before it is swapped in, with the
binary that the PyPI package `pagefind[bin]` ships (nothing is downloaded).
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

import re
import subprocess
from pathlib import Path

from .model import ENTITY_KINDS, BuildError
from .text import fold

OUTPUT_SUBDIR = "pagefind"
# The pages worth finding: articles and the first page of each entity. Pagefind is told so (rather
# than parsing the timeline, the listings and continuation pages only to skip them): half its time.
INDEXED_PAGES = "{" + ",".join(["articles", *(kind.folder for kind in ENTITY_KINDS.values())]) + "}/*/index.html"
_WORD = re.compile(r"\w+")
# Pagefind matches `to lam` to `Tô Lâm` by itself (Unicode decomposition), but not letters that do not
# decompose: `Đà Nẵng` is never found as `da nang` without a folded copy.
_UNDECOMPOSED = re.compile("[đĐøØłŁßæÆ]")


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


def index_site(site_dir: Path) -> Path:
    """Index every HTML page under `site_dir` into `site_dir/pagefind/`; returns that folder."""
    site_dir = Path(site_dir)
    command = [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", OUTPUT_SUBDIR, "--silent",
               "--glob", INDEXED_PAGES]
    done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BuildError("pagefind", "the search index could not be built: "
                                     + (detail[-1] if detail else f"exit status {done.returncode}"))
    return site_dir / OUTPUT_SUBDIR


# --- bundles (interim; see the search-bundles branch) -------------------------------------------
import json as _json
import os as _os
import tempfile as _tempfile

BUNDLE_MAX_PAGES = 1500
_ENTITY_FOLDERS = {kind.folder for kind in ENTITY_KINDS.values()}


def search_bundles(pages: list[str]) -> dict[str, list[str]]:
    """{bundle: pages} of the indexable pages: entities in one bundle, articles by publication year."""
    bundles: dict[str, list[str]] = {}
    for page in sorted(pages):
        parts = page.split("/")
        if len(parts) != 3 or parts[2] != "index.html":
            continue
        if parts[0] in _ENTITY_FOLDERS:
            bundles.setdefault("entities", []).append(page)
        elif parts[0] == "articles":
            year = parts[1][:4] if parts[1][:4].isdigit() else "undated"
            bundles.setdefault(f"articles-{year}", []).append(page)
    return bundles


def write_bundle_list(pagefind_dir, names: list[str]) -> str:
    ordered = sorted(names, key=lambda n: (n != "entities", n))
    return _json.dumps({"bundles": ordered}) + "\n"


def index_bundle(sources: list[Path], pages: list[str], output_dir: Path) -> None:
    """Index exactly `pages` (each from the first of `sources` that has it) into `output_dir`."""
    with _tempfile.TemporaryDirectory(prefix="pagefind-") as tmp:
        for page in pages:
            for source in sources:
                if (Path(source) / page).is_file():
                    target = Path(tmp) / page
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _os.link(Path(source) / page, target)
                    break
        output_dir = Path(output_dir)
        command = [str(pagefind_executable()), "--site", tmp, "--output-path", str(output_dir), "--silent"]
        done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise BuildError("pagefind", "the search index could not be built: "
                                         + (detail[-1] if detail else f"exit status {done.returncode}"))
