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
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path

from builder.config import SiteConfig
from builder.model import ENTITY_KINDS
from builder.site.theme import TEMPLATES

_PACKAGE = Path(__file__).resolve().parent.parent
# Everything a build remembers for the next one is in this one SQLite file of the cache folder: the
# articles' records (`builder.engine.store`), the annotation cache (`builder.annotate.cache`), what
# site/ holds (`builder.engine.publish`) and the inputs the last build read (below).
STORE_FILE = "build.sqlite"
_INPUTS_SCHEMA = ("CREATE TABLE IF NOT EXISTS input_files (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, "
                  "hash TEXT) WITHOUT ROWID;"
                  "CREATE TABLE IF NOT EXISTS last_build (key TEXT PRIMARY KEY, value TEXT);")


@dataclass
class BuildOptions:
    seeds: Path = Path("seeds")
    content: Path = Path("content")
    out: Path = Path("site")
    base_url: str = "/"
    keep_going: bool = False
    templates: Path = TEMPLATES  # the default theme
    overrides: Path | None = None  # the archive's own templates/: any file here wins over the theme's
    cache: Path | None = Path(".cache")  # None: no annotation cache
    jobs: int = 0  # worker processes; 0 = one per core
    search: bool = True  # False: no search index (a quicker preview; the search page says it is missing)
    # A rebuild publishes in three commits: the pages of the articles it mapped, its other pages, then
    # the search index (serve: the page being edited is back first).
    publish_in_steps: bool = False
    scheduler: str | None = None  # a Dask scheduler's address: map and render on its cluster (never shapes the output)
    config: SiteConfig = field(default_factory=SiteConfig)  # archive.yml, with the flags applied
    config_file: Path | None = None  # where it was read from (an input: the no-op check hashes it)


def template_folders(options: BuildOptions) -> list[Path]:
    """Where templates are looked for, in order: the archive's own folder (when it exists and is not
    the theme itself), then the theme."""
    folders = [Path(options.templates)]
    if options.overrides is not None and Path(options.overrides).is_dir() \
            and Path(options.overrides).resolve() != folders[0].resolve():
        folders.insert(0, Path(options.overrides))
    return folders


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


def seed_paths(folder: Path, records: dict | None = None) -> list[str]:
    """The seed files (`*.txt`) of `folder`, sorted by name; `records`: every input as a moment ago
    (`file_records`), whose seeds are those (the folder is not listed again)."""
    return files_of([InputSource(Path(folder), ".txt")], records)


@dataclass(frozen=True)
class InputSource:
    """A folder a build reads files from: those whose names end in `suffix` ("" for every file), in the
    folder itself or, `below`, in any folder under it."""

    folder: Path
    suffix: str
    below: bool = False

    def files(self) -> list[str]:
        """Its files as a build names them (the folder as given, joined with the name), sorted."""
        if not self.below:
            return _files_in(self.folder, self.suffix)
        return [str(p) for p in sorted(Path(self.folder).rglob("*")) if p.name.endswith(self.suffix) and p.is_file()]

    def holds(self, name: str) -> bool:
        """Whether `name` (as a build names files: `files()`) is one of this source's files."""
        base = str(self.folder)
        return (name.endswith(self.suffix) and name.startswith(base) and name[len(base):len(base) + 1] == os.sep
                and (self.below or os.sep not in name[len(base) + 1:]))

    def name_of(self, path: str) -> str | None:
        """The name a build gives the file at the absolute `path` when it is one of this source's, else None."""
        root = os.path.abspath(self.folder)
        if not path.endswith(self.suffix) or not path.startswith(root + os.sep):
            return None
        rest = path[len(root) + 1:]
        if not self.below and os.sep in rest:
            return None
        return str(Path(self.folder) / rest)


def input_sources(options: BuildOptions) -> list[InputSource]:
    """Where a build's inputs are, in `input_files`' order: the seeds, the registry (every entity folder),
    the article pages an editor may have taken over (read back), the templates and our own code."""
    return ([InputSource(Path(options.seeds), ".txt")] + registry_sources(options)
            + [InputSource(Path(options.content) / "articles", ".md")] + code_and_template_sources(options))


def registry_sources(options: BuildOptions) -> list[InputSource]:
    """The registry's pages: every entity folder's `*.md`."""
    return [InputSource(Path(options.content) / kind.folder, ".md") for kind in ENTITY_KINDS.values()]


def code_and_template_sources(options: BuildOptions) -> list[InputSource]:
    """The templates (of each folder of the chain) and our own code: what every page depends on."""
    return [InputSource(Path(folder), "", below=True) for folder in template_folders(options)] \
        + [InputSource(_PACKAGE, ".py", below=True)]


def files_of(sources: list[InputSource], records: dict | None = None) -> list[str]:
    """The files of `sources` as a build names them, sorted: listed, or, `records` being every input as a
    moment ago (`file_records`, a watcher's snapshot), picked from their names (tens of thousands: one
    C-level prefix test before `InputSource.holds`)."""
    if records is None:
        return sorted(name for source in sources for name in source.files())
    prefixes = tuple(str(source.folder) + os.sep for source in sources)
    return sorted(name for name in records
                  if name.startswith(prefixes) and any(source.holds(name) for source in sources))


def input_files(options: BuildOptions) -> list[str]:
    """Everything a build reads: the files of its `input_sources` and archive.yml. The one list of inputs:
    the no-op check hashes these files and `serve` watches them."""
    config = [str(options.config_file)] if options.config_file is not None else []
    listed = [source.files() for source in input_sources(options)]
    registry_end = 1 + len(ENTITY_KINDS)
    return [name for files in listed[:registry_end] for name in files] + config \
        + [name for files in listed[registry_end:] for name in files]


def _content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


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
                content = _content_hash(handle.read())
        files[name] = [stat.st_size, stat.st_mtime_ns, content]
    return files


def records_from_stats(stats: dict[str, tuple[int, int]], known: dict | None = None) -> dict[str, list]:
    """`file_records` of the files `stats` names ({path: (size, mtime_ns)}, as a watcher just found them),
    without a stat of their own: only a file whose size or mtime is not the known one is read."""
    known = known or {}
    files: dict[str, list] = {}
    for name, (size, mtime) in stats.items():
        last = known.get(name)
        if last and last[0] == size and last[1] == mtime:
            files[name] = last
            continue
        try:
            with open(name, "rb") as handle:
                content = _content_hash(handle.read())
        except FileNotFoundError:  # gone since it was seen: as if it had not been there
            continue
        files[name] = [size, mtime, content]
    return files


def file_hashes(paths: list[Path], known: dict | None = None) -> dict[str, str]:
    """{path: content hash} of each file (read only when its size or mtime is not the known one)."""
    return {name: record[2] for name, record in file_records(paths, known).items()}


def inputs_fingerprint(options: BuildOptions, known: dict | None = None) -> tuple[str, dict]:
    """Hash of every input's bytes and of the options that shape the output, and each file's
    [size, mtime_ns, content hash]; a file whose size and mtime are those in `known` is not read."""
    files = file_records(input_files(options), known)
    return _inputs_digest(options, files), files


def _inputs_digest(options: BuildOptions, files: dict[str, list]) -> str:
    """The hash of the options that shape the output and of every input file's name and content hash
    (in name order, so that records put together in any order give the same)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps([str(Path(options.out).resolve()), options.base_url, options.keep_going,
                              options.search, options.config.fingerprint()]).encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name][2].encode() + b"\0")
    return digest.hexdigest()


def records_after(options: BuildOptions, records: dict[str, list], written: list[str] | list[Path]) -> dict[str, list]:
    """Every input's record after a build that started from `records` (every input, as `check_inputs`
    found them) and wrote, made or deleted the files `written`: those that are inputs (article pages,
    discovered entities' pages) are looked at again, no other. An input saved by someone else during
    the build keeps the record the build started from, so the next build sees the change."""
    files = dict(records)
    sources = input_sources(options)
    for path in map(str, written):
        if path in files or any(source.holds(path) for source in sources):
            try:
                files.update(file_records([path]))
            except FileNotFoundError:
                files.pop(path, None)
    return files


def made_with(options: BuildOptions, records: dict | None = None) -> str:
    """What every record and page depends on besides its article and the registry: our code, the
    templates, archive.yml and the options that shape the output (the store's `made_with`).
    `records`: every input as a moment ago (`file_records`): their hashes are used, nothing is read."""
    from builder.engine.store import SCHEMA_VERSION

    h = hashlib.blake2b(digest_size=16)
    h.update(json.dumps([SCHEMA_VERSION, options.base_url, options.config.fingerprint()]).encode())
    for name in files_of(code_and_template_sources(options), records):
        digest = records[name][2] if records is not None else _content_hash(Path(name).read_bytes())
        h.update(os.path.basename(name).encode() + b"\0" + digest.encode() + b"\0")
    return h.hexdigest()


def absolute(options: BuildOptions) -> BuildOptions:
    """The options with absolute paths: what a cluster worker, whose working folder is not ours, is sent."""
    return replace(options, seeds=Path(options.seeds).resolve(), content=Path(options.content).resolve(),
                   out=Path(options.out).resolve(), templates=Path(options.templates).resolve(),
                   overrides=None if options.overrides is None else Path(options.overrides).resolve(),
                   config_file=None if options.config_file is None else Path(options.config_file).resolve(),
                   cache=None if options.cache is None else Path(options.cache).resolve())


def store_path(cache: Path) -> Path:
    return Path(cache) / STORE_FILE


def load_state(options: BuildOptions) -> dict:
    """The last build's record: {"inputs": hash of every input, "files": {path: [size, mtime_ns, hash]},
    "pages", "articles", "mentions", "content": the generated files it left} ({} when there is none)."""
    if options.cache is None or not store_path(options.cache).is_file():
        return {}
    try:
        db = sqlite3.connect(f"file:{store_path(options.cache)}?mode=ro", uri=True)
        try:
            state = {key: json.loads(value) for key, value in db.execute("SELECT key, value FROM last_build")}
            if state:
                state["files"] = {path: [size, mtime, digest] for path, size, mtime, digest in
                                  db.execute("SELECT path, size, mtime, hash FROM input_files")}
            return state
        finally:
            db.close()
    except sqlite3.DatabaseError:  # no such table yet, or unreadable: as if there were no last build
        return {}


def save_state(options: BuildOptions, pages: int, articles: int, mentions: int, content: list[str] | list[Path],
               files: dict[str, list] | None = None) -> dict[str, list]:
    """Record what the build read (by hash) and made, for the next build's no-op check; `files`: every
    input's record as the build leaves them (`records_after`), else every input is looked at here.
    Returns each input's [size, mtime_ns, content hash] as recorded."""
    if files is None:
        inputs, files = inputs_fingerprint(options, load_state(options).get("files"))
    else:
        inputs = _inputs_digest(options, files)
    summary = {
        "inputs": inputs,
        "pages": pages,
        "articles": articles,
        "mentions": mentions,
        "content": sorted([*map(str, content), str(Path(options.content) / "timeline.md")]),
    }
    path = store_path(options.cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60)
    try:
        db.executescript(_INPUTS_SCHEMA)
        with db:
            db.execute("DELETE FROM input_files")
            db.executemany("INSERT INTO input_files VALUES (?, ?, ?, ?)",
                           [(name, size, mtime, digest) for name, (size, mtime, digest) in files.items()])
            db.execute("DELETE FROM last_build")
            db.executemany("INSERT INTO last_build VALUES (?, ?)",
                           [(key, json.dumps(value)) for key, value in sorted(summary.items())])
    finally:
        db.close()
    return files


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
