"""Validation: one module per rule family; ``validate`` runs them all."""
