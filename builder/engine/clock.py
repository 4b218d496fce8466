"""The running build's stopwatch and progress reporter, which every step of the engine reports to.

`build()` starts a new `Stopwatch` and hands in its `Progress` (`start`); the steps time themselves with
`clock.CLOCK.stage(name)` and count with `clock.PROGRESS.stage(...)`, read from this module when they run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager

from builder.engine.progress import Progress


class Stopwatch:
    """Wall seconds spent in each stage of one build (`build --timings` prints them; the bench reads
    them). A stage timed inside another counts for itself only, so the stages add up to the build."""

    def __init__(self, on_publish: Callable[[list[str]], None] | None = None):
        self.started = time.perf_counter()
        self.published: float | None = None  # seconds from the start until the pages were in site/
        self.first_published: float | None = None  # ... until the first of them were (`publish_in_steps`)
        self.seconds: dict[str, float] = {}
        self._inner = 0.0  # seconds of the stages timed inside the one running
        self._on_publish = on_publish

    def committed(self, paths: list[str], pages: bool = True) -> None:
        """A commit put `paths` into site/ (`pages`: site pages, not only the search index): timed, and
        told to whoever asked (`serve`, whose open pages reload)."""
        now = time.perf_counter() - self.started
        if pages:
            self.published = now
            if self.first_published is None:
                self.first_published = now
        if self._on_publish is not None:
            self._on_publish(paths)

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        outer, self._inner = self._inner, 0.0
        try:
            yield
        finally:
            spent = time.perf_counter() - start
            self.seconds[name] = self.seconds.get(name, 0.0) + spent - self._inner
            self._inner = outer + spent


CLOCK = Stopwatch()  # the running build's
PROGRESS = Progress()  # the running build's reporter (`builder.engine.progress`): shows nothing unless handed one


def start(progress: Progress | None, on_publish: Callable[[list[str]], None] | None = None) -> Stopwatch:
    """A new build starts: a new stopwatch, and its reporter (a silent one when none is handed in);
    `on_publish(paths)` is called after each commit into site/ with the paths it wrote or deleted."""
    global CLOCK, PROGRESS
    CLOCK = Stopwatch(on_publish)
    PROGRESS = progress if progress is not None else Progress()
    return CLOCK


def stop() -> None:
    global PROGRESS
    PROGRESS = Progress()
