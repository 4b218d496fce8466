"""`python -m builder new DIR`: a new archive that builds at once.

It writes `archive.yml` (every key, commented), `seeds/` with one short example article, the empty
registry folders (`content/people/`, … each with a `.gitkeep`), a `.gitignore` and the GitHub Pages
workflow. It never writes into a folder that exists and holds anything.
"""

from __future__ import annotations

import datetime
import json
import re
import shlex
from pathlib import Path

from builder.console import command
from builder.model import ENTITY_KINDS, BuildError

ARCHIVE_YML = """\
# What the site says about itself. Every key is optional; the build checks them all
# before it starts and names the line of any mistake. Command-line flags override this file.
title: {title}
description: An annotated archive of wire reporting, with people, organisations, places and dates cross-linked.
# heading: …                         # the home page's heading (default: the title)
feed_subtitle: Wire reporting, annotated and cross-linked.
feed_id: {feed_id}      # the authority of the feed's entry ids (tag: URIs); never change it once published
base_url: /                          # the published address, e.g. https://user.github.io/repo/ (the workflow sets it)
language: en
locale: en_GB
# publisher:                         # for JSON-LD and the feed (default: the title as its name)
#   name: …
#   url: https://example.org/        # with a url, articles' JSON-LD names the publisher
source_credit: Annotated from wire copy.
search: true
# Which kinds of entity the navigation, home page, legends and search filters show, and their labels:
kinds:
  person: {{label: Person, plural: People}}
  mechanism: {{label: Mechanism, plural: Cooperation mechanisms, menu: Mechanisms}}
  organisation: {{label: Organisation, plural: Organisations}}
  place: {{label: Place, plural: Places}}
# The navigation, in order (`Label: url`, relative to the site's root, or a full https:// address).
# Leave it out to get Articles, each shown kind, Timeline, Map, Search.
# navigation:
#   - Articles: articles/
#   - People: people/
#   - Timeline: timeline/
# Listings are cut into pages of at most this many items:
page_sizes: {{articles: 250, entities: 250, timeline: 200, mentions: 100}}
# To change the look, copy any template of the default theme into templates/ here (and any static file
# into templates/static/): a file there replaces the theme's file of the same name.
"""

EXAMPLE_SEED = """\
 date 2026-01-12 HÀ NỘI — Deputy Prime Minister Bùi Thanh Sơn received a delegation of the Asian Development Bank in Hà Nội on Monday, ahead of the bank's annual meeting in May.

Sơn said the two sides would review their cooperation in transport and clean energy, and agreed to meet again before the end of the year.

This example shows the raw format: an optional ` date YYYY-MM-DD` header, a dateline, paragraphs separated by blank lines, and a closing credit. Replace it with your own articles. — Example/EX
"""

GITIGNORE = """\
/site/
/.cache/
"""

PAGES_WORKFLOW = """\
# Build the site and publish it on GitHub Pages on every push to main.
# Enable it once in the repository's settings: Pages -> Source: GitHub Actions.
# The base URL is the repository's Pages address (https://<owner>.github.io/<repo>/),
# used only for canonical links, the feed, the sitemap and robots.txt: every page link is relative.
name: Publish the site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # The tool, as pip takes it: a release, or a git URL (vn-cn-archive-builder @ git+https://github.com/OWNER/REPO).
  ARCHIVE_BUILDER: vn-cn-archive-builder

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install
        run: pip install "$ARCHIVE_BUILDER"
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build
        env:
          BASE_URL: ${{ steps.pages.outputs.base_url }}
        run: archive-builder build --base-url "${BASE_URL%/}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


def _title(folder: Path) -> str:
    """The folder's name as words ("lantern-news" → "Lantern news"): what the user called the archive."""
    words = " ".join(re.sub(r"[-_.]+", " ", folder.resolve().name).split())
    return words[:1].upper() + words[1:] if words else "My archive"


def _feed_id(folder: Path, year: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-") or "archive"
    return f"{slug}.invalid,{year}"


def new_archive(folder: Path) -> list[Path]:
    """Write a new archive into `folder` (made if missing); returns the files written."""
    folder = Path(folder)
    if folder.exists():
        if not folder.is_dir():
            raise BuildError(str(folder), "exists and is a file; give the name of a new folder")
        if any(folder.iterdir()):
            raise BuildError(str(folder), "exists and is not empty; `new` writes only into a new or empty folder "
                                          "(give another name, or empty it first)")
    today = datetime.date.today()
    title = _title(folder)
    files = {
        "archive.yml": ARCHIVE_YML.format(title=json.dumps(title, ensure_ascii=False),
                                          feed_id=_feed_id(folder, today.year)),
        "seeds/example.txt": EXAMPLE_SEED,
        ".gitignore": GITIGNORE,
        ".github/workflows/pages.yml": PAGES_WORKFLOW,
        **{f"content/{kind.folder}/.gitkeep": "" for kind in ENTITY_KINDS.values()},
    }
    written = []
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def next_steps(folder: Path) -> str:
    here = Path(folder).resolve() == Path.cwd().resolve()
    go = "" if here else f"cd {shlex.quote(str(folder))} && "
    return (f"new archive in {folder}/: archive.yml, seeds/example.txt, content/ (the registry), .gitignore, "
            f".github/workflows/pages.yml.\nNext: {go}{command('build')}, then open site/index.html "
            f"(or run `{command('serve')}`); put your articles in seeds/ and set the title in archive.yml.")
