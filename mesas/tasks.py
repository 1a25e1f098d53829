"""Thin Celery tasks of mesas: they take ids and call one function."""

from celery import shared_task

from .correo import (
    avisos_enviar,
    avisos_pendientes_enviar,
    invitaciones_enviar,
    invitaciones_pendientes_enviar,
    recordatorios_enviar,
)
from .mensajes import recordatorios_enviar as recordatorios_por_texto


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def enviar_invitaciones(invitacion_ids: list[int]) -> int:
    return invitaciones_enviar(invitacion_ids=invitacion_ids)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def enviar_avisos(aviso_ids: list[int]) -> int:
    """The invitation sent again, an update or a cancellation, to whoever was invited."""
    return avisos_enviar(aviso_ids=aviso_ids)


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def enviar_recordatorios() -> int:
    """Hourly: tomorrow's reminders, and invitations and notices whose e-mail never left."""
    invitaciones_pendientes_enviar()
    avisos_pendientes_enviar()
    recordatorios_por_texto()
    return recordatorios_enviar()
