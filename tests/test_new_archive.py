"""A new user's archive, from the wheel: build it, install it into a fresh virtual environment, and from
an empty folder run `archive-builder new`, add articles, set a title, override a template, build.

Nothing is fetched: the wheel is built without isolation and installed without dependencies into a
venv that sees the machine's packages (`--system-site-packages`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

FIRST = (" date 2026-03-02 HÀ NỘI — Việt Nam and China held talks on railway links in Hà Nội on Monday, "
         "and agreed to speed up the Lào Cai–Hà Nội–Hải Phòng line.\n\n"
         "Deputy Prime Minister Trần Hồng Hà said the study would be finished in June. — VNA/VNS\n")
# Two different articles of one day whose openings are alike: their derived titles (and slugs) meet.
ALIKE_1 = (" date 2026-03-05 HÀ NỘI — Việt Nam and China held talks on border trade and investment cooperation "
           "in Hà Nội on Thursday, as the two sides agreed to open two more border gates this year.\n\nBoth sides praised the result. — VNA/VNS\n")
ALIKE_2 = (" date 2026-03-05 HÀ NỘI — Việt Nam and China held talks on border trade and investment cooperation "
           "in Hà Nội on Thursday, as ministers reviewed farm exports to the Chinese market.\n\nThe talks will go on in May. — VNA/VNS\n")


def _clean_env(venv: Path) -> dict[str, str]:
    """No PYTHONPATH (it would import this checkout, not the installed package); the venv's bin first."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = str(venv / "bin") + os.pathsep + env.get("PATH", "")
    return env


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtual environment with this repository's wheel installed (no network)."""
    try:
        import wheel  # noqa: F401 - setuptools < 70 needs it to make a wheel
    except ImportError:
        pytest.skip("building the wheel needs the `wheel` package (pip install wheel; in the test extras)")
    root = tmp_path_factory.mktemp("install")
    dist = root / "dist"
    made = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(dist), str(REPO)], capture_output=True, text=True, cwd=root)
    assert made.returncode == 0, made.stderr
    (wheel_file,) = dist.glob("*.whl")
    env = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(env)], check=True)
    installed = subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps",
                                str(wheel_file)], capture_output=True, text=True, env=_clean_env(env), cwd=root)
    assert installed.returncode == 0, installed.stderr
    return env


def _run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(venv / "bin" / "archive-builder"), *args], cwd=cwd, capture_output=True,
                          text=True, env=_clean_env(venv), timeout=120)


def test_installed_package_is_the_wheel(venv, tmp_path):
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import builder, builder.site.theme as t; print(builder.__file__); print(t.TEMPLATES)"],
                           cwd=tmp_path, capture_output=True, text=True, env=_clean_env(venv))
    package, templates = where.stdout.split()
    assert package.startswith(str(venv)), package
    assert templates.endswith("theme_files") and (Path(templates) / "base.html").is_file()


def test_new_archive_builds_with_its_title_and_an_override(venv, tmp_path):
    made = _run(venv, tmp_path, "new", "x")
    assert made.returncode == 0, made.stderr
    assert "archive-builder build" in made.stdout  # names the command the user typed
    archive = tmp_path / "x"
    for name in ("archive.yml", "seeds/example.txt", ".gitignore", ".github/workflows/pages.yml",
                 "content/people/.gitkeep", "content/mechanisms/.gitkeep", "content/organisations/.gitkeep",
                 "content/places/.gitkeep"):
        assert (archive / name).is_file(), name

    (archive / "seeds" / "railway.txt").write_text(FIRST, encoding="utf-8")
    config = (archive / "archive.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^title: .*$", "title: Hanoi Wire Watch", config)
    (archive / "archive.yml").write_text(config, encoding="utf-8")
    (archive / "templates" / "static").mkdir(parents=True)
    (archive / "templates" / "home.html").write_text(
        '{% extends "base.html" %}\n{% block title %}Home{% endblock %}\n'
        "{% block content %}<h1 class=\"ours\">Our own home page: {{ config.title }}</h1>{% endblock %}\n",
        encoding="utf-8")
    (archive / "templates" / "static" / "style.css").write_text("body { color: #123; }\n", encoding="utf-8")

    built = _run(venv, archive, "build", "--no-search")
    assert built.returncode == 0, built.stderr
    assert re.search(r"built \d+ pages from 2 articles .*entities waiting for review.*warnings?\.", built.stdout)
    home = (archive / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Home · Hanoi Wire Watch</title>" in home
    assert 'class="ours">Our own home page: Hanoi Wire Watch<' in home  # the archive's template wins
    assert "Việt Nam–China Archive" not in home
    articles = sorted((archive / "site" / "articles").glob("*/index.html"))
    assert len(articles) == 2
    page = articles[0].read_text(encoding="utf-8")
    assert "· Hanoi Wire Watch</title>" in page and 'class="ours"' not in page  # the theme's article.html
    assert (archive / "site" / "static" / "style.css").read_text() == "body { color: #123; }\n"
    assert (archive / "site" / "static" / "site.js").is_file()  # the theme's other static files
    assert "<title>Hanoi Wire Watch</title>" in (archive / "site" / "feed.xml").read_text(encoding="utf-8")

    missing = _run(venv, archive, "build", "--no-search", "--out", "other")
    assert missing.returncode == 0  # (the same archive builds to another folder)
    (archive / "templates" / "home.html").write_text('{% include "nowhere.html" %}\n', encoding="utf-8")
    broken = _run(venv, archive, "build", "--no-search")
    assert broken.returncode == 1
    assert "'nowhere.html' not found" in broken.stderr
    searched = re.search(r"\(searched (.*?)\)", broken.stderr)[1].split(", ")  # every place, in order
    assert searched[0] == "templates" and searched[1].endswith("builder/site/theme_files"), searched
    assert "Traceback" not in broken.stderr


def test_two_articles_opening_alike_on_one_day(venv, tmp_path):
    assert _run(venv, tmp_path, "new", "x").returncode == 0
    archive = tmp_path / "x"
    (archive / "seeds" / "trade-1.txt").write_text(ALIKE_1, encoding="utf-8")
    (archive / "seeds" / "trade-2.txt").write_text(ALIKE_2, encoding="utf-8")
    built = _run(venv, archive, "build", "--no-search")
    assert built.returncode == 0, built.stderr
    assert len(list((archive / "site" / "articles").glob("*/index.html"))) == 3  # the example and both


def test_module_form_works_from_any_folder(venv, tmp_path):
    """`python -m builder` of the installed package, in a folder that is not the repository."""
    made = subprocess.run([str(venv / "bin" / "python"), "-m", "builder", "new", "y"], cwd=tmp_path,
                          capture_output=True, text=True, env=_clean_env(venv))
    assert made.returncode == 0, made.stderr
    assert "python -m builder build" in made.stdout
    again = subprocess.run([str(venv / "bin" / "python"), "-m", "builder", "new", "y"], cwd=tmp_path,
                           capture_output=True, text=True, env=_clean_env(venv))
    assert again.returncode == 1
    assert "y: exists and is not empty" in again.stderr
    shutil.rmtree(tmp_path / "y")


def test_new_names_the_archive_after_its_folder_once_and_says_how_to_go_there(tmp_path, monkeypatch):
    from builder.commands.new import new_archive, next_steps
    from builder.config import load

    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "lantern news"
    new_archive(folder)
    config, warnings = load(folder / "archive.yml")
    assert config.title == "Lantern news" and not warnings
    assert config.publisher_name == config.title  # not written out, so a new title carries to the feed
    assert "cd '" in next_steps(folder) and "lantern news'" in next_steps(folder)
    new_archive(tmp_path / "here")
    monkeypatch.chdir(tmp_path / "here")
    assert "cd " not in next_steps(Path("."))
