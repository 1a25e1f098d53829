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
