"""Views of pactos/, one module per area."""
