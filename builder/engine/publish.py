"""Publish stage: put the files a build made into `site/`, all of them or none.

Every file the build writes goes through a `SiteUpdate`, which knows what
`site/` holds (the path, content hash, size and modification time of every
file it wrote, kept in the build's store file (`published_files`), of which a rebuild rewrites
only the rows of the files it changed) and so writes only what changed:

- a **clean build** (no site yet, no record of it, or the code, templates or
  options changed) writes every file into a staging folder beside `site/` and
  swaps it in with one rename;
- a **rebuild** stages only the files whose bytes changed (and notes the ones
  to delete), then, once everything is staged, writes a journal and moves each
  staged file into place with `os.replace` — atomic per file, so a reader (or
  `serve`) never sees a half-written page. A build that fails before that
  point leaves `site/` exactly as it was; one interrupted while moving files
  is finished by the next build, which replays the journal first.

A file in `site/` that is not what the last build wrote (edited by hand) is
reported by `tampered()`, and the build writes it again. Finding them is a `stat` of every file the last
build wrote (65,000 at 10,000 articles, ~0.25 s): a rebuild starts that look in a process of its own
(`TamperCheck`) before its content stage, and takes its answer when it plans the render.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from builder.engine.state import STORE_FILE

JOURNAL = ".publish-journal.json"


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class SiteUpdate:
    """The files of one build, on their way into `out`; see the module docstring."""

    def __init__(self, out: Path, cache: Path | None, clean: bool):
        self.out = Path(out).resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.cache = Path(cache) if cache is not None else None
        finish_interrupted(self.out)
        self.known: dict[str, list] = {} if clean else load_record(self.cache, self.out)
        self.clean = clean or not self.known or not self.out.is_dir()
        if self.clean:
            self.known = {}
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.building-", dir=self.out.parent))
        self.written: dict[str, list] = {}  # path -> [digest, size, mtime] once placed
        self.changed: set[str] = set()  # paths written (staged) by this build
        self.deleted: list[str] = []
        self.kept: set[str] = set()  # paths this build produced with the bytes already in site/
        self.forgotten: list[str] = []  # paths `forget` took out of `known`
        self._made: set[Path] = set()  # staging folders made so far

    @classmethod
    def some(cls, out: Path, cache: Path | None, paths: list[str]) -> SiteUpdate | None:
        """An update of a few files of a published site that leaves every other file, and its row in the
        record, as it is (a commit of it deletes nothing); None when there is no such site to update."""
        out = Path(out).resolve()
        finish_interrupted(out)
        known = load_record(cache, out, paths)
        if not known or not out.is_dir():
            return None
        self = cls.__new__(cls)
        self.out, self.cache, self.known, self.clean = out, Path(cache), known, False
        self.staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
        self.written, self.changed, self.deleted, self.kept = {}, set(), [], set()
        self.forgotten, self._made = [], set()
        return self

    @classmethod
    def joining(cls, out: Path, cache: Path | None, staging: Path, clean: bool, forgotten: list[str]) -> SiteUpdate:
        """Another process's hands on an update the build's process made (a cluster worker's, which
        renders pages): it stages into the same folder and compares with the same record of `site/`
        (less the files `forget` took out of it). What it `put` is reported back to the build's
        update, which alone commits."""
        self = cls.__new__(cls)
        self.out = Path(out).resolve()
        self.cache = Path(cache) if cache is not None else None
        self.known = {} if clean else load_record(self.cache, self.out)
        for path in forgotten:
            self.known.pop(path, None)
        self.clean = clean
        self.staging = Path(staging)
        self.written, self.changed, self.deleted, self.kept = {}, set(), [], set()
        self.forgotten = list(forgotten)
        self._made = set()
        return self

    @property
    def root(self) -> Path:
        """Where a file of this build is to be written: the staging folder."""
        return self.staging

    def put(self, path: str, data: bytes | str) -> bool:
        """Stage `data` for `site/<path>` unless `site/` holds those bytes already; True if staged."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        key = digest(data)
        last = self.known.get(path)
        if last is not None and last[0] == key and self.keep(path):
            return False
        target = self.staging / path
        self._folder(target.parent)
        target.write_bytes(data)
        self.written[path] = [key, len(data), 0]
        self.changed.add(path)
        return True

    def keep(self, path: str) -> bool:
        """Keep `site/<path>` as the last build wrote it, without making it again; False if it is not known
        (a clean build, or a file edited by hand since), and it must be made."""
        last = self.known.get(path)
        if last is None or self.clean:
            return False
        self.kept.add(path)
        self.written[path] = last
        return True

    def unchanged(self, path: str, key: str) -> bool:
        """Whether `site/<path>` already holds the file whose digest is `key` (then nothing is staged)."""
        last = self.known.get(path)
        if last is not None and last[0] == key and not self.clean:
            self.kept.add(path)
            self.written[path] = last
            return True
        return False

    def stage(self, path: str) -> Path:
        """Where to write `site/<path>` when it is written piece by piece (then `staged`)."""
        target = self.staging / path
        self._folder(target.parent)
        return target

    def _folder(self, folder: Path) -> None:
        """Make a staging folder once: a page a folder, and a rebuild's pages share few of them."""
        if folder not in self._made:
            folder.mkdir(parents=True, exist_ok=True)
            self._made.add(folder)

    def staged(self, path: str, key: str) -> None:
        """`stage(path)` has been written; `key` is its digest."""
        self.written[path] = [key, (self.staging / path).stat().st_size, 0]
        self.changed.add(path)

    def tree(self, name: str) -> Path:
        """A folder to write whole (a search bundle) for `site/<name>`, which it replaces."""
        target = self.staging / name
        if target.exists():
            shutil.rmtree(target)
            self._made = {folder for folder in self._made if not folder.is_relative_to(target)}
        target.parent.mkdir(parents=True, exist_ok=True)
        if not self.clean:
            self.changed.add(name + "/")
        return target

    def delete_tree(self, name: str) -> None:
        if not self.clean and (self.out / name).is_dir():
            self.deleted.append(name + "/")

    def delete(self, path: str) -> None:
        if (path in self.known or path in self.forgotten) and path not in self.written:
            self.deleted.append(path)

    def has(self, path: str) -> bool:
        """Whether `site/<path>` exists now (before this build is applied)."""
        return (self.out / path).exists()

    def tampered(self, ahead: TamperCheck | None = None) -> list[str]:
        """Files of `site/` that are not what the last build wrote (their size or time changed); `ahead`:
        the same question, asked in a process of its own before the content stage."""
        if self.clean:
            return []
        found = ahead.answer(len(self.known)) if ahead is not None else None
        return found if found is not None else changed_files(self.out, self.known)

    def forget(self, paths: list[str]) -> None:
        """Treat these files as unknown, so whatever this build makes for them is written."""
        for path in paths:
            self.known.pop(path, None)
            self.forgotten.append(path)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def commit(self, expected: set[str] | None = None) -> None:
        """Move the staged files into `site/` (see the module docstring) and record what it holds.

        `expected`: every path this build produced (clean build: everything under staging); files the
        last build wrote that are not in it are deleted (edited by hand since, too: they are ours).
        """
        if expected is not None and not self.clean:
            for path in sorted((set(self.known) | set(self.forgotten)) - expected):
                self.delete(path)
        if self.clean:
            os.chmod(self.staging, 0o755)
            if self.out.exists():
                retired = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.old-", dir=self.out.parent))
                os.replace(self.out, retired / self.out.name)
                os.replace(self.staging, self.out)
                shutil.rmtree(retired, ignore_errors=True)
            else:
                os.replace(self.staging, self.out)
        else:
            journal = {"staging": str(self.staging), "moves": sorted(self.changed), "deletes": sorted(self.deleted)}
            journal_path = self.out.parent / f".{self.out.name}{JOURNAL}"
            temporary = journal_path.with_suffix(".tmp")
            temporary.write_text(json.dumps(journal), encoding="utf-8")
            os.replace(temporary, journal_path)
            _apply(self.out, journal)
            journal_path.unlink(missing_ok=True)
        self._record()

    def _record(self) -> None:
        """Write what `site/` now holds into the record: every row on a clean build, else only the rows
        of the files this build wrote or deleted (an archive's site has tens of thousands)."""
        if self.cache is None:
            return
        rows, gone = [], []
        if self.clean:
            paths = [p for p in self.written if not p.endswith("/")]
        else:
            paths = [p for p in self.written if not p.endswith("/") and (p in self.changed or p not in self.known)]
            # Only what this update deleted, forgot or swapped a folder over: an update of some files
            # (the search index a serve rebuild writes after its pages) leaves the others' rows alone.
            deleted = set(self.deleted) | set(self.forgotten)
            trees = tuple(p for p in [*self.changed, *self.deleted] if p.endswith("/"))
            gone = [p for p in [*self.known, *self.forgotten] if p not in self.written
                    and (p in deleted or (trees and p.startswith(trees)))]
        for path in paths:
            try:
                stat = os.stat(os.path.join(self.out, path))
            except OSError:
                gone.append(path)
                continue
            rows.append((path, self.written[path][0], stat.st_size, stat.st_mtime_ns))
        self.cache.mkdir(parents=True, exist_ok=True)
        db = _record_db(self.cache)
        try:
            with db:
                if self.clean:
                    db.execute("DELETE FROM published_files")
                    db.execute("INSERT OR REPLACE INTO published_meta VALUES ('out', ?)", (str(self.out),))
                db.executemany("DELETE FROM published_files WHERE path = ?", [(p,) for p in gone])
                db.executemany("INSERT OR REPLACE INTO published_files VALUES (?,?,?,?)", rows)
        finally:
            db.close()


def changed_files(out: Path, known: dict[str, list]) -> list[str]:
    """The files of `known` ({path: [digest, size, mtime_ns]}) whose size or time in `out` is not the known
    one, or that are gone, sorted."""
    found = []
    root = str(out) + os.sep
    for path, (_, size, mtime) in known.items():
        try:
            stat = os.stat(root + path)
        except OSError:
            found.append(path)
            continue
        if stat.st_size != size or stat.st_mtime_ns != mtime:
            found.append(path)
    return sorted(found)


class TamperCheck:
    """`SiteUpdate.tampered`'s question about the site the last build published, asked in a process of its own
    while this one writes content (`python -m builder.engine.publish OUT CACHE` prints the answer)."""

    def __init__(self, out: Path, cache: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "builder.engine.publish", str(Path(out).resolve()),
                                         str(Path(cache).resolve())], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.output: bytes | None = None

    def answer(self, known: int) -> list[str] | None:
        """The files it found changed, when it read a record of `known` files as this build did; else None."""
        if self.output is None:
            self.output, _ = self.process.communicate()
        try:
            answer = json.loads(self.output)
        except ValueError:
            return None
        return answer["changed"] if self.process.returncode == 0 and answer["known"] == known else None

    def close(self) -> None:
        """Stop it if it is still looking (the build did not need its answer), and reap it."""
        if self.output is None:
            self.process.kill()
            self.output = self.process.communicate()[0] or b""


def _record_db(cache: Path) -> sqlite3.Connection:
    """The record's database, its tables made when new; a connection is its own transaction (`with`)."""
    db = sqlite3.connect(Path(cache) / STORE_FILE, timeout=60)
    db.executescript("CREATE TABLE IF NOT EXISTS published_meta (key TEXT PRIMARY KEY, value TEXT);"
                     "CREATE TABLE IF NOT EXISTS published_files (path TEXT PRIMARY KEY, digest TEXT, size INTEGER, "
                     "mtime INTEGER) WITHOUT ROWID;")
    return db


def load_record(cache: Path | None, out: Path, paths: list[str] | None = None) -> dict[str, list]:
    """What the last build wrote into `out`: {path: [digest, size, mtime_ns]} ({} when unknown); of
    `paths` only, when given (a path the last build did not write is then [None, None, None])."""
    if cache is None or not (Path(cache) / STORE_FILE).is_file():
        return {}
    try:
        db = _record_db(cache)
        try:
            row = db.execute("SELECT value FROM published_meta WHERE key = 'out'").fetchone()
            if row is None or row[0] != str(Path(out).resolve()):
                return {}
            if paths is not None:
                rows = (db.execute("SELECT * FROM published_files WHERE path = ?", (path,)).fetchone() for path in paths)
                found = {row[0]: list(row[1:]) for row in rows if row is not None}
                return {path: found.get(path, [None, None, None]) for path in paths}
            return {path: [key, size, mtime] for path, key, size, mtime in db.execute("SELECT * FROM published_files")}
        finally:
            db.close()
    except sqlite3.DatabaseError:  # unreadable: as if there were none (the next build is a clean one)
        return {}


def _apply(out: Path, journal: dict) -> None:
    staging = Path(journal["staging"])
    for path in journal["moves"]:
        source = staging / path.rstrip("/")
        target = out / path.rstrip("/")
        if path.endswith("/"):  # a whole folder: swap it
            if not source.exists():
                continue
            if target.exists():
                retired = Path(tempfile.mkdtemp(prefix=".old-", dir=target.parent))
                os.replace(target, retired / target.name)
                os.replace(source, target)
                shutil.rmtree(retired, ignore_errors=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
            continue
        if not source.exists():  # moved already, before an interruption
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(source, 0o644)
        os.replace(source, target)
    for path in journal["deletes"]:
        target = out / path.rstrip("/")
        if path.endswith("/"):
            shutil.rmtree(target, ignore_errors=True)
        else:
            target.unlink(missing_ok=True)
        _prune(target.parent, out)
    shutil.rmtree(staging, ignore_errors=True)


def _prune(folder: Path, out: Path) -> None:
    """Remove folders left empty by deleted pages, up to (not including) `out`."""
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def finish_interrupted(out: Path) -> None:
    """Replay the journal of a rebuild that was interrupted while moving its files into `out`."""
    journal_path = out.parent / f".{out.name}{JOURNAL}"
    if not journal_path.exists():
        return
    try:
        journal = json.loads(journal_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal_path.unlink(missing_ok=True)
        return
    _apply(out, journal)
    journal_path.unlink(missing_ok=True)


if __name__ == "__main__":  # `TamperCheck`'s process
    _out, _cache = Path(sys.argv[1]), Path(sys.argv[2])
    _known = load_record(_cache, _out)
    print(json.dumps({"known": len(_known), "changed": changed_files(_out, _known)}))
