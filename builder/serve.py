"""`python -m builder serve`: preview the site on localhost, rebuilding on change.

The inputs (seeds, registry pages, templates) are polled once a second by
their sizes and modification times; a change triggers a full build, which
swaps the new `site/` in only when it is complete, so a reader never sees a
half-written page. A failed rebuild is reported and the last good site stays.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .build import BuildOptions, build
from .model import BuildError, BuildErrors
from .render import TEMPLATES


def input_fingerprint(options: BuildOptions, templates: Path = TEMPLATES) -> tuple:
    """Sizes and mtimes of every input file; changes when an input does."""
    roots = [Path(options.seeds), Path(options.content) / "people", Path(options.content) / "mechanisms", templates]
    files = []
    for root in roots:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    files.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(files)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        sys.stderr.write("serve: " + format % args + "\n")


def rebuild(options: BuildOptions) -> bool:
    try:
        result = build(options)
    except BuildErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print("serve: build failed; still serving the last good site", file=sys.stderr)
        return False
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return False
    print(f"serve: built {len(result.pages)} pages from {len(result.articles)} articles", file=sys.stderr)
    return True


def serve(options: BuildOptions, host: str = "127.0.0.1", port: int = 8000, interval: float = 1.0) -> None:
    rebuild(options)
    out = Path(options.out).resolve()
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = ThreadingHTTPServer((host, port), handler)
    stop = threading.Event()

    def watch() -> None:
        seen = input_fingerprint(options)
        while not stop.wait(interval):
            now = input_fingerprint(options)
            if now != seen:
                seen = now
                rebuild(options)

    threading.Thread(target=watch, daemon=True).start()
    print(f"serve: http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
