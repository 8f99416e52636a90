"""Analysis: everything the site shows that follows from the plan (numbers, steps, status).

``analyse(plan)`` is pure: the same plan gives the same Figures.
"""

from __future__ import annotations

from .figures import Figures, analyse

__all__ = ["Figures", "analyse"]
