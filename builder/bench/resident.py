"""The bench's measure of `serve`: one resident build process, an article edited, the time until the
rebuilt pages are in site/ (before the search index catches up).

`python -m builder.bench.resident RUNS` in an archive folder that holds a built site (seeds/, content/,
site/, .cache/) prints one line per run: `resident: <seconds until the edited article's page was
published> <seconds until every page was> <seconds until the build finished>` (serve publishes in steps:
`BuildOptions.publish_in_steps`). The first build of the process (warming up the registry, the annotator and
the inputs' records) is not measured, as `serve` pays it once when it starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from builder.bench.synthetic import touch_article
from builder.engine.build import Resident, build
from builder.engine.state import BuildOptions


def main(runs: int) -> None:
    options = BuildOptions(seeds=Path("seeds"), content=Path("content"), out=Path("site"), publish_in_steps=True)
    resident = Resident()
    build(options, resident=resident).close()
    for _ in range(runs):
        touch_article(Path("."))
        result = build(options, resident=resident)
        result.close()
        first = result.first_published_after if result.first_published_after is not None else result.published_after
        print(f"resident: {first:.3f} {result.published_after:.3f} {result.timings['total']:.3f}", file=sys.stderr,
              flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
