"""Celery tasks of pactos/, one module per area (autodiscovered through this package)."""

from .hoja_de_ruta import enviar_resumen_semanal_hoja_de_ruta, generar_informe_mensual  # noqa: F401
from .pactos import enviar_recordatorios_compromisos  # noqa: F401
