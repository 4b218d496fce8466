"""Builds are reproducible whatever the file-system order, leave the editors' files alone,
and `serve` only ever serves a complete site."""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
import time
import urllib.request
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import site_bytes, tree_bytes

import builder.engine.build
import builder.engine.render
from builder.commands.serve import SiteHandler
from builder.engine.build import BuildOptions, build
from builder.model import ENTITY_KINDS

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_d0e993820bacc527.txt"


def _copy_inputs(dest: Path, reverse: bool) -> tuple[Path, Path]:
    """Seeds and registry copied file by file, in name order or in reverse (so directory order differs)."""
    seeds, content = dest / "seeds", dest / "content"
    seeds.mkdir(parents=True)
    for path in sorted((ROOT / "seeds").glob("*.txt"), reverse=reverse):
        shutil.copy(path, seeds / path.name)
    for folder in [kind.folder for kind in ENTITY_KINDS.values()]:
        (content / folder).mkdir(parents=True)
        for path in sorted((ROOT / "content" / folder).glob("*.md"), reverse=reverse):
            shutil.copy(path, content / folder / path.name)
    return seeds, content


class _ReversedScandir:
    """`os.scandir` listing every folder backwards: a file system with the opposite order."""

    real = staticmethod(os.scandir)

    def __init__(self, path="."):
        self._it = self.real(path)
        self._entries = sorted(self._it, key=lambda entry: entry.name, reverse=True)

    def __iter__(self):
        return iter(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._it.close()


def test_same_inputs_in_any_directory_order_give_byte_identical_output(tmp_path, monkeypatch):
    outputs = []
    for reverse in (False, True):
        if reverse:
            monkeypatch.setattr(os, "scandir", _ReversedScandir)
        seeds, content = _copy_inputs(tmp_path / str(reverse), reverse)
        build(BuildOptions(seeds=seeds, content=content, out=tmp_path / str(reverse) / "site"))
        outputs.append((site_bytes(tmp_path / str(reverse) / "site"), tree_bytes(content / "articles"),
                        (content / "timeline.md").read_bytes()))
    assert outputs[0] == outputs[1]


def test_a_build_leaves_every_seed_and_registry_page_byte_for_byte_and_uses_a_seed_edit(tmp_path):
    seeds, content = _copy_inputs(tmp_path, reverse=False)
    seed = seeds / SEED
    seed.write_text("---\ntitle: An editor's own title\nsource: VNA\n---\n" + seed.read_text(encoding="utf-8"),
                    encoding="utf-8")
    (content / "people" / "to-lam.md").write_text(
        (content / "people" / "to-lam.md").read_text(encoding="utf-8") + "\nAn editor's note, unsaved elsewhere.\n",
        encoding="utf-8")
    editors_files = {p: (p.read_bytes(), p.stat().st_mtime_ns)
                     for p in [*seeds.iterdir(), *(content / "people").iterdir(), *(content / "mechanisms").iterdir()]}
    for _ in range(2):
        result = build(BuildOptions(seeds=seeds, content=content, out=tmp_path / "site"))
        assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in editors_files} == editors_files
    article = next(a for a in result.articles if a.source_file == SEED)
    assert article.title == "An editor's own title" and article.source == "VNA"
    page = (tmp_path / "site" / "articles" / article.id / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>An editor&#39;s own title</h1>", page)
    assert "An editor&#39;s note, unsaved elsewhere." in (tmp_path / "site" / "people" / "to-lam" / "index.html").read_text()


@pytest.fixture
def server(tmp_path):
    """A preview server on a free port, serving tmp_path/site as `serve` does."""
    out = tmp_path / "site"
    out.mkdir()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(out.resolve())))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield out, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_while_a_rebuild_renders_serve_answers_with_the_previous_complete_site(tmp_path, server, monkeypatch):
    out, url = server
    seeds, content = _copy_inputs(tmp_path / "in", reverse=False)
    build(BuildOptions(seeds=seeds, content=content, out=out))
    _, before = _get(url + "articles/")
    seed = seeds / SEED
    seed.write_text("---\ntitle: A retitled article\n---\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")

    seen_mid_build = []
    real_write_annotations = builder.engine.render.write_annotations

    def write_annotations_then_look(site, update):
        # Every changed page of the new site is now on disk, staged beside it, not yet moved in.
        (staging,) = out.parent.glob(f".{out.name}.building-*")
        assert any(staging.rglob("index.html"))
        seen_mid_build.append(_get(url + "articles/"))
        return real_write_annotations(site, update)

    monkeypatch.setattr(builder.engine.render, "write_annotations", write_annotations_then_look)
    build(BuildOptions(seeds=seeds, content=content, out=out))
    assert seen_mid_build == [(200, before)] and "A retitled article" not in before
    status, after = _get(url + "articles/")
    assert status == 200 and "A retitled article" in after


def test_a_request_in_the_instant_of_the_swap_waits_for_the_new_site(tmp_path, server):
    out, url = server
    (out / "index.html").write_text("<p>new site</p>", encoding="utf-8")
    away = tmp_path / "away"
    os.replace(out, away)  # publish(): old site/ renamed away, new one not yet renamed in
    answers = []
    request = threading.Thread(target=lambda: answers.append(_get(url)))
    request.start()
    time.sleep(0.3)  # let the request reach the server while site/ is missing (ordering, not a timing assertion)
    os.replace(away, out)
    request.join(timeout=20)
    assert answers == [(200, "<p>new site</p>")]
