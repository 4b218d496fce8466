"""The package's shape: a folder per stage, data flowing forward, no module carrying several jobs."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "builder"
# The stages in the order data flows through them; a module may import its own stage or an earlier one.
ORDER = {"model": 0, "records": 0, "text": 0, "memory": 0, "console": 0, "dates": 1, "ingest": 1, "annotate": 2, "content": 3,
         "site": 4, "config": 4, "search": 4, "engine": 5, "commands": 6, "bench": 6, "cli": 7, "__main__": 8}
LONGEST = 850  # lines; past this a module carries several jobs


def _runtime_imports(tree: ast.Module):
    """The `builder.*` modules a module imports when it runs (not those under `if TYPE_CHECKING:`)."""
    guarded = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
               and getattr(block.test, "id", None) == "TYPE_CHECKING" for node in ast.walk(block)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in guarded and (node.module or "").startswith("builder."):
            yield node.lineno, node.module


def test_every_stage_imports_only_itself_and_the_stages_before_it():
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        stage = path.relative_to(PACKAGE).with_suffix("").parts[0]
        if stage == "__init__":
            continue
        for line, module in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            target = module.split(".")[1]
            if ORDER[target] > ORDER[stage]:
                backwards.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {stage} imports {module}")
    assert backwards == []


def test_every_module_says_what_it_is_for_and_none_is_too_long():
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert ast.get_docstring(ast.parse(source)), f"{path} has no module docstring"
        assert source.count("\n") <= LONGEST, f"{path} has {source.count(chr(10))} lines"


def test_the_url_scheme_is_spelled_in_one_module():
    """Only builder/site/urls.py writes the site's top-level folders; every other module asks it."""
    spelled = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "urls.py":
            continue
        for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if any(f'"{folder}/' in line or f"f\"{folder}/" in line for folder in ("articles", "timeline", "map", "search")):
                spelled.append(f"{path.relative_to(PACKAGE.parent)}:{line_number}: {line.strip()}")
    assert spelled == []
