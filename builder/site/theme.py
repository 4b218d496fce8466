"""The default theme: the Jinja2 templates and static files the tool ships with."""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
