"""The default theme: the Jinja2 templates and static files the tool ships with.

The repository's top-level `templates/` is the theme. A wheel carries a copy of it as
`builder/site/theme_files/` (made by `setup.py`'s build step, never committed); an installed
package finds that copy, a checkout (editable install, or `python -m builder` from the repository)
finds `templates/` beside the package.
"""

from pathlib import Path

_HERE = Path(__file__).resolve().parent
INSTALLED = _HERE / "theme_files"
CHECKOUT = _HERE.parent.parent / "templates"
TEMPLATES = INSTALLED if INSTALLED.is_dir() else CHECKOUT
