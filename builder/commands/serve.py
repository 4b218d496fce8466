"""`python -m builder serve`: preview the site on localhost, rebuilding on change.

The inputs are polled once a second by their sizes and modification times:
every file a build reads (seeds, every registry folder, templates, our code),
from the list the no-op check hashes (`state.input_files`), so serve can never
watch less than the build reads. A change triggers a build, which
swaps the new `site/` in only when it is complete, so a reader never sees a
half-written page: requests are answered from `site/` (never from the staging
folder), and a request that falls in the instant between the two renames of
the swap waits for the new `site/` instead of getting a 404. A failed rebuild
is reported and the last good site stays.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from builder.engine.build import build
from builder.engine.progress import Progress
from builder.engine.state import BuildOptions, input_files
from builder.model import BuildError, BuildErrors


def input_fingerprint(options: BuildOptions) -> tuple:
    """(path, size, mtime) of every file a build reads; changes when an input does (or comes or goes)."""
    files = []
    for name in input_files(options):
        try:
            stat = os.stat(name)
        except OSError:  # removed since it was listed: the next poll sees it gone
            continue
        files.append((name, stat.st_size, stat.st_mtime_ns))
    return tuple(files)


SWAP_WAIT_SECONDS = 5.0


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the published `site/` folder only; waits out the swap of a rebuild."""

    def send_head(self):
        # publish() renames the old site/ away, then the new one in: between the
        # two, the folder is missing for an instant. Wait for it, don't 404.
        deadline = time.monotonic() + SWAP_WAIT_SECONDS
        while not os.path.isdir(self.directory) and time.monotonic() < deadline:
            time.sleep(0.01)
        return super().send_head()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        sys.stderr.write("serve: " + format % args + "\n")


def rebuild(options: BuildOptions, progress: Callable[[], Progress] = Progress) -> bool:
    """Build; report a failure and go on. `progress` makes the build's progress reporter."""
    try:
        with progress() as reporter:
            result = build(options, progress=reporter)
    except BuildErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print("serve: build failed; still serving the last good site", file=sys.stderr)
        return False
    except BuildError as exc:
        print(exc, file=sys.stderr)
        print("serve: build failed; still serving the last good site", file=sys.stderr)
        return False
    except Exception:  # a bug in the builder must not stop the watcher: show it, keep serving
        traceback.print_exc()
        print("serve: build crashed (a bug: please report it); still serving the last good site", file=sys.stderr)
        return False
    print(f"serve: built {len(result.pages)} pages from {len(result.articles)} articles", file=sys.stderr)
    return True


def serve(options: BuildOptions, host: str = "127.0.0.1", port: int = 8000, interval: float = 1.0,
          progress: Callable[[], Progress] = Progress) -> None:
    rebuild(options, progress)
    out = Path(options.out).resolve()
    handler = functools.partial(SiteHandler, directory=str(out))
    server = ThreadingHTTPServer((host, port), handler)
    stop = threading.Event()

    def watch() -> None:
        seen = input_fingerprint(options)
        while not stop.wait(interval):
            now = input_fingerprint(options)
            if now != seen:
                seen = now
                rebuild(options, progress)

    threading.Thread(target=watch, daemon=True).start()
    print(f"serve: http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
