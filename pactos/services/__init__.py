"""Writes of pactos/, one module per area."""
