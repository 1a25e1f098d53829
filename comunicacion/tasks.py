"""Thin Celery tasks of Comunicación: they take ids and call one service."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import services


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError, ConnectionError),
    retry_backoff=5,
    max_retries=5,
)
def enviar_respuesta(mensaje_id: int) -> bool:
    return services.respuesta_enviar(mensaje_id=mensaje_id)


# --- Public consultation ---------------------------------------------------------------------


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError, ConnectionError),
    retry_backoff=5,
    max_retries=5,
)
def enviar_confirmacion_comentario(comentario_id: int) -> bool:
    from .services import consulta

    return consulta.confirmacion_enviar(comentario_id=comentario_id)


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError, ConnectionError),
    retry_backoff=5,
    max_retries=5,
)
def enviar_respuesta_comentario(comentario_id: int) -> bool:
    from .services import consulta

    return consulta.respuesta_comentario_enviar(comentario_id=comentario_id)
