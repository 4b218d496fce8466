"""Build options and the record of the last build: the no-op check runs on these alone.

`up_to_date` answers before any stage is imported, let alone run: it hashes
every input (seeds, registry pages, templates, our code) and the options that
shape the output, and compares with the record `save_state` left in the cache
folder. As git's index does, a file whose size and modification time are
those recorded is not read again, so the check stats files rather than
reading them; the decision is still by content hash.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from builder.model import ENTITY_KINDS
from builder.site.theme import TEMPLATES

_PACKAGE = Path(__file__).resolve().parent.parent


@dataclass
class BuildOptions:
    seeds: Path = Path("seeds")
    content: Path = Path("content")
    out: Path = Path("site")
    base_url: str = "/"
    keep_going: bool = False
    templates: Path = TEMPLATES
    cache: Path | None = Path(".cache")  # None: no annotation cache
    jobs: int = 0  # worker processes; 0 = one per core
    search: bool = True  # False: no search index (a quicker preview; the search page says it is missing)
    scheduler: str | None = None  # a Dask scheduler's address: map and render on its cluster (never shapes the output)


def code_and_template_files(templates: Path) -> list[Path]:
    """The templates and our own code: what every page depends on."""
    return (sorted(p for p in Path(templates).rglob("*") if p.is_file())
            + sorted(_PACKAGE.rglob("*.py")))


def _files_in(folder: Path, suffix: str) -> list[str]:
    """The files of `folder` whose names end in `suffix`, sorted (plain strings: an archive has tens
    of thousands, and this runs on every build, the no-op one included)."""
    base = str(folder)
    try:
        with os.scandir(base) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(suffix) and e.is_file())
    except FileNotFoundError:
        return []
    return [os.path.join(base, name) for name in names]


def seed_files(folder: Path) -> list[Path]:
    """The seed files (`*.txt`) of `folder`, sorted by name."""
    return [Path(name) for name in _files_in(Path(folder), ".txt")]


def _input_files(options: BuildOptions) -> list[str]:
    """Everything a build reads: seeds, registry pages, templates and our own code."""
    files = _files_in(Path(options.seeds), ".txt")
    for kind in ENTITY_KINDS.values():
        files += _files_in(Path(options.content) / kind.folder, ".md")
    return files + [str(p) for p in code_and_template_files(options.templates)]


def file_records(paths: list[str] | list[Path], known: dict | None = None) -> dict[str, list]:
    """{path: [size, mtime_ns, content hash]}; a file whose size and mtime are those in `known` is not read."""
    known = known or {}
    files: dict[str, list] = {}
    for path in paths:
        name = str(path)
        stat = os.stat(name)
        last = known.get(name)
        if last and last[0] == stat.st_size and last[1] == stat.st_mtime_ns:
            content = last[2]
        else:
            with open(name, "rb") as handle:
                content = hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
        files[name] = [stat.st_size, stat.st_mtime_ns, content]
    return files


def file_hashes(paths: list[Path], known: dict | None = None) -> dict[str, str]:
    """{path: content hash} of each file (read only when its size or mtime is not the known one)."""
    return {name: record[2] for name, record in file_records(paths, known).items()}


def inputs_fingerprint(options: BuildOptions, known: dict | None = None) -> tuple[str, dict]:
    """Hash of every input's bytes and of the options that shape the output, and each file's
    [size, mtime_ns, content hash]; a file whose size and mtime are those in `known` is not read."""
    files = file_records(_input_files(options), known)
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps([str(Path(options.out).resolve()), options.base_url, options.keep_going,
                              options.search]).encode())
    for name, (_, _, content) in files.items():
        digest.update(name.encode() + b"\0" + content.encode() + b"\0")
    return digest.hexdigest(), files


def _state_path(options: BuildOptions) -> Path:
    return Path(options.cache) / "last-build.json"


def load_state(options: BuildOptions) -> dict:
    if options.cache is None:
        return {}
    try:
        return json.loads(_state_path(options).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_state(options: BuildOptions, pages: int, articles: int, mentions: int, content: list[str] | list[Path],
               known: dict | None = None) -> None:
    """Record what the build read (by hash) and made, for the next build's no-op check; `known`: the
    input records the build started from (`check_inputs`), else the last build's are read."""
    inputs, files = inputs_fingerprint(options, known if known is not None else load_state(options).get("files"))
    state = {
        "inputs": inputs,
        "files": files,
        "pages": pages,
        "articles": articles,
        "mentions": mentions,
        "content": sorted([*map(str, content), str(Path(options.content) / "timeline.md")]),
    }
    path = _state_path(options)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state), encoding="utf-8")


def check_inputs(options: BuildOptions) -> tuple[dict | None, dict | None]:
    """(the last build's summary if nothing it read has changed and its output is all there, else None;
    each input's [size, mtime_ns, content hash] as found, or None when there was no last build to
    compare with). The build goes on from those records rather than stat every input again."""
    state = load_state(options)
    if not state or not os.path.isfile(os.path.join(options.out, "index.html")):
        return None, None
    inputs, files = inputs_fingerprint(options, state.get("files"))
    if not all(map(os.path.isfile, state.get("content", []))):
        return None, files
    return (state if state.get("inputs") == inputs else None), files


def up_to_date(options: BuildOptions) -> dict | None:
    """The last build's summary if nothing it read has changed and its output is all there, else None."""
    return check_inputs(options)[0]
