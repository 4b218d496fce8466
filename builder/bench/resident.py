"""The bench's measure of `serve`: an article saved in an archive that one resident build process watches,
timed from the save until the rebuilt pages are in site/ (before the search index catches up).

`python -m builder.bench.resident RUNS` in an archive folder that holds a built site (seeds/, content/,
site/, .cache/) prints one line per run: `resident: <seconds from the save until the edited article's page
was published> <until every page was> <until the build finished>`. It runs what `serve` runs: the watcher
(`builder.commands.watch.InputWatcher`) hears the save, and the build starts from what it saw and publishes
in steps (`BuildOptions.publish_in_steps`); only the HTTP server is left out. The first build of the process
(warming up the registry, the annotator and the inputs' records) is not measured, as `serve` pays it once
when it starts.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from builder.bench.synthetic import touch_article
from builder.commands.watch import InputWatcher
from builder.engine.build import Resident, build
from builder.engine.state import BuildOptions

SETTLE_SECONDS = 0.3  # between a build and the next save: the watcher is listening again


def main(runs: int) -> None:
    options = BuildOptions(seeds=Path("seeds"), content=Path("content"), out=Path("site"), publish_in_steps=True)
    resident = Resident()
    watcher = InputWatcher(options)
    resident.seen = watcher.build_inputs()
    first_build = build(options, resident=resident)
    watcher.saw([str(path) for path in first_build.content_changed])
    first_build.close()
    stop = threading.Event()
    changes = watcher.changes(stop)
    saved: list[float] = []

    def save() -> None:
        touch_article(Path("."))
        saved.append(time.perf_counter())

    for _ in range(runs):
        threading.Timer(SETTLE_SECONDS, save).start()
        next(changes)
        resident.seen = watcher.build_inputs()
        started = time.perf_counter()
        result = build(options, resident=resident)
        watcher.saw([str(path) for path in result.content_changed])
        result.close()
        since = started - saved[-1]
        first = result.first_published_after if result.first_published_after is not None else result.published_after
        print(f"resident: {since + first:.3f} {since + result.published_after:.3f} "
              f"{since + result.timings['total']:.3f}", file=sys.stderr, flush=True)
    stop.set()


if __name__ == "__main__":
    main(int(sys.argv[1]))
