"""Small helpers shared by the test modules."""

from __future__ import annotations

import os
from pathlib import Path


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path, with its bytes: compare two trees exactly."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


REPO = Path(__file__).resolve().parent.parent


def builder_env(**overrides: str) -> dict[str, str]:
    """The environment for `python -m builder` in a subprocess, importing *this* checkout's package.

    Without it a subprocess started outside the repository imports whichever
    checkout `pip install -e` last pointed at (another worktree, or none).
    """
    env = dict(os.environ, **overrides)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env
