"""What a long build is doing while it does it: the progress reporter a build is handed.

The engine opens a *stage* where it knows what is coming (the map: articles of N; the render: pages
of N; the search: bundles of N; the publish: files of N) and advances the stage's counter as results
come back to the parent process; a counter increment is all an article or a page costs. What is
shown, and when, is the reporter's business:

- `Progress` shows nothing: tests, tools, `--quiet`.
- `PlainProgress`, for logs and CI (stderr is not a terminal): one line per stage when it ends,
  with its count and seconds, and in a long stage a line when another tenth is done, at most one
  every `INTERVAL` seconds, so never a flood. A build that is over within `DELAY` seconds prints
  nothing; past that, the lines of the stages already done come first.
- `LiveProgress`, on a terminal: rich's progress bars (done of N, elapsed, time left), shown once
  the build has run `DELAY` seconds, redrawn by rich on a thread of its own (which reads the
  counters: the engine never waits on the display) and cleared when the build ends.

`reporter()` picks one of them for the command line.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Self, TextIO

DELAY = 2.0  # seconds a build runs before anything is shown: a short build prints nothing extra
INTERVAL = 5.0  # seconds at least between two lines of one stage in plain output
_NEVER = sys.maxsize


class Step:
    """One stage's counter: the engine advances it, the reporter reads it."""

    __slots__ = ("check_at", "done", "last_done", "last_line", "name", "owner", "seconds", "started", "task",
                 "total", "what")

    def __init__(self, owner: Progress, name: str, what: str, total: int | None, now: float):
        self.owner = owner
        self.name = name
        self.what = what  # what is counted, e.g. "articles mapped"; "" for a stage without a count
        self.total = total
        self.done = 0
        self.started = now
        self.seconds = 0.0  # spent in the stage, over every time it was entered
        self.check_at = _NEVER  # the count at which the reporter wants to look again (`PlainProgress`)
        self.task = None  # the reporter's own handle (a rich task id)
        self.last_line = now
        self.last_done = 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.done >= self.check_at:
            self.owner._checkpoint(self)

    def add(self, more: int) -> None:
        """More to do in this stage than it was opened with (another round of the map)."""
        self.total = (self.total or 0) + more
        self.owner._grown(self)


class Progress:
    """A reporter that shows nothing; the base of the others (it keeps the stages and their counters)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.started = clock()
        self.steps: dict[str, Step] = {}

    @contextmanager
    def stage(self, name: str, total: int | None = None, what: str = "") -> Iterator[Step]:
        """Open the stage `name` (with `total` things to do, counted as `what`), yield its counter;
        the stage ends when the block does. A stage opened again goes on counting where it stopped,
        its total grown by `total`."""
        now = self.clock()
        step = self.steps.get(name)
        if step is None:
            step = self.steps[name] = Step(self, name, what, total, now)
        else:
            if total is not None:
                step.add(total)
            step.started = now
        self._begin(step)
        yield step  # a stage stopped by an exception has not ended: the reporter is closed next
        step.seconds += self.clock() - step.started
        self._end(step)

    def close(self) -> None:
        """The build is over (or stopped): put the display away."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # What a reporter does at each event; nothing here.
    def _begin(self, step: Step) -> None:
        pass

    def _end(self, step: Step) -> None:
        pass

    def _grown(self, step: Step) -> None:
        pass

    def _checkpoint(self, step: Step) -> None:
        step.check_at = _NEVER


def _count(n: int) -> str:
    return f"{n:,}"


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, seconds = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


class PlainProgress(Progress):
    """Lines for a log: a stage's count and seconds when it ends, and now and then in a long one."""

    def __init__(self, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic,
                 delay: float | None = None, interval: float | None = None):
        super().__init__(clock)
        self.stream = stream if stream is not None else sys.stderr
        self.delay = DELAY if delay is None else delay
        self.interval = INTERVAL if interval is None else interval
        self._held: list[str] = []  # lines of the first `delay` seconds, printed if the build goes on
        self._closed = False
        self._lock = threading.Lock()  # a stage may be advanced from a thread of a worker pool

    def _begin(self, step: Step) -> None:
        step.last_line, step.last_done = step.started, step.done
        self._look_again(step)

    def _grown(self, step: Step) -> None:
        self._look_again(step)

    def _look_again(self, step: Step) -> None:
        # Look at the clock again after another hundredth of the stage: a tenth done since the last
        # line is worth a line if the last one is `interval` seconds old.
        step.check_at = step.done + max(1, (step.total or 0) // 100) if step.total else _NEVER

    def _checkpoint(self, step: Step) -> None:
        now = self.clock()
        if step.done < step.total and (step.done - step.last_done) * 10 >= step.total \
                and now - step.last_line >= self.interval:  # (at the end, the stage's own line says it)
            step.last_line, step.last_done = now, step.done
            seconds = now - step.started
            left = seconds / step.done * (step.total - step.done) if step.done else 0.0
            self._say(f"{step.name}: {_count(step.done)} of {_count(step.total)} {step.what} "
                      f"({step.done * 100 // step.total}%), {_duration(seconds)} so far, "
                      f"about {_duration(left)} left", now)
        self._look_again(step)

    def _end(self, step: Step) -> None:
        step.check_at = _NEVER
        if not step.what:
            line = f"{step.name}: done in {_duration(step.seconds)}"
        elif step.total is not None and step.done != step.total:
            line = f"{step.name}: {_count(step.done)} of {_count(step.total)} {step.what} in {_duration(step.seconds)}"
        else:
            line = f"{step.name}: {_count(step.done)} {step.what} in {_duration(step.seconds)}"
        self._say(line, self.clock())

    def _say(self, line: str, now: float) -> None:
        with self._lock:
            if self._closed:
                return
            if now - self.started < self.delay:
                self._held.append(line)
                return
            lines, self._held = [*self._held, line], []
            self._write(lines)

    def _write(self, lines: list[str]) -> None:
        try:
            self.stream.write("".join(f"{line}\n" for line in lines))
            self.stream.flush()
        except (OSError, ValueError):  # a closed pipe: the build goes on without its log
            pass

    def close(self) -> None:
        with self._lock:
            if not self._closed and self._held and self.clock() - self.started >= self.delay:
                self._write(self._held)
            self._held = []
            self._closed = True


# --- on a terminal: rich ------------------------------------------------------------------------

_SHOWN: list[LiveProgress] = []  # live reporters not closed yet (for the fork guard below)


def _hold_displays() -> None:
    """Before a fork (the map's and the render's worker pools): wait until no display is being drawn
    and keep it from starting, so no worker is born holding a lock of stderr that a drawing held."""
    for live in _SHOWN:
        live._live_lock.acquire()


def _release_displays() -> None:
    for live in reversed(list(_SHOWN)):
        try:
            live._live_lock.release()
        except RuntimeError:  # not held (the list changed in between): nothing to give back
            pass


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_hold_displays, after_in_parent=_release_displays,
                        after_in_child=_release_displays)


class LiveProgress(Progress):
    """rich's progress bars on a terminal, one row per stage, shown after `delay` seconds."""

    def __init__(self, console=None, clock: Callable[[], float] = time.monotonic, delay: float | None = None,
                 refresh_per_second: float = 5):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            ProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as Bars
        from rich.text import Text

        super().__init__(clock)
        reporter = self

        class _Bars(Bars):
            def get_renderables(self):
                reporter._sync()  # on rich's thread: read the counters the engine advanced
                yield from super().get_renderables()

        class _Left(ProgressColumn):
            def render(self, task):  # "about 1 min 50 s left" while a counted stage runs
                if task.finished or task.total is None or task.time_remaining is None or task.stop_time:
                    return Text("")
                return Text(f"about {_duration(task.time_remaining)} left", style="progress.remaining")

        self.console = console if console is not None else Console(stderr=True)
        self.bars = _Bars(TextColumn("{task.description:<8}"), BarColumn(bar_width=30),
                          TextColumn("{task.fields[count]}"), TimeElapsedColumn(), _Left(),
                          console=self.console, transient=True, refresh_per_second=refresh_per_second,
                          get_time=clock)
        self._live_lock = self.bars.live._lock  # held while rich draws; see `_hold_displays`
        self._lock = threading.Lock()
        self._shown = False
        self._closed = False
        _SHOWN.append(self)
        self._timer = threading.Timer(DELAY if delay is None else delay, self._show)
        self._timer.daemon = True
        self._timer.start()

    def _show(self) -> None:
        with self._lock:
            if not self._closed and not self._shown:
                self._shown = True
                self.bars.start()

    def _begin(self, step: Step) -> None:
        if step.task is None:
            step.task = self.bars.add_task(step.name, total=step.total, count=self._count_text(step))
        else:  # a stage opened again
            self.bars.reset(step.task, total=step.total, completed=step.done, count=self._count_text(step))

    def _end(self, step: Step) -> None:
        if step.total is None:  # a stage without a count: shown full when done
            self.bars.update(step.task, total=1, completed=1)
        else:
            self.bars.update(step.task, total=step.total, completed=step.done, count=self._count_text(step))
        self.bars.stop_task(step.task)

    @staticmethod
    def _count_text(step: Step) -> str:
        if not step.what or step.total is None:  # not known yet (the publish knows at its end)
            return ""
        return f"{_count(step.done)} of {_count(step.total)} {step.what}"

    def _sync(self) -> None:
        for step in list(self.steps.values()):
            if step.task is not None and step.total is not None:
                self.bars.update(step.task, total=step.total, completed=step.done, count=self._count_text(step))

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._timer.cancel()
            if self._shown:
                self.bars.stop()
        if self in _SHOWN:
            _SHOWN.remove(self)


def reporter(quiet: bool = False, stream: TextIO | None = None) -> Progress:
    """The reporter for the command line: none with `quiet`, rich's bars when `stream` (stderr) is a
    terminal, plain lines when it is a file or a pipe (a log, CI)."""
    if quiet:
        return Progress()
    stream = stream if stream is not None else sys.stderr
    try:
        terminal = stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        terminal = False
    if terminal:
        from rich.console import Console

        return LiveProgress(Console(file=stream))
    return PlainProgress(stream)


class Stopwatch:
    """Wall seconds spent in each stage of one build (`build --timings` prints them; the bench reads
    them). A stage timed inside another counts for itself only, so the stages add up to the build."""

    def __init__(self):
        self.started = time.perf_counter()
        self.published: float | None = None  # seconds from the start until the pages were in site/
        self.seconds: dict[str, float] = {}
        self._inner = 0.0  # seconds of the stages timed inside the one running

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
