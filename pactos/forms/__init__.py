"""Forms of pactos/, one module per area."""
