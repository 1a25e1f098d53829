"""Permissions of pactos/, one module per area (django-rules autodiscovers this package)."""

from . import hoja_de_ruta, pactos  # noqa: F401
