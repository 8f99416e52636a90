"""Analysis: everything the site shows that follows from the plan (numbers, steps, status).

``analyse(plan, progress)`` is pure: the same plan (and fremdrift.yaml) gives the same Figures, every
number computed once, progress included.
"""

from __future__ import annotations

from .figures import Figures, analyse

__all__ = ["Figures", "analyse"]
