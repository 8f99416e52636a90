"""Rendering: one builder per page family; the Danish words are in templates/."""

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"  # here, so the MkDocs plugin need not load Jinja's setup
