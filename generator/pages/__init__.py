"""Rendering: one builder per page family; the Danish words are in templates/."""

from importlib import resources
from pathlib import Path

# Package data, found through importlib.resources (works from an installed wheel as from the checkout);
# here, so the MkDocs plugin need not load Jinja's setup.
TEMPLATES = Path(str(resources.files(__name__) / "templates"))
