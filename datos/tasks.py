"""Thin Celery task of the open-data bundle."""

from celery import shared_task

from core.colas import reintentos

from .services import paquete_actualizar


@shared_task(
    **reintentos(reject_on_worker_lost=True, maximo=3, time_limit=240, soft_time_limit=220)
)
def actualizar_paquete_datos() -> int | None:
    """Rebuild the open-data bundle if the public data changed since the last one (beat)."""
    paquete = paquete_actualizar()
    return paquete.pk if paquete else None
