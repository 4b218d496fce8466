"""The bench's measure of `serve`: one resident build process, an article edited, the time until the
rebuilt pages are in site/ (before the search index catches up).

`python -m builder.bench.resident RUNS` in an archive folder that holds a built site (seeds/, content/,
site/, .cache/) prints one line per run: `resident: <seconds until the pages were published> <seconds
until the build finished>`. The first build of the process (warming up the registry, the annotator and
the inputs' records) is not measured, as `serve` pays it once when it starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from builder.bench.synthetic import touch_article
from builder.engine.build import Resident, build
from builder.engine.state import BuildOptions


def main(runs: int) -> None:
    options = BuildOptions(seeds=Path("seeds"), content=Path("content"), out=Path("site"), search_after_pages=True)
    resident = Resident()
    build(options, resident=resident).close()
    for _ in range(runs):
        touch_article(Path("."))
        result = build(options, resident=resident)
        result.close()
        print(f"resident: {result.published_after:.3f} {result.timings['total']:.3f}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
