"""Thin tasks on the `sms` queue (config/celery.py): take ids, call one service."""

from celery import shared_task

from .pasarelas import PasarelaNoDisponible
from .services import mensaje_despachar, mensajes_pendientes_enviar


@shared_task(
    autoretry_for=(PasarelaNoDisponible,),
    retry_backoff=5,
    retry_backoff_max=300,
    max_retries=8,
    time_limit=60,
    soft_time_limit=45,
    rate_limit="20/s",
)
def despachar_mensaje(mensaje_id: int) -> bool:
    return mensaje_despachar(mensaje_id=mensaje_id)


@shared_task(time_limit=240, soft_time_limit=200)
def enviar_mensajes_pendientes() -> int:
    return mensajes_pendientes_enviar()
