"""Reads of pactos/, one module per area."""
