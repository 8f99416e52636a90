"""The typed plan model. plan.yaml keys are Danish (aliases); attribute names are English."""

from .plan import GlossaryTerm, Plan

__all__ = ["GlossaryTerm", "Plan"]
