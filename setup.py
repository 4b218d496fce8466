"""The wheel carries the default theme: the repository's top-level `templates/` is copied into the
package as `builder/site/theme_files/` in the build folder only (never into git, never duplicated in
the checkout). `builder/site/theme.py` finds that copy when installed, and `templates/` in a checkout.
Everything else is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

THEME = Path(__file__).resolve().parent / "templates"


class BuildWithTheme(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads templates/ where it is
            return
        target = Path(self.build_lib) / "builder" / "site" / "theme_files"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(THEME, target)

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        target = Path(self.build_lib) / "builder" / "site" / "theme_files"
        return outputs + [str(target / p.relative_to(THEME)) for p in sorted(THEME.rglob("*")) if p.is_file()]


setup(cmdclass={"build_py": BuildWithTheme})
