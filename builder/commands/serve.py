"""`python -m builder serve`: preview the site on localhost, rebuilding on change; the open browser
reloads by itself.

Serve is a resident build: it keeps the registry (read again only when a registry page changes), the
annotator compiled from it, and every input's hash between its builds (`builder.engine.build.Resident`),
so a save costs the work its change reaches. A rebuild publishes in steps (`publish_in_steps`): the
pages of the edited article first, then the other pages it reaches, then the search index. Each page
served as HTML gets one script (`/__serve__/reload.js`, from this server only, never in site/), which
listens for a "built" event on `/__serve__/events` after each of those commits, and reloads when its
own URL is among the ones the commit changed.

The inputs are watched through the file system's events (`builder.commands.watch`):
every file a build reads (seeds, every registry folder, templates, our code),
from the build's own list (`state.input_sources`), so serve can never watch less
than the build reads, and an `archive.yml` written after serve started. A change
triggers a build, which starts from what the watcher saw rather than look at
every input again; the files a build writes into `content/` itself start none.
The build swaps the new `site/` in only when it is complete,
so a reader never sees a half-written page: requests are answered from `site/`
(never from the staging folder), and a request that falls in the instant
between the two renames of the swap waits for the new `site/` instead of
getting a 404; a page that is not there gets the site's 404.html. A failed
rebuild is reported and the last good site stays.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from builder.commands.watch import InputWatcher
from builder.console import report_warnings
from builder.engine.build import Resident, build
from builder.engine.progress import Progress
from builder.engine.state import BuildOptions
from builder.model import BuildError, BuildErrors


SWAP_WAIT_SECONDS = 5.0
# A "built" event's data: the URLs a commit wrote or deleted (JSON), or "*" for too many to list. An open page
# reloads when its own URL is among them.
RELOAD_SCRIPT = b"""new EventSource("/__serve__/events").addEventListener("built", (event) => {
  const changed = JSON.parse(event.data);
  const here = decodeURI(location.pathname).replace(/index\\.html$/, "");
  if (changed === "*" || changed.includes(here)) location.reload();
});
"""
EVENT_URLS_MAX = 2000  # a commit of more files says "*": every open page reloads
RELOAD_TAG = b'<script src="/__serve__/reload.js" defer></script>'


class Builds:
    """How many commits serve's builds have made into site/, and what each changed; open pages wait on
    it to reload (a rebuild commits in steps: the edited article's pages, the other pages, the search
    index)."""

    KEPT = 64  # the last commits' events, for a page that reconnects

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()
        self.events: dict[int, bytes] = {}

    def published(self, paths: list[str] | None = None) -> None:
        """A commit wrote or deleted `paths` of site/ (None: unknown, every page should reload)."""
        data = b'"*"' if paths is None or len(paths) > EVENT_URLS_MAX else \
            json.dumps(sorted({_url(path) for path in paths}), ensure_ascii=False).encode("utf-8")
        with self.changed:
            self.count += 1
            self.events[self.count] = data
            self.events.pop(self.count - self.KEPT, None)
            self.changed.notify_all()

    def event(self, number: int) -> bytes:
        return self.events.get(number, b'"*"')

    def wait_past(self, count: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.count > count, timeout)
            return self.count


def _url(path: str) -> str:
    """The URL path serve answers for a file of site/ (`articles/x/index.html` -> `/articles/x/`)."""
    path = path.rstrip("/")
    return "/" + (path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path)


def _with_reload(page: bytes) -> bytes:
    at = page.rfind(b"</body>")
    return page[:at] + RELOAD_TAG + page[at:] if at >= 0 else page + RELOAD_TAG


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the published `site/` folder only; waits out the swap of a rebuild; tells open pages to
    reload when a build is published."""

    builds: Builds | None = None  # set by `serve`; None: no reloading (a plain preview)

    def do_GET(self):  # noqa: N802 - the base class's name
        if self.builds is not None and self.path == "/__serve__/reload.js":
            return self._send(200, "text/javascript; charset=utf-8", RELOAD_SCRIPT)
        if self.builds is not None and self.path == "/__serve__/events":
            return self._events()
        return super().do_GET()

    def send_head(self):
        # publish() renames the old site/ away, then the new one in: between the
        # two, the folder is missing for an instant. Wait for it, don't 404.
        deadline = time.monotonic() + SWAP_WAIT_SECONDS
        while not os.path.isdir(self.directory) and time.monotonic() < deadline:
            time.sleep(0.01)
        if self.builds is not None:
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                if not self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
                    return super().send_head()  # the base class redirects to the folder's URL with a slash
                path = os.path.join(path, "index.html")
            if path.endswith(".html") and os.path.isfile(path):
                return self._html_with_reload(path)
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the site's own 404 page (as GitHub Pages serves it), not the server's."""
        page = os.path.join(self.directory, "404.html")
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as handle:
            body = handle.read()
        if self.builds is not None:
            body = _with_reload(body)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _html_with_reload(self, path: str):
        with open(path, "rb") as handle:
            body = _with_reload(handle.read())
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: one "built" event after each commit into site/ from now on."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.builds.count
        try:
            self.wfile.write(b": serving\n\n")
            self.wfile.flush()
            while True:
                now = self.builds.wait_past(seen, timeout=15)
                if now == seen:
                    self.wfile.write(b": still here\n\n")
                for number in range(seen + 1, now + 1):
                    self.wfile.write(b"event: built\ndata: %s\n\n" % self.builds.event(number))
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if "/__serve__/" not in self.path:
            sys.stderr.write("serve: " + format % args + "\n")


def rebuild(options: BuildOptions, progress: Callable[[], Progress] = Progress, resident: Resident | None = None,
            builds: Builds | None = None) -> list[str] | None:
    """Build; report a failure and go on (None). `progress` makes the build's progress reporter. Returns
    the files of content/ the build wrote itself (inputs too: an article page, a proposed entity's page)."""
    started = time.perf_counter()
    try:
        with progress() as reporter:
            result = build(options, progress=reporter, resident=resident,
                           on_publish=builds.published if builds is not None else None)
    except BuildErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        print("serve: build failed; still serving the last good site", file=sys.stderr)
        return None
    except BuildError as exc:
        print(exc, file=sys.stderr)
        print("serve: build failed; still serving the last good site", file=sys.stderr)
        return None
    except Exception:  # a bug in the builder must not stop the watcher: show it, keep serving
        traceback.print_exc()
        print("serve: build crashed (a bug: please report it); still serving the last good site", file=sys.stderr)
        return None
    report_warnings(result.warnings, verbose=False)
    live = result.published_after if result.published_after is not None else time.perf_counter() - started
    first = f"the edited article's page after {result.first_published_after:.2f} s, " \
        if result.first_published_after is not None and result.first_published_after < live else ""
    print(f"serve: built {len(result.pages)} pages from {result.article_count} articles "
          f"({len(result.written)} written; {first}pages live after {live:.2f} s, done after "
          f"{time.perf_counter() - started:.2f} s)", file=sys.stderr)
    wrote = [str(path) for path in result.content_changed]
    result.close()
    return wrote


def _rebuild_from(watcher: InputWatcher, options: BuildOptions, progress, resident: Resident, builds: Builds) -> None:
    """Rebuild from the inputs as `watcher` sees them; the files the build wrote into content/ itself
    (inputs too: an article page, a proposed entity's page) are then seen as written, no change to
    build again for."""
    resident.seen = watcher.build_inputs()  # the build starts from this look rather than take its own
    wrote = rebuild(options, progress, resident, builds)
    if wrote is not None:
        watcher.saw(wrote)


def serve(options: BuildOptions, host: str = "127.0.0.1", port: int = 8000,
          progress: Callable[[], Progress] = Progress, reload: Callable[[], BuildOptions] | None = None) -> None:
    """Build, serve `options.out` and rebuild on every change of an input. `reload`: the options made
    again (archive.yml read and validated again, the flags over it), called before each rebuild so that
    an edit to archive.yml takes effect; when it raises, the errors are shown and the last site stays."""
    options = dataclasses.replace(options, publish_in_steps=True)
    resident = Resident()
    builds = Builds()
    # Looked at before the first build, not when the watching starts: an edit made meanwhile is seen.
    watcher = InputWatcher(options)
    _rebuild_from(watcher, options, progress, resident, builds)
    out = Path(options.out).resolve()
    handler = functools.partial(type("ServeHandler", (SiteHandler,), {"builds": builds}), directory=str(out))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    stop = threading.Event()

    def watch() -> None:
        nonlocal options
        for _ in watcher.changes(stop):
            if reload is not None:
                try:
                    options = dataclasses.replace(reload(), publish_in_steps=True)
                except (BuildError, BuildErrors) as exc:
                    for error in exc.errors if isinstance(exc, BuildErrors) else [exc]:
                        print(error, file=sys.stderr)
                    print("serve: archive.yml has errors; still serving the last good site", file=sys.stderr)
                    continue
                watcher.retarget(options)
            _rebuild_from(watcher, options, progress, resident, builds)

    threading.Thread(target=watch, daemon=True).start()
    print(f"serve: http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
