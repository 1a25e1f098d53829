"""Admin of pactos/, one module per area."""

from . import hoja_de_ruta, pactos  # noqa: F401
