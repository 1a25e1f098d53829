"""Thin Celery tasks of the document pipeline: they take ids and call one service."""

from celery import shared_task

from .colas import reintentos
from .documentos import LIMITE_GENERACION, documento_generar, documentos_barrer
from .services import resumenes_diarios_enviar


@shared_task(
    **reintentos(
        reject_on_worker_lost=True,
        retry_backoff_max=120,
        retry_jitter=True,
        time_limit=LIMITE_GENERACION,
        soft_time_limit=LIMITE_GENERACION - 15,
    )
)
def generar_documento(documento_id: int) -> str | None:
    documento = documento_generar(documento_id=documento_id)
    return documento.estado if documento else None


@shared_task(acks_late=True, time_limit=60, soft_time_limit=50)
def barrer_documentos_pendientes() -> int:
    return documentos_barrer()


@shared_task(**reintentos(backoff=30, maximo=3, time_limit=10 * 60, soft_time_limit=9 * 60))
def enviar_resumenes_diarios() -> int:
    """The work queue's daily digest (beat, every morning); once a day per person."""
    return resumenes_diarios_enviar()
