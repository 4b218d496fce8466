"""`python -m builder serve`: serves the site over HTTP and rebuilds when an input changes."""

from __future__ import annotations

import json

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from helpers import builder_env

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


def _serve_one_seed(tmp_path: Path, content: Path) -> tuple[Path, int, subprocess.Popen]:
    """`serve` started on a folder of one seed: (the seed folder, the port, the server process)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "000_d0e993820bacc527.txt", seeds)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--seeds", str(seeds), "--content", str(content),
         "--out", str(tmp_path / "site"), "--port", str(port)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=builder_env())
    return seeds, port, server


def test_serve_previews_the_site_and_rebuilds_when_a_seed_changes(tmp_path, content_copy):
    seeds, port, server = _serve_one_seed(tmp_path, content_copy)
    try:
        home = _wait_for(lambda: _get(f"http://127.0.0.1:{port}/"))
        assert home is not None and "Consulate General of Việt Nam" in home
        (seeds / "new.txt").write_text(" date 2026-03-01 HÀ NỘI — Prime Minister Phạm Minh Chính met "
                                       "investors on Monday.\x07 — VNS\n", encoding="utf-8")
        articles = _wait_for(lambda: (page := _get(f"http://127.0.0.1:{port}/articles/")) and
                             "PM Phạm Minh Chính met investors" in page and page)
        assert articles is not None, "the new article never appeared"
        # A missing page is the site's own 404 page, with a 404 status.
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no-such-page/", timeout=5)
        assert missing.value.code == 404
        assert (tmp_path / "site" / "404.html").read_bytes()[:200] in missing.value.read()
        time.sleep(2.5)  # polls enough to see the article page the build wrote into content/
        # A broken seed keeps the last good site online.
        (seeds / "bad.txt").write_text(" date 2026-02-30 HÀ NỘI — Text. — VNS\n", encoding="utf-8")
        time.sleep(2.5)
        assert "PM Phạm Minh Chính met investors" in (_get(f"http://127.0.0.1:{port}/articles/") or "")
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert "bad.txt:1: header date '2026-02-30' is not a real YYYY-MM-DD date" in stderr
    assert "warning: " in stderr and "new.txt:1: control character U+0007" in stderr  # a build's warnings are shown
    # One build at the start and one for the new seed: the article page the build wrote into content/
    # (an input) is not a change to build again for.
    assert stderr.count("serve: built ") == 2, stderr
    assert "Traceback" not in stderr


def test_serve_rebuilds_when_a_place_page_changes_and_tells_the_open_page_to_reload(tmp_path, content_copy):
    """serve watches every input the build reads, from the no-op check's list: organisation and place
    pages too, not only people and mechanisms; an open page hears of the new build and reloads."""
    seeds, port, server = _serve_one_seed(tmp_path, content_copy)
    try:
        place = _wait_for(lambda: _get(f"http://127.0.0.1:{port}/places/chongqing/"))
        assert place is not None and "Chongqing" in place
        assert "Yangtze" not in place
        # The page as served asks for the reload script; the page in site/ does not carry it.
        assert '<script src="/__serve__/reload.js" defer></script></body>' in place
        assert "__serve__" not in (tmp_path / "site" / "places" / "chongqing" / "index.html").read_text("utf-8")
        assert "EventSource" in (_get(f"http://127.0.0.1:{port}/__serve__/reload.js") or "")
        events = urllib.request.urlopen(f"http://127.0.0.1:{port}/__serve__/events", timeout=60)
        assert events.readline().startswith(b": serving")
        page = content_copy / "places" / "chongqing.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nA municipality on the Yangtze.\n", encoding="utf-8")
        # An event after each commit of the rebuild, with the URLs it changed: this page's among them.
        urls: list = []
        while "/places/chongqing/" not in urls:
            line = events.readline()
            assert line, "the events stream closed before the page was published"
            if line.startswith(b"event: built"):
                urls = json.loads(events.readline().decode("utf-8").removeprefix("data: "))
                assert urls != "*", "one place page changed, yet every open page was told to reload"
        events.close()
        changed = _get(f"http://127.0.0.1:{port}/places/chongqing/")
        assert changed is not None and "A municipality on the Yangtze." in changed
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    # (The rebuild's own line may not be printed yet: the page is published before its search index.)
    assert "Traceback" not in stderr


def test_serve_takes_a_new_or_edited_archive_yml_and_keeps_the_last_site_when_it_is_invalid(tmp_path,
                                                                                            content_copy):
    """archive.yml is read again when it comes or changes: a new title shows on the next build; a value
    it cannot take is reported with its line, and the site built before stays online."""
    config = tmp_path / "archive.yml"
    seeds, port, server = _serve_one_seed(tmp_path, content_copy)
    try:
        assert _wait_for(lambda: "Archive" in (_get(f"http://127.0.0.1:{port}/") or ""))
        config.write_text("title: First Archive\n", encoding="utf-8")  # none when serve started
        assert _wait_for(lambda: "First Archive" in (_get(f"http://127.0.0.1:{port}/") or "")), \
            "an archive.yml written after serve started was never read"
        config.write_text("title: Second Archive\n", encoding="utf-8")
        assert _wait_for(lambda: "Second Archive" in (_get(f"http://127.0.0.1:{port}/") or "")), \
            "the edited title never showed"
        config.write_text("title: Third Archive\nsearch: perhaps\n", encoding="utf-8")
        time.sleep(2.5)
        home = _get(f"http://127.0.0.1:{port}/") or ""
        assert "Second Archive" in home and "Third Archive" not in home
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=10)
    assert "archive.yml:2: search: must be true or false" in stderr
    assert "serve: archive.yml has errors; still serving the last good site" in stderr
    assert "Traceback" not in stderr


def test_serve_watches_the_files_the_no_op_check_hashes_and_an_archive_yml_to_come(tmp_path, content_copy,
                                                                                    monkeypatch):
    from builder.commands.watch import input_fingerprint
    from builder.engine.state import BuildOptions, input_files

    monkeypatch.chdir(tmp_path)
    options = BuildOptions(seeds=ROOT / "seeds", content=content_copy)
    watched = [name for name, _, _ in input_fingerprint(options)]
    assert watched == input_files(options)
    (tmp_path / "archive.yml").write_text("title: Later\n", encoding="utf-8")
    assert [name for name, _, _ in input_fingerprint(options)] == [*watched, "archive.yml"]
    for folder in ("people", "mechanisms", "organisations", "places"):
        assert any(Path(name).parent == content_copy / folder for name in watched), folder


def test_the_watcher_hears_a_save_at_once_and_not_the_builds_own_writes_nor_other_files(tmp_path):
    """serve learns of a save from the file system's events, not a poll, and keeps what it saw for the
    build; a file the build wrote itself (seen as written) and a file no build reads start nothing."""
    import threading

    from builder.commands.watch import InputWatcher
    from builder.engine.state import BuildOptions

    seeds, content = tmp_path / "seeds", tmp_path / "content"
    for folder in (seeds, content / "people", content / "articles"):
        folder.mkdir(parents=True)
    shutil.copy(ROOT / "seeds" / "000_d0e993820bacc527.txt", seeds)
    options = BuildOptions(seeds=seeds, content=content)
    watcher = InputWatcher(options)
    assert str(seeds / "000_d0e993820bacc527.txt") in watcher.seen
    stop = threading.Event()
    changes = watcher.changes(stop)
    saved = seeds / "new.txt"
    threading.Timer(0.5, lambda: saved.write_text(" date 2026-03-01 HÀ NỘI — Text. — VNS", encoding="utf-8")).start()
    started = time.monotonic()
    next(changes)
    assert time.monotonic() - started < 0.5 + 0.9, "the save was seen no sooner than a poll would have"
    assert watcher.seen[str(saved)] == (saved.stat().st_size, saved.stat().st_mtime_ns)
    # While the build runs (the watcher waits for it), it writes an article page, an input it reads back.
    page = content / "articles" / "2026-03-01-text.md"
    page.write_text("---\ntitle: Text\n---\nText.\n", encoding="utf-8")
    watcher.saw([str(page)])
    (content / "timeline.md").write_text("# Timeline\n", encoding="utf-8")  # written by a build, never read
    (tmp_path / "notes.txt").write_text("not an input\n", encoding="utf-8")
    threading.Timer(1.5, stop.set).start()
    assert next(changes, "stopped") == "stopped", "a file the build wrote, or no build reads, started a build"
    assert str(content / "timeline.md") not in watcher.seen
