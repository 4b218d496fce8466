"""What `serve` watches: every file a build reads, as the file system reports its changes.

`InputWatcher` keeps each input's size and mtime (`seen`) from one full look at the start, then from
the file system's events: watchfiles (inotify on Linux, FSEvents and ReadDirectoryChangesW elsewhere)
tells which files changed, and only those are looked at again. So a save is seen within about
STEP_MS, and the build that follows starts from `seen` instead of listing and stat'ing every input
again (`builder.engine.build.Resident.seen`): at 10,000 articles that is 22,000 files, twice.

The folders watched are the build's own list (`builder.engine.state.input_sources`), so serve never
watches less than a build reads; an archive.yml, which may come or go beside them, is looked at once a
second. Where the file system gives no events (some network and container mounts), or the watcher
cannot start, every input is looked at once a second instead, as `input_fingerprint` does.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from builder.config import CONFIG_FILE
from builder.engine.state import BuildOptions, input_files, input_sources

# Events closer than this (ms) are one change: an editor's save is often a write, then a rename.
STEP_MS = 50
POLL_SECONDS = 1.0


def input_fingerprint(options: BuildOptions) -> tuple:
    """(path, size, mtime) of every file a build reads; changes when an input does (or comes or goes),
    and when an `archive.yml` appears where a build would look for one."""
    files = []
    for name in _watched_names(options):
        stat = _stat(name)
        if stat is not None:  # removed since it was listed: the next look sees it gone
            files.append((name, *stat))
    return tuple(files)


def _watched_names(options: BuildOptions) -> list[str]:
    names = input_files(options)
    if options.config_file is None:
        names.append(CONFIG_FILE)  # none yet: a build run here would take one written now
    return names


def _stat(name: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(name)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


class InputWatcher:
    """Every input's (size, mtime_ns) as last seen, kept up to date by the file system's events."""

    def __init__(self, options: BuildOptions):
        self.options = options
        self.sources = input_sources(options)
        self.seen: dict[str, tuple[int, int]] = {}
        self.look_again()

    def look_again(self) -> None:
        """Stat every input (at the start, and when the options change where the inputs are)."""
        self.seen = self._look()

    def _look(self) -> dict[str, tuple[int, int]]:
        return {name: (size, mtime) for name, size, mtime in input_fingerprint(self.options)}

    def retarget(self, options: BuildOptions) -> None:
        """Watch for another set of options (archive.yml read again); look at every input again only when
        they put the inputs elsewhere."""
        before = self.sources, self.options.config_file
        self.options, self.sources = options, input_sources(options)
        if (self.sources, options.config_file) != before:
            self.look_again()

    def build_inputs(self) -> dict[str, tuple[int, int]]:
        """`seen` as a build reads it: archive.yml only when the options name it (a build run now would
        take one written since serve started only once the options are made again)."""
        if self.options.config_file is not None or CONFIG_FILE not in self.seen:
            return dict(self.seen)
        return {name: stat for name, stat in self.seen.items() if name != CONFIG_FILE}

    def saw(self, names: list[str]) -> bool:
        """Look again at the files `names` (a build's own writes, or what an event named); whether what
        is seen changed."""
        changed = False
        for name in names:
            stat = _stat(name)
            if stat is None:
                changed |= self.seen.pop(name, None) is not None
            elif self.seen.get(name) != stat:
                self.seen[name] = stat
                changed = True
        return changed

    def changes(self, stop: threading.Event) -> Iterator[None]:
        """Yield each time an input changed (came, went, or got another size or mtime), until `stop` is set.
        The inputs changed during the caller's work after a yield are reported at the next."""
        try:
            from watchfiles import watch
        except ImportError:
            yield from self._polled(stop)
            return
        roots = self._roots()
        try:
            events = watch(*roots, watch_filter=None, step=STEP_MS, stop_event=stop, yield_on_timeout=True,
                           rust_timeout=int(POLL_SECONDS * 1000), raise_interrupt=False)
            for batch in events:
                names = [name for _, path in batch if (name := self._input_named(path)) is not None]
                config = [self.options.config_file or CONFIG_FILE]
                if self.saw(names) | self.saw([str(c) for c in config]):
                    yield None
        except (OSError, RuntimeError) as exc:  # no events here (a watch limit, a mount without them)
            print(f"serve: watching the inputs by their events failed ({exc}); looking at them once a second",
                  file=sys.stderr)
            yield from self._polled(stop)

    def _roots(self) -> list[str]:
        """The folders to watch, each once: a folder inside another is watched with it."""
        folders = sorted({os.path.abspath(source.folder) for source in self.sources
                          if Path(source.folder).is_dir()} | {os.path.abspath(self.options.content)})
        roots: list[str] = []
        for folder in folders:
            if not any(folder.startswith(root + os.sep) for root in roots) and os.path.isdir(folder):
                roots.append(folder)
        return roots

    def _input_named(self, path: str) -> str | None:
        for source in self.sources:
            name = source.name_of(path)
            if name is not None:
                return name
        return None

    def _polled(self, stop: threading.Event) -> Iterator[None]:
        while not stop.wait(POLL_SECONDS):
            now = self._look()
            if now != self.seen:
                self.seen = now
                yield None
